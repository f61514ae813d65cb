"""Real servers for reliability tests: gunicorn with production settings, and a TCP proxy
that can cut the database connection and restore it."""

import os
import re
import secrets
import shutil
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


# Where production_env points SMTP: a privileged port that no test server can take and
# nothing listens on, so a stray send fails at once ("connection refused") instead of
# reaching anyone. Web requests never send mail; tests of delivery run a fake mail server
# and override the EMAIL_* variables (tests/reliability/test_mail_failures.py).
NO_MAIL_SERVER_PORT = 1


def production_env(database_url, static_root, **overrides):
    """Production settings as the README describes them, on plain HTTP for local tests.

    Every variable the settings require with DEBUG off is here, so the site starts: the
    e-mail backend is SMTP (the only kind production accepts) to a port where nothing listens.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"} and not k.startswith("EMAIL_")
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=_secret_key(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        SECURE_HTTPS="false",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(NO_MAIL_SERVER_PORT),
        EMAIL_USE_TLS="false",
        DEFAULT_FROM_EMAIL="Campaign Kazakhstan <noreply@campaign.example.org>",
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
def gunicorn(env, workers=2, threads=1, timeout=30, port=None):
    """gunicorn on `port` (a free one by default; a fixed one to restart a server in place)."""
    port = port or free_port()
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
            raise RuntimeError(f"{process.args[0]} exited early:\n{process.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} in time")


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


REDIS_TEST_URL = "redis://127.0.0.1:6379/14"


def fresh_redis(url=REDIS_TEST_URL):
    """Empty the Redis database at `url` for a test; None (with the reason) when Redis is not reachable."""
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        client.flushdb()
    except Exception as error:  # any failure means "no Redis here"
        return f"needs Redis at {url} ({error})"
    return None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser against a test server: its own cookies, redirects not followed, so that
    a test sees each answer (302 and its Location) as the server gave it."""

    def __init__(self, base_url, headers=None):
        import http.cookiejar

        self.base_url = base_url
        self.headers = headers or {}
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects()
        )

    def request(self, path, data=None, method=None, headers=None):
        """(status, headers, body); `data` (a dict or pairs) is posted form-encoded."""
        import urllib.parse

        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(
            self.base_url + path, data=body, method=method, headers={**self.headers, **(headers or {})}
        )
        try:
            with self._opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)

    def post(self, path, data, **kwargs):
        """POST a form (a dict or (name, value) pairs) as a browser would from the site's page:
        saying where it comes from (Origin, Sec-Fetch-Site: the public forms are checked by
        that), with this visitor's CSRF token when it holds one (the admin's forms need it)."""
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        pairs = [(name, value) for name, value in pairs if name != "csrfmiddlewaretoken"]
        token = self.csrf_token()
        if token is not None:
            pairs = [("csrfmiddlewaretoken", token), *pairs]
        headers = {"Origin": self.base_url, "Sec-Fetch-Site": "same-origin", **kwargs.pop("headers", {})}
        return self.request(path, data=pairs, headers=headers, **kwargs)

    def csrf_token(self):
        """The CSRF cookie this visitor holds (after opening a token-protected form), or None."""
        for cookie in self.cookies:
            if cookie.name == "csrftoken":
                return cookie.value
        return None

    def open_form(self, path):
        """GET a page with a form, as a visitor does before posting it."""
        status, _headers, body = self.get(path)
        assert status == 200, f"GET {path} answered {status}"
        return body


def form_fields(html, form_id=None):
    """The values a browser would submit from the page's form (or the one with `form_id`):
    inputs, ticked boxes, selected options, textareas; file inputs left empty."""
    from html.parser import HTMLParser

    class FormReader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.fields, self.in_form, self.select, self.textarea = [], False, None, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form" and (form_id is None or attrs.get("id") == form_id):
                self.in_form = True
            if not self.in_form or attrs.get("disabled") is not None:
                return
            name = attrs.get("name")
            if tag == "input" and name:
                kind = attrs.get("type", "text").lower()
                if kind in {"submit", "button", "image", "reset", "file"}:
                    return
                if kind in {"checkbox", "radio"} and "checked" not in attrs:
                    return
                self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
            elif tag == "select" and name:
                self.select = name
            elif tag == "option" and self.select and "selected" in attrs:
                self.fields.append((self.select, attrs.get("value", "")))
            elif tag == "textarea" and name:
                self.textarea = [name, ""]

        def handle_data(self, data):
            if self.textarea is not None:
                self.textarea[1] += data

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea" and self.textarea is not None:
                # A browser drops the one newline that follows <textarea>.
                name, value = self.textarea
                self.fields.append((name, value.removeprefix("\n")))
                self.textarea = None
            elif tag == "form" and self.in_form:
                self.in_form = False

    reader = FormReader()
    reader.feed(html)
    return reader.fields


def database_url(connection, port=None):
    """The URL of the database the test process uses (the test database), for a server to share."""
    settings_dict = connection.settings_dict
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = port or settings_dict["PORT"] or 5432
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{settings_dict['NAME']}"


def wait_for_other_sessions_to_end(connection, seconds=10):
    """Wait until the stopped servers' PostgreSQL sessions have gone (a backend ends a moment
    after its client process does), so that the test database can be flushed and dropped after
    the test. A backend still there after `seconds` (its client was killed mid-query) is ended."""
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(f"SELECT count(*) {others}")
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)
        cursor.execute(f"SELECT pg_terminate_backend(pid) {others}")


# --- nginx in front, with the shipped configuration -------------------------------------------

NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "campaign.conf.template"
_NGINX_TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_missing():
    """Why nginx cannot run here (None when it can)."""
    if not Path(NGINX).exists():
        return f"needs nginx at {NGINX} (apt-get install -y nginx)"
    if not shutil.which("openssl"):
        return "needs openssl for a test certificate (apt-get install -y openssl)"
    return None


def render_template(values):
    """The template with its ${NAME} placeholders replaced, as envsubst with the list does."""
    text = NGINX_TEMPLATE.read_text()
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    placeholders = set(re.findall(r"\$\{([A-Z_]+)\}", "\n".join(lines)))
    if placeholders != set(values):
        raise ValueError(f"the template's placeholders are {sorted(placeholders)}")
    for name, value in values.items():
        text = text.replace("${" + name + "}", str(value))
    return text


def make_certificate(folder):
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(certificate), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost",
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    return certificate, key


@contextmanager
def nginx(folder, upstream_port, *, https_port=None, http_port=None, workers=1, http_extra=""):
    """nginx (Debian's) with the shipped site file (deploy/nginx/campaign.conf.template,
    rendered as deploy/README.md says) included in a minimal main configuration with its own
    pid, temporary folders and logs in `folder`; yields (https base URL, http base URL).
    `http_extra` adds directives around it (the bench's real-IP line)."""
    https_port, http_port = https_port or free_port(), http_port or free_port()
    certificate, key = make_certificate(folder)
    for name in ("cache", "media", "acme", "logs", "temp"):
        (folder / name).mkdir()
    site = folder / "campaign.conf"
    site.write_text(
        render_template(
            {
                "SERVER_NAME": "localhost",
                "HTTP_PORT": http_port,
                "HTTPS_PORT": https_port,
                "TLS_CERTIFICATE": certificate,
                "TLS_CERTIFICATE_KEY": key,
                "UPSTREAM": f"127.0.0.1:{upstream_port}",
                "CACHE_DIR": folder / "cache",
                "MEDIA_ROOT": folder / "media",
                "LOG_DIR": folder / "logs",
                "ACME_ROOT": folder / "acme",
            }
        )
    )
    temp = folder / "temp"
    main = folder / "nginx.conf"
    main.write_text(
        # Root (as in CI) would hand the workers to "nobody", who cannot read pytest's folders.
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes {workers};\npid {folder}/nginx.pid;\nerror_log {folder}/logs/error.log warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        + "".join(f"  {kind}_temp_path {temp}/{kind};\n" for kind in _NGINX_TEMP_PATHS)
        + http_extra
        + f"  include {site};\n}}\n"
    )  # fmt: skip
    checked = subprocess.run([NGINX, "-t", "-c", str(main)], capture_output=True, text=True)
    if checked.returncode:
        raise RuntimeError(f"nginx refused the configuration:\n{checked.stderr}")
    command = [NGINX, "-c", str(main), "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 10
        while not (folder / "nginx.pid").exists():
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited:\n{process.stdout.read()}")
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not start")
            time.sleep(0.05)
        wait_until_listening(https_port, process, seconds=10)
        yield f"https://localhost:{https_port}", f"http://localhost:{http_port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
