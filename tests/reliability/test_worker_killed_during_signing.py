"""A gunicorn worker killed in the middle of signings (out of memory, a deploy gone wrong)
leaves no half-made signature, loses none it said yes to, and the counts stay exact."""

import contextlib
import http.client
import itertools
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Sum

from petitions import services, tokens
from petitions.addresses import normalise_email
from petitions.models import PetitionCounter, Signature
from tests import factories
from tests.servers import (
    Visitor,
    collected_static,
    database_url,
    gunicorn,
    production_env,
    wait_for_other_sessions_to_end,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

KILLS = 4
SIGNERS_AT_ONCE = 8
# What a client sees when the worker serving it dies: a reset, or an answer cut short.
CUT_OFF = (OSError, http.client.HTTPException)


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return [int(pid) for pid in children]


def wait_for_new_worker(master_pid, old_pid, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pids = [pid for pid in worker_pids(master_pid) if pid != old_pid]
        if pids:
            return pids[0]
        time.sleep(0.05)
    raise AssertionError("gunicorn did not start a new worker")


def signatures_with_queued_email():
    """Ids of signatures whose e-mail waits in the outbox for the worker to deliver."""
    return set(Signature.objects.filter(emails__isnull=False).values_list("pk", flat=True))


def test_a_worker_killed_during_signing_leaves_no_partial_signature(tmp_path_factory, settings):
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    env = production_env(
        database_url(connection),
        collected_static(tmp_path_factory),
        PETITIONS_SIGNATURES_PER_IP_PER_HOUR=100_000,
    )
    settings.SECRET_KEY = env["SECRET_KEY"]  # so that confirmation links made here work there
    answers = {}  # e-mail -> status of the signing POST, or the connection error
    confirmed_ok = set()
    stop = threading.Event()

    def supporter(number, visitor):
        try:
            for sequence in itertools.count(1):
                if stop.is_set():
                    return
                sign_and_maybe_confirm(visitor, f"signer{number}-{sequence}@example.org", sequence % 2)
        finally:
            connection.close()  # this thread's own database connection

    def sign_and_maybe_confirm(visitor, email, confirms):
        form = {"first_name": "Aigerim", "last_name": "Bekova", "email": email, "country": "KZ"}
        try:
            answers[email] = visitor.post(f"/petitions/{petition.slug}/sign/", form)[0]
        except CUT_OFF as error:  # the worker died under this request
            answers[email] = type(error).__name__
            return
        signature = Signature.objects.filter(email=email).first()
        if answers[email] == 302 and signature is not None and confirms:
            # Every other signer confirms at once, so that confirmations are cut off too.
            token = tokens.confirmation_token(signature)
            with contextlib.suppress(*CUT_OFF):
                if visitor.post(f"/signatures/confirm/{token}/", {})[0] == 302:
                    confirmed_ok.add(email)

    with gunicorn(env, workers=1, threads=4) as (url, process):
        visitors = [Visitor(url) for _ in range(SIGNERS_AT_ONCE)]
        for visitor in visitors:
            visitor.open_form(petition.get_absolute_url())
        threads = [
            threading.Thread(target=supporter, args=(number, visitor), daemon=True)
            for number, visitor in enumerate(visitors)
        ]
        for thread in threads:
            thread.start()
        worker = wait_for_new_worker(process.pid, old_pid=None)
        try:
            for _ in range(KILLS):
                time.sleep(1.5)
                os.kill(worker, signal.SIGKILL)
                worker = wait_for_new_worker(process.pid, old_pid=worker)
            time.sleep(1.5)  # and the new worker serves again
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=40)

    wait_for_other_sessions_to_end(connection)
    server_log = process.stdout.read()[-5000:]
    cut_off = [email for email, answer in answers.items() if answer != 302]
    succeeded = {email for email, answer in answers.items() if answer == 302}
    assert cut_off, "no request was under way when the worker was killed: the test proved nothing"
    http_answers = {answer for answer in answers.values() if isinstance(answer, int)}
    assert http_answers == {302}, f"answers other than the usual redirect: {http_answers}\n{server_log}"
    assert len(succeeded) > 20

    signatures = list(Signature.objects.filter(petition=petition))
    for signature in signatures:
        assert signature.petition_id == petition.pk
        assert signature.first_name == "Aigerim" and signature.last_name == "Bekova"
        assert signature.email_normalised == normalise_email(signature.email) != ""
        assert signature.country == "KZ"
        assert signature.created_at is not None
    stored = {signature.email for signature in signatures}
    assert succeeded <= stored, f"told 'check your e-mail' but not stored: {sorted(succeeded - stored)}"
    assert stored <= set(answers), "a signature nobody sent"

    queued = signatures_with_queued_email()
    missing = [signature.email for signature in signatures if signature.pk not in queued]
    assert not missing, f"signatures whose confirmation e-mail will never be sent: {missing}"

    confirmed = {signature.email for signature in signatures if signature.is_confirmed}
    assert confirmed_ok <= confirmed
    counters = PetitionCounter.objects.filter(petition=petition).aggregate(total=Sum("confirmed_count"))
    assert (counters["total"] or 0) == len(confirmed) == services.reconcile_counts(petition)
