from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, MANAGERS, crud


class PetitionsConfig(AppConfig):
    """Petitions, double opt-in signing, exact counts and the export that is handed in.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "petitions"
    verbose_name = _("Petitions")

    public_models = ["Petition", "Delivery", "DeliveryPhoto"]
    demo_content = "petitions.demo.load_content"
    group_permissions = {
        # Petitions and their counts, never their signatures.
        # Updates to signers: they write, preview, test and send them, and see only counts.
        EDITORS: [*crud("petition"), *crud("update"), "send_update"],
        # Confirmed signatures (admin.SignatureAdmin says what of them), the export, letting
        # signatures held for review count, and erasing a signature when its signer asks.
        MANAGERS: [
            "view_petition",
            "view_signature",
            "export_signatures",
            "review_signatures",
            "delete_signature",
            # Recording hand-ins (public on the petition page) and printing the hand-in pack
            # (which needs `export_signatures`, as the CSV does).
            *crud("delivery", "deliveryphoto"),
        ],
    }
    sitemaps = "petitions.sitemaps.SITEMAPS"

    def ready(self):
        from outbox import holds, periodic, writers
        from outbox.signals import email_finished
        from prisoners import outcomes
        from publishing import sections

        from . import services, tasks, updates
        from .models import Petition

        # E-mails to signers are written by the worker, in the signer's language.
        writers.register(services.SIGNER_EMAIL_WRITER, services.write_signer_email)

        periodic.register(tasks.run_maintenance, every=tasks.maintenance_interval)
        periodic.register(updates.advance_sending_updates, every=timedelta(minutes=1))
        # Updates' e-mails: stopped at the last moment when paused or unsubscribed, and their
        # recipients' progress kept as the outbox settles each one.
        holds.register("petitions.updaterecipient", updates.recipient_no_longer_wanted)
        email_finished.connect(updates.record_email_outcome, dispatch_uid="petitions.update_progress")
        # Posts and prisoner profiles show the petitions linked to them, with a sign button.
        sections.register("post_detail", "petitions/includes/post_petitions.html", order=20)
        sections.register("prisoner_detail", "petitions/includes/prisoner_petitions.html", order=10)
        # A prisoner's release offers to close the petitions for them (prisoners/outcomes.py).
        outcomes.register(
            "petitions",
            label=Petition._meta.verbose_name_plural,
            permission="petitions.change_petition",
            open_for=lambda prisoner: Petition.objects.filter(prisoners=prisoner).open().order_by("pk"),
            close=services.close_with_outcome,
        )
        # ...and, when the editor asks, to draft an update to those petitions' signers.
        outcomes.register_update_drafter(updates.draft_after_outcome)
