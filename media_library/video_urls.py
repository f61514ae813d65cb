"""Recognising YouTube and Vimeo addresses, and the privacy-friendly players we embed."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

YOUTUBE = "youtube"
VIMEO = "vimeo"

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class VideoReference:
    provider: str
    video_id: str


def parse_video_url(url):
    """The provider and video id of a YouTube or Vimeo address, or None if it is neither."""
    try:
        parsed = urlparse((url or "").strip())
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower()
    parts = [part for part in parsed.path.split("/") if part]
    candidate = None
    if host in _YOUTUBE_HOSTS:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live", "v"):
            candidate = parts[1]
        if candidate and _YOUTUBE_ID.match(candidate):
            return VideoReference(YOUTUBE, candidate)
    elif host == "youtu.be" and parts:
        if _YOUTUBE_ID.match(parts[0]):
            return VideoReference(YOUTUBE, parts[0])
    elif host in _VIMEO_HOSTS and parts:
        # vimeo.com/123456, vimeo.com/channels/name/123456, player.vimeo.com/video/123456
        candidate = parts[-1] if host != "player.vimeo.com" else (parts[1] if len(parts) > 1 else "")
        if _VIMEO_ID.match(candidate):
            return VideoReference(VIMEO, candidate)
    return None


def embed_url(provider, video_id):
    """The player address: YouTube's no-cookie domain, Vimeo with do-not-track."""
    if provider == YOUTUBE:
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0"
    return f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"


def watch_url(provider, video_id):
    if provider == YOUTUBE:
        return f"https://www.youtube.com/watch?v={video_id}"
    return f"https://vimeo.com/{video_id}"
