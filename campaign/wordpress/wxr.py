"""Reading a WordPress export (WXR 1.0, 1.1 and 1.2, as Tools → Export and WordPress.com write it).

The file is read as a stream: each author, category, tag and item is handed over as a plain
dict as soon as it has been read, then dropped, so a 200 MB export takes little memory.
XML is parsed with defusedxml: an export never declares entities or a DTD, and one that does is
refused (no entity expansion, no external entities). Anything that is not a complete WordPress
export stops the reading with an `ExportError` whose message says what is wrong and what to do.
"""

import codecs
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

KNOWN_VERSIONS = {"1.0", "1.1", "1.2"}
WP_NAMESPACE = re.compile(r"^http://wordpress\.org/export/(?P<version>[^/]+)/$")
EXCERPT_NAMESPACE = re.compile(r"^http://wordpress\.org/export/[^/]+/excerpt/$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
CHANNEL_RECORDS = {"author", "category", "tag", "term"}
SITE_FIELDS = {("", "title"), ("", "link"), ("wp", "base_site_url"), ("wp", "base_blog_url")}


class ExportError(Exception):
    """The file cannot be imported; the message tells the person running the import why."""


@dataclass
class Site:
    """What the export says about the site it came from."""

    version: str = ""
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    hosts: set = field(default_factory=set)


def split_tag(tag):
    """("wp", "post_id") for {http://wordpress.org/export/1.2/}post_id, ("", "title") for title."""
    if not tag.startswith("{"):
        return "", tag
    uri, name = tag[1:].split("}", 1)
    if WP_NAMESPACE.match(uri):
        return "wp", name
    if EXCERPT_NAMESPACE.match(uri):
        return "excerpt", name
    if uri == CONTENT_NAMESPACE:
        return "content", name
    if uri == DC_NAMESPACE:
        return "dc", name
    return "other", name


def text_of(element):
    return (element.text or "").strip() if element is not None else ""


def record(element):
    """A channel-level record (wp:author, wp:category, wp:tag, wp:term) as {name: text}."""
    return {split_tag(child.tag)[1]: (child.text or "").strip() for child in element}


def item_record(element):
    """An <item> as a dict of its fields, its categories and tags, its meta and its comment count."""
    found = {"categories": [], "meta": {}, "comments": 0}
    for child in element:
        prefix, name = split_tag(child.tag)
        if prefix == "wp" and name == "postmeta":
            meta = record(child)
            found["meta"][meta.get("meta_key", "")] = meta.get("meta_value", "")
        elif prefix == "wp" and name == "comment":
            found["comments"] += 1
        elif prefix == "" and name == "category":
            found["categories"].append(
                (child.get("domain", "category"), child.get("nicename", ""), (child.text or "").strip())
            )
        elif prefix == "content" and name == "encoded":
            found["content"] = child.text or ""
        elif prefix == "excerpt" and name == "encoded":
            found["excerpt"] = (child.text or "").strip()
        elif prefix == "dc" and name == "creator":
            found["creator"] = (child.text or "").strip()
        elif prefix in ("", "wp"):
            found[name] = (child.text or "").strip()
    return found


def read(path):
    """Yield ("site", Site) once the channel's header is read, then ("author" | "category" | "tag" |
    "term" | "item", dict) for each record, in the file's order. Raises ExportError."""
    started = []
    try:
        yield from _read(path, started)
    except DefusedXmlException as error:
        raise ExportError(
            "The file declares XML entities or a document type, which a WordPress export never does: "
            f"it was refused for safety ({error.__class__.__name__})."
        ) from error
    except ParseError as error:
        if not started:
            raise ExportError(
                "This file is not XML, so it cannot be a WordPress export. Choose the .xml file WordPress "
                "wrote (Tools → Export → All content)."
            ) from error
        raise ExportError(_parse_problem(path, error)) from error
    except UnicodeDecodeError as error:
        raise ExportError(_not_utf8(path) or f"The file is not valid text ({error}).") from error


def _read(path, started):
    site = Site()
    channel = None
    depth = 0
    site_announced = False
    namespace_version = None
    events = iterparse(path, events=("start", "end", "start-ns"), forbid_dtd=True)
    for event, element in events:
        if event == "start-ns":
            _prefix, uri = element
            match = WP_NAMESPACE.match(uri)
            if match:
                namespace_version = match["version"]
            continue
        if event == "start":
            if not started:
                started.append(element.tag)
            depth += 1
            if depth == 1 and element.tag != "rss":
                raise ExportError(
                    f"This is XML, but not a WordPress export: it starts with <{split_tag(element.tag)[1]}>, "
                    "not <rss>. In WordPress, use Tools → Export → All content."
                )
            if depth == 2 and element.tag == "channel":
                channel = element
            continue
        depth -= 1
        if depth != 2 or channel is None:
            continue
        prefix, name = split_tag(element.tag)
        if prefix == "wp" and name == "wxr_version":
            site.version = text_of(element)
            if site.version not in KNOWN_VERSIONS:
                raise ExportError(
                    f"This export is in WXR version {site.version or '(none)'}, which this import does not "
                    f"know (it reads {', '.join(sorted(KNOWN_VERSIONS))}). Nothing was imported."
                )
        elif (prefix, name) in SITE_FIELDS:
            setattr(site, name, text_of(element))
        elif (prefix == "wp" and name in CHANNEL_RECORDS) or (prefix == "" and name == "item"):
            if not site_announced:
                _check_wordpress(site, namespace_version)
                site_announced = True
                yield "site", site
            yield (name, item_record(element) if name == "item" else record(element))
        else:
            continue
        element.clear()
        channel.remove(element)
    if channel is None:
        raise ExportError("This is XML, but not a WordPress export: it has no <channel>.")
    if not site_announced:
        _check_wordpress(site, namespace_version)
        yield "site", site


def _check_wordpress(site, namespace_version):
    if not site.version:
        if namespace_version is None:
            raise ExportError(
                "This is an RSS feed, not a WordPress export: it has no wp:wxr_version. In WordPress, use "
                "Tools → Export → All content, which writes the export file."
            )
        if namespace_version not in KNOWN_VERSIONS:
            raise ExportError(
                f"This export is in WXR version {namespace_version}, which this import does not know "
                f"(it reads {', '.join(sorted(KNOWN_VERSIONS))}). Nothing was imported."
            )
        site.version = namespace_version


def _parse_problem(path, error):
    line, column = getattr(error, "position", (0, 0))
    message = str(error)
    if line <= 1 and column == 0 and ("syntax error" in message or "not well-formed" in message):
        return (
            "This file is not XML, so it cannot be a WordPress export. Choose the .xml file WordPress wrote."
        )
    if "no element found" in message or "unclosed token" in message:
        return (
            f"The file stops before the export ends (line {line}): it was probably cut short while "
            "downloading or copying. Export it again from WordPress. Nothing was imported."
        )
    if "not well-formed" in message or "invalid token" in message:
        problem = _not_utf8(path)
        if problem:
            return problem
    return (
        f"The export is not well-formed XML at line {line}, column {column} ({message}). "
        "Nothing was imported."
    )


def _not_utf8(path):
    """A message naming the first line that is not UTF-8, or "" if the whole file decodes."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as error:
                line += chunk[: error.start].count(b"\n")
                return (
                    f"Line {line} of the export is not UTF-8 text (byte 0x{chunk[error.start]:02x}). "
                    "WordPress writes UTF-8: export the file again, or convert it to UTF-8 before importing. "
                    "Nothing was imported."
                )
            line += text.count("\n")
    return ""
