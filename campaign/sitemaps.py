"""The sitemap search engines read at /sitemap.xml: every public page, with the public address."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from appeals.models import Prisoner

from .models import Category, Post


class SiteSitemap(Sitemap):
    """Addresses under SITE_URL, whatever host or scheme the request came in on
    (behind a reverse proxy the request may say http://127.0.0.1)."""

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class StaticPagesSitemap(SiteSitemap):
    def items(self):
        return ["home", "latest_posts", "appeals:prisoner_list"]

    def location(self, url_name):
        return reverse(url_name)


class PostSitemap(SiteSitemap):
    def items(self):
        return Post.objects.published().only("kind", "slug", "updated_at")

    def lastmod(self, post):
        return post.updated_at


class CategorySitemap(SiteSitemap):
    def items(self):
        return Category.objects.all()


class PrisonerSitemap(SiteSitemap):
    def items(self):
        return Prisoner.objects.published().only("slug", "updated_at")

    def lastmod(self, prisoner):
        return prisoner.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "posts": PostSitemap,
    "categories": CategorySitemap,
    "prisoners": PrisonerSitemap,
}
