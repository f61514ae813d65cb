"""Recognising YouTube and Vimeo addresses, and the privacy-friendly players we embed.

Only the provider and the video id are kept from what an editor pastes: every address
the site prints (player, watch link) is rebuilt from those two, so nothing else from the
pasted text (tracking parameters, another host, a script) can reach a page.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

YOUTUBE = "youtube"
VIMEO = "vimeo"

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{6,12}")
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_YOUTUBE_SHORT_HOSTS = {"youtu.be", "www.youtu.be"}
_YOUTUBE_PATH_PREFIXES = {"embed", "shorts", "live", "v"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
_VIMEO_PLAYER_HOST = "player.vimeo.com"


@dataclass(frozen=True)
class VideoReference:
    provider: str
    video_id: str


def parse_video_url(url):
    """The provider and video id of a YouTube or Vimeo address, or None if it is neither."""
    try:
        parsed = urlparse((url or "").strip())
        host = (parsed.hostname or "").lower()
    except ValueError:  # e.g. a malformed port or IPv6 address
        return None
    if parsed.scheme not in ("http", "https"):
        return None
    parts = [part for part in parsed.path.split("/") if part]

    if host in _YOUTUBE_HOSTS:
        if parts == ["watch"]:
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif len(parts) >= 2 and parts[0] in _YOUTUBE_PATH_PREFIXES:
            candidate = parts[1]
        else:
            candidate = ""
        return _reference(YOUTUBE, candidate, _YOUTUBE_ID)
    if host in _YOUTUBE_SHORT_HOSTS and len(parts) == 1:
        return _reference(YOUTUBE, parts[0], _YOUTUBE_ID)
    if host in _VIMEO_HOSTS and parts:
        # vimeo.com/123456789, vimeo.com/channels/name/123456789, vimeo.com/groups/name/videos/123456789
        return _reference(VIMEO, parts[-1], _VIMEO_ID)
    if host == _VIMEO_PLAYER_HOST and len(parts) == 2 and parts[0] == "video":
        return _reference(VIMEO, parts[1], _VIMEO_ID)
    return None


def _reference(provider, candidate, pattern):
    # fullmatch, not match: "$" would let a trailing newline through.
    return VideoReference(provider, candidate) if pattern.fullmatch(candidate or "") else None


def embed_url(provider, video_id):
    """The player address: YouTube's no-cookie domain, Vimeo with do-not-track.

    Autoplay is on because the player is only loaded when the visitor presses play.
    """
    if provider == YOUTUBE:
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0"
    return f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"


def watch_url(provider, video_id):
    """The provider's own page for the video: where the play link goes without JavaScript."""
    if provider == YOUTUBE:
        return f"https://www.youtube.com/watch?v={video_id}"
    return f"https://vimeo.com/{video_id}"
