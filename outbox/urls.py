from django.urls import path

from . import views

app_name = "outbox"

urlpatterns = [
    path("outbox/bounces/<str:provider>/<str:secret>/", views.bounce_webhook, name="bounce_webhook"),
]
