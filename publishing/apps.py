from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .roles import EDITORS, crud


class PublishingConfig(AppConfig):
    """Categories, posts and articles, and what every kind of public content is built from.

    Like every app of the site, it tells the site's assembly (campaign/site.py) what it brings:
    """

    name = "publishing"
    verbose_name = _("Publishing")

    # Models whose changes show on public pages: saving one refreshes every cached page.
    public_models = ["Category", "Tag", "Author", "Post", "Article", "Page", "SiteSettings"]
    # Loads this app's share of the demo content (`manage.py load_demo_content`), safe to repeat.
    demo_content = "publishing.demo.load_content"
    # Which of this app's permissions each group gets (`manage.py setup_groups`).
    group_permissions = {
        EDITORS: [
            *crud("category", "tag", "author", "post", "article", "page", "redirect"),
            "view_sitesettings",
            "change_sitesettings",
        ],
    }
    # Sections of /sitemap.xml, by name.
    sitemaps = "publishing.sitemaps.SITEMAPS"

    def ready(self):
        from outbox import periodic

        from . import fulltext, tasks
        from .models import POST_SEARCH_INDEXES

        # The counters of the limits against floods (publishing/limits.py) of hours that are over.
        periodic.register(tasks.purge_expired_counters, every=timedelta(hours=1))

        # On SQLite, posts are searched through an FTS5 table per language kept in step with them.
        for index in POST_SEARCH_INDEXES.values():
            fulltext.register(index)
