from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    """The project package and the site's assembly: settings, root URLs, home page, search,
    feeds, sitemaps, old addresses, the page cache and the admin groups (campaign/site.py)."""

    name = "campaign"
    verbose_name = _("Campaign site")

    def ready(self):
        from outbox import periodic

        from . import tasks
        from .page_cache import connect_signals

        connect_signals()
        periodic.register(tasks.purge_admin_login_records, every=tasks.DAILY)
        periodic.register(tasks.clear_expired_sessions, every=tasks.DAILY)


class CampaignAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the site's own AdminSite (campaign/admin_site.py) as the default site."""

    default = False  # `campaign` itself is CampaignConfig
    default_site = "campaign.admin_site.CampaignAdminSite"
