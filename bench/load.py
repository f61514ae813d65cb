"""Load generation with wrk (Debian's package), driven by bench/traffic.lua."""

import json
import os
import re
import shutil
import ssl
import subprocess
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("traffic.lua")
RESULT_PREFIX = "BENCH-RESULT "


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    socket_errors: int
    unexpected_status: int
    sample_status: int
    tag: str  # starts the e-mail address of every signature this run sent

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self):
        return self.socket_errors + self.unexpected_status


def ensure_wrk():
    """Install Debian's wrk if it is missing (the bench machine and CI run as root)."""
    if shutil.which("wrk"):
        return
    print("wrk is missing: installing Debian's package", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, check=False).returncode:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, check=True)


def run(base_url, seconds, connections, paths=("/",), sign=None, rate=None, threads=2, expect=None):
    """Run wrk for `seconds` with `connections` open connections and return what it measured.

    `sign` (a SigningForm) switches to signing: every request is a POST with a new e-mail.
    `rate` paces the requests (requests per second over all connections) instead of
    sending as fast as the server answers. Signings say where they come from as a browser
    does (the SigningForm's origin, Sec-Fetch-Site: same-origin).
    """
    threads = max(1, min(threads, connections))
    tag = uuid.uuid4().hex[:10]
    env = {
        **os.environ,
        "BENCH_MODE": "sign" if sign else "get",
        "BENCH_PATHS": ",".join(paths),
        "BENCH_EXPECT": str(expect or (302 if sign else 200)),
        "BENCH_THREADS": str(threads),
        "BENCH_RATE": str(rate or 0),
        # Short and unique: the e-mail addresses of this run cannot repeat another run's.
        "BENCH_RUN_TAG": tag,
    }
    if sign:
        env.update(BENCH_SIGN_PATH=sign.path, BENCH_ORIGIN=sign.origin)
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
        "-s", str(SCRIPT), base_url,
    ]  # fmt: skip
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            data = json.loads(line.removeprefix(RESULT_PREFIX))
            break
    else:
        raise RuntimeError(f"wrk gave no result:\n{completed.stdout}\n{completed.stderr}")
    return LoadResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        socket_errors=sum(data[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts")),
        unexpected_status=data["unexpected_status"],
        sample_status=data["sample_status"],
        tag=tag,
    )


@dataclass(frozen=True)
class SigningForm:
    """What a signing POST needs: the form's address and the origin a browser would say it is
    posted from (the public forms are checked by origin, not by a token)."""

    path: str
    origin: str


def signing_form(base_url, petition_path):
    """Open the petition page once, as a browser would, for the form's address (through nginx
    too, whose certificate is made for the run: nothing to verify it against)."""
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=unverified))
    # Generous: on a shared machine the server may still be draining the last run's queue.
    with opener.open(base_url + petition_path, timeout=120) as response:
        html = response.read().decode()
    action = re.search(r'<form[^>]+action="([^"]*sign/)', html)
    parts = urllib.parse.urlsplit(base_url)
    return SigningForm(
        path=action.group(1) if action else petition_path + "sign/", origin=f"{parts.scheme}://{parts.netloc}"
    )
