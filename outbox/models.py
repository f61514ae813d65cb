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
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


class OutgoingEmailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

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
        """Sent or given-up e-mails written before `cutoff`: nothing more will happen to them."""
        return self.filter(created_at__lt=cutoff).filter(
            models.Q(sent_at__isnull=False) | models.Q(attempts__gte=settings.EMAIL_RETRY_MAX_ATTEMPTS)
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
        return EmailMessage(
            subject=self.subject, body=self.body, to=[self.to], headers={"Message-ID": self.message_id}
        )

    def record_sent(self):
        self.sent_at = timezone.now()
        type(self).objects.filter(pk=self.pk, sent_at__isnull=True).update(sent_at=self.sent_at)

    def record_failure(self, error):
        """Note the error and when to try again; returns that time, or None when attempts are used up."""
        now = timezone.now()
        attempts_left = self.attempts < settings.EMAIL_RETRY_MAX_ATTEMPTS
        retry_at = now + retry_delay(self.attempts) if attempts_left else None
        error_text = f"{type(error).__name__}: {error}"
        self.last_error = f"{now:%Y-%m-%d %H:%M:%S} attempt {self.attempts}: {error_text}"[:2000]
        self.available_at = retry_at or now
        type(self).objects.filter(pk=self.pk, sent_at__isnull=True).update(
            last_error=self.last_error, available_at=self.available_at
        )
        return retry_at
