from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("posts/", views.PostListView.as_view(), name="post_list"),
    path("posts/<slug:slug>/", views.PostDetailView.as_view(), name="post_detail"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    # Last, and included last by the site's URLs: any other address of one word is a page.
    path("<slug:slug>/", views.PageView.as_view(), name="page"),
]
