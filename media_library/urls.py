from django.urls import path

from . import views

app_name = "media_library"

urlpatterns = [
    path("videos/<slug:slug>/", views.VideoDetailView.as_view(), name="video_detail"),
]
