from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("posts/", views.PostListView.as_view(), name="post_list"),
    path("posts/<slug:slug>/", views.PostDetailView.as_view(), name="post_detail"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
]
