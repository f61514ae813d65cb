from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.static import serve

from . import feeds, legacy, search, views
from .sitemaps import all_sitemaps

# Addresses that are the same in every language: machines read them (health checks, robots,
# the sitemap, which lists every language's pages itself), editors work in the admin, and old
# WordPress links keep the one address they always had.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": all_sitemaps()}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
    path("", include(legacy.urlpatterns)),
    path("admin/", admin.site.urls),
]

# What visitors read, in each language: English at the addresses the site always had,
# Russian under /ru/ and Kazakh under /kk/ (campaign.middleware.LanguageFromAddressMiddleware).
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestPostsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed_atom"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category_feed"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtomFeed(), name="category_feed_atom"),
    path("", include("prisoners.urls")),
    path("", include("appeals.urls")),
    path("", include("media_library.urls")),
    path("", include("petitions.urls")),
    # Last: it ends with static pages at /<slug>/, which would hide any address after it.
    path("", include("publishing.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

# The 500 page, or the 503 page while the database is away (campaign/views.py).
handler500 = "campaign.views.server_error"
