from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article, Author, Category, Page, Post, Tag

POSTS_PER_PAGE = 10


class PreviewMixin:
    """A page visitors see once its item is published, and editors preview before that.

    The queryset is narrowed with `visible_to(user)` (publishing.models.PublishableQuerySet),
    and the page gets `is_preview` and `previewed`, which show the one preview banner
    (base.html) and keep the page out of search engines.
    """

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_preview=not self.object.is_published, previewed=self.object, **kwargs
        )


class CategoryView(ListView):
    """One category's posts of every kind, newest first."""

    template_name = "publishing/category.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return Post.objects.published().in_category(self.category).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, current_category_slug=self.category.slug, **kwargs
        )


class TagView(ListView):
    """The posts filed under one tag, newest first."""

    template_name = "publishing/tag.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Post.objects.published().tagged(self.tag).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorView(ListView):
    """The posts credited to one author, newest first."""

    template_name = "publishing/author.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return Post.objects.published().by(self.author).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PageView(PreviewMixin, DetailView):
    """A static page (About, Contact, Donate) at /slug/."""

    model = Page
    context_object_name = "page"
    template_name = "publishing/page.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            share_url=self.request.build_absolute_uri(self.object.get_absolute_url()), **kwargs
        )


class PostListView(ListView):
    """Every published post, newest first (the old blog index)."""

    template_name = "publishing/post_list.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        return Post.objects.published().for_listing()


class PostDetailView(PreviewMixin, DetailView):
    """The page of one post. Each kind's app subclasses it with its own model and template."""

    model = Article
    context_object_name = "post"
    template_name = "publishing/post_detail.html"
    related_posts_count = 3

    def get_queryset(self):
        return super().get_queryset().for_page()

    def get_context_data(self, **kwargs):
        post = self.object
        context = super().get_context_data(**kwargs)
        context["related_posts"] = (
            Post.objects.published()
            .filter(categories__in=[category.pk for category in post.categories.all()])
            .exclude(pk=post.pk)
            .distinct()
            .for_listing()[: self.related_posts_count]
        )
        context["share_url"] = self.request.build_absolute_uri(post.get_absolute_url())
        return context
