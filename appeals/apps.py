from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, crud

from .cookies import LETTERS_SENT_COOKIE


class AppealsConfig(AppConfig):
    """Appeals with a model letter, and the embassies and addressees it goes to.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "appeals"
    verbose_name = _("Appeals")

    public_models = ["Appeal", "Recipient"]
    demo_content = "appeals.demo.load_content"
    group_permissions = {EDITORS: crud("appeal", "recipient")}
    # Cookies that make a page this browser's own: the page cache never serves or keeps it.
    visitor_cookies = [LETTERS_SENT_COOKIE]

    def ready(self):
        from prisoners import outcomes
        from publishing import sections

        from . import services
        from .models import Appeal

        # A prisoner's profile lists the open appeals for them.
        sections.register("prisoner_detail", "appeals/includes/prisoner_appeals.html", order=20)
        # A prisoner's release offers to close the appeals for them (prisoners/outcomes.py).
        outcomes.register(
            "appeals",
            label=Appeal._meta.verbose_name_plural,
            permission="appeals.change_appeal",
            open_for=lambda prisoner: Appeal.objects.filter(prisoners=prisoner).open().order_by("pk"),
            close=services.close_with_outcome,
        )
