"""Addresses of the old WordPress site, answered with permanent redirects to their pages here.

Links to the old site live on in other sites, e-mails and feed readers; a 301 keeps them
working and tells search engines where each page went. Dates in old post addresses are
ignored: the slug alone names the post.
"""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import re_path, reverse

from publishing.models import Category, Post


def home(request):
    return HttpResponsePermanentRedirect(reverse("home"))


def post(request, slug, **date):
    found = get_object_or_404(Post.objects.published(), slug=slug)
    return HttpResponsePermanentRedirect(found.get_absolute_url())


def posts_page(request, page):
    return HttpResponsePermanentRedirect(f"{reverse('publishing:post_list')}?page={page}")


def category(request, slug, page=None):
    url = get_object_or_404(Category, slug=slug).get_absolute_url()
    return HttpResponsePermanentRedirect(f"{url}?page={page}" if page else url)


def feed(request):
    return HttpResponsePermanentRedirect(reverse("feed"))


def category_feed(request, slug):
    found = get_object_or_404(Category, slug=slug)
    return HttpResponsePermanentRedirect(reverse("category_feed", kwargs={"slug": found.slug}))


# Each with or without the trailing slash, so that old links need one hop, not two.
urlpatterns = [
    re_path(r"^index\.php/?$", home, name="legacy_home"),
    re_path(
        r"^index\.php/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<slug>[^/]+)/?$",
        post,
        name="legacy_post",
    ),
    re_path(r"^index\.php/page/(?P<page>[0-9]+)/?$", posts_page, name="legacy_posts_page"),
    re_path(r"^index\.php/category/(?P<slug>[^/]+)/?$", category, name="legacy_category"),
    re_path(
        r"^index\.php/category/(?P<slug>[^/]+)/page/(?P<page>[0-9]+)/?$",
        category,
        name="legacy_category_page",
    ),
    re_path(r"^index\.php/feed/?$", feed, name="legacy_feed"),
    re_path(r"^index\.php/category/(?P<slug>[^/]+)/feed/?$", category_feed, name="legacy_category_feed"),
]
