from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, crud


class AppealsConfig(AppConfig):
    """Appeals with a model letter, and the embassies and addressees it goes to.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "appeals"
    verbose_name = _("Appeals")

    public_models = ["Appeal", "Recipient"]
    demo_content = "appeals.demo.load_content"
    group_permissions = {EDITORS: crud("appeal", "recipient")}

    def ready(self):
        from publishing import sections

        # A prisoner's profile lists the open appeals for them.
        sections.register("prisoner_detail", "appeals/includes/prisoner_appeals.html", order=20)
