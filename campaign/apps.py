from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    """The project package and the site's assembly: settings, root URLs, home page, search,
    feeds, sitemaps, old addresses, the page cache and the admin groups (campaign/site.py)."""

    name = "campaign"
    verbose_name = _("Campaign site")

    def ready(self):
        from .page_cache import connect_signals

        connect_signals()
