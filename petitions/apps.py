from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, MANAGERS, crud


class PetitionsConfig(AppConfig):
    """Petitions, double opt-in signing, exact counts and the export that is handed in.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "petitions"
    verbose_name = _("Petitions")

    public_models = ["Petition"]
    demo_content = "petitions.demo.load_content"
    group_permissions = {
        # Petitions and their counts, never their signatures.
        EDITORS: crud("petition"),
        # Confirmed signatures (admin.SignatureAdmin says what of them), the export, letting
        # signatures held for review count, and erasing a signature when its signer asks.
        MANAGERS: [
            "view_petition",
            "view_signature",
            "export_signatures",
            "review_signatures",
            "delete_signature",
        ],
    }
    sitemaps = "petitions.sitemaps.SITEMAPS"

    def ready(self):
        from outbox import periodic, writers
        from publishing import sections

        from . import services, tasks

        # E-mails to signers are written by the worker, in the signer's language.
        writers.register(services.SIGNER_EMAIL_WRITER, services.write_signer_email)

        periodic.register(tasks.run_maintenance, every=tasks.maintenance_interval)
        # Posts and prisoner profiles show the petitions linked to them, with a sign button.
        sections.register("post_detail", "petitions/includes/post_petitions.html", order=20)
        sections.register("prisoner_detail", "petitions/includes/prisoner_petitions.html", order=10)
