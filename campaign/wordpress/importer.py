"""Importing a WordPress export: `import_export(path, uploads=..., dry_run=...)` returns its Report.

Guarantees:
- All or nothing: the file is read once to check and plan it (nothing written), then imported in
  one transaction. A file that is not a complete WordPress export stops at the first reading with
  an ExportError and changes nothing; files copied before a failure are removed again.
- Idempotent: every item is recorded by its WordPress ID (wordpress.ImportedItem). Importing the
  same file again changes nothing; a newer export updates what changed in WordPress, and never
  overwrites what an editor changed here since (the report names each one it kept).
- Bounded memory: both readings stream the file (wordpress/wxr.py); what is kept between them is a
  small summary of each item.
- Every old address of an imported item becomes a redirect to its new one (publishing.Redirect).
"""

import hashlib
import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from campaign.models import ImportedItem
from media_library.models import Image, VideoPost
from publishing.images import validate_image_upload
from publishing.models import (
    Article,
    Author,
    Category,
    Page,
    Post,
    Publishable,
    Redirect,
    Tag,
    address_is_taken,
)
from publishing.redirects import MAX_ADDRESS_LENGTH, redirect_key

from . import content, wxr
from .report import Report
from .slugs import make_slug, unique_slug

IMPORTED_TYPES = {"post", "page", "attachment"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)|-scaled(?=\.[A-Za-z0-9]+$)")
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
NO_DATE = "0000-00-00 00:00:00"
TITLE_LENGTH = 200
SLUG_LENGTH = 190
PUBLISHED, DRAFT = Publishable.Status.PUBLISHED, Publishable.Status.DRAFT
LOCAL_FIELDS = {
    Post: ["title", "slug", "standfirst", "byline", "body", "status", "published_at", "image", "image_alt"],
    Page: ["title", "slug", "standfirst", "body", "status", "published_at", "image", "image_alt"],
    Image: ["image", "image_alt", "title", "caption"],
    Category: ["name", "slug", "description", "parent_id"],
    Tag: ["name", "slug", "description"],
    Author: ["name", "slug"],
}


def plain(text):
    """Text without markup or entities, on one line (titles, names, excerpts)."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text or "")).split())


def fingerprint(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def local_hash(obj):
    """A fingerprint of what an editor could change on `obj`."""
    model = next(model for model in LOCAL_FIELDS if isinstance(obj, model))
    values = []
    for name in LOCAL_FIELDS[model]:
        value = getattr(obj, name)
        if isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat()
        elif hasattr(value, "name") and not isinstance(value, str):
            value = value.name or ""
        values.append(value)
    return fingerprint(values)


def upload_path(address):
    """The path under wp-content/uploads of an address of an uploaded file ("2013/06/photo.jpg"),
    or None. WordPress.com keeps uploads at https://SITE.files.wordpress.com/2013/06/photo.jpg."""
    parts = urlsplit((address or "").strip())
    path = unquote(parts.path)
    if "/wp-content/uploads/" in path:
        return path.split("/wp-content/uploads/", 1)[1].lstrip("/") or None
    if (parts.hostname or "").endswith(".files.wordpress.com"):
        return path.lstrip("/") or None
    return None


def full_size(path):
    """photo-300x200.jpg → photo.jpg: the file a resized copy was made from."""
    return SIZE_SUFFIX.sub("", path)


@dataclass
class Entry:
    """What the first reading keeps of one post, page or attachment."""

    wp_id: str
    wp_type: str
    status: str
    title: str
    post_name: str
    link: str
    guid: str
    post_date: str
    parent: str
    attachment_file: str = ""
    alt: str = ""
    caption: str = ""
    is_video: bool = False
    untitled: bool = False
    slug: str = ""
    url: str = ""


@dataclass
class Plan:
    site: wxr.Site = None
    authors: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    entries: dict = field(default_factory=dict)  # (type, wp id) → Entry
    attachments_by_file: dict = field(default_factory=dict)  # upload path → wp id
    children: dict = field(default_factory=dict)  # parent wp id → [attachment wp ids]
    item_count: int = 0


class WordPressImport:
    def __init__(self, path, *, uploads=None, dry_run=False, progress=None):
        self.path = Path(path)
        self.uploads = Path(uploads) if uploads else None
        self.dry_run = dry_run
        self.progress = progress or (lambda iterable, **kwargs: iterable)
        self.report = Report(dry_run=dry_run)
        self.saved_files = []
        self.images = {}  # wp id or upload path → Image (or None when it could not be imported)
        self.planned_redirects = {}  # old address key → new address
        self.upload_redirects = {}
        self.new_links = defaultdict(list)  # m2m through model → rows of new posts

    # --- the whole run ---------------------------------------------------------------

    def run(self):
        plan = self.read_plan()
        try:
            with transaction.atomic():
                self.write(plan)
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self.remove_saved_files()
            raise
        if self.dry_run:
            self.remove_saved_files()
        return self.report

    def remove_saved_files(self):
        for name in self.saved_files:
            default_storage.delete(name)

    # --- first reading: check the whole file and plan the addresses -------------------

    def read_plan(self):
        plan = Plan()
        for kind, data in self.progress(wxr.read(self.path), desc="Reading the export", unit=" records"):
            if kind == "site":
                plan.site = data
                self.report.site = data.title or data.base_site_url
                self.report.version = data.version
            elif kind == "author":
                plan.authors.append(data)
            elif kind == "category" or (kind == "term" and data.get("term_taxonomy") == "category"):
                plan.categories.append(self.category_record(data))
            elif kind == "tag" or (kind == "term" and data.get("term_taxonomy") == "post_tag"):
                plan.tags.append(self.tag_record(data))
            elif kind == "item":
                plan.item_count += 1
                self.plan_item(plan, data)
        for address in (plan.site.base_site_url, plan.site.base_blog_url, plan.site.link):
            if urlsplit(address).hostname:
                plan.site.hosts.add(urlsplit(address).hostname.lower())
        self.source = (
            plan.site.base_blog_url or plan.site.base_site_url or plan.site.link or str(self.path.name)
        )[:300]
        self.plan_addresses(plan)
        return plan

    @staticmethod
    def category_record(data):
        return {
            "term_id": data.get("term_id", ""),
            "nicename": data.get("category_nicename") or data.get("term_slug", ""),
            "parent": data.get("category_parent") or data.get("term_parent", ""),
            "name": plain(data.get("cat_name") or data.get("term_name", "")),
            "description": plain(data.get("category_description") or data.get("term_description", "")),
        }

    @staticmethod
    def tag_record(data):
        return {
            "term_id": data.get("term_id", ""),
            "nicename": data.get("tag_slug") or data.get("term_slug", ""),
            "name": plain(data.get("tag_name") or data.get("term_name", "")),
            "description": plain(data.get("tag_description") or data.get("term_description", "")),
        }

    def plan_item(self, plan, data):
        wp_type = data.get("post_type", "")
        if wp_type not in IMPORTED_TYPES:
            return
        wp_id = data.get("post_id", "")
        if not wp_id:
            return
        entry = Entry(
            wp_id=wp_id,
            wp_type=wp_type,
            status=data.get("status", ""),
            title=plain(data.get("title", "")),
            post_name=data.get("post_name", ""),
            link=data.get("link", ""),
            guid=data.get("guid", ""),
            post_date=data.get("post_date", ""),
            parent=data.get("post_parent", "0"),
        )
        if wp_type == "attachment":
            entry.attachment_file = (
                data["meta"].get("_wp_attached_file") or upload_path(data.get("attachment_url", "")) or ""
            )
            entry.alt = plain(data["meta"].get("_wp_attachment_image_alt", ""))
            entry.caption = plain(data.get("excerpt", ""))
            if entry.attachment_file:
                plan.attachments_by_file.setdefault(entry.attachment_file, wp_id)
            plan.children.setdefault(entry.parent, []).append(wp_id)
        else:
            converted = content.convert(data.get("content", ""))
            entry.is_video = wp_type == "post" and content.is_mostly_one_video(converted)
            if not entry.title:
                # Named by its first words, as WordPress lists it; the slug follows from them.
                entry.untitled = True
                entry.title = plain(converted.html)[:60].rsplit(" ", 1)[0] or f"Untitled {wp_type} {wp_id}"
        plan.entries[(wp_type, wp_id)] = entry

    def plan_addresses(self, plan):
        """Each post's and page's slug and new address, before anything is written, so that links
        between them can point at their new addresses wherever they are in the file."""
        self.plan = plan
        self.records = {
            (record.wp_type, record.wp_id): record
            for record in ImportedItem.objects.filter(source=self.source).select_related("content_type")
        }
        known = {"post": [], "page": []}
        for (wp_type, _wp_id), record in self.records.items():
            if wp_type in known:
                known[wp_type].append(record.object_id)
        current = {
            pk: (slug, kind)
            for pk, slug, kind in Post.objects.filter(pk__in=known["post"]).values_list("pk", "slug", "kind")
        }
        current_pages = dict(Page.objects.filter(pk__in=known["page"]).values_list("pk", "slug"))
        self.existing = {"post": set(current), "page": set(current_pages)}
        post_slugs = set(Post.objects.values_list("slug", flat=True))
        page_slugs = set(Page.objects.values_list("slug", flat=True))
        for (wp_type, wp_id), entry in plan.entries.items():
            if wp_type == "attachment":
                continue
            record = self.records.get((wp_type, wp_id))
            if record and wp_type == "post" and record.object_id in current:
                entry.slug, kind = current[record.object_id]
                entry.is_video = kind == VideoPost.post_kind
            elif record and wp_type == "page" and record.object_id in current_pages:
                entry.slug = current_pages[record.object_id]
            else:
                wanted = make_slug(
                    entry.post_name, entry.title, max_length=SLUG_LENGTH, fallback=f"{wp_type}-{wp_id}"
                )
                taken = post_slugs if wp_type == "post" else page_slugs
                if wp_type == "page":
                    while address_is_taken(f"/{wanted}/") and wanted not in taken:
                        taken.add(wanted)
                entry.slug = unique_slug(wanted, taken, max_length=SLUG_LENGTH)
                if entry.slug != wanted:
                    self.report.note(
                        self.describe(entry),
                        f"the address '{wanted}' was taken; it is now '{entry.slug}'",
                    )
            if wp_type == "page":
                entry.url = reverse("publishing:page", kwargs={"slug": entry.slug})
            elif entry.is_video:
                entry.url = reverse(VideoPost.detail_url_name, kwargs={"slug": entry.slug})
            else:
                entry.url = reverse(Article.detail_url_name, kwargs={"slug": entry.slug})
            for old in self.old_addresses(entry):
                self.plan_redirect(old, entry.url)

    def old_addresses(self, entry):
        found = [entry.link]
        if "?p=" in entry.guid or "page_id=" in entry.guid:
            found.append(entry.guid)
        if entry.wp_type == "post":
            found += [f"/?p={entry.wp_id}", f"/archives/{entry.wp_id}", f"/index.php/archives/{entry.wp_id}"]
            date = re.match(r"(\d{4})-(\d{2})-(\d{2})", entry.post_date)
            if date and entry.post_name:
                year, month, day = date.groups()
                for prefix in ("", "/index.php"):
                    found += [
                        f"{prefix}/{year}/{month}/{day}/{entry.post_name}/",
                        f"{prefix}/{year}/{month}/{entry.post_name}/",
                    ]
                found.append(f"/{entry.post_name}/")
        elif entry.wp_type == "page":
            found.append(f"/?page_id={entry.wp_id}")
            path = urlsplit(entry.link).path
            if path and not path.startswith("/index.php"):
                found.append(f"/index.php{path}")
        return found

    def plan_redirect(self, old, new):
        if not old:
            return
        parts = urlsplit(old)
        if parts.hostname and parts.hostname.lower() not in self.plan_hosts():
            return
        key = redirect_key(old)
        if key in ("/", "/index.php") or len(key) > MAX_ADDRESS_LENGTH or key == redirect_key(new):
            return
        self.planned_redirects.setdefault(key, new)

    def plan_hosts(self):
        return self.plan.site.hosts if getattr(self, "plan", None) else set()

    @staticmethod
    def describe(entry):
        return f"{entry.wp_type} {entry.wp_id} “{entry.title or '(no title)'}”"

    # --- second reading: write ---------------------------------------------------------

    def write(self, plan):
        self.authors = self.import_authors(plan.authors)
        self.categories = self.import_categories(plan.categories)
        self.tags = self.import_tags(plan.tags)
        items = wxr.read(self.path)
        for kind, data in self.progress(
            items, desc="Importing", unit=" records", total=self.record_total(plan)
        ):
            if kind != "item":
                continue
            self.report.comments += data["comments"]
            wp_type = data.get("post_type", "")
            if wp_type not in IMPORTED_TYPES:
                self.report.count(
                    wp_type or "item", "skipped", f"WordPress {wp_type or 'item'}s are not imported"
                )
                continue
            entry = plan.entries.get((wp_type, data.get("post_id", "")))
            if entry is None:
                self.report.count(wp_type, "skipped", "no WordPress ID")
                continue
            if wp_type == "attachment":
                self.attachment(entry.wp_id, report=True)
            else:
                self.import_post_or_page(entry, data)
        self.write_links()
        self.write_redirects()

    def record_total(self, plan):
        return plan.item_count + len(plan.authors) + len(plan.categories) + len(plan.tags) + 1

    def upsert(
        self, kind, wp_type, wp_id, model, fields, source, *, create_fields=None, after_save=None, label=""
    ):
        """Create or update the object for a WordPress item; returns it (or the kept one).

        `fields` are what the export decides; `create_fields` are set only when it is new (the
        slug: an address, once given, stays)."""
        source_hash = fingerprint([source, sorted(fields)])
        record = self.records.get((wp_type, wp_id))
        # Posts and pages known to exist (read in bulk while planning) need no query each.
        if (
            record is not None
            and record.source_hash == source_hash
            and record.object_id in self.existing.get(wp_type, ())
        ):
            self.report.count(kind, "unchanged")
            return None
        if record is not None:
            obj = record.content_type.model_class().objects.filter(pk=record.object_id).first()
            if obj is None:
                self.report.count(
                    kind, "skipped", "deleted on this site since the last import: not brought back"
                )
                return None
            if record.source_hash == source_hash:
                self.report.count(kind, "unchanged")
                return obj
            if local_hash(obj) != record.local_hash:
                self.report.count(
                    kind, "skipped", "changed by an editor since the last import: their version kept"
                )
                self.report.note(
                    label or f"{wp_type} {wp_id}",
                    "changed in WordPress and by an editor here; the editor's version was kept",
                )
                return obj
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()
            if after_save:
                after_save(obj, created=False)
            record.source_hash, record.local_hash = source_hash, local_hash(obj)
            record.save(update_fields=["source_hash", "local_hash", "imported_at"])
            self.report.count(kind, "updated")
            return obj
        obj = model(**fields, **(create_fields or {}))
        obj.save()
        if after_save:
            after_save(obj, created=True)
        self.records[(wp_type, wp_id)] = ImportedItem.objects.create(
            source=self.source,
            wp_type=wp_type,
            wp_id=wp_id,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False)
            if not obj._meta.proxy
            else ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            source_hash=source_hash,
            local_hash=local_hash(obj),
        )
        self.report.count(kind, "imported")
        return obj

    # --- authors, categories, tags -------------------------------------------------------

    def import_authors(self, authors):
        found = {}
        taken = set(Author.objects.values_list("slug", flat=True))
        for data in authors:
            login = data.get("author_login", "")
            name = plain(data.get("author_display_name") or "") or login
            if not login:
                continue
            record = self.records.get(("author", login))
            fields = {"name": name[:200]}
            create = {}
            if record is None:
                slug = make_slug(login, name, fallback="author")
                existing = Author.objects.filter(slug=slug).first()
                if existing is not None:  # the same person, made by hand or by another import
                    found[login] = existing
                    self.report.count("author", "unchanged")
                    self.plan_author_addresses(data, login, existing)
                    continue
                create = {"slug": unique_slug(slug, taken)}
            author = self.upsert("author", "author", login, Author, fields, data, create_fields=create)
            if author is not None:
                found[login] = author
                self.plan_author_addresses(data, login, author)
        return found

    def plan_author_addresses(self, data, login, author):
        url = author.get_absolute_url()
        for prefix in ("", "/index.php"):
            self.plan_redirect(f"{prefix}/author/{login}/", url)
            self.plan_redirect(f"{prefix}/author/{login}/feed/", url)
        if data.get("author_id"):
            self.plan_redirect(f"/?author={data['author_id']}", url)

    def import_categories(self, records):
        by_nicename = {}
        taken_slugs = set(Category.objects.values_list("slug", flat=True))
        taken_names = set(Category.objects.values_list("name", flat=True))
        for data in records:
            nicename = data["nicename"]
            if not nicename:
                continue
            label = f"category “{data['name']}”"
            record = self.records.get(("category", nicename))
            fields = {"description": data["description"]}
            create = {}
            if record is None:
                slug = make_slug(nicename, data["name"], fallback="category")
                existing = Category.objects.filter(slug=slug).first()
                if existing is not None:
                    by_nicename[nicename] = existing
                    self.report.count("category", "unchanged")
                    continue
                name = data["name"] or slug
                if name in taken_names:
                    parent_name = next((c["name"] for c in records if c["nicename"] == data["parent"]), "")
                    unique = f"{name} ({parent_name})" if parent_name else f"{name} ({slug})"
                    self.report.note(label, f"another category has this name; it is now “{unique}”")
                    name = unique
                taken_names.add(name)
                # Top-level categories in the header, as the old site's menu had them; editors choose.
                create = {
                    "name": name[:100],
                    "slug": unique_slug(slug, taken_slugs),
                    "show_in_navigation": not data["parent"],
                }
            category = self.upsert(
                "category", "category", nicename, Category, fields, data, create_fields=create, label=label
            )
            if category is not None:
                by_nicename[nicename] = category
        # Parents once every category exists; then the old addresses, which need the whole path.
        for data in records:
            child, parent = by_nicename.get(data["nicename"]), by_nicename.get(data["parent"])
            if child is not None and parent is not None and child.parent_id is None and child != parent:
                child.parent = parent
                child.save(update_fields=["parent"])
                record = self.records.get(("category", data["nicename"]))
                if record is not None:
                    record.local_hash = local_hash(child)
                    record.save(update_fields=["local_hash"])
        parents = {data["nicename"]: data["parent"] for data in records}
        for data in records:
            category = by_nicename.get(data["nicename"])
            if category is None:
                continue
            path, seen = [data["nicename"]], {data["nicename"]}
            while parents.get(path[0]) and parents[path[0]] not in seen:
                seen.add(parents[path[0]])
                path.insert(0, parents[path[0]])
            url = category.get_absolute_url()
            feed = reverse("category_feed", kwargs={"slug": category.slug})
            for prefix in ("", "/index.php"):
                for nicenames in {"/".join(path), data["nicename"]}:
                    self.plan_redirect(f"{prefix}/category/{nicenames}/", url)
                    self.plan_redirect(f"{prefix}/category/{nicenames}/feed/", feed)
            if data["term_id"]:
                self.plan_redirect(f"/?cat={data['term_id']}", url)
        return by_nicename

    def import_tags(self, records):
        by_nicename = {}
        taken_slugs = set(Tag.objects.values_list("slug", flat=True))
        taken_names = set(Tag.objects.values_list("name", flat=True))
        for data in records:
            tag = self.tag(data, taken_slugs, taken_names)
            if tag is not None:
                by_nicename[data["nicename"]] = tag
        return by_nicename

    def tag(self, data, taken_slugs, taken_names):
        nicename = data["nicename"]
        if not nicename:
            return None
        record = self.records.get(("tag", nicename))
        create = {}
        if record is None:
            slug = make_slug(nicename, data["name"], fallback="tag")
            existing = Tag.objects.filter(slug=slug).first() or Tag.objects.filter(name=data["name"]).first()
            if existing is not None:
                self.report.count("tag", "unchanged")
                self.plan_tag_addresses(data, existing)
                return existing
            name = data["name"] or slug
            if name in taken_names:
                name = f"{name} ({slug})"
            taken_names.add(name)
            create = {"name": name[:100], "slug": unique_slug(slug, taken_slugs)}
        tag = self.upsert(
            "tag", "tag", nicename, Tag, {"description": data["description"]}, data, create_fields=create
        )
        if tag is not None:
            self.plan_tag_addresses(data, tag)
        return tag

    def plan_tag_addresses(self, data, tag):
        url = tag.get_absolute_url()
        for prefix in ("", "/index.php"):
            self.plan_redirect(f"{prefix}/tag/{data['nicename']}/", url)
            self.plan_redirect(f"{prefix}/tag/{data['nicename']}/feed/", url)
        self.plan_redirect(f"/?tag={data['nicename']}", url)

    # --- attachments and images ------------------------------------------------------------

    def attachment(self, wp_id, *, report=False):
        """The Image an attachment became (importing it the first time it is needed), or None."""
        if wp_id in self.images:
            return self.images[wp_id]
        entry = self.plan.entries.get(("attachment", wp_id))
        image = None
        if entry is None:
            pass
        elif PurePosixPath(entry.attachment_file).suffix.lower() not in IMAGE_EXTENSIONS:
            self.report.count(
                "image", "skipped", "not an image (documents, audio and video files are not imported)"
            )
        else:
            image = self.image_file(
                "attachment",
                wp_id,
                entry.attachment_file,
                alt=entry.alt or entry.title,
                title=entry.title,
                caption=entry.caption,
                label=self.describe(entry),
            )
        self.images[wp_id] = image
        if image is not None and entry is not None:
            for old in [entry.link, f"/?attachment_id={wp_id}"]:
                self.plan_redirect(old, image.image.url)
            self.upload_redirects[entry.attachment_file] = image.image.url
        return image

    def image_file(self, wp_type, wp_id, relative, *, alt, title="", caption="", label=""):
        """An Image made from wp-content/uploads/`relative` in the uploads folder, or None (reported)."""
        relative = relative.lstrip("/")
        record = self.records.get((wp_type, wp_id))
        source = {"file": relative, "alt": alt, "title": title, "caption": caption}
        if record is not None and record.source_hash == fingerprint(
            [source, sorted(["image_alt", "title", "caption"])]
        ):
            self.report.count("image", "unchanged")
            return Image.objects.filter(pk=record.object_id).first()
        path = (self.uploads / relative) if self.uploads else None
        if path is None or not path.is_file() or ".." in PurePosixPath(relative).parts:
            self.report.count("image", "skipped", "file missing from the uploads folder")
            self.report.missing(f"wp-content/uploads/{relative}")
            return None
        with path.open("rb") as handle:
            upload = File(handle, name=PurePosixPath(relative).name)
            try:
                validate_image_upload(upload)
            except ValidationError as error:
                self.report.count("image", "skipped", "not an image the site can read")
                self.report.note(f"wp-content/uploads/{relative}", " ".join(error.messages))
                return None
            fields = {
                "image_alt": (alt or PurePosixPath(relative).stem)[:250],
                "title": title[:200],
                "caption": caption[:300],
            }
            try:
                image = self.upsert(
                    "image",
                    wp_type,
                    wp_id,
                    Image,
                    fields,
                    source,
                    create_fields={"image": upload},
                    label=label or relative,
                )
            except (OSError, ValueError, SyntaxError) as error:  # Pillow could not re-encode it
                self.report.count("image", "skipped", "not an image the site can read")
                self.report.note(f"wp-content/uploads/{relative}", f"could not be re-encoded ({error})")
                return None
        if image is not None and image.image.name not in self.saved_files and record is None:
            self.saved_files.append(image.image.name)
        return image

    def body_image(self, attrs):
        """Where an <img> of a body points now (an imported file), or None to drop it (reported)."""
        src = attrs.get("src", "")
        if src.startswith(settings.MEDIA_URL):  # already imported (a gallery's images)
            return attrs
        relative = upload_path(src)
        if relative is None:
            host = (urlsplit(src).hostname or "").lower()
            if host and host not in self.plan.site.hosts:
                self.report.content_notes[
                    "image from another site removed (the site loads nothing from others)"
                ] += 1
            else:
                self.report.content_notes["image outside wp-content/uploads removed"] += 1
            return None
        original = full_size(relative)
        wp_id = self.plan.attachments_by_file.get(original) or self.plan.attachments_by_file.get(relative)
        if wp_id is not None:
            image = self.attachment(wp_id)
        else:
            key = f"file:{original}"
            if key not in self.images:
                self.images[key] = self.image_file("file", original, original, alt=attrs.get("alt", ""))
            image = self.images[key]
        if image is None:
            self.report.content_notes["image whose file is missing removed"] += 1
            return None
        self.upload_redirects[relative] = image.image.url
        kept = {"src": image.image.url, "alt": attrs.get("alt") or image.image_alt}
        kept.update({name: attrs[name] for name in ("width", "height") if attrs.get(name, "").isdigit()})
        return kept

    def body_link(self, href):
        """Where a link of a body points now: imported posts and files at their new addresses."""
        parts = urlsplit(href)
        if parts.scheme not in ("", "http", "https"):
            return href
        host = (parts.hostname or "").lower()
        if host and host not in self.plan.site.hosts and not host.endswith(".files.wordpress.com"):
            return href
        relative = upload_path(href)
        if relative is not None:
            if PurePosixPath(relative).suffix.lower() in IMAGE_EXTENSIONS:
                image = self.body_image({"src": href})
                return image["src"] if image else href
            self.report.content_notes["link to an uploaded document left pointing at the old site"] += 1
            return href
        return self.planned_redirects.get(redirect_key(href), href)

    def gallery(self, entry):
        def images(ids):
            found = []
            for wp_id in ids or self.plan.children.get(entry.wp_id, []):
                image = self.attachment(wp_id)
                if image is not None:
                    found.append({"src": image.image.url, "alt": image.image_alt, "caption": image.caption})
            return found

        return images

    # --- posts and pages ----------------------------------------------------------------

    def import_post_or_page(self, entry, data):
        kind = "page" if entry.wp_type == "page" else ("video post" if entry.is_video else "post")
        label = self.describe(entry)
        status = self.status(entry, data, kind, label)
        if status is None:
            return
        converted = content.convert(
            data.get("content", ""), image=self.body_image, link=self.body_link, gallery=self.gallery(entry)
        )
        self.report.content_notes.update(converted.notes)
        published_at = self.date(data, label)
        if published_at is None:
            status, published_at = DRAFT, timezone.now()
        elif status == PUBLISHED and published_at > timezone.now() and data.get("status") == "publish":
            self.report.note(label, "published in WordPress with a date in the future: scheduled for then")
        title = entry.title
        if entry.untitled:
            self.report.note(label, f"has no title; it is now “{title}”")
        if len(title) > TITLE_LENGTH:
            title = title[: TITLE_LENGTH - 1].rstrip() + "…"
            self.report.note(label, "title shortened to 200 characters")
        fields = {
            "title": title,
            "status": status,
            "published_at": published_at,
            "standfirst": plain(data.get("excerpt", "")),
            "body": converted.html,
        }
        featured = (
            self.attachment(data["meta"]["_thumbnail_id"]) if data["meta"].get("_thumbnail_id") else None
        )
        if featured is not None:
            fields["image"], fields["image_alt"] = featured.image.name, featured.image_alt or title
        source = {
            key: data.get(key)
            for key in (
                "title",
                "content",
                "excerpt",
                "status",
                "post_date",
                "post_date_gmt",
                "post_password",
                "is_sticky",
                "creator",
            )
        }
        source.update(categories=data["categories"], thumbnail=data["meta"].get("_thumbnail_id", ""))
        if entry.wp_type == "page":
            order = data.get("menu_order") or "0"
            fields["navigation_order"] = min(int(order), 32767) if order.isdigit() else 0
            self.upsert(
                "page",
                "page",
                entry.wp_id,
                Page,
                fields,
                source,
                create_fields={"slug": entry.slug},
                label=label,
            )
            return
        author = self.authors.get(data.get("creator", ""))
        fields.update(
            byline=author.name if author else plain(data.get("creator", ""))[:200],
            writer=author,
            is_featured=data.get("is_sticky") == "1",
        )
        model = Article
        if entry.is_video:
            model = VideoPost
            fields["video_url"] = converted.videos[0]
            fields["body"] = content.without_videos(converted.html)
        categories, tags = self.terms_of(data)
        self.upsert(
            kind,
            "post",
            entry.wp_id,
            model,
            fields,
            source,
            create_fields={"slug": entry.slug},
            after_save=lambda post, created: self.file_under(post, categories, tags, created=created),
            label=label,
        )

    def file_under(self, post, categories, tags, *, created):
        """A post's categories and tags: set at once when it is updated; for a new post the rows
        are written in bulk at the end (one query per thousand posts, not four per post)."""
        if not created:
            post.categories.set(categories)
            post.tags.set(tags)
            return
        post_id = post.pk
        self.new_links[Post.categories.through].extend(
            Post.categories.through(post_id=post_id, category_id=category.pk) for category in set(categories)
        )
        self.new_links[Post.tags.through].extend(
            Post.tags.through(post_id=post_id, tag_id=tag.pk) for tag in set(tags)
        )

    def write_links(self):
        for through, rows in self.new_links.items():
            through.objects.bulk_create(rows, batch_size=1000)
        self.new_links.clear()

    def status(self, entry, data, kind, label):
        """This site's status for a WordPress status, or None to skip the item (reported)."""
        wp_status = data.get("status", "")
        if data.get("post_password"):
            self.report.note(label, "password-protected in WordPress: imported as a draft, not public")
            return DRAFT
        if wp_status in ("publish", "future"):
            return PUBLISHED
        if wp_status in ("draft", "pending"):
            return DRAFT
        if wp_status == "private":
            self.report.note(label, "private in WordPress: imported as a draft, not public")
            return DRAFT
        if wp_status in ("trash", "auto-draft"):
            self.report.count(
                kind, "skipped", f"{'in the trash' if wp_status == 'trash' else 'an empty automatic draft'}"
            )
            return None
        self.report.note(label, f"unknown WordPress status “{wp_status}”: imported as a draft")
        return DRAFT

    def date(self, data, label):
        """The publish date, or None when the export has none that makes sense (reported)."""
        found = None
        gmt = data.get("post_date_gmt", "")
        try:
            if gmt and gmt != NO_DATE:
                found = datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            elif data.get("post_date") and data["post_date"] != NO_DATE:
                found = timezone.make_aware(datetime.strptime(data["post_date"], "%Y-%m-%d %H:%M:%S"))
            elif data.get("pubDate"):
                found = parsedate_to_datetime(data["pubDate"])
        except (ValueError, TypeError, OverflowError):
            found = None
        if found is None:
            if data.get("status") in ("publish", "future"):
                self.report.note(label, "has no date WordPress could give: imported as a draft dated today")
            return None if data.get("status") in ("publish", "future") else timezone.now()
        if found < EARLIEST:
            self.report.note(
                label, f"dated {found:%Y-%m-%d}, before 1990: imported as a draft dated today; check its date"
            )
            return None
        return found

    def terms_of(self, data):
        categories, tags = [], []
        for domain, nicename, name in data["categories"]:
            if domain == "category":
                category = self.categories.get(nicename)
                if category is None and nicename:
                    record = {
                        "term_id": "",
                        "nicename": nicename,
                        "parent": "",
                        "name": plain(name),
                        "description": "",
                    }
                    category = self.import_categories([record]).get(nicename)
                    self.categories[nicename] = category
                if category is not None:
                    categories.append(category)
            elif domain == "post_tag":
                tag = self.tags.get(nicename)
                if tag is None and nicename:
                    record = {"term_id": "", "nicename": nicename, "name": plain(name), "description": ""}
                    tag = self.tag(
                        record,
                        set(Tag.objects.values_list("slug", flat=True)),
                        set(Tag.objects.values_list("name", flat=True)),
                    )
                    self.tags[nicename] = tag
                if tag is not None:
                    tags.append(tag)
        return categories, tags

    # --- redirects ----------------------------------------------------------------------

    def write_redirects(self):
        """Every planned old address as a redirect: new ones created, the import's own updated,
        an editor's left as they set it."""
        for relative, url in self.upload_redirects.items():
            self.plan_redirect(f"/wp-content/uploads/{relative}", url)
        planned = self.planned_redirects
        live = {redirect_key(url) for url in planned.values()}
        planned = {key: url for key, url in planned.items() if key not in live}
        keys = list(planned)
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            existing = {
                redirect.old_path: redirect for redirect in Redirect.objects.filter(old_path__in=batch)
            }
            new = []
            for key in batch:
                redirect = existing.get(key)
                if redirect is None:
                    new.append(Redirect(old_path=key, new_path=planned[key], source=Redirect.Source.IMPORT))
                elif redirect.new_path == planned[key]:
                    self.report.redirects["unchanged"] += 1
                elif redirect.source == Redirect.Source.IMPORT:
                    redirect.new_path = planned[key]
                    redirect.save(update_fields=["new_path", "updated_at"])
                    self.report.redirects["updated"] += 1
                else:
                    self.report.redirects["kept"] += 1
            Redirect.objects.bulk_create(new, batch_size=500)
            self.report.redirects["created"] += len(new)


def import_export(path, *, uploads=None, dry_run=False, progress=None):
    """Import the WordPress export at `path` (see the module's docstring); returns the Report."""
    return WordPressImport(path, uploads=uploads, dry_run=dry_run, progress=progress).run()
