from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from publishing.models import Category, Post, SiteSettings

FEED_SIZE = 20


class LatestPostsFeed(Feed):
    """Every published post, newest first, as RSS: one feed per language (/feed/, /ru/feed/,
    /kk/feed/), each with its posts' titles and links in that language (or the original)."""

    description = _("Appeals, news and videos from the campaign.")

    def title(self):
        return SiteSettings.current().name

    def link(self):
        return reverse("home")

    def items(self):
        return Post.objects.published().select_related("author")[:FEED_SIZE]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        # An item's description is HTML to feed readers (RSS <description>, Atom
        # <summary type="html">) while the excerpt is plain text: escaped, it reads as on
        # the page, and markup typed into a standfirst is shown as typed, never run.
        return escape(post.excerpt)

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_author_name(self, post):
        return post.byline or None


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description


class CategoryFeed(LatestPostsFeed):
    """One category's posts, as RSS."""

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"{category.name} · {SiteSettings.current().name}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or category.name

    def items(self, category):
        return Post.objects.published().in_category(category).select_related("author")[:FEED_SIZE]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
