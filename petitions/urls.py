from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("petitions/", views.PetitionListView.as_view(), name="petition_list"),
    path("signatures/confirm/<str:token>/", views.confirm, name="confirm"),
    path("signatures/confirm/<str:token>/new-link/", views.new_link, name="new_link"),
    path("signatures/withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("petitions/<slug:slug>.json", views.petition_json, name="petition_json"),
    path("petitions/<slug:slug>/", views.petition_detail, name="petition_detail"),
    path("petitions/<slug:slug>/sign/", views.sign, name="sign"),
    path("petitions/<slug:slug>/check-your-email/", views.check_email, name="check_email"),
    # The widget for partner sites: the only pages other sites may frame.
    path("petitions/<slug:slug>/embed/", views.embed, name="embed"),
    path("petitions/<slug:slug>/embed/thanks/", views.embed_thanks, name="embed_thanks"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
]
