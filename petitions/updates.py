"""Updates to signers: writing, test-sending, sending at scale, pausing, unsubscribing.

How an update to 100,000 people goes out, and why nobody gets it twice or not at all:

1. `request_send` (the editor's "Send") only marks the update as sending and queues the task
   `tasks.send_update`: the request does no work that grows with the recipients.
2. `list_recipients` (in the worker) writes one UpdateRecipient row per address, in batches
   of LIST_BATCH signatures by id, each batch and the cursor that records it in one
   transaction. The database's unique constraint (update, address) keeps one row per mailbox
   even if two workers list at once or a killed one lists a batch again.
3. `hand_over` moves a batch of queued rows into the outbox (outbox.services.send_bulk_later)
   and marks them "in the outbox" in the same transaction: a row is handed over exactly once.
   Only OUTBOX_AHEAD e-mails wait in the outbox at a time, so pausing stops quickly.
4. The outbox's drain sends them at the configured rate, each under a lease; its
   `email_finished` signal sets each row's final state (sent, failed, bounced). Just before
   each send the outbox asks `recipient_no_longer_wanted`: a paused update or an
   unsubscribed address is not sent.
"""

import enum
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from outbox import periodic
from outbox.addresses import address_key
from outbox.models import OutgoingEmail, SuppressedAddress
from outbox.services import render_plain_text, send_bulk_later, send_later
from prisoners.models import OUTCOME_HEADLINES
from publishing.html import clean_html, readable_text
from publishing.models import SiteSettings

from . import tokens
from .models import Signature, Unsubscription, Update, UpdateRecipient

LIST_BATCH = 1000
HANDOVER_BATCH = 1000
# Bulk e-mails that may wait in the outbox before more are handed over.
OUTBOX_AHEAD = 1000
# Stands for each recipient's own unsubscribe link while an e-mail is rendered once per language.
_LINK_PLACEHOLDER = "UNSUBSCRIBELINKPLACEHOLDER"
State = UpdateRecipient.State


class UnsubscribeOutcome(enum.Enum):
    UNSUBSCRIBED = "unsubscribed"
    UNKNOWN_ITEM = "unknown_item"


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def unsubscribe_urls(update_id, key):
    """(the page that asks, the one-click address mail providers post to) for one recipient."""
    token = tokens.unsubscribe_token(update_id, key)
    return (
        _absolute(reverse("petitions:unsubscribe", kwargs={"token": token})),
        _absolute(reverse("petitions:unsubscribe_one_click", kwargs={"token": token})),
    )


def unsubscribe_headers(one_click_url):
    """RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that posts to our URL."""
    targets = [f"<{one_click_url}>"]
    if settings.OUTBOX_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.OUTBOX_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "bulk",
    }


def _item_context(update):
    item = update.item
    url = item.get_absolute_url() if hasattr(item, "get_absolute_url") else ""
    return {"item_title": str(item), "item_url": _absolute(url) if url else ""}


def render_email(update, language, unsubscribe_url=_LINK_PLACEHOLDER):
    """{subject, body, html_body} of the update as a recipient reading `language` gets it."""
    with translation.override(language):
        context = {
            "update": update,
            "subject": update.subject,
            "text": readable_text(update.body),
            "body_html": clean_html(update.body),
            "unsubscribe_url": unsubscribe_url,
            "privacy_url": _absolute(reverse("petitions:privacy")),
            "site": SiteSettings.current(),
            **_item_context(update),
        }
        body = render_plain_text("petitions/email/update_body.txt", context)
        html_body = render_to_string("petitions/email/update_body.html", context)
    # The subject in that language (modeltranslation: English where none was written).
    return {"subject": " ".join(context["subject"].split()), "body": body, "html_body": html_body}


def _personalise(rendered, unsubscribe_url):
    return {key: value.replace(_LINK_PLACEHOLDER, unsubscribe_url) for key, value in rendered.items()}


def preview(update, language):
    """What a recipient reading `language` sees (with a link that unsubscribes nobody)."""
    return render_email(update, language, unsubscribe_url=_absolute("/…"))


def send_test(update, *, user, language):
    """Send the update to the editor's own address, at once (transactional priority)."""
    key = address_key(user.email)
    page_url, one_click_url = unsubscribe_urls(update.pk, key)
    rendered = render_email(update, language, unsubscribe_url=page_url)
    rendered["subject"] = f"[TEST] {rendered['subject']}"
    with transaction.atomic():
        send_later(to=user.email, headers=unsubscribe_headers(one_click_url), **rendered)


def _unsubscribed_keys(keys, item_key):
    return set(
        Unsubscription.objects.filter(
            address_key__in=keys, item_key__in=[Unsubscription.EVERYTHING, item_key]
        ).values_list("address_key", flat=True)
    )


def count_recipients(update):
    """How many addresses the update would go to now: distinct opted-in, confirmed signers of its
    petitions, less those who unsubscribed or are on the suppression list.

    The addresses are read once (one query) and hashed here; the lists of exclusions, small
    next to the signers, are read whole: no query per batch of addresses.
    """
    excluded = set(
        Unsubscription.objects.filter(item_key__in=[Unsubscription.EVERYTHING, update.item_key]).values_list(
            "address_key", flat=True
        )
    )
    excluded |= set(SuppressedAddress.objects.values_list("address_key", flat=True))
    emails = update.eligible_signatures().order_by().values_list("email_normalised", flat=True).distinct()
    return sum(1 for email in emails.iterator(chunk_size=10_000) if address_key(email) not in excluded)


def request_send(update, *, user):
    """Start sending a draft update: mark it sending and queue the work. Fast whatever the number
    of recipients. Returns False (and changes nothing) when it is not a draft any more."""
    with transaction.atomic():
        locked = Update.objects.select_for_update().get(pk=update.pk)
        if locked.status != Update.Status.DRAFT:
            return False
        Update.objects.filter(pk=update.pk).update(
            status=Update.Status.SENDING, sent_by=user, send_requested_at=timezone.now()
        )
        transaction.on_commit(lambda: send_update.enqueue(update.pk), robust=True)
    update.refresh_from_db()
    return True


def list_recipients(update_id, *, batch=LIST_BATCH):
    """Write the update's recipient rows, a batch of signatures per transaction, until all are
    listed. Idempotent and resumable: the cursor moves with the rows it stands for."""
    while True:
        with transaction.atomic():
            update = Update.objects.select_for_update().get(pk=update_id)
            if update.listed_at is not None:
                return
            rows = list(
                update.eligible_signatures()
                .filter(pk__gt=update.listed_up_to)
                .values_list("pk", "email_normalised", "language")[:batch]
            )
            if not rows:
                Update.objects.filter(pk=update_id).update(listed_at=timezone.now())
                return
            keys = {pk: address_key(email) for pk, email, _language in rows}
            unsubscribed = _unsubscribed_keys(list(keys.values()), update.item_key)
            UpdateRecipient.objects.bulk_create(
                [
                    UpdateRecipient(
                        update_id=update_id, signature_id=pk, address_key=keys[pk], language=language
                    )
                    for pk, _email, language in rows
                    if keys[pk] not in unsubscribed
                ],
                ignore_conflicts=True,  # the same mailbox on two petitions, or a batch listed again
            )
            Update.objects.filter(pk=update_id).update(listed_up_to=rows[-1][0])


def hand_over(update_id, *, batch=HANDOVER_BATCH):
    """Move up to `batch` queued recipients into the outbox, in one transaction with their new
    state. Recipients no longer eligible (unsubscribed, withdrew, no longer want news) are
    skipped. Returns how many were handed over; 0 when the update is not sending."""
    with transaction.atomic():
        update = Update.objects.select_for_update().get(pk=update_id)
        if update.status != Update.Status.SENDING:
            return 0
        recipients = list(
            update.recipients.filter(state=State.QUEUED).select_related("signature").order_by("pk")[:batch]
        )
        if not recipients:
            return 0
        unsubscribed = _unsubscribed_keys([r.address_key for r in recipients], update.item_key)
        rendered_by_language = {}
        messages, handed, skipped = [], [], []
        for recipient in recipients:
            signature = recipient.signature
            if (
                recipient.address_key in unsubscribed
                or not signature.wants_updates
                or not signature.is_confirmed
                or signature.anonymised_at is not None
            ):
                skipped.append(recipient.pk)
                continue
            if recipient.language not in rendered_by_language:
                rendered_by_language[recipient.language] = render_email(update, recipient.language)
            with translation.override(recipient.language):  # the page that asks, in their language
                page_url, one_click_url = unsubscribe_urls(update.pk, recipient.address_key)
            messages.append(
                {
                    "to": signature.email,
                    "about_id": recipient.pk,
                    "headers": unsubscribe_headers(one_click_url),
                    **_personalise(rendered_by_language[recipient.language], page_url),
                }
            )
            handed.append(recipient.pk)
        send_bulk_later(messages, about_model=UpdateRecipient)
        UpdateRecipient.objects.filter(pk__in=handed).update(state=State.IN_OUTBOX)
        UpdateRecipient.objects.filter(pk__in=skipped).update(state=State.SKIPPED)
    return len(handed) + len(skipped)


def bulk_backlog():
    """Bulk e-mails waiting in the outbox (all updates)."""
    return OutgoingEmail.objects.unsent().bulk().filter(sent_at__isnull=True).count()


def advance(update_id):
    """Do what can be done now for a sending update: list its recipients, hand over batches while
    the outbox has room, and mark it sent when every recipient is settled. Safe to run at any
    time and in several workers at once. Returns True while work remains."""
    list_recipients(update_id)
    while bulk_backlog() < OUTBOX_AHEAD and hand_over(update_id):
        pass
    with transaction.atomic():
        update = Update.objects.select_for_update().get(pk=update_id)
        if update.status != Update.Status.SENDING:
            return False
        if update.recipients.filter(state__in=[State.QUEUED, State.IN_OUTBOX]).exists():
            return True
        Update.objects.filter(pk=update_id).update(status=Update.Status.SENT, finished_at=timezone.now())
    return False


# --- The worker's part (tasks here, beside the steps they run) --------------------------------

# How soon a sending update is looked at again while its e-mails drain.
ADVANCE_INTERVAL = timedelta(seconds=30)


@task
def send_update(update_id):
    """List the update's recipients and feed the outbox; queue itself again while work remains.

    Idempotent and safe beside other runs (each step is): a run lost with a killed worker is
    made good by `advance_sending_updates`, the periodic safety net.
    """
    more = advance(update_id)
    if more and send_update.get_backend().supports_defer:
        send_update.using(run_after=timezone.now() + ADVANCE_INTERVAL).enqueue(update_id)
    return "more" if more else "done"


@task
def advance_sending_updates():
    """Every minute: advance every update that is sending (recovers from lost runs), then queue
    the next run."""
    try:
        return {
            str(pk): advance(pk)
            for pk in Update.objects.filter(status=Update.Status.SENDING).values_list("pk", flat=True)
        }
    finally:
        periodic.schedule_next(advance_sending_updates)


def _recipient_type():
    return ContentType.objects.get_for_model(UpdateRecipient)


def pause(update):
    """Stop sending: e-mails no worker has tried yet leave the outbox (their recipients wait,
    queued, for `resume`); one being sent this very moment finishes. Returns False when the
    update was not sending."""
    with transaction.atomic():
        locked = Update.objects.select_for_update().get(pk=update.pk)
        if locked.status != Update.Status.SENDING:
            return False
        Update.objects.filter(pk=update.pk).update(status=Update.Status.PAUSED)
        in_outbox = update.recipients.filter(state=State.IN_OUTBOX).values("pk")
        withdrawn = OutgoingEmail.objects.filter(
            about_type=_recipient_type(), about_id__in=in_outbox
        ).withdraw_untried()
        UpdateRecipient.objects.filter(pk__in=[about_id for _type, about_id in withdrawn]).update(
            state=State.QUEUED
        )
    update.refresh_from_db()
    return True


def resume(update):
    """Go on sending a paused update where it stopped. Returns False when it was not paused."""
    with transaction.atomic():
        locked = Update.objects.select_for_update().get(pk=update.pk)
        if locked.status != Update.Status.PAUSED:
            return False
        Update.objects.filter(pk=update.pk).update(status=Update.Status.SENDING)
        transaction.on_commit(lambda: send_update.enqueue(update.pk), robust=True)
    update.refresh_from_db()
    return True


def progress(update):
    """{state: how many recipients} with every state present, plus "total"."""
    counts = dict.fromkeys(State.values, 0)
    for state, how_many in update.recipients.order_by().values_list("state").annotate(n=models.Count("pk")):
        counts[state] = how_many
    counts["total"] = sum(counts.values())
    return counts


def read_unsubscribe_link(token):
    """(the update or None, address key). Raises tokens.InvalidLink."""
    update_id, key = tokens.read_unsubscribe_token(token)
    return Update.objects.filter(pk=update_id).first(), key


def unsubscribe(token, *, everything):
    """Record that the address behind an update's link wants no more updates about its item, or
    none at all; stop its e-mails that are waiting. Idempotent. Raises tokens.InvalidLink.

    From everything also turns off "keep me informed" on every signature of that address we
    can find (those the site has sent updates to, and the other signatures of their mailbox).
    """
    update, key = read_unsubscribe_link(token)
    if update is None and not everything:
        return UnsubscribeOutcome.UNKNOWN_ITEM
    item_key = Unsubscription.EVERYTHING if everything else update.item_key
    with transaction.atomic():
        Unsubscription.objects.get_or_create(address_key=key, item_key=item_key)
        if everything:
            mailboxes = Signature.objects.filter(update_deliveries__address_key=key).values(
                "email_normalised"
            )
            Signature.objects.not_anonymised().filter(email_normalised__in=mailboxes).update(
                wants_updates=False
            )
        waiting = UpdateRecipient.objects.filter(address_key=key, state__in=[State.QUEUED, State.IN_OUTBOX])
        stopped = [
            r.pk for r in waiting.select_related("update") if everything or r.update.item_key == item_key
        ]
        OutgoingEmail.objects.filter(about_type=_recipient_type(), about_id__in=stopped).withdraw_untried()
        # Those already tried are stopped by the check before their next attempt.
        UpdateRecipient.objects.filter(pk__in=stopped, state=State.QUEUED).update(state=State.SKIPPED)
        UpdateRecipient.objects.filter(pk__in=stopped, state=State.IN_OUTBOX, emails__isnull=True).update(
            state=State.SKIPPED
        )
    return UnsubscribeOutcome.UNSUBSCRIBED


# --- What the outbox asks and tells (connected in apps.py) ---------------------------------


def _is_unsubscribed(recipient):
    return Unsubscription.objects.filter(
        address_key=recipient.address_key, item_key__in=[Unsubscription.EVERYTHING, recipient.update.item_key]
    ).exists()


def recipient_no_longer_wanted(recipient_id):
    """Asked by the outbox just before it sends an update's e-mail: True stops it."""
    recipient = UpdateRecipient.objects.select_related("update").filter(pk=recipient_id).first()
    if recipient is None:
        return True
    return recipient.update.status != Update.Status.SENDING or _is_unsubscribed(recipient)


_FINAL_STATES = {"sent": State.SENT, "failed": State.FAILED, "suppressed": State.BOUNCED}


def record_email_outcome(sender, email, outcome, **kwargs):
    """The outbox settled an e-mail: note it on its recipient row (the update's progress)."""
    if email.about_type_id != _recipient_type().pk:
        return
    if outcome in _FINAL_STATES:
        UpdateRecipient.objects.filter(pk=email.about_id).update(state=_FINAL_STATES[outcome])
        return
    recipient = UpdateRecipient.objects.select_related("update").filter(pk=email.about_id).first()
    if recipient is not None:  # withdrawn: paused (send later) or unsubscribed (never)
        paused = recipient.update.status == Update.Status.PAUSED and not _is_unsubscribed(recipient)
        UpdateRecipient.objects.filter(pk=recipient.pk).update(
            state=State.QUEUED if paused else State.SKIPPED
        )


def draft_after_outcome(closed, *, prisoner, outcome, user):
    """After a release closed actions for `prisoner`, draft one update to their supporters.

    One update about the prisoner rather than one per closed petition: its recipients are the
    signers of every petition for them, each once, so nobody who signed two of them gets the
    news twice. Only a draft: nothing is sent until an editor reads it and presses "Send".
    The subject is written in every site language from the outcome's headline; the body holds
    the editor's message (in the language they wrote it) for them to complete.
    """
    subjects = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            headline = OUTCOME_HEADLINES[outcome.change] % {"date": date_format(outcome.on)}
            subjects[f"subject_{language}"] = f"{prisoner.name}: {headline}"[:200]
    titles = [str(action) for actions in closed.values() for action in actions]
    body = f"<p>{escape(outcome.message)}</p>" if outcome.message else "<p></p>"
    if titles:
        body += "<ul>" + "".join(f"<li>{escape(title)}</li>" for title in titles) + "</ul>"
    with translation.override(settings.LANGUAGE_CODE):
        return Update.objects.create(prisoner=prisoner, body=body, created_by=user, **subjects)
