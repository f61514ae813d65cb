from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from .models import Article, Category, Post

POSTS_PER_PAGE = 10


class HomeView(TemplateView):
    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        # The home page assembles the feature apps: this is one of the few places
        # where the site core reaches into them.
        from appeals.models import Appeal, Prisoner

        context = super().get_context_data(**kwargs)
        context["featured_appeal"] = Appeal.objects.published().open().for_listing().first()
        context["latest_posts"] = Post.objects.published().for_listing()[:6]
        context["prisoners"] = Prisoner.objects.published().order_by("status", "name")[:6]
        return context


class CategoryView(ListView):
    """One category's posts of every kind, newest first."""

    template_name = "campaign/category.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return Post.objects.published().in_category(self.category).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, current_category_slug=self.category.slug, **kwargs
        )


class LatestPostsView(ListView):
    """Every published post, newest first (the old blog index)."""

    template_name = "campaign/latest.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        return Post.objects.published().for_listing()


class PublishedPostDetailView(DetailView):
    """The page of one post. Visitors see published posts; editors also preview drafts
    and scheduled posts on this same template.

    Each kind's app subclasses this with its own model and template.
    """

    model = Article
    context_object_name = "post"
    template_name = "campaign/post_detail.html"
    related_posts_count = 3

    def can_preview(self):
        user = self.request.user
        return (user.is_staff and user.has_perm(f"{Post._meta.app_label}.view_post")) or user.is_superuser

    def get_queryset(self):
        posts = self.model.objects.select_related("author", "featured_video").prefetch_related(
            "categories", "prisoners"
        )
        return posts if self.can_preview() else posts.published()

    def get_context_data(self, **kwargs):
        post = self.object
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not post.is_published
        context["related_posts"] = (
            Post.objects.published()
            .filter(categories__in=[category.pk for category in post.categories.all()])
            .exclude(pk=post.pk)
            .distinct()
            .for_listing()[: self.related_posts_count]
        )
        context["share_url"] = self.request.build_absolute_uri(post.get_absolute_url())
        return context


class PostDetailView(PublishedPostDetailView):
    pass


@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})
