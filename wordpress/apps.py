from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    """Moving a WordPress site over: `manage.py import_wordpress EXPORT.xml --uploads DIR`.

    A feature-level app: it builds what the apps below it define (posts, pages, video posts,
    images, redirects) and nothing below it knows it exists. What it imported is recorded by
    WordPress ID (ImportedItem), so a second import of the same or a newer export updates
    instead of duplicating.
    """

    name = "wordpress"
    verbose_name = _("WordPress import")
