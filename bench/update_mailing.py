"""An update to 100,000 signers: the editor's request, listing the recipients, handing them to
the outbox, and delivery at the configured rate.

    .venv/bin/python bench/update_mailing.py                  # 100,000 signers (about 3 minutes)
    .venv/bin/python bench/update_mailing.py --signers 5000   # quicker
    .venv/bin/python bench/update_mailing.py --json           # one JSON line (bench/run.py reads it)

It (re)creates its own PostgreSQL database, campaign_bench_updates (never the main bench's),
seeds one petition with N confirmed signers who asked for news (in English, Russian and
Kazakh, a tenth of them also on a second linked petition, so that listing must drop
duplicates), then measures in this process, with Django's test client and the ORM:

1. the confirmation page (which counts the recipients) and the "Yes, send it" POST: the
   request only queues a task, whatever the number of signers;
2. the worker's listing of the recipients (batches of 1,000 signatures, one transaction each);
3. handing every recipient to the outbox (batches of 1,000, one transaction each);
4. delivery: how fast the drain sends when uncapped (a mail backend that drops messages, so
   the figure is the site's own cost), then, with a fixed clock, that one minute's window
   holds exactly the bulk share of OUTBOX_RATE_PER_MINUTE and a confirmation still goes out.
"""

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/campaign_bench_updates"
RATE_PER_MINUTE = 600
RATE_PER_DAY = 50_000
DRAIN_SAMPLE = 2000


def recreate_database(database_url):
    import psycopg

    admin_url, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def configure(database_url):
    os.environ.update(
        {
            "DEBUG": "true",
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "campaign.settings",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "OUTBOX_RATE_PER_MINUTE": "0",
            "OUTBOX_RATE_PER_DAY": "0",
            "LOG_LEVEL": "WARNING",
            "PAGE_CACHE_SECONDS": "0",
        }
    )
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host name, and the context of rendered pages


def seed(signers):
    """One petition with `signers` confirmed opted-in signatures (and a linked second petition)."""
    from django.db import connection

    from petitions.models import Petition
    from petitions.services import reconcile_counts
    from publishing.models import Publishable

    now = datetime.now(UTC)
    first = Petition.objects.create(
        title="Free the Zhanaozen oil workers",
        slug="free-the-oil-workers",
        text="<p>Release them.</p>",
        addressee="The President",
        status=Publishable.Status.PUBLISHED,
        published_at=now - timedelta(days=1),
    )
    second = Petition.objects.create(
        title="Stop the trial in Aktau",
        slug="stop-the-trial",
        text="<p>Stop it.</p>",
        addressee="The Court",
        status=Publishable.Status.PUBLISHED,
        published_at=now - timedelta(days=1),
    )
    insert = """
        INSERT INTO petitions_signature (petition_id, public_id, first_name, last_name, email,
            email_normalised, country, city_or_postcode, comment, show_name_publicly, wants_updates,
            language, status, flag_reason, created_at, confirmed_at)
        SELECT %s, md5(%s || n::text)::uuid, 'Signer', 'Number ' || n, 'signer' || n || '@example.org',
            'signer' || n || '@example.org', 'KZ', '', '', false, true,
            (ARRAY['en', 'ru', 'kk'])[1 + n %% 3], 'confirmed', '', %s, %s
        FROM generate_series(1, %s) AS n WHERE n %% %s = 0
    """
    with connection.cursor() as cursor:
        cursor.execute(insert, [first.pk, "a", now, now, signers, 1])
        cursor.execute(insert, [second.pk, "b", now, now, signers, 10])  # the same mailboxes again
    for petition in (first, second):
        reconcile_counts(petition)
    return first, second


def say(message):
    print(f"  update_mailing: {message}", file=sys.stderr, flush=True)


def analyse():
    """What autovacuum would have done by now after a bulk write: fresh planner statistics."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def measure_inside(signers):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings
    from django_tasks_db.models import DBTaskResult

    from outbox import pacing
    from outbox.models import OutgoingEmail, SendingWindow
    from outbox.services import send_later
    from outbox.tasks import _attempt, deliver_bulk_emails, deliver_email
    from petitions import updates
    from petitions.models import Update, UpdateRecipient
    from prisoners.models import Prisoner

    result = {"signers": signers, "database": "postgresql", "load_before": os.getloadavg()[0]}
    say(f"seeding {signers:,} signers")
    result["seed_seconds"], (first, second) = timed(seed, signers)
    analyse()
    prisoner = Prisoner.objects.create(name="Roza Tuleteva", slug="roza-tuleteva", status="published")
    first.prisoners.add(prisoner)
    second.prisoners.add(prisoner)
    update = Update.objects.create(
        prisoner=prisoner, subject="Roza Tuleteva is free", body="<p>She was <strong>released</strong>.</p>"
    )
    editor = get_user_model().objects.create_superuser("bench-editor", "editor@example.org", "x" * 20)
    client = Client()
    client.force_login(editor)

    # 1. The editor's two requests.
    url = f"/admin/petitions/update/{update.pk}/send/"
    result["confirm_page_seconds"], page = timed(client.get, url)
    assert page.status_code == 200, page.status_code
    result["recipients_stated"] = page.context["recipient_count"]
    tasks_before = DBTaskResult.objects.count()
    result["send_request_seconds"], response = timed(client.post, url)
    assert response.status_code == 302, response.status_code
    result["tasks_queued_by_send"] = DBTaskResult.objects.count() - tasks_before

    # 2. Listing the recipients (the worker's first step).
    say("listing the recipients")
    result["list_seconds"], _ = timed(updates.list_recipients, update.pk)
    result["recipients_listed"] = UpdateRecipient.objects.filter(update=update).count()
    result["list_batch"] = updates.LIST_BATCH

    # 3. Handing them all to the outbox, batch by batch.
    say("handing them to the outbox")
    batches = 0
    started = time.perf_counter()
    while updates.hand_over(update.pk):
        batches += 1
    result["handover_seconds"] = time.perf_counter() - started
    result["handover_batches"] = batches
    result["handover_batch"] = updates.HANDOVER_BATCH
    result["outbox_rows"] = OutgoingEmail.objects.bulk().count()
    analyse()
    say("delivering")

    # 4a. The drain's own speed, uncapped (a backend that drops every message).
    sample = min(DRAIN_SAMPLE, result["outbox_rows"])
    with override_settings(OUTBOX_RATE_PER_MINUTE=0, OUTBOX_RATE_PER_DAY=0):
        started = time.perf_counter()
        sent = 0
        while sent < sample:
            email = OutgoingEmail.objects.claim_next_bulk()
            if email is None:
                break
            sent += _attempt(email) == "sent"  # what the drain does with each e-mail
        result["drain_per_second"] = sent / (time.perf_counter() - started)

    # 4b. One minute's window with the provider's caps, on a fixed clock.
    noon = datetime(2026, 3, 12, 12, 0, 5, tzinfo=UTC)
    real_now = pacing.now
    pacing.now = lambda: noon
    try:
        with override_settings(OUTBOX_RATE_PER_MINUTE=RATE_PER_MINUTE, OUTBOX_RATE_PER_DAY=RATE_PER_DAY):
            result["rate_per_minute"] = RATE_PER_MINUTE
            result["bulk_share"] = pacing.caps(10)[SendingWindow.Kind.MINUTE]
            # The drain hands over to its next run after BULK_DRAIN_SECONDS: run it until the
            # window's share is used, as the worker would within that minute.
            started = time.perf_counter()
            sent, runs = 0, 0
            while (ran := deliver_bulk_emails.call().get("sent", 0)) and runs < 20:
                sent, runs = sent + ran, runs + 1
            result["sent_in_window"] = sent
            result["window_seconds"] = time.perf_counter() - started
            result["sent_after_share_used"] = deliver_bulk_emails.call().get("sent", 0)
            confirmation = send_later(to="new-signer@example.org", subject="Confirm", body="Confirm.")
            result["confirmation_outcome"] = deliver_email.call(confirmation.pk)
            noon = noon + timedelta(minutes=1)
            result["sent_next_minute"] = 0
            while ran := deliver_bulk_emails.call().get("sent", 0):
                result["sent_next_minute"] += ran
    finally:
        pacing.now = real_now
    result["days_for_all_at_default_caps"] = result["recipients_listed"] / (10_000 * 80 // 100)
    result["progress"] = updates.progress(update)
    result["load_after"] = os.getloadavg()[0]
    return result


def measure(signers, database_url=DATABASE_URL):
    """Run the measurement in its own process (its own Django settings); returns its figures."""
    import subprocess

    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--signers", str(signers), "--json",
         "--database-url", database_url],
        cwd=ROOT, check=True, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--signers", type=int, default=100_000)
    parser.add_argument("--database-url", default=DATABASE_URL)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args()
    recreate_database(args.database_url)
    configure(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    result = measure_inside(args.signers)
    if args.json:
        print(json.dumps(result))
        return
    from bench.tables import Measurements, update_mailing_table

    print(update_mailing_table(Measurements(updates=result)).text())


if __name__ == "__main__":
    main()
