"""Lighthouse (mobile) performance of pages in the production configuration.

Lighthouse 12 from npm, run by Node with Debian's Chromium (headless), against the site
behind the shipped nginx configuration (HTTPS, gzip, its cache) with gunicorn and production
settings. Its default mobile settings: a mid-range phone's screen, a 4x slower CPU and a
simulated slow 4G network. npm installs it into .cache/lighthouse/ on first use (as the
Makefile does for the markup checker); without npm or Chromium the bench says why and goes on.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = "12.8.2"
PREFIX = ROOT / ".cache" / "lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def unavailable():
    """Why Lighthouse cannot run here (None when it can), after installing it if needed."""
    if not shutil.which("node") or not shutil.which("npm"):
        return "Node.js and npm are not installed (apt-get install -y npm)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    if not CLI.exists():
        installed = subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error",
             "--prefix", str(PREFIX), f"lighthouse@{VERSION}"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if installed.returncode or not CLI.exists():
            return f"npm could not install lighthouse@{VERSION}: {installed.stderr.strip()[-300:]}"
    return None


def audit(url):
    """Lighthouse's mobile performance report of `url`: score (0-100), metrics, bytes, requests."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        completed = subprocess.run(
            [
                "node", str(CLI), url, "--quiet", "--only-categories=performance",
                "--output=json", f"--output-path={report}",
                # The bench's certificate is made for the run; sandboxing needs a user namespace.
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
            timeout=180, check=False,
        )  # fmt: skip
        if not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {completed.stderr.strip()[-500:]}")
        data = json.loads(report.read_text())
    audits = data["audits"]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    blocking = audits.get("render-blocking-resources", {}).get("details", {}).get("items", [])
    return {
        "score": round(100 * (data["categories"]["performance"]["score"] or 0)),
        "metrics": {short: audits[name]["displayValue"] for name, short in METRICS.items() if name in audits},
        "bytes": int(audits.get("total-byte-weight", {}).get("numericValue", 0)),
        "requests": len(requests),
        "render_blocking": len(blocking),
        "runtime_error": (data.get("runtimeError") or {}).get("message", ""),
    }


def audit_pages(base_url, pages):
    """{page name: audit} for `pages` ({name: path}), or {"unavailable": reason}."""
    reason = unavailable()
    if reason:
        return {"unavailable": reason}
    return {name: audit(base_url + path) for name, path in pages.items()}
