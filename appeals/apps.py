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
        from publishing import sections

        # A prisoner's profile lists the open appeals for them.
        sections.register("prisoner_detail", "appeals/includes/prisoner_appeals.html", order=20)
