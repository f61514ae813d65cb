"""Recognising YouTube and Vimeo addresses, and the privacy-friendly players we embed.

Only the provider and the video id are kept from what an editor pastes, with the privacy
hash of an unlisted Vimeo video (without it Vimeo will not play the video): every address
the site prints (player, watch link) is rebuilt from those, so nothing else from the
pasted text (tracking parameters, another host, a script) can reach a page.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

YOUTUBE = "youtube"
VIMEO = "vimeo"

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{6,12}")
# An unlisted Vimeo video's privacy hash: vimeo.com/<id>/<hash>, player.vimeo.com/video/<id>?h=<hash>.
_VIMEO_HASH = re.compile(r"[0-9a-f]{6,32}")
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
    privacy_hash: str = ""  # an unlisted Vimeo video's; "" for every other video


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
    if host in _VIMEO_HOSTS and len(parts) == 2 and _VIMEO_ID.fullmatch(parts[0]):
        # vimeo.com/81617180/abcdef1234: an unlisted video and its privacy hash
        if _VIMEO_HASH.fullmatch(parts[1]):
            return VideoReference(VIMEO, parts[0], parts[1])
        return None
    if host in _VIMEO_HOSTS and parts:
        # vimeo.com/123456789, vimeo.com/channels/name/123456789, vimeo.com/groups/name/videos/123456789
        return _vimeo_reference(parts[-1], parsed.query)
    if host == _VIMEO_PLAYER_HOST and len(parts) == 2 and parts[0] == "video":
        # player.vimeo.com/video/123456789, with ?h=<hash> for an unlisted video
        return _vimeo_reference(parts[1], parsed.query)
    return None


def _vimeo_reference(candidate, query):
    hashes = parse_qs(query).get("h", [])
    if len(hashes) > 1 or (hashes and not _VIMEO_HASH.fullmatch(hashes[0])):
        return None  # a hash we cannot trust would give a player that does not play
    reference = _reference(VIMEO, candidate, _VIMEO_ID)
    if reference and hashes:
        return VideoReference(VIMEO, reference.video_id, hashes[0])
    return reference


def _reference(provider, candidate, pattern):
    # fullmatch, not match: "$" would let a trailing newline through.
    return VideoReference(provider, candidate) if pattern.fullmatch(candidate or "") else None


def embed_url(provider, video_id, privacy_hash=""):
    """The player address: YouTube's no-cookie domain, Vimeo with do-not-track.

    Autoplay is on because the player is only loaded when the visitor presses play.
    """
    if provider == YOUTUBE:
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0"
    if privacy_hash:
        return f"https://player.vimeo.com/video/{video_id}?h={privacy_hash}&dnt=1&autoplay=1"
    return f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"


def watch_url(provider, video_id, privacy_hash=""):
    """The provider's own page for the video: where the play link goes without JavaScript."""
    if provider == YOUTUBE:
        return f"https://www.youtube.com/watch?v={video_id}"
    if privacy_hash:
        return f"https://vimeo.com/{video_id}/{privacy_hash}"
    return f"https://vimeo.com/{video_id}"
