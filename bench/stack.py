"""The production stack the benchmarks run against: PostgreSQL, Redis, gunicorn, the task worker.

Everything runs on this machine, as one small server would: a dedicated database
(dropped and recreated each run, so figures never depend on what an earlier run left),
a Redis database of its own (shared by every gunicorn worker, as in production) and
gunicorn with production settings.
"""

import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import servers  # noqa: E402
from tests.servers import production_env  # noqa: E402

PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
DATABASE_NAME = "campaign_bench"
DATABASE_URL = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{DATABASE_NAME}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
# nginx in front for the petition day (deploy/nginx/campaign.conf.template, rendered for the run).
NGINX_HTTPS_PORT = int(os.environ.get("BENCH_NGINX_HTTPS_PORT", "8443"))
NGINX_HTTP_PORT = int(os.environ.get("BENCH_NGINX_HTTP_PORT", "8160"))
NGINX_URL = f"https://localhost:{NGINX_HTTPS_PORT}"


def bench_env(work_dir, **overrides):
    """Production settings (tests/servers.py), plus what the benchmark needs.

    - ROOT_URLCONF=bench.urls adds the baseline view beside the site's own URLs;
    - TRUSTED_PROXY_COUNT=1: the site sits behind one proxy, as the README recommends,
      and the load generator plays the part of many signers by sending X-Forwarded-For
      (otherwise every signing comes from 127.0.0.1 and the per-address limit flags it,
      which skips the e-mail and makes signing look cheaper than it is);
    - "testserver" is allowed so the in-process probes can use Django's test client;
    - BEHIND_TLS_PROXY and nginx's address as a trusted origin: for the petition day behind
      nginx over HTTPS, as deploy/README.md sets up production (direct requests carry no
      X-Forwarded-Proto, so they are plain HTTP as before).
    """
    work_dir = Path(work_dir)
    env = production_env(
        DATABASE_URL,
        work_dir / "static",
        ROOT_URLCONF="bench.urls",
        REDIS_URL=REDIS_URL,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        MEDIA_ROOT=work_dir / "media",
        TRUSTED_PROXY_COUNT=1,
        BEHIND_TLS_PROXY="true",
        CSRF_TRUSTED_ORIGINS=NGINX_URL,
        LOG_LEVEL="WARNING",
        PAGE_CACHE_SECONDS=5,
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def recreate_database():
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE_NAME}")


def flush_cache():
    """Empty the bench's Redis database: cached pages, rate-limit counters, content version."""
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    client.close()


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env):
    """A fresh database with the schema, hashed static files, and an empty cache."""
    recreate_database()
    flush_cache()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def run_module(env, module, *args):
    """Run `python -m module args` with the bench settings; its last line of output is JSON."""
    completed = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def sql(query, params=None):
    """One query on the bench database from the runner; returns all rows."""
    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        return connection.execute(query, params).fetchall()


def deferred_listener():
    """A listening socket that hands over a connection only once its request has arrived.

    In production a reverse proxy sits in front of gunicorn and passes on whole requests,
    so a sync worker never waits on a client. wrk, when it paces requests, connects first
    and sends later: without TCP_DEFER_ACCEPT a sync worker would accept the connection
    and sit idle until the request came, and the figures would measure wrk, not the site.
    """
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 30)
    listener.bind(("127.0.0.1", 0))
    listener.listen(2048)
    listener.set_inheritable(True)
    return listener


@contextmanager
def gunicorn(env, workers, log_path):
    """gunicorn with sync workers, as in production; yields its base URL once it answers."""
    listener = deferred_listener()
    port = listener.getsockname()[1]
    with open(log_path, "a") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "campaign.wsgi",
                "--bind", f"fd://{listener.fileno()}", "--workers", str(workers),
                "--worker-class", "sync",
                "--backlog", "2048", "--timeout", "30", "--graceful-timeout", "5",
                "--log-level", "warning",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, pass_fds=(listener.fileno(),),
        )  # fmt: skip
    listener.close()  # gunicorn has its own copy
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process)
        yield url
    finally:
        _stop(process)


def wait_until_serving(url, process, seconds=60):
    """Wait for the baseline view to answer (the socket accepts before gunicorn even starts)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited early: see the server log")
        try:
            with urllib.request.urlopen(f"{url}/bench/baseline", timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


@contextmanager
def nginx_in_front(app_url, work_dir):
    """The shipped nginx configuration in front of the gunicorn at `app_url`, over HTTPS with a
    certificate made for the run; yields (its URL, its access log).

    wrk plays thousands of clients from one machine: as behind a CDN, nginx takes the client's
    address from the X-Forwarded-For the load generator sends (realip, trusted from 127.0.0.1
    only), so its request limits and the site's flood limits see many signers, not one.
    """
    reason = servers.nginx_missing()
    if reason:
        raise RuntimeError(f"the petition day behind nginx {reason}")
    folder = Path(work_dir) / "nginx"
    folder.mkdir(exist_ok=True)
    real_ip = "  set_real_ip_from 127.0.0.1;\n  real_ip_header X-Forwarded-For;\n"
    with servers.nginx(
        folder, int(app_url.rsplit(":", 1)[1]), https_port=NGINX_HTTPS_PORT, http_port=NGINX_HTTP_PORT,
        workers=os.cpu_count() or 1, http_extra=real_ip,
    ) as (https_url, _http_url):  # fmt: skip
        try:
            yield https_url, folder / "logs" / "campaign.access.log"
        except Exception:
            errors = folder / "logs" / "error.log"
            if errors.exists():
                print(f"--- nginx's error log:\n{errors.read_text()[-3000:]}", file=sys.stderr)
            raise


def cache_statuses(access_log):
    """How nginx answered, from its access log: {"HIT": n, "MISS": n, "-": n (not cacheable), ...}."""
    counts = {}
    with open(access_log) as log:
        for line in log:
            status = line.rsplit("cache=", 1)[-1].strip()
            counts[status] = counts.get(status, 0) + 1
    return counts


@contextmanager
def task_worker(env, log_path):
    """The task worker (`manage.py db_worker`) that sends e-mail, never the web process."""
    with open(log_path, "a") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        yield process
    finally:
        _stop(process)


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def stalled_mail_server():
    """An SMTP port that accepts connections and then never says a word.

    An SMTP client waits for the server's greeting until its timeout (EMAIL_TIMEOUT):
    the worst kind of mail outage, because nothing fails quickly. Yields the port.
    """
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held = []

    def accept():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            held.append(connection)  # kept open and silent

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        with suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        for connection in held:
            connection.close()


def cpu_seconds():
    """(busy CPU-seconds of the whole machine, CPU-seconds of our finished child processes) so far.

    Read before and after a run, they tell how busy the machine was and how much of it
    the load generator (wrk, a child of this process) took for itself.
    """
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    ticks = os.sysconf("SC_CLK_TCK")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (sum(fields[:8]) - idle) / ticks, children.ru_utime + children.ru_stime


def postgres_version():
    return sql("SHOW server_version")[0][0].split()[0]


def task_counts():
    """Queued e-mail and other tasks by status, e.g. {"READY": 1200, "RUNNING": 1}."""
    return dict(sql("SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"))
