from django.urls import path

from . import views

app_name = "prisoners"

urlpatterns = [
    path("prisoners/", views.PrisonerListView.as_view(), name="prisoner_list"),
    path("prisoners/<slug:slug>/", views.PrisonerDetailView.as_view(), name="prisoner_detail"),
]
