from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    path("appeals/<slug:slug>/", views.AppealDetailView.as_view(), name="appeal_detail"),
    path("appeals/<slug:slug>/sent/", views.letter_sent, name="letter_sent"),
]
