"""The sitemap search engines read at /sitemap.xml: the home page and every app's sections."""

from django.urls import reverse

from publishing.sitemaps import SiteSitemap

from . import site


class HomeSitemap(SiteSitemap):
    def items(self):
        return ["home"]

    def location(self, url_name):
        return reverse(url_name)


def all_sitemaps():
    return {"home": HomeSitemap, **site.sitemaps()}
