"""When the mail server is down or hangs, and even when the worker is killed mid-send, every
signature is kept and its signer gets their e-mail exactly once, from a real worker process
talking SMTP to a real (tiny, local) mail server."""

import email
import signal
import socketserver
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from outbox.models import OutgoingEmail
from petitions import services
from petitions.models import Signature
from tests import factories
from tests.servers import ROOT, production_env

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

WAIT_SECONDS = 30


class _SmtpSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        server = self.server.smtp
        if server.mode == "refuse":
            self.reply("421 localhost service not available, try again later")
            return
        self.reply("220 localhost test SMTP ready")
        recipients = []
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip()[:4].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-localhost\r\n250 8BITMIME\r\n")
            elif verb in {"HELO", "MAIL", "NOOP"}:
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "RSET":
                recipients = []
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end data with <CR><LF>.<CR><LF>")
                data = self._read_data()
                if server.mode == "stall":
                    # The whole message arrived, but the server never says it took it.
                    server.stalled.set()
                    server.released.wait()
                    return
                server.received.append((recipients, email.message_from_bytes(data)))
                recipients = []
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 command not implemented")

    def _read_data(self):
        lines = []
        while (line := self.rfile.readline()) and line != b".\r\n":
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


class FakeMailServer:
    """A local SMTP server; `mode` is "accept", "refuse" (421 at once) or "stall" (hangs after DATA)."""

    def __init__(self):
        self.mode = "accept"
        self.received = []  # (recipients, message) of every message the server accepted
        self.stalled = threading.Event()
        self.released = threading.Event()
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpSession)
        self._server.daemon_threads = True
        self._server.smtp = self
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self):
        self.released.set()
        self._server.shutdown()
        self._server.server_close()

    def received_by(self, address):
        return [message for recipients, message in self.received if address in recipients]


@pytest.fixture
def mail_server():
    server = FakeMailServer()
    yield server
    server.close()


def worker_env(mail_server, tmp_path, **overrides):
    settings_dict = connection.settings_dict
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    database_url = (
        f"postgres://{settings_dict['USER']}{password}@{host}:{settings_dict['PORT'] or 5432}"
        f"/{settings_dict['NAME']}"
    )
    mail_settings = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": mail_server.port,
        "EMAIL_USE_TLS": "false",
        "EMAIL_TIMEOUT": 2,
        "EMAIL_RETRY_BACKOFF_SECONDS": 1,
    }
    return production_env(database_url, tmp_path / "static", **{**mail_settings, **overrides})


@contextmanager
def task_worker(env, log_path):
    """A real `manage.py db_worker` process; stopped (killed if need be) on the way out."""
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def wait_for(condition, what, log_path=None):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    log = log_path.read_text() if log_path and log_path.exists() else ""
    raise AssertionError(f"waited {WAIT_SECONDS} s for {what}; worker log:\n{log}")


def open_petition():
    return factories.petition(title="Free the Zhanaozen oil workers")


def sign(petition, address):
    outcome = services.sign(petition, first_name="Aigerim", last_name="Bekova", email=address, country="KZ")
    assert outcome is services.SigningOutcome.NEW


def email_to(address):
    return OutgoingEmail.objects.get(to=address)


def test_while_the_mail_server_is_down_signatures_are_kept_and_then_emailed_exactly_once(
    mail_server, tmp_path
):
    log_path = tmp_path / "worker.log"
    mail_server.mode = "refuse"
    petition = open_petition()

    with task_worker(worker_env(mail_server, tmp_path), log_path):
        sign(petition, "during-outage@example.org")
        wait_for(lambda: email_to("during-outage@example.org").attempts >= 1, "a failed attempt", log_path)
        wait_for(
            lambda: email_to("during-outage@example.org").last_error, "the error to be recorded", log_path
        )

        outgoing = email_to("during-outage@example.org")
        assert outgoing.sent_at is None
        assert "SMTP" in outgoing.last_error
        assert Signature.objects.get().email == "during-outage@example.org"
        assert mail_server.received == []

        mail_server.mode = "accept"
        wait_for(lambda: email_to("during-outage@example.org").sent_at, "the retry to deliver", log_path)
        time.sleep(1.5)  # room for a duplicate to show up, if there were one

    [message] = mail_server.received_by("during-outage@example.org")
    assert message["Message-ID"] == email_to("during-outage@example.org").message_id
    assert "confirm your signature" in message["Subject"].lower()
    assert len(mail_server.received) == 1


def test_a_worker_killed_while_the_mail_server_hangs_loses_no_email_and_sends_none_twice(
    mail_server, tmp_path
):
    log_path = tmp_path / "worker.log"
    mail_server.mode = "stall"
    petition = open_petition()
    addresses = ["hung-up@example.org", "queued-behind@example.org"]
    # A long SMTP timeout, so that the first worker is surely still inside the send when killed,
    # and a lease longer than that, as the settings require.
    first_env = worker_env(mail_server, tmp_path, EMAIL_TIMEOUT=60, EMAIL_LEASE_SECONDS=61)

    with task_worker(first_env, log_path) as first_worker:
        for address in addresses:
            sign(petition, address)
        assert mail_server.stalled.wait(WAIT_SECONDS), log_path.read_text()
        first_worker.send_signal(signal.SIGKILL)
        first_worker.wait(timeout=10)

    hung = email_to("hung-up@example.org")
    assert (hung.sent_at, hung.attempts) == (None, 1)
    assert email_to("queued-behind@example.org").attempts == 0
    assert Signature.objects.count() == 2
    assert mail_server.received == []

    # The dead worker's lease holds the e-mail, so no other worker sends it meanwhile...
    assert not OutgoingEmail.objects.due().filter(pk=hung.pk).exists()
    assert hung.available_at > timezone.now() + timedelta(seconds=30)
    # ...until it runs out: a minute later, brought forward here rather than waited for.
    OutgoingEmail.objects.filter(pk=hung.pk).update(available_at=timezone.now())

    mail_server.mode = "accept"
    call_command("start_periodic_tasks")  # as every deploy does: the sweep runs at once
    with task_worker(worker_env(mail_server, tmp_path), log_path):
        wait_for(lambda: not OutgoingEmail.objects.unsent().exists(), "both e-mails to be sent", log_path)
        time.sleep(1.5)

    for address in addresses:
        [message] = mail_server.received_by(address)
        assert message["Message-ID"] == email_to(address).message_id
    assert len(mail_server.received) == 2
    assert email_to("hung-up@example.org").attempts == 2
