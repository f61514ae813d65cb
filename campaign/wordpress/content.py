"""A WordPress body made native: the markup this site stores, with its own players and figures.

What WordPress keeps in post_content is not what it shows: it adds paragraphs at display time
(wpautop), expands shortcodes and turns a video address alone on a line into a player. Here the
same happens once, at import:

- block-editor comments (<!-- wp:paragraph -->), <!--more--> and <!--nextpage--> are removed;
- a YouTube or Vimeo address alone on a line, an [embed], [youtube], [vimeo] or [video] shortcode,
  a block-editor embed and a pasted <iframe>/<object> player become the site's video marker: the
  link alone in a paragraph (or a figure with its caption), which pages show as the click-to-load
  player (media_library/embeds.py);
- [caption] becomes a <figure> with its <figcaption>; [gallery] a figure for each image;
- paragraphs are added where WordPress would have added them;
- images and links are handed to the importer's callbacks, which point them at imported files
  and at the new addresses of imported posts.

The result is sanitised again when it is saved (SanitisedHTMLField).
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import escape

from media_library.video_urls import parse_video_url, watch_url
from publishing.html import plain_text

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->|<!--\s*(?:more|nextpage|noteaser)\b.*?-->", re.DOTALL)
URL_ALONE_ON_A_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
BLOCK_EMBED = re.compile(
    r'<figure class="wp-block-embed[^"]*"[^>]*>\s*<div class="wp-block-embed__wrapper">\s*(?P<url>[^\s<]+)\s*'
    r"</div>\s*(?:<figcaption[^>]*>(?P<caption>.*?)</figcaption>\s*)?</figure>",
    re.DOTALL,
)
IFRAME = re.compile(
    r"<iframe\b(?P<attrs>[^>]*)>.*?</iframe>|<iframe\b(?P<lone>[^>]*)/?>", re.DOTALL | re.IGNORECASE
)
OBJECT = re.compile(r"<object\b.*?</object>", re.DOTALL | re.IGNORECASE)
EMBED_TAG = re.compile(r"<embed\b[^>]*>", re.IGNORECASE)
SHORTCODE = re.compile(
    r"\[(?P<name>caption|wp_caption|embed|video|audio)\b(?P<attrs>[^\]]*)\](?P<inner>.*?)\[/(?P=name)\]"
    r"|\[(?P<single>youtube|vimeo|gallery|video|audio|wpvideo|embed)\b(?P<single_attrs>[^\]]*)\]",
    re.DOTALL | re.IGNORECASE,
)
OTHER_SHORTCODE = re.compile(r"\[/?([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]")
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>\]]+)""")
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK_HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)("[^"]*"|'[^']*')""", re.IGNORECASE)
BLOCK_START = re.compile(
    r"^<(?:p|h[1-6]|ul|ol|li|dl|blockquote|figure|table|div|pre|hr|address|section|form|iframe|object)\b",
    re.IGNORECASE,
)
SRC_URL = re.compile(r"""\bsrc=["']([^"']+)["']""", re.IGNORECASE)
VIDEO_MARKER = re.compile(r"<p><a href=\"(?P<href>[^\"]+)\" data-video>[^<]*</a></p>")
MOSTLY_VIDEO_WORDS = 30


@dataclass
class Converted:
    html: str
    videos: list = field(default_factory=list)  # watch addresses of the videos, in order
    notes: Counter = field(default_factory=Counter)  # what could not be kept, for the report


def attributes(text):
    return {name.lower(): html.unescape(value.strip("\"'")) for name, value in ATTRIBUTE.findall(text or "")}


def video_marker(url, caption=""):
    """The stored form of a video: its link alone in a paragraph, or in a figure with a caption."""
    reference = parse_video_url(url)
    if reference is None:
        return None
    address = escape(watch_url(reference.provider, reference.video_id, reference.privacy_hash))
    if caption.strip():
        figcaption = f"<figcaption>{caption.strip()}</figcaption>"
        return f'\n\n<figure><a href="{address}">{address}</a>{figcaption}</figure>\n\n'
    return f'\n\n<p><a href="{address}" data-video>{address}</a></p>\n\n'


def convert(content, *, image=None, link=None, gallery=None):
    """`content` (post_content) as the body this site stores.

    `image(attrs) -> attrs | None` is asked about each <img> (return None to drop it),
    `link(href) -> href` about each link, `gallery(ids) -> [attrs]` for a [gallery] shortcode
    (ids empty: the post's own attachments).
    """
    result = Converted("")
    text = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    text = BLOCK_COMMENT.sub("", text)
    text = BLOCK_EMBED.sub(lambda m: _embed(m["url"], m["caption"] or "", result), text)
    text = SHORTCODE.sub(lambda m: _shortcode(m, result, gallery), text)
    text = IFRAME.sub(lambda m: _iframe(m, result), text)
    text = OBJECT.sub(lambda m: _object(m, result), text)
    text = EMBED_TAG.sub(lambda m: _object(m, result), text)
    text = URL_ALONE_ON_A_LINE.sub(lambda m: video_marker(m[1]) or m.group(0), text)
    for name in OTHER_SHORTCODE.findall(text):
        result.notes[f"shortcode [{name}] left as text"] += 1
    text = autop(text)
    if image is not None:
        text = IMG.sub(lambda m: _image(m.group(0), image, result), text)
    if link is not None:
        text = LINK_HREF.sub(lambda m: f'{m[1]}"{escape(link(html.unescape(m[2][1:-1])))}"', text)
    result.videos = [html.unescape(match["href"]) for match in VIDEO_MARKER.finditer(text)]
    result.videos += [
        html.unescape(m[1]) for m in re.finditer(r'<figure><a href="([^"]+)">[^<]*</a><figcaption>', text)
    ]
    result.html = text.replace(" data-video>", ">")
    return result


def without_videos(body_html):
    """The body with its video markers taken out (for a post that becomes a video post)."""
    text = re.sub(
        r'<p><a href="[^"]+">[^<]*</a></p>',
        lambda m: "" if _is_video_paragraph(m.group(0)) else m.group(0),
        body_html,
    )
    text = re.sub(
        r'<figure><a href="[^"]+">[^<]*</a><figcaption>.*?</figcaption></figure>',
        lambda m: "" if _is_video_paragraph(m.group(0)) else m.group(0),
        text,
    )
    return text.strip()


def _is_video_paragraph(fragment):
    href = re.search(r'href="([^"]+)"', fragment)
    return bool(href and parse_video_url(html.unescape(href[1])))


def is_mostly_one_video(converted):
    """A post that is mainly one video: exactly one, and little text around it."""
    if len(converted.videos) != 1:
        return False
    return len(plain_text(without_videos(converted.html)).split()) <= MOSTLY_VIDEO_WORDS


def autop(text):
    """Paragraphs where WordPress adds them: a blank line ends one, a single newline is a <br>."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    return "\n".join(blocks)


def _embed(url, caption, result):
    marker = video_marker(html.unescape(url).strip(), caption)
    if marker:
        return marker
    result.notes["embedded page from another site linked instead"] += 1
    safe = escape(html.unescape(url).strip())
    return f'\n\n<p><a href="{safe}">{safe}</a></p>\n\n'


def _shortcode(match, result, gallery):
    name = (match["name"] or match["single"]).lower()
    attrs = attributes(match["attrs"] if match["name"] else match["single_attrs"])
    inner = match["inner"] or ""
    if name in ("caption", "wp_caption"):
        caption = attrs.get("caption", "")
        body = inner
        found = re.match(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", inner, re.DOTALL)
        if found:
            body, caption = found[1], (found[2].strip() or caption)
        return f"\n\n<figure>{body.strip()}<figcaption>{caption}</figcaption></figure>\n\n"
    if name == "gallery":
        ids = [part.strip() for part in attrs.get("ids", attrs.get("include", "")).split(",") if part.strip()]
        images = gallery(ids) if gallery else []
        if not images:
            result.notes["gallery with no images found"] += 1
            return ""
        figures = []
        for image in images:
            caption = f"<figcaption>{escape(image['caption'])}</figcaption>" if image.get("caption") else ""
            img = f'<img src="{escape(image["src"])}" alt="{escape(image.get("alt", ""))}">'
            figures.append(f"<figure>{img}{caption}</figure>")
        return "\n\n" + "\n".join(figures) + "\n\n"
    if name in ("youtube", "vimeo"):
        raw = match["single_attrs"].strip().lstrip("=").strip()
        url = attrs.get("id") or attrs.get("url") or raw.split()[0] if raw else ""
        if url and not url.startswith("http"):
            url = (
                f"https://www.youtube.com/watch?v={url}" if name == "youtube" else f"https://vimeo.com/{url}"
            )
        return video_marker(html.unescape(url)) or _unplayable(result, name)
    if name in ("embed", "video", "audio"):
        url = (
            inner.strip()
            or attrs.get("src")
            or attrs.get("url")
            or next(
                (
                    value
                    for key, value in attrs.items()
                    if key in ("mp4", "webm", "ogv", "m4v", "mp3", "ogg", "wav")
                ),
                "",
            )
        )
        marker = video_marker(url)
        if marker:
            return marker
        if url:
            result.notes[f"[{name}] of a file or page linked instead of played"] += 1
            safe = escape(url)
            return f'\n\n<p><a href="{safe}">{safe}</a></p>\n\n'
        return _unplayable(result, name)
    return _unplayable(result, name)  # wpvideo (VideoPress) and the like


def _unplayable(result, name):
    result.notes[f"[{name}] removed: not a YouTube or Vimeo video"] += 1
    return ""


def _iframe(match, result):
    src = attributes(match["attrs"] if match["attrs"] is not None else match["lone"]).get("src", "")
    marker = video_marker(src)
    if marker:
        return marker
    result.notes["embedded frame from another site removed"] += 1
    return ""


def _object(match, result):
    for url in SRC_URL.findall(match.group(0)) + re.findall(r'value=["\'](https?://[^"\']+)', match.group(0)):
        marker = video_marker(html.unescape(url))
        if marker:
            return marker
    result.notes["embedded object (Flash) removed"] += 1
    return ""


def _image(tag, image, result):
    attrs = attributes(tag[4:])
    new = image(attrs)
    if new is None:
        return ""
    kept = " ".join(
        f'{name}="{escape(new[name])}"' for name in ("src", "alt", "width", "height") if name in new
    )
    return f"<img {kept}>"
