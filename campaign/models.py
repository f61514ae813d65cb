from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .html import clean_html, plain_text
from .images import CleanImageField


class CategoryQuerySet(models.QuerySet):
    def in_navigation(self):
        return self.filter(show_in_navigation=True)


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
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
        return reverse("category", kwargs={"slug": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public now: published, with a publish date that has come.

        A post scheduled for later matches by itself once its time passes; no job runs.
        """
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def in_category(self, category):
        return self.filter(categories=category)

    def for_listing(self):
        """Everything a list entry shows, in a fixed number of queries however many posts there are."""
        return self.select_related(
            "author", "featured_video", *self.model.specialisation_accessors()
        ).prefetch_related(
            models.Prefetch("categories", queryset=Category.objects.order_by("navigation_order", "name"))
        )

    def search(self, query):
        """Posts matching `query`, best first: PostgreSQL full-text search, or a plain match on SQLite."""
        from django.db import connection

        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = (
                SearchVector("title", weight="A", config="english")
                + SearchVector("standfirst", weight="B", config="english")
                + SearchVector("body", weight="C", config="english")
            )
            search_query = SearchQuery(query, search_type="websearch", config="english")
            # Match with @@, not with rank > 0: ts_rank is above zero for posts that have
            # only one of two words asked for, or a word the visitor excluded ("-word").
            return (
                self.alias(document=vector)
                .filter(document=search_query)
                .annotate(rank=SearchRank(models.F("document"), search_query))
                .order_by("-rank", "-published_at")
            )
        words = query.split()
        matches = self
        for word in words:
            matches = matches.filter(
                models.Q(title__icontains=word)
                | models.Q(standfirst__icontains=word)
                | models.Q(body__icontains=word)
            )
        return matches.order_by("-published_at")


class Post(models.Model):
    """The publishing base every kind of post shares.

    Articles are plain posts; appeals (`appeals.Appeal`) and video posts
    (`media_library.VideoPost`) add their own fields in a table of their own.
    Category pages, feeds and search read this one table in date order.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        APPEAL = "appeal", _("Appeal")
        VIDEO = "video", _("Video")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    # Where each kind's public page lives (each app owns its detail view).
    DETAIL_URL_NAMES = {
        Kind.ARTICLE: "post_detail",
        Kind.APPEAL: "appeals:appeal_detail",
        Kind.VIDEO: "media_library:video_detail",
    }

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE, editable=False
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The end of the page's address. Filled from the title; fixed once published."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publish date"),
        default=timezone.now,
        help_text=_("A date in the future schedules the post: it appears by itself at that time."),
    )
    categories = models.ManyToManyField(
        Category, related_name="posts", verbose_name=_("categories"), blank=True
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the title, also used as the excerpt."),
    )
    byline = models.CharField(
        _("byline"), max_length=200, blank=True, help_text=_("Who wrote it, as readers should see it.")
    )
    body = models.TextField(_("body"), blank=True)
    image = CleanImageField(_("image"), upload_to="posts/%Y/%m/", blank=True)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
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
        "media_library.VideoPost",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="featured_in",
        verbose_name=_("featured video"),
        help_text=_("Show this video's player at the top of the post."),
    )
    prisoners = models.ManyToManyField(
        "appeals.Prisoner", related_name="posts", blank=True, verbose_name=_("prisoners")
    )
    petition = models.ForeignKey(
        "petitions.Petition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("petition"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["status", "-published_at"], name="post_published_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""), name="post_image_has_alt_text"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})

    def get_absolute_url(self):
        return reverse(self.DETAIL_URL_NAMES[self.kind], kwargs={"slug": self.slug})

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
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def excerpt(self):
        return self.standfirst or Truncator(plain_text(self.body)).words(40)

    @property
    def listing_image(self):
        """The picture a list entry shows: the post's image, or its featured video's poster."""
        if self.image:
            return self.image, self.image_alt
        if self.featured_video_id and self.featured_video.image:
            return self.featured_video.image, self.featured_video.image_alt
        return None, ""


class Article(Post):
    """News, reports and press releases: a post with nothing added."""

    class Meta:
        proxy = True
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    class ArticleManager(models.Manager.from_queryset(PostQuerySet)):
        def get_queryset(self):
            return super().get_queryset().filter(kind=Post.Kind.ARTICLE)

    objects = ArticleManager()
