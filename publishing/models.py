"""What every kind of public content shares, and the posts themselves.

The declarations other apps build on:
- `Publishable`: a draft or published item with a publish date (a date in the future
  schedules it), whose queryset answers `published()` and `visible_to(user)` (staff preview);
- `ImageWithAltText`: an uploaded image that cannot be saved without its description;
- `ActionWindow`: the time an appeal or a petition takes part (status, deadline, open or closed,
  and what a visitor reads once it has closed);
- `SanitisedHTMLField` and `CleanImageField` (in fields.py and images.py).

And the content itself: categories and tags, the authors posts are credited to, the `Post`
base every kind of post extends, articles, static pages (About, Contact, Donate) with their
place in the navigation, the site's own words (`SiteSettings`), and redirects from old
addresses (redirects.py).
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import connections, models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import fulltext
from .fields import SanitisedHTMLField
from .html import plain_text
from .images import CleanImageField
from .redirects import KeepsOldAddresses, Redirect
from .validators import frame_origins, validate_frame_origins

__all__ = ["Redirect"]  # defined in redirects.py, registered here with the app's other models

# --- Publishing: draft, scheduled, published ---------------------------------


def can_preview(user, model):
    """Whether `user` may see unpublished items of `model` (an editor previewing a draft).

    Active staff with the permission to view that kind in the admin, or a superuser.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    opts = model._meta
    return user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public now: published, with a publish date that has come.

        An item scheduled for later matches by itself once its time passes; no job runs.
        """
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Publishable.Status.PUBLISHED, published_at__gt=timezone.now())

    def visible_to(self, user):
        """What `user` may open: the published items, and every item for an editor who previews."""
        return self if can_preview(user, self.model) else self.published()


class Publishable(models.Model):
    """A draft until an editor publishes it, and public from its publish date on."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publish date"),
        default=timezone.now,
        help_text=_("A date in the future schedules it: it appears by itself at that time."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()


# --- Images that always have a description -----------------------------------


def image_upload_to(instance, filename):
    """Uploads go to the model's own folder, by month: posts/2026/03/photo.jpg."""
    return f"{instance.image_folder}/{timezone.now():%Y/%m}/{filename}"


class ImageWithAltText(models.Model):
    """An optional image, re-encoded without metadata, that is never stored without its
    description for people who cannot see it (the database refuses it too)."""

    image_folder = "images"

    image = CleanImageField(_("image"), upload_to=image_upload_to, blank=True)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="%(app_label)s_%(class)s_image_has_alt_text",
            ),
        ]

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})


# --- The time an action is open -----------------------------------------------


class ActionWindowQuerySet(models.QuerySet):
    def open(self):
        """Taking part today: open, and the deadline (if any) not yet past."""
        return self.filter(action_status=ActionWindow.ActionStatus.OPEN).filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=timezone.localdate())
        )

    def ended_before(self, moment):
        """Actions that stopped before `moment`: closed then, or their deadline past by then."""
        return self.filter(models.Q(closed_at__lt=moment) | models.Q(deadline__lt=timezone.localdate(moment)))


class ActionWindow(models.Model):
    """When supporters can act on something (write a letter, sign): open until an editor
    closes it or its deadline passes. Afterwards visitors read why it closed.

    Each kind says in its own words what a closed one tells visitors (`closing_messages`);
    an editor may write their own instead (`closing_message`).
    """

    class ActionStatus(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        DELIVERED = "delivered", _("Handed in")
        WON = "won", _("Won")

    # What a visitor reads once it is no longer open, by status ("" for a passed deadline).
    closing_messages = {
        ActionStatus.WON: _("This action was won. Thank you to everyone who took part."),
        ActionStatus.DELIVERED: _("This action has been handed in. Thank you for your support."),
        "": _("This action is closed."),
    }

    action_status = models.CharField(
        _("action status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("The last day to take part. Leave empty for none.")
    )
    closing_message = models.TextField(
        _("closing message"),
        blank=True,
        help_text=_(
            "What visitors read once it is closed, instead of the standard sentence; for example "
            "what it achieved."
        ),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    objects = ActionWindowQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.action_status == self.ActionStatus.OPEN:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        if kwargs.get("update_fields") is not None and "action_status" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "closed_at"}
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        if self.action_status != self.ActionStatus.OPEN:
            return False
        return self.deadline is None or self.deadline >= timezone.localdate()

    @property
    def closed_message(self):
        """Why supporters can no longer act, in the words a visitor should read ("" while open)."""
        if self.is_open:
            return ""
        if self.closing_message.strip():
            return self.closing_message
        return self.closing_messages.get(self.action_status, self.closing_messages[""])

    @property
    def last_day(self):
        """The last day supporters could act (today while it is open)."""
        last_day = timezone.localdate()
        if self.closed_at:
            last_day = min(last_day, timezone.localdate(self.closed_at))
        if self.deadline:
            last_day = min(last_day, self.deadline)
        return last_day


# --- The campaign's own words ---------------------------------------------------


def posts_with_a_player():
    """Which posts another post may feature at its top: the kinds that have a player (videos)."""
    return models.Q(kind__in=[kind for kind, model in Post.kinds().items() if model.player_template])


class SiteSettings(models.Model):
    """The campaign's name and the sentences that present it, edited in the admin.

    One row. Pages read it through `SiteSettings.current()`, kept in the cache until an
    editor saves it or a static page again; it carries the navigation's static pages too.
    """

    CACHE_KEY = "publishing:site-settings"

    name = models.CharField(
        _("campaign name"), max_length=100, help_text=_("Shown in the header, page titles and e-mails.")
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_(
            "One sentence on what the campaign stands for: the home page heading and the description "
            "search engines show."
        ),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences under the tagline on the home page, when no appeal is featured."),
    )
    footer_text = models.CharField(
        _("footer text"),
        max_length=300,
        blank=True,
        help_text=_("Under the campaign's name in every footer."),
    )
    # Who answers for supporters' data: the privacy notice names them, and says plainly when
    # they are not set yet.
    data_controller = models.CharField(
        _("data controller"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who is responsible for the personal data the site keeps (signers' names and addresses): "
            "the organisation or person, as the law would name them. Shown on the privacy notice."
        ),
    )
    data_controller_address = models.TextField(
        _("data controller's postal address"),
        blank=True,
        help_text=_("Where the data controller can be written to. Shown on the privacy notice."),
    )
    privacy_contact_email = models.EmailField(
        _("privacy contact e-mail"),
        blank=True,
        help_text=_(
            "Where supporters write to ask what the site holds about them, or to have it corrected or "
            "erased. Shown on the privacy notice."
        ),
    )
    featured_post = models.ForeignKey(
        "Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured on the home page"),
        help_text=_(
            "Shown at the top of the home page under 'Act now', usually an appeal. Empty: the newest "
            "open appeal."
        ),
    )
    featured_video = models.ForeignKey(
        "Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=posts_with_a_player,
        verbose_name=_("featured video"),
        help_text=_("A video shown on the home page, under the featured post. Empty: none."),
    )
    # The partner widget (a petition's /embed/ page) is the one page other sites may frame.
    widget_allowed_origins = models.TextField(
        _("sites that may show the petition widget"),
        blank=True,
        validators=[validate_frame_origins],
        help_text=_(
            "The web addresses of partner sites allowed to put a petition's widget on their pages, one "
            "per line, as https://partner.org (https://*.partner.org for all its subdomains). Empty: any "
            "site may. No other page of this site can be shown inside another site."
        ),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1  # one row only
        super().save(*args, **kwargs)
        self.forget_cached()

    def delete(self, *args, **kwargs):
        super().delete(*args, **kwargs)
        self.forget_cached()

    @classmethod
    def cache_key(cls, language):
        # One copy per language: the navigation is stored with its titles as they read in it.
        return f"{cls.CACHE_KEY}:{language}"

    @classmethod
    def forget_cached(cls):
        shared_cache.delete_many([cls.cache_key(code) for code, _name in settings.LANGUAGES])

    @classmethod
    def current(cls):
        """The site's settings: the saved row, or the defaults (SITE_NAME) before anyone saved it."""
        key = cls.cache_key(get_language())
        found = shared_cache.get(key)
        if found is None:
            found = cls.objects.filter(pk=1).first() or cls(pk=1, name=settings.SITE_NAME)
            # Read with them: the static pages editors placed in the header and footer.
            found.navigation_pages = Page.navigation_links()
            # A minute at most: without Redis each worker process has a cache of its own.
            shared_cache.set(key, found, timeout=60)
        return found

    def widget_frame_ancestors(self):
        """Who may frame the widget, as CSP frame-ancestors sources: the listed origins, or any
        site ("*") when none are listed."""
        return frame_origins(self.widget_allowed_origins) or ["*"]


# --- Categories and posts ---------------------------------------------------


class CategoryQuerySet(models.QuerySet):
    def in_navigation(self):
        return self.filter(show_in_navigation=True)


class Category(KeepsOldAddresses):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent category"),
    )
    navigation_order = models.PositiveSmallIntegerField(
        _("order in navigation"), default=0, help_text=_("Lower numbers come first.")
    )
    show_in_navigation = models.BooleanField(_("show in navigation"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["navigation_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publishing:category", kwargs={"slug": self.slug})


class Tag(KeepsOldAddresses):
    """A keyword posts are filed under, with its own archive page (/tag/slug/)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publishing:tag", kwargs={"slug": self.slug})


class Author(KeepsOldAddresses):
    """Someone posts are credited to, with an archive of their posts (/author/slug/).

    A byline, not an account: authors never log in (editors are staff users, see Post.author).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    biography = models.TextField(_("biography"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publishing:author", kwargs={"slug": self.slug})


class PostQuerySet(PublishableQuerySet):
    def in_category(self, category):
        return self.filter(categories=category)

    def tagged(self, tag):
        return self.filter(tags=tag)

    def by(self, writer):
        return self.filter(writer=writer)

    def for_listing(self):
        """Everything a list entry shows, in a fixed number of queries however many posts there are."""
        specialisations = self.model.specialisation_accessors()
        return self.select_related("author", "writer", "featured_video", *specialisations).prefetch_related(
            models.Prefetch("categories", queryset=Category.objects.order_by("navigation_order", "name"))
        )

    def for_page(self):
        """One post's page: its kind's own fields, categories and featured video in as few queries."""
        # The featured video is a Post: its kinds' tables are Post's (the page's own model may be
        # a proxy or a kind, which has none of them).
        featured = [f"featured_video__{accessor}" for accessor in Post.specialisation_accessors()]
        return self.select_related("author", "writer", "featured_video", *featured).prefetch_related(
            "categories", "tags"
        )

    def search(self, query):
        """Posts matching `query` (words, "phrases", -word, OR), best first: a title match above a
        standfirst match above a body match, then the newest. Full-text search on PostgreSQL and on
        SQLite alike (publishing/fulltext.py says what matches)."""
        if connections[self.db].vendor == "postgresql":
            return fulltext.websearch(self, query, POST_SEARCH_WEIGHTS, ["-published_at"])
        return fulltext.search_translated(POST_SEARCH_INDEXES, self, query, ["-published_at"])


def _as_is(text):
    return text


# The text a post is found by, and how much each part counts (PostgreSQL's weights A, B, C:
# ts_rank's default weights make a title match count 5 times a body match, a standfirst 2 times).
POST_SEARCH_WEIGHTS = {"title": "A", "standfirst": "B", "body": "C"}
# On SQLite, one FTS5 table per language (publishing_post_search is the English one).
POST_SEARCH_INDEXES = fulltext.translated_indexes(
    "publishing_post_search",
    "publishing.Post",
    {"title": (5, _as_is), "standfirst": (2, _as_is), "body": (1, plain_text)},
)
POST_SEARCH_INDEX = POST_SEARCH_INDEXES["en"]


class Post(KeepsOldAddresses, Publishable, ImageWithAltText):
    """The publishing base every kind of post shares.

    Articles are plain posts. Other apps add kinds by subclassing it, each with a table of
    its own for its own fields (an appeal's letter, a video's address), and name them with
    `post_kind`, `post_kind_label` and the URL of their page (`detail_url_name`). Category
    pages, feeds and search read this one table in date order.
    """

    # What a kind of post declares about itself (see `kinds()`).
    post_kind = None
    post_kind_label = ""
    detail_url_name = ""
    # A kind whose page shows a player (a video) names its template; other posts may feature it.
    player_template = ""
    image_folder = "posts"

    kind = models.CharField(_("kind"), max_length=20, default="article", editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The end of the page's address. Filled from the title; fixed once published."),
    )
    categories = models.ManyToManyField(
        Category, related_name="posts", verbose_name=_("categories"), blank=True
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the title, also used as the excerpt."),
    )
    tags = models.ManyToManyField(Tag, related_name="posts", verbose_name=_("tags"), blank=True)
    byline = models.CharField(
        _("byline"), max_length=200, blank=True, help_text=_("Who wrote it, as readers should see it.")
    )
    writer = models.ForeignKey(
        Author,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("author"),
        help_text=_(
            "Links the byline to the author's page of posts. Leave the byline empty to show their name."
        ),
    )
    is_featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Featured posts come first in the home page's latest posts."),
    )
    body = SanitisedHTMLField(_("body"), blank=True)
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("editor"),
    )
    featured_video = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="featured_in",
        limit_choices_to=posts_with_a_player,
        verbose_name=_("featured video"),
        help_text=_("Show this video's player at the top of the post."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta(ImageWithAltText.Meta):
        ordering = ["-published_at", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["status", "-published_at"], name="post_published_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.post_kind:
            self.kind = self.post_kind
        super().save(*args, **kwargs)

    @staticmethod
    @cache
    def kinds():
        """Every kind of post by its `kind` value: {"article": Article, "appeal": Appeal, ...}.

        Read from the subclasses that name a `post_kind`, so an app adds a kind by defining one.
        """
        apps.check_models_ready()
        found = {}
        pending = list(Post.__subclasses__())
        while pending:
            model = pending.pop()
            pending.extend(model.__subclasses__())
            if "post_kind" in vars(model) and not model._meta.abstract:
                found[model.post_kind] = model
        return found

    @classmethod
    def specialisation_accessors(cls):
        """Names of the one-to-one links to the tables of each kind (`appeal`, `videopost`)."""
        return [
            rel.get_accessor_name()
            for rel in cls._meta.related_objects
            if rel.one_to_one and rel.parent_link and rel.model is cls
        ]

    @cached_property
    def specific(self):
        """This post as its own kind (an Appeal, a VideoPost), or itself for an article."""
        for accessor in self.specialisation_accessors():
            try:
                return getattr(self, accessor)
            except ObjectDoesNotExist:
                continue
        return self

    @property
    def kind_model(self):
        return self.kinds().get(self.kind, Article)

    @property
    def kind_label(self):
        return self.kind_model.post_kind_label

    def get_absolute_url(self):
        return reverse(self.kind_model.detail_url_name, kwargs={"slug": self.slug})

    @property
    def excerpt(self):
        return self.standfirst or Truncator(plain_text(self.body)).words(40)

    @property
    def credit(self):
        """Who wrote it, as readers see it: the byline, or the linked author's name."""
        return self.byline or (self.writer.name if self.writer_id else "")

    @property
    def listing_image(self):
        """The picture a list entry shows: the post's image, or its featured video's poster."""
        if self.image:
            return self.image, self.image_alt
        if self.featured_video_id and self.featured_video.image:
            return self.featured_video.image, self.featured_video.image_alt
        return None, ""

    @property
    def has_player(self):
        """Whether the post's page plays a video: its own, or the one it features."""
        return bool(self.specific.player_template or self.featured_video_id)

    @property
    def card_note(self):
        """A short line a list entry adds for this kind (an appeal's letters sent); "" for none."""
        return ""


class Article(Post):
    """News, reports and press releases: a post with nothing added."""

    post_kind = "article"
    post_kind_label = _("Article")
    detail_url_name = "publishing:post_detail"

    class ArticleManager(models.Manager.from_queryset(PostQuerySet)):
        def get_queryset(self):
            return super().get_queryset().filter(kind="article")

    objects = ArticleManager()

    class Meta:
        proxy = True
        verbose_name = _("article")
        verbose_name_plural = _("articles")


# --- Static pages ---------------------------------------------------------------


class PageQuerySet(PublishableQuerySet):
    def in_navigation(self, place):
        return self.published().filter(navigation=place).order_by("navigation_order", "title")


class Page(KeepsOldAddresses, Publishable, ImageWithAltText):
    """A page that stands on its own rather than in the news: About, Contact, Donate, Privacy.

    Its address is the site's name and its slug (/about/); editors give it a place in the
    header or footer navigation and an order there.
    """

    class Navigation(models.TextChoices):
        NONE = "", _("Not in the navigation")
        HEADER = "header", _("Header")
        FOOTER = "footer", _("Footer")

    image_folder = "pages"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The page's address: /slug/. Changing it later keeps the old address working."),
    )
    standfirst = models.TextField(_("standfirst"), blank=True)
    body = SanitisedHTMLField(_("body"), blank=True)
    navigation = models.CharField(
        _("place in the navigation"), max_length=10, choices=Navigation.choices, default="", blank=True
    )
    navigation_order = models.PositiveSmallIntegerField(
        _("order in navigation"), default=0, help_text=_("Lower numbers come first.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta(ImageWithAltText.Meta):
        ordering = ["navigation", "navigation_order", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publishing:page", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug and address_is_taken(f"/{self.slug}/"):
            raise ValidationError(
                {
                    "slug": _("/%(slug)s/ is already an address of the site; choose another slug.")
                    % {"slug": self.slug}
                }
            )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        SiteSettings.forget_cached()  # it carries the navigation

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        SiteSettings.forget_cached()
        return result

    @property
    def excerpt(self):
        return self.standfirst or Truncator(plain_text(self.body)).words(40)

    @classmethod
    def navigation_links(cls):
        """{"header": [(title, url), ...], "footer": [...]}: the published pages editors placed in
        the navigation, in their order (read with SiteSettings.current(), once a minute at most)."""
        found = {"header": [], "footer": []}
        pages = cls.objects.published().exclude(navigation="").order_by("navigation_order", "title")
        for page in pages.only("title", "slug", "navigation"):
            found[page.navigation].append((page.title, page.get_absolute_url()))
        return found


def address_is_taken(path):
    """Whether `path` is answered by something other than a static page (a list, the admin)."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.view_name != "publishing:page"


# --- Limits against floods ---------------------------------------------------------


class HourlyCounter(models.Model):
    """How many times something happened this hour, under a keyed hash (publishing/limits.py).

    Used when there is no Redis: the database is what every worker process of one server
    shares. A row holds no address and no id, only the hash, its hour and the count; rows of
    hours that are over are deleted within the next hour (publishing.tasks.purge_expired_counters).
    """

    key = models.CharField(_("keyed hash"), max_length=64, primary_key=True)
    hour = models.BigIntegerField(_("hour (since 1970)"), db_index=True)
    hits = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("hourly counter")
        verbose_name_plural = _("hourly counters")

    def __str__(self):
        return f"{self.key[:12]}… {self.hits} in hour {self.hour}"
