"""The outbox: every e-mail we owe someone, written in the same transaction as the change it reports.

A row is rendered and saved with what it is about (a signature, say: `services.send_later`),
so once that change has committed the e-mail cannot be lost. The task worker delivers it
(`tasks.deliver_email`): it takes a lease on the row, sends outside any transaction, then
records the outcome. A failure is retried later with a growing wait; a worker that dies
mid-send leaves the lease to expire, and the periodic sweep (`tasks.deliver_due_emails`)
hands the row to a new task.
"""

import uuid
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .addresses import address_key
from .signals import email_finished

# The wait before the first retry; each later wait is four times longer, up to this cap.
MAX_RETRY_DELAY = timedelta(hours=6)


def new_message_id():
    """A Message-ID fixed when the e-mail is written: a rare second delivery (after a worker
    died between sending and recording it) is then the same message to mail clients."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<outbox.{uuid.uuid4().hex}@{domain}>"


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed attempt."""
    first = timedelta(seconds=settings.EMAIL_RETRY_BACKOFF_SECONDS)
    return min(first * 4 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


class Priority(models.IntegerChoices):
    """Which e-mails go first when the provider's caps are reached (outbox/pacing.py)."""

    # Someone is waiting for it now: a confirmation link, a test an editor sends themself.
    TRANSACTIONAL = 0, _("transactional")
    # News to many people (an update): sent at the configured rate, after transactional mail.
    BULK = 10, _("bulk")


class OutgoingEmailQuerySet(models.QuerySet):
    def unsent(self):
        """Not sent and not stopped by the suppression list: what may still go out."""
        return self.filter(sent_at__isnull=True, suppressed_at__isnull=True)

    def transactional(self):
        return self.filter(priority=Priority.TRANSACTIONAL)

    def bulk(self):
        return self.filter(priority=Priority.BULK)

    def sent(self):
        return self.filter(sent_at__isnull=False)

    def given_up(self):
        """Unsent e-mails that have had all their attempts."""
        return self.unsent().filter(attempts__gte=settings.EMAIL_RETRY_MAX_ATTEMPTS)

    def due(self, now=None):
        """Unsent e-mails with attempts left whose next try (or expired lease) has come."""
        return self.unsent().filter(
            attempts__lt=settings.EMAIL_RETRY_MAX_ATTEMPTS, available_at__lte=now or timezone.now()
        )

    def finished_before(self, cutoff):
        """Sent, suppressed or given-up e-mails written before `cutoff`: nothing more will happen to them."""
        return self.filter(created_at__lt=cutoff).filter(
            models.Q(sent_at__isnull=False)
            | models.Q(suppressed_at__isnull=False)
            | models.Q(attempts__gte=settings.EMAIL_RETRY_MAX_ATTEMPTS)
        )

    def claim(self, pk):
        """Take a lease on the e-mail `pk` for one delivery attempt, or return None.

        None when it is sent, gone, given up, not due yet, or leased by another worker: of
        two workers trying at once, exactly one gets it. The lease (EMAIL_LEASE_SECONDS)
        counts as the attempt; if the worker dies, the e-mail is due again when it expires.
        """
        with transaction.atomic():
            email = self.due().select_for_update(skip_locked=True).filter(pk=pk).first()
            if email is None:
                return None
            email.attempts += 1
            email.available_at = timezone.now() + timedelta(seconds=settings.EMAIL_LEASE_SECONDS)
            email.save(update_fields=["attempts", "available_at"])
        return email

    def claim_next_bulk(self):
        """Take a lease on the bulk e-mail that has waited longest and is due, or return None.

        Like `claim`, but for the drain (tasks.deliver_bulk_emails), which has no task per
        e-mail: of several drains at once, each gets a different e-mail (SKIP LOCKED).
        """
        with transaction.atomic():
            email = (
                self.due().bulk().order_by("available_at", "pk").select_for_update(skip_locked=True).first()
            )
            if email is None:
                return None
            email.attempts += 1
            email.available_at = timezone.now() + timedelta(seconds=settings.EMAIL_LEASE_SECONDS)
            email.save(update_fields=["attempts", "available_at"])
        return email

    def withdraw_untried(self):
        """Delete the e-mails here that no worker has tried yet (so none holds a lease on them).

        For pausing or unsubscribing: they will then never go. Those already tried (being sent,
        or waiting for a retry) stay: the check registered with `holds.register` stops them
        just before their next attempt. Returns the (about_type, about_id) of each one deleted.
        """
        with transaction.atomic():
            rows = list(
                self.unsent()
                .filter(attempts=0)
                .select_for_update(skip_locked=True)
                .values_list("pk", "about_type", "about_id")
            )
            self.model.objects.filter(pk__in=[row[0] for row in rows]).delete()
        return [(about_type, about_id) for _pk, about_type, about_id in rows]


class OutgoingEmail(models.Model):
    """One plain-text e-mail to one recipient, kept until it is delivered (and a while after).

    `about` is what the e-mail concerns (a signature, ...). Its model declares a
    GenericRelation to this one, so deleting it (a withdrawn or erased signature) deletes
    its e-mails too: they hold the person's address and live links.
    """

    about_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("about (kind)")
    )
    about_id = models.PositiveBigIntegerField(_("about (id)"), null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True)
    # Written by the worker just before its first delivery (outbox/writers.py): until then the
    # subject and body are empty and these say how to write them. Database defaults: rows
    # copied in by raw SQL (petitions' migration 0004) name no writer.
    writer = models.CharField(_("written by"), max_length=100, blank=True, default="", db_default="")
    writer_context = models.JSONField(_("what it is written from"), default=dict, db_default={}, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True, default=new_message_id)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    # When the next attempt may start: the retry time after a failure, the lease expiry during one.
    available_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    # Defaults in the database too, so that rows copied in by older migrations (petitions 0004)
    # get them: those migrations name only the columns they knew.
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        choices=Priority.choices,
        default=Priority.TRANSACTIONAL,
        db_default=Priority.TRANSACTIONAL,
    )
    # An HTML version shown by mail clients that prefer it; the plain text is always there.
    html_body = models.TextField(_("HTML body"), blank=True, default="", db_default="")
    # Extra headers, such as List-Unsubscribe on an update.
    headers = models.JSONField(
        _("extra headers"),
        default=dict,
        blank=True,
        db_default=models.Value({}, output_field=models.JSONField()),
    )
    # Set instead of sending when the address is on the suppression list (bounced, complained).
    suppressed_at = models.DateTimeField(_("not sent: address suppressed"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True) | models.Q(attempts__gte=1),
                name="outbox_email_sent_after_an_attempt",
            ),
        ]
        indexes = [
            # The sweep: unsent e-mails by next attempt.
            models.Index(
                fields=["available_at"],
                condition=models.Q(sent_at__isnull=True),
                name="outbox_email_due_idx",
            ),
            # The drain: unsent bulk e-mails, oldest first.
            models.Index(
                fields=["priority", "available_at", "id"],
                condition=models.Q(sent_at__isnull=True, suppressed_at__isnull=True),
                name="outbox_email_due_priority_idx",
            ),
            # Purging old e-mails.
            models.Index(fields=["created_at"], name="outbox_email_created_idx"),
            # Deleting the e-mails about something that is deleted.
            models.Index(fields=["about_type", "about_id"], name="outbox_email_about_idx"),
        ]

    def __str__(self):
        # Never the address: the admin writes this into its log, which outlives the e-mail.
        return f"{self.subject} (#{self.pk})"

    @property
    def is_sent(self):
        return self.sent_at is not None

    def write(self):
        """Write the subject and body of an e-mail queued with a writer, once, and store them.
        Returns False when there is nothing to send any more (its writer found nothing)."""
        if not self.writer or self.body:
            return True
        from . import writers

        written = writers.write(self.writer, self.writer_context)
        if written is None:
            return False
        self.subject, self.body = written["subject"][:500], written["body"]
        type(self).objects.filter(pk=self.pk).update(subject=self.subject, body=self.body)
        return True

    def message(self):
        headers = {**self.headers, "Message-ID": self.message_id}
        if not self.html_body:
            return EmailMessage(subject=self.subject, body=self.body, to=[self.to], headers=headers)
        message = EmailMultiAlternatives(subject=self.subject, body=self.body, to=[self.to], headers=headers)
        message.attach_alternative(self.html_body, "text/html")
        return message

    def record_sent(self):
        self.sent_at = timezone.now()
        with transaction.atomic():
            if type(self).objects.filter(pk=self.pk, sent_at__isnull=True).update(sent_at=self.sent_at):
                email_finished.send(type(self), email=self, outcome="sent")

    def record_suppressed(self):
        """Never send it: its address is on the suppression list. Final, like being sent."""
        self.suppressed_at = timezone.now()
        with transaction.atomic():
            if (
                type(self)
                .objects.filter(pk=self.pk, sent_at__isnull=True)
                .update(suppressed_at=self.suppressed_at)
            ):
                email_finished.send(type(self), email=self, outcome="suppressed")

    def postpone(self, until):
        """Give the lease back without counting an attempt: the provider's cap was reached."""
        self.attempts = max(self.attempts - 1, 0)
        self.available_at = until
        type(self).objects.filter(pk=self.pk, sent_at__isnull=True).update(
            attempts=self.attempts, available_at=until
        )

    def record_failure(self, error):
        """Note the error and when to try again; returns that time, or None when attempts are used up."""
        now = timezone.now()
        attempts_left = self.attempts < settings.EMAIL_RETRY_MAX_ATTEMPTS
        retry_at = now + retry_delay(self.attempts) if attempts_left else None
        error_text = f"{type(error).__name__}: {error}"
        self.last_error = f"{now:%Y-%m-%d %H:%M:%S} attempt {self.attempts}: {error_text}"[:2000]
        self.available_at = retry_at or now
        with transaction.atomic():
            type(self).objects.filter(pk=self.pk, sent_at__isnull=True).update(
                last_error=self.last_error, available_at=self.available_at
            )
            if retry_at is None:
                email_finished.send(type(self), email=self, outcome="failed")
        return retry_at


class SuppressedAddressQuerySet(models.QuerySet):
    def of(self, address):
        return self.filter(address_key=address_key(address))

    def is_suppressed(self, address):
        return self.of(address).exists()


class SuppressedAddress(models.Model):
    """An address the outbox never mails again: it bounced for good, or its owner marked our mail
    as spam. Checked before every send, confirmations included (tasks.py says why).

    Only a keyed hash of the normalised address is kept (outbox/addresses.py): the list is
    kept for good, longer than any signature, and must not be a list of people's addresses.
    """

    class Reason(models.TextChoices):
        BOUNCE = "bounce", _("bounced (the mailbox does not exist or refuses our mail)")
        COMPLAINT = "complaint", _("complaint (marked as spam)")
        MANUAL = "manual", _("marked by hand")

    address_key = models.CharField(_("address (keyed hash)"), max_length=64, unique=True, editable=False)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    source = models.CharField(_("reported by"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("suppressed at"), default=timezone.now)

    objects = SuppressedAddressQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.get_reason_display()} (#{self.pk})"

    @classmethod
    def suppress(cls, address, *, reason, source=""):
        """Put `address` on the list (idempotent: the first reason stays). Returns True when it is new.

        Its e-mails waiting in the outbox are stopped when the worker reaches them.
        """
        _, created = cls.objects.get_or_create(
            address_key=address_key(address), defaults={"reason": reason, "source": source[:40]}
        )
        return created


class SendingWindow(models.Model):
    """How many e-mails went out in one minute or one day: the provider's caps (outbox/pacing.py)."""

    class Kind(models.TextChoices):
        MINUTE = "minute", _("minute")
        DAY = "day", _("day")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    starts_at = models.DateTimeField()
    sent = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "starts_at"], name="outbox_one_window_per_start")
        ]

    def __str__(self):
        return f"{self.kind} from {self.starts_at:%Y-%m-%d %H:%M}: {self.sent}"
