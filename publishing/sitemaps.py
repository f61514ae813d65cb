"""The parts of /sitemap.xml this app brings, and the bases other apps' parts use."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Category, Page, Post, Tag


class SiteSitemap(Sitemap):
    """Addresses under SITE_URL, whatever host or scheme the request came in on
    (behind a reverse proxy the request may say http://127.0.0.1).

    Every page in each language (/, /ru/, /kk/), each entry naming its versions in the others
    and the English one as x-default (hreflang alternates), as every page's <head> does.
    """

    i18n = True
    alternates = True
    x_default = True

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ListPagesSitemap(SiteSitemap):
    """Pages that list things (every post, every prisoner), by URL name."""

    def __init__(self, url_names):
        self.url_names = url_names

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)


class PublishedSitemap(SiteSitemap):
    """Every published item of a publishable model with a page, dated by its last change."""

    model = None
    fields = ["slug", "updated_at"]

    def items(self):
        return self.model.objects.published().only(*self.fields)

    def lastmod(self, item):
        return item.updated_at


class PostSitemap(PublishedSitemap):
    model = Post
    fields = ["kind", "slug", "updated_at"]


class CategorySitemap(SiteSitemap):
    def items(self):
        return Category.objects.all()


class PageSitemap(PublishedSitemap):
    model = Page


class TagSitemap(SiteSitemap):
    def items(self):
        return Tag.objects.filter(posts__isnull=False).distinct()


SITEMAPS = {
    "post-lists": ListPagesSitemap(["publishing:post_list"]),
    "posts": PostSitemap,
    "categories": CategorySitemap,
    "pages": PageSitemap,
    "tags": TagSitemap,
}
