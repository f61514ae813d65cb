from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    path("appeals/<slug:slug>/", views.AppealDetailView.as_view(), name="appeal_detail"),
    path("appeals/<slug:slug>/sent/", views.letter_sent, name="letter_sent"),
    path("prisoners/", views.PrisonerListView.as_view(), name="prisoner_list"),
    path("prisoners/<slug:slug>/", views.PrisonerDetailView.as_view(), name="prisoner_detail"),
]
