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
    public_models = ["Category", "Post", "Article", "SiteSettings"]
    # Loads this app's share of the demo content (`manage.py load_demo_content`), safe to repeat.
    demo_content = "publishing.demo.load_content"
    # Which of this app's permissions each group gets (`manage.py setup_groups`).
    group_permissions = {
        EDITORS: [*crud("category", "post", "article"), "view_sitesettings", "change_sitesettings"],
    }
    # Sections of /sitemap.xml, by name.
    sitemaps = "publishing.sitemaps.SITEMAPS"

    def ready(self):
        from . import fulltext
        from .models import POST_SEARCH_INDEX

        # On SQLite, posts are searched through an FTS5 table kept in step with them.
        fulltext.register(POST_SEARCH_INDEX)
