from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, crud


class PrisonersConfig(AppConfig):
    """Profiles of the people the campaign defends, their timelines, pages and tiles.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "prisoners"
    verbose_name = _("Prisoners")

    public_models = ["Prisoner", "PrisonerEvent"]
    demo_content = "prisoners.demo.load_content"
    group_permissions = {EDITORS: crud("prisoner", "prisonerevent")}
    sitemaps = "prisoners.sitemaps.SITEMAPS"

    def ready(self):
        from publishing import fulltext, sections

        from .models import PRISONER_SEARCH_INDEXES

        # On SQLite, profiles are searched through an FTS5 table per language kept in step with them.
        for index in PRISONER_SEARCH_INDEXES.values():
            fulltext.register(index)

        # A post's page names the people it is about.
        sections.register("post_detail", "prisoners/includes/post_prisoners.html", order=30)
