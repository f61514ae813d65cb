"""Updates: news an editor e-mails to the signers who asked for it, and who unsubscribed.

Why here, in petitions: the recipients are signatures, and an update about an appeal or a
prisoner reaches the signers of the petitions linked to it (`Petition.posts`,
`Petition.prisoners`), links this app owns. An appeal is a post (publishing.Post, kind
"appeal"), so the update points at the post and petitions never imports appeals.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prisoners.models import Prisoner
from publishing.fields import SanitisedHTMLField
from publishing.models import Post
from publishing.validators import validate_one_line

from .petition import Petition
from .signature import Signature


class Update(models.Model):
    """News about a petition, an appeal or a prisoner, for the signers who opted in to news."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused")
        SENT = "sent", _("Sent")

    petition = models.ForeignKey(
        Petition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("petition"),
    )
    appeal = models.ForeignKey(
        Post,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates",
        limit_choices_to={"kind": "appeal"},
        verbose_name=_("appeal"),
    )
    prisoner = models.ForeignKey(
        Prisoner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("prisoner"),
    )
    subject = models.CharField(_("subject"), max_length=200, validators=[validate_one_line])
    body = SanitisedHTMLField(
        _("body"), help_text=_("Sent as plain text (links as their address) with an HTML version.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, editable=False)
    send_requested_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True, editable=False)
    # The recipients are listed in batches of signatures by id: the last id listed, and when all were.
    listed_up_to = models.PositiveBigIntegerField(default=0, editable=False)
    listed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("update to signers")
        verbose_name_plural = _("updates to signers")
        permissions = [("send_update", _("Can send updates to signers"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(petition__isnull=False, appeal__isnull=True, prisoner__isnull=True)
                | models.Q(petition__isnull=True, appeal__isnull=False, prisoner__isnull=True)
                | models.Q(petition__isnull=True, appeal__isnull=True, prisoner__isnull=False),
                name="update_about_exactly_one_item",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("admin:petitions_update_change", args=[self.pk])

    @property
    def item(self):
        """What the update is about: a petition, an appeal (a post) or a prisoner."""
        return self.petition or self.appeal or self.prisoner

    @property
    def item_key(self):
        """What an unsubscription "from this item" records: "petition:12", "post:4", "prisoner:3"."""
        if self.petition_id:
            return f"petition:{self.petition_id}"
        if self.appeal_id:
            return f"post:{self.appeal_id}"
        return f"prisoner:{self.prisoner_id}"

    def petitions(self):
        """The petitions whose signers hear about this item."""
        if self.petition_id:
            return Petition.objects.filter(pk=self.petition_id)
        return Petition.objects.linked_to(self.item)

    def eligible_signatures(self):
        """Confirmed signatures, not anonymised, of signers who asked for news, on those petitions."""
        return (
            Signature.objects.confirmed()
            .not_anonymised()
            .filter(wants_updates=True, petition__in=self.petitions())
            .order_by("pk")
        )

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class UpdateRecipient(models.Model):
    """One address an update goes to, once: the database refuses a second row for it.

    Its state tells how far its e-mail got, so that a worker killed at any point resumes
    without sending it twice or skipping it. The address itself stays with the signature:
    an erased signature takes its row (and e-mail) with it.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        IN_OUTBOX = "in_outbox", _("in the outbox")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        BOUNCED = "bounced", _("bounced")
        SKIPPED = "skipped", _("skipped (unsubscribed)")

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="recipients")
    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="update_deliveries")
    # A keyed hash of the normalised address (outbox.addresses.address_key): one per mailbox.
    address_key = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    emails = GenericRelation(
        "outbox.OutgoingEmail", content_type_field="about_type", object_id_field="about_id"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["update", "address_key"], name="one_update_email_per_address"),
        ]
        indexes = [
            models.Index(fields=["update", "state"], name="update_recipient_state_idx"),
            models.Index(fields=["address_key"], name="update_recipient_address_idx"),
        ]

    def __str__(self):
        return f"Recipient #{self.pk} of update #{self.update_id}"


class Unsubscription(models.Model):
    """An address that wants no more updates: about one item ("petition:12"), or none at all ("").

    Only a keyed hash of the normalised address is kept: it must last (every later update
    checks it), longer than the signatures it came from, without being a list of addresses.
    """

    EVERYTHING = ""

    address_key = models.CharField(max_length=64)
    item_key = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")
        constraints = [
            models.UniqueConstraint(fields=["address_key", "item_key"], name="one_unsubscription_per_item"),
        ]

    def __str__(self):
        return f"Unsubscription #{self.pk} ({self.item_key or 'everything'})"
