import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..addresses import normalise_email


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Signature.Status.CONFIRMED)

    def pending(self):
        return self.filter(status=Signature.Status.PENDING)

    def flagged(self):
        return self.exclude(flag_reason="")

    def held_for_review(self):
        """Flagged and not confirmed: they count only once their signer confirms them from our
        e-mail or a campaign manager lets them through (services.accept_flagged)."""
        return self.pending().flagged()

    def seen_by_managers(self):
        """What campaign managers may see in the admin: confirmed signatures, and those held for
        review (shown without the signer's personal data). Never a plain unconfirmed one."""
        return self.filter(
            models.Q(status=Signature.Status.CONFIRMED)
            | models.Q(status=Signature.Status.PENDING) & ~models.Q(flag_reason="")
        )

    def counted(self):
        """The signatures a petition's count is made of: confirmed and not flagged as abuse."""
        return self.confirmed().filter(flag_reason="")

    def shown_publicly(self):
        """Counted signatures whose signers asked to be named on the petition page, newest first."""
        return self.counted().filter(show_name_publicly=True).order_by("-confirmed_at", "-id")

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)

    def for_email(self, address):
        return self.not_anonymised().filter(email_normalised=normalise_email(address))


class Signature(models.Model):
    """One person's signature on one petition.

    It counts only once its signer has confirmed it from the e-mail we send, and only
    if it is not flagged. Holds only what the signer gave us: no IP address is ever stored.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    class FlagReason(models.TextChoices):
        NONE = "", _("Not flagged")
        TOO_MANY_FROM_ONE_ADDRESS = "ip_limit", _("Too many signings from one network address")

    petition = models.ForeignKey(
        "petitions.Petition", on_delete=models.CASCADE, related_name="signatures", verbose_name=_("petition")
    )
    # What links in e-mails carry: random, so that it reveals nothing and cannot be guessed.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("surname"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), max_length=254, blank=True)
    email_normalised = models.CharField(_("e-mail address (normalised)"), max_length=254, editable=False)
    country = CountryField(_("country"))
    city_or_postcode = models.CharField(_("city or postcode"), max_length=100, blank=True)
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    show_name_publicly = models.BooleanField(_("name shown publicly"), default=False)
    wants_updates = models.BooleanField(_("keep informed about the campaign"), default=False)
    # Every later e-mail to this signer (confirmation, withdrawal, updates) is in this language.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    flag_reason = models.CharField(
        _("flagged"), max_length=20, choices=FlagReason.choices, default=FlagReason.NONE, blank=True
    )
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # The e-mails to the signer (confirmation link, ...): deleted with the signature.
    emails = GenericRelation(
        "outbox.OutgoingEmail", content_type_field="about_type", object_id_field="about_id"
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [
            ("export_signatures", _("Can export confirmed signatures")),
            ("review_signatures", _("Can count flagged signatures judged genuine")),
        ]
        constraints = [
            # One signature per mailbox per petition. Anonymised rows have no address left.
            models.UniqueConstraint(
                fields=["petition", "email_normalised"],
                condition=models.Q(anonymised_at__isnull=True),
                name="one_signature_per_email_per_petition",
            ),
            models.CheckConstraint(
                condition=models.Q(anonymised_at__isnull=False) | ~models.Q(email_normalised=""),
                name="signature_has_email_until_anonymised",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", confirmed_at__isnull=True)
                | models.Q(status="confirmed", confirmed_at__isnull=False),
                name="signature_confirmed_has_date",
            ),
        ]
        indexes = [
            # Recent public signers on the petition page, however many signatures there are.
            models.Index(
                fields=["petition", "-confirmed_at"],
                condition=models.Q(status="confirmed", flag_reason="", show_name_publicly=True),
                name="signature_public_recent_idx",
            ),
            # Export and recounts: a petition's confirmed signatures in order.
            models.Index(fields=["petition", "status", "confirmed_at"], name="signature_petition_status_idx"),
            # Retention: unconfirmed signatures by age.
            models.Index(fields=["status", "created_at"], name="signature_status_created_idx"),
        ]

    def __str__(self):
        # Never the signer's name: the admin writes this into its log (kept for years, and past
        # any erasure), into the delete confirmation and into pages whoever may open them.
        if self.anonymised_at:
            return str(_("Anonymised signature"))
        return str(_("Signature #%(number)s") % {"number": self.pk})

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def save(self, *args, **kwargs):
        if self.anonymised_at is None:
            self.email_normalised = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def public_name(self):
        """What the petition page shows of a signer who agreed: first name and the initial of the surname."""
        initial = f" {self.last_name[:1].upper()}." if self.last_name else ""
        return f"{self.first_name}{initial}"

    @property
    def is_flagged(self):
        return self.flag_reason != self.FlagReason.NONE

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_counted(self):
        return self.is_confirmed and not self.is_flagged
