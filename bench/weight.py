"""What a visitor's browser downloads, and what it may keep: page weight, static caching, 304s."""

import gzip
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")
ASSETS = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
ONE_YEAR = 31_536_000


def fetch(url, headers=None):
    """(status, headers, body) of a GET; a compressed body is left as it came.

    `url` is always the local bench server's (http://127.0.0.1:port/...).
    """
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@dataclass(frozen=True)
class Asset:
    path: str
    wire_bytes: int
    encoding: str
    cache_control: str

    @property
    def is_hashed(self):
        return bool(HASHED_NAME.search(self.path))

    @property
    def is_immutable(self):
        max_age = re.search(r"max-age=(\d+)", self.cache_control)
        return "immutable" in self.cache_control and bool(max_age) and int(max_age.group(1)) >= ONE_YEAR


@dataclass(frozen=True)
class PageWeight:
    html_wire_bytes: int  # as the site sends it, to a browser that accepts gzip and brotli
    html_encoding: str
    html_gzip_bytes: int  # gzip -6, as a compressing reverse proxy would send it
    assets: list

    @property
    def total_as_served(self):
        return self.html_wire_bytes + sum(asset.wire_bytes for asset in self.assets)

    @property
    def total_compressed(self):
        html = self.html_wire_bytes if self.html_encoding else self.html_gzip_bytes
        return html + sum(asset.wire_bytes for asset in self.assets)


def page_weight(base_url, path):
    """HTML + CSS + JS bytes on the wire for one page, with the caching headers of each file."""
    accept = {"Accept-Encoding": "br, gzip"}
    status, headers, wire = fetch(base_url + path, accept)
    _, _, plain = fetch(base_url + path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    assets = []
    for asset_path in ASSETS.findall(plain.decode()):
        asset_status, asset_headers, asset_body = fetch(base_url + asset_path, accept)
        if asset_status != 200:
            raise RuntimeError(f"{asset_path} answered {asset_status}")
        assets.append(
            Asset(
                path=asset_path,
                wire_bytes=len(asset_body),
                encoding=asset_headers.get("Content-Encoding", ""),
                cache_control=asset_headers.get("Cache-Control", ""),
            )
        )
    return PageWeight(
        html_wire_bytes=len(wire),
        html_encoding=headers.get("Content-Encoding", ""),
        html_gzip_bytes=len(gzip.compress(plain, compresslevel=6)),
        assets=assets,
    )


def conditional_get(base_url, path):
    """How a repeat visit is answered: the status of a GET that sends back the validators.

    The second request carries the cookies the first one set, as a browser's would.
    Returns (status, validators sent), e.g. (304, "If-None-Match").
    """
    status, headers, _ = fetch(base_url + path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    repeat = {}
    if headers.get("ETag"):
        repeat["If-None-Match"] = headers["ETag"]
    if headers.get("Last-Modified"):
        repeat["If-Modified-Since"] = headers["Last-Modified"]
    cookies = [cookie.split(";", 1)[0] for cookie in headers.get_all("Set-Cookie") or []]
    if cookies:
        repeat["Cookie"] = "; ".join(cookies)
    if not repeat.keys() - {"Cookie"}:
        return 200, "no ETag or Last-Modified"
    status, _, _ = fetch(base_url + path, repeat)
    return status, " + ".join(sorted(repeat.keys() - {"Cookie"}))
