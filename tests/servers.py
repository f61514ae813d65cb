"""Real servers for reliability tests: gunicorn with production settings, and a TCP proxy
that can cut the database connection and restore it."""

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_collected = {}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, static_root, **overrides):
    """Production settings as the README describes them, on plain HTTP for local tests."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"}}
    env.update(
        DEBUG="false",
        SECRET_KEY=_secret_key(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        SECURE_HTTPS="false",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


_SECRET = secrets.token_urlsafe(50)


def _secret_key():
    return _SECRET


def collected_static(tmp_path_factory):
    """Run collectstatic once per test session (hashed, compressed files as in production)."""
    if "root" not in _collected:
        root = tmp_path_factory.mktemp("staticfiles")
        env = production_env("sqlite:///unused.sqlite3", root)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        _collected["root"] = root
    return _collected["root"]


@contextmanager
def gunicorn(env, workers=2, threads=1, timeout=30):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "campaign.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
            "--timeout", str(timeout), "--graceful-timeout", "5", "--log-level", "warning",
        ],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(port, process)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_listening(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{process.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start listening in time")


class TcpProxy:
    """Forwards a local port to PostgreSQL; `cut()` drops every connection, `restore()` reopens."""

    def __init__(self, target_port=5432):
        self.target = ("127.0.0.1", target_port)
        self.port = free_port()
        self._listener = None
        self._connections = []
        self._lock = threading.Lock()

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        listener, self._listener = self._listener, None
        if listener:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            for sock in self._connections:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with suppress(OSError):
                    sock.close()


def fetch(url, data=None, headers=None):
    """(status, body) of a request to one of our local test servers."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
