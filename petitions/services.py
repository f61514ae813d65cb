"""Everything that writes signatures and counts. Views, the admin, tasks and tests call these.

Each function runs in one transaction. E-mail is never sent here: it is written to the
outbox (outbox.services.send_later) in the same transaction as the change it reports, so it cannot be
lost once that commits, and its delivery is queued for the task worker after commit.

How counting works: signing only inserts a signature. Confirmation is when the count
changes: in the same transaction as the signature is marked confirmed, one counter shard,
the signer's country row and the day's row each go up by one (models/counts.py). Nothing
ever counts signatures on a page view; `reconcile_counts` recounts exactly in the worker.
"""

import enum
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone, translation

from outbox.services import render_plain_text, send_later
from publishing.models import SiteSettings

from . import abuse, tokens
from .addresses import normalise_email
from .models import (
    Petition,
    PetitionCounter,
    Signature,
    SignatureCountByCountry,
    SignatureCountByDay,
)
from .models.counts import pick_shard


class PetitionClosed(Exception):
    """The petition does not take signatures (closed, delivered, won, or past its deadline)."""


class SigningOutcome(enum.Enum):
    NEW = "new"
    DUPLICATE = "duplicate"
    FLAGGED = "flagged"


class ConfirmationOutcome(enum.Enum):
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    PETITION_CLOSED = "petition_closed"
    NOT_FOUND = "not_found"


class EmailReason(enum.StrEnum):
    SIGNED = "signed"
    SIGNED_AGAIN = "signed_again"
    NEW_LINK = "new_link"


@dataclass(frozen=True)
class ConfirmationResult:
    outcome: ConfirmationOutcome
    petition: Petition | None = None


@dataclass(frozen=True)
class RetentionReport:
    deleted_unconfirmed: int
    anonymised: int


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


SIGNER_EMAIL_WRITER = "petitions.signer"


def _signer_email(signature, reason):
    """Subject and body of the e-mail to a signer: the link to confirm their signature, or word
    that they have already signed, and always the link to withdraw it. Plain text, no tracking.

    In the language the signature was made in (`Signature.language`): the words, the petition's
    title in that language (or its original) and every link, which opens the page in that
    language (/ru/..., /kk/...).

    Only the campaign's words: nothing typed into the form (not even the name) is in it, since
    whoever typed it may not own the address, and the site must not mail strangers their text.
    """
    with translation.override(_supported_language(signature.language)):
        petition = signature.petition
        context = {
            "petition": petition,
            "petition_url": _absolute(petition.get_absolute_url()),
            "already_signed": reason == EmailReason.SIGNED_AGAIN,
            "confirm_url": ""
            if signature.is_confirmed
            else _absolute(
                reverse("petitions:confirm", kwargs={"token": tokens.confirmation_token(signature)})
            ),
            "withdraw_url": _absolute(
                reverse("petitions:withdraw", kwargs={"token": tokens.withdrawal_token(signature)})
            ),
            "privacy_url": _absolute(reverse("petitions:privacy")),
            "link_days": settings.PETITIONS_CONFIRMATION_LINK_DAYS,
            "unconfirmed_days": settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS,
            "site": SiteSettings.current(),
        }
        subject = render_plain_text("petitions/email/signature_subject.txt", context)
        body = render_plain_text("petitions/email/signature_body.txt", context)
    return {"subject": " ".join(subject.split()), "body": body}


def write_signer_email(context):
    """The outbox writer of e-mails to signers (registered in apps.py), run by the task worker
    just before the first delivery: the request only stored the signature's id and the reason.
    None when the signature has been anonymised since (it has no address to write to)."""
    signature = Signature.objects.select_related("petition").filter(pk=context["signature"]).first()
    if signature is None or signature.anonymised_at is not None:
        return None
    return _signer_email(signature, EmailReason(context["reason"]))


def _queue_signer_email(signature, reason):
    """Store the e-mail to the signer in the outbox, to be written by the worker. Must run inside
    the transaction that changes the signature: the e-mail is kept exactly when that change is."""
    send_later(
        to=signature.email,
        about=signature,
        writer=SIGNER_EMAIL_WRITER,
        context={"signature": signature.pk, "reason": str(reason)},
    )


def _email_signer_later(signature, reason):
    """Queue the e-mail to the signer, within the per-signer hourly limit (inside the
    transaction that changes the signature)."""
    if abuse.may_email_signer(signature.petition_id, signature.email_normalised):
        _queue_signer_email(signature, reason)


def feature(petition):
    """Make `petition` the one shown in every page's sidebar, in place of the one featured before.

    One step: whichever petition was featured stops being featured in the same transaction,
    so there is never a moment with two, which the database refuses, or with none. Two editors
    featuring different petitions at once are served one after the other; the later wins.
    Idempotent.
    """
    with transaction.atomic():
        # Wait for a concurrent call to finish: it holds the row featured so far, or this one.
        list(
            Petition.objects.filter(models.Q(is_featured=True) | models.Q(pk=petition.pk))
            .select_for_update()
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        # A new query, so it sees what such a call featured meanwhile (the one above could not).
        for other in Petition.objects.featured().exclude(pk=petition.pk).select_for_update():
            other.is_featured = False
            other.save(update_fields=["is_featured", "updated_at"])
        petition.is_featured = True
        petition.save(update_fields=["is_featured", "updated_at"])


def stop_featuring(petition):
    """Take `petition` out of the sidebar (no petition is featured afterwards). Idempotent."""
    petition.is_featured = False
    petition.save(update_fields=["is_featured", "updated_at"])


def _add_to_counts(petition_id, country, day, delta):
    """Change the petition's count, its country's count and the day's count by `delta`."""
    shard = pick_shard()
    # Always in this order (total, country, day), so two transactions never wait on each other in a circle.
    PetitionCounter.objects.add(delta, shard=shard, petition_id=petition_id)
    SignatureCountByCountry.objects.add(delta, shard=shard, petition_id=petition_id, country=country)
    SignatureCountByDay.objects.add(delta, shard=shard, petition_id=petition_id, day=day)


def _confirmation_day(confirmed_at):
    return timezone.localdate(confirmed_at)


def _supported_language(code):
    """The site language `code` falls under ("ru-RU" is "ru"); the default for anything else."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def sign(
    petition,
    *,
    first_name,
    last_name,
    email,
    country,
    city_or_postcode="",
    comment="",
    show_name_publicly=False,
    wants_updates=False,
    client_ip="",
    language="",
):
    """Record a signature, to be counted once its signer confirms it by e-mail.

    Guarantees:
    - one signature per petition per normalised e-mail address, enforced by the database
      even when the same address signs in several requests at once;
    - signing again changes nothing already recorded (no one can alter another signer's
      choices); the signer is e-mailed that they have already signed;
    - over the hourly limit for one network address, the signature is kept but flagged. Its
      confirmation e-mail is still sent within a separate hourly budget per address
      (PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR), and confirming counts it (`confirm`);
      past that budget nothing is sent, and it waits for a campaign manager
      (`accept_flagged`). So people sharing one address are counted, and one address can
      never make the site send more than the two limits' worth of e-mails an hour;
    - nothing is counted here, and no row shared by different signers is updated: signing
      only inserts (and adds one to its own address's hourly flood counter);
    - the e-mail is stored (and its delivery queued) in the signature's own transaction, as
      the signature id and the reason: the task worker writes it, in the signer's language.

    The caller must answer every outcome the same way, so that nobody learns who signed; and
    the database does the same work whether or not the address had signed, so that the time
    of the answer tells nothing either (bench/timing.py measures it).
    Raises PetitionClosed when the petition does not take signatures.
    """
    if not petition.is_open:
        raise PetitionClosed(petition.slug)
    email_normalised = normalise_email(email)
    with transaction.atomic():
        # Both counters in one round trip, in the signing's transaction: one commit for all.
        # The mailbox's e-mail counter is counted whatever follows, so that a new signing and a
        # repeated one do the same work.
        over_limit, may_email = abuse.count_signing(client_ip, petition.pk, email_normalised)
        attempt = Signature(
            petition=petition,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            email=email.strip(),
            email_normalised=email_normalised,
            country=country,
            city_or_postcode=city_or_postcode.strip(),
            comment=comment.strip(),
            show_name_publicly=show_name_publicly,
            wants_updates=wants_updates,
            language=_supported_language(language or translation.get_language()),
            flag_reason=Signature.FlagReason.TOO_MANY_FROM_ONE_ADDRESS
            if over_limit
            else Signature.FlagReason.NONE,
        )
        # The same statements whether or not the address has signed, so that the time of the
        # answer tells nothing: an insert that does nothing if the mailbox already signed (the
        # unique constraint decides, even between simultaneous signings; the first signing is
        # never altered), then the one signature of that mailbox, then the same e-mail write.
        Signature.objects.bulk_create([attempt], ignore_conflicts=True)
        signature = (
            Signature.objects.not_anonymised()
            .filter(petition=petition, email_normalised=attempt.email_normalised)
            .order_by()
            .first()
        )
        if signature is None:  # neither stored nor found: withdrawn at this very moment
            return SigningOutcome.DUPLICATE
        signature.petition = petition
        is_new = signature.public_id == attempt.public_id
        if not may_email:
            pass  # the mailbox has had its hourly share of e-mails
        elif over_limit:
            # Held for review; a new one still gets its confirmation within the held budget.
            if is_new and abuse.may_email_held_signing(client_ip):
                _queue_signer_email(signature, EmailReason.SIGNED)
        elif not signature.is_flagged:
            _queue_signer_email(signature, EmailReason.SIGNED if is_new else EmailReason.SIGNED_AGAIN)
    if not is_new:
        return SigningOutcome.DUPLICATE
    return SigningOutcome.FLAGGED if over_limit else SigningOutcome.NEW


def confirm(token):
    """Confirm the signature a confirmation link stands for, and count it.

    Idempotent: a second call (double click, a second tab) changes nothing and reports
    ALREADY_CONFIRMED. The signature is marked confirmed and the counts go up by one in the
    same transaction, so the count never drifts from the confirmed signatures.

    A flagged signature (too many from one address) counts too, and loses its flag: its link
    reached the signer only in an e-mail the site chose to send (within the address's budget,
    or after a manager let it through), so confirming proves a real mailbox.
    Raises tokens.ExpiredLink / tokens.InvalidLink for a bad link.
    """
    public_id = tokens.read_confirmation_token(token)
    with transaction.atomic():
        signature = Signature.objects.select_related("petition").filter(public_id=public_id).first()
        if signature is None:
            return ConfirmationResult(ConfirmationOutcome.NOT_FOUND)
        petition = signature.petition
        if signature.is_confirmed:
            return ConfirmationResult(ConfirmationOutcome.ALREADY_CONFIRMED, petition)
        if not petition.is_open:
            return ConfirmationResult(ConfirmationOutcome.PETITION_CLOSED, petition)
        now = timezone.now()
        # Conditional on still being pending: of two simultaneous clicks, exactly one counts.
        changed = Signature.objects.filter(pk=signature.pk, status=Signature.Status.PENDING).update(
            status=Signature.Status.CONFIRMED, confirmed_at=now, flag_reason=Signature.FlagReason.NONE
        )
        if not changed:
            return ConfirmationResult(ConfirmationOutcome.ALREADY_CONFIRMED, petition)
        _add_to_counts(petition.pk, signature.country, _confirmation_day(now), +1)
    return ConfirmationResult(ConfirmationOutcome.CONFIRMED, petition)


def resend_confirmation(public_id):
    """Queue a new confirmation e-mail for a signature still waiting for confirmation.

    Does nothing, silently, when the signature is unknown, confirmed, flagged, or has had
    its hourly share of e-mails: the caller answers the same way whatever happened.
    """
    with transaction.atomic():
        signature = Signature.objects.pending().filter(public_id=public_id, flag_reason="").first()
        if signature is not None and signature.petition.is_open:
            _email_signer_later(signature, EmailReason.NEW_LINK)


def _delete_and_uncount(signatures):
    """Delete the (locked) signatures and take the counted ones off the counts."""
    rows = list(
        signatures.select_for_update().values_list(
            "pk", "petition_id", "country", "confirmed_at", "status", "flag_reason"
        )
    )
    if not rows:
        return 0
    Signature.objects.filter(pk__in=[row[0] for row in rows]).delete()
    uncount = Counter(
        (petition_id, country, _confirmation_day(confirmed_at))
        for _pk, petition_id, country, confirmed_at, status, flag_reason in rows
        if status == Signature.Status.CONFIRMED and not flag_reason
    )
    for (petition_id, country, day), how_many in sorted(uncount.items()):
        _add_to_counts(petition_id, country, day, -how_many)
    return len(rows)


def withdraw(token):
    """Withdraw the signature a withdrawal link stands for: delete it and take it off the count.

    Returns True when a signature was withdrawn, False when there was none (already
    withdrawn, or deleted under the retention rules): a second click is harmless.
    Raises tokens.InvalidLink for a bad link.
    """
    public_id = tokens.read_withdrawal_token(token)
    with transaction.atomic():
        return _delete_and_uncount(Signature.objects.filter(public_id=public_id)) > 0


def erase_signatures(signatures):
    """Delete signatures (for example on a signer's request) and keep the counts exact."""
    with transaction.atomic():
        return _delete_and_uncount(signatures)


def accept_flagged(signatures):
    """Clear the flag on signatures a campaign manager judged genuine.

    Confirmed ones are counted at once; unconfirmed ones are sent their confirmation
    e-mail. Idempotent: signatures that are not flagged are left alone.
    """
    accepted = 0
    with transaction.atomic():
        for signature in signatures.flagged().select_for_update().order_by("pk"):
            Signature.objects.filter(pk=signature.pk).update(flag_reason=Signature.FlagReason.NONE)
            if signature.is_confirmed:
                _add_to_counts(
                    signature.petition_id, signature.country, _confirmation_day(signature.confirmed_at), +1
                )
            else:
                _email_signer_later(signature, EmailReason.SIGNED)
            accepted += 1
    return accepted


def reconcile_counts(petition):
    """Rewrite the petition's counts exactly from its confirmed, unflagged signatures.

    Locks the petition's counter rows first: a confirmation under way finishes before the
    recount starts, and one that starts later waits and adds on top, so none is lost or
    counted twice. Returns the exact count.
    """
    petition_id = getattr(petition, "pk", petition)
    PetitionCounter.objects.create_shards(petition_id)
    with transaction.atomic():
        list(PetitionCounter.objects.select_for_update().filter(petition_id=petition_id).order_by("shard"))
        counted = Signature.objects.filter(petition_id=petition_id).counted().order_by()
        total = counted.count()
        PetitionCounter.objects.filter(petition_id=petition_id).update(
            confirmed_count=models.Case(models.When(shard=0, then=total), default=0)
        )
        SignatureCountByCountry.objects.filter(petition_id=petition_id).delete()
        SignatureCountByCountry.objects.bulk_create(
            SignatureCountByCountry(petition_id=petition_id, country=country, shard=0, confirmed_count=n)
            for country, n in counted.values("country")
            .annotate(n=models.Count("pk"))
            .values_list("country", "n")
        )
        SignatureCountByDay.objects.filter(petition_id=petition_id).delete()
        SignatureCountByDay.objects.bulk_create(
            SignatureCountByDay(petition_id=petition_id, day=day, shard=0, confirmed_count=n)
            for day, n in counted.annotate(day=TruncDate("confirmed_at"))
            .values("day")
            .annotate(n=models.Count("pk"))
            .values_list("day", "n")
        )
    return total


def apply_retention(now=None):
    """Apply the retention rules the privacy notice promises. Idempotent.

    - Signatures never confirmed are deleted PETITIONS_UNCONFIRMED_RETENTION_DAYS after signing
      (they were never counted, so no count changes).
    - PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS after a petition closes (or its deadline passes), its
      signatures lose everything personal; country and confirmation date stay, so the counts do.
    """
    now = now or timezone.now()
    with transaction.atomic():
        unconfirmed_cutoff = now - timedelta(days=settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS)
        # Counted by model: their e-mails (the outbox) go with them and are not signatures.
        _, deleted_by_model = Signature.objects.pending().filter(created_at__lt=unconfirmed_cutoff).delete()
        deleted = deleted_by_model.get(Signature._meta.label, 0)
        ended = Petition.objects.ended_before(
            now - timedelta(days=settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS)
        )
        anonymised = (
            Signature.objects.not_anonymised()
            .filter(petition__in=ended)
            .update(
                first_name="",
                last_name="",
                email="",
                email_normalised="",
                city_or_postcode="",
                comment="",
                show_name_publicly=False,
                wants_updates=False,
                anonymised_at=now,
            )
        )
    return RetentionReport(deleted_unconfirmed=deleted, anonymised=anonymised)


def close_with_outcome(petitions, *, outcome, outcome_on, message):
    """Close those of `petitions` that are open, with what happened (a prisoner released...):
    they stop taking signatures and their pages tell the outcome instead of the form.
    Signatures and counts stay as they are. Returns the petitions it closed."""
    return list(petitions.close_with_outcome(outcome=outcome, outcome_on=outcome_on, message=message))
