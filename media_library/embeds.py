"""Videos inside a body: a YouTube or Vimeo link alone on its line is shown as the click-to-load player.

The stored body keeps only a plain link (the sanitiser's allow-list needs no iframe, no data
attribute): `<p><a href="https://www.youtube.com/watch?v=…">…</a></p>`, or the same link in a
`<figure>` with a `<figcaption>`. On the way out (publishing.html.register_renderer) each such
link becomes the player of media_library/includes/player.html: nothing is requested from the
provider until the visitor presses play, and without JavaScript the link still opens the video.
Only the provider and the video id are kept from the link; every address printed is rebuilt.
"""

import html
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .video_urls import embed_url, parse_video_url, watch_url

VIDEO_LINK_ALONE = re.compile(
    r'<p>\s*<a href="(?P<href>[^"]+)"[^>]*>(?P<text>[^<]*)</a>\s*</p>'
    r'|<figure>\s*<a href="(?P<fhref>[^"]+)"[^>]*>(?P<ftext>[^<]*)</a>\s*'
    r"(?:<figcaption>(?P<caption>[^<]*)</figcaption>\s*)?</figure>"
)
PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


@dataclass(frozen=True)
class BodyVideo:
    """What the player template needs of a video that lives only in a body (no poster)."""

    provider: str
    video_id: str
    title: str
    image_caption: str = ""
    privacy_hash: str = ""
    image = None
    duration = None

    @property
    def embed_url(self):
        return embed_url(self.provider, self.video_id, self.privacy_hash)

    @property
    def watch_url(self):
        return watch_url(self.provider, self.video_id, self.privacy_hash)

    def get_provider_display(self):
        return PROVIDER_NAMES[self.provider]


def video_in(match):
    """The BodyVideo a matched paragraph or figure links to, or None if the link is no video."""
    href = html.unescape(match["href"] or match["fhref"])
    reference = parse_video_url(href)
    if reference is None:
        return None
    text = html.unescape(match["text"] if match["href"] else match["ftext"]).strip()
    caption = html.unescape(match["caption"] or "").strip()
    # A link whose text is its own address says nothing: name the video by its caption instead.
    title = caption or ("" if parse_video_url(text) else text) or str(_("Video"))
    return BodyVideo(reference.provider, reference.video_id, title, caption, reference.privacy_hash)


def players_for_video_links(body_html):
    """`body_html` (sanitised) with each video link alone on its line shown as a player."""
    if "<a " not in body_html:
        return body_html

    def player(match):
        video = video_in(match)
        if video is None:
            return match.group(0)
        return render_to_string("media_library/includes/player.html", {"video": video})

    return VIDEO_LINK_ALONE.sub(player, body_html)
