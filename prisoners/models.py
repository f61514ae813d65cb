from django.db import connections, models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publishing import fulltext
from publishing.fields import SanitisedHTMLField
from publishing.html import plain_text
from publishing.models import ImageWithAltText, Publishable, PublishableQuerySet


class PrisonerQuerySet(PublishableQuerySet):
    def in_situation(self, situation):
        return self.filter(situation=situation) if situation else self

    def search(self, query):
        """Profiles matching `query` (words, "phrases", -word, OR), best first: a match in the name
        above one in the summary, then in the charges or the biography. Full-text search on
        PostgreSQL and on SQLite alike (publishing/fulltext.py says what matches)."""
        if connections[self.db].vendor == "postgresql":
            return fulltext.websearch(self, query, PRISONER_SEARCH_WEIGHTS, ["name"])
        return fulltext.search_translated(PRISONER_SEARCH_INDEXES, self, query, ["name"])


def _as_is(text):
    return text


PRISONER_SEARCH_WEIGHTS = {"name": "A", "summary": "B", "charges": "C", "biography": "C"}
# On SQLite, one FTS5 table per language (prisoners_prisoner_search is the English one).
PRISONER_SEARCH_INDEXES = fulltext.translated_indexes(
    "prisoners_prisoner_search",
    "prisoners.Prisoner",
    {"name": (5, _as_is), "summary": (2, _as_is), "charges": (1, _as_is), "biography": (1, plain_text)},
)
PRISONER_SEARCH_INDEX = PRISONER_SEARCH_INDEXES["en"]


class Prisoner(Publishable, ImageWithAltText):
    """A person the campaign defends: a political prisoner, or someone released or in exile."""

    class Situation(models.TextChoices):
        DETAINED = "detained", _("Detained")
        SENTENCED = "sentenced", _("Sentenced")
        RELEASED = "released", _("Released")
        IN_EXILE = "in_exile", _("In exile")
        DECEASED = "deceased", _("Deceased")

    image_folder = "prisoners"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    situation = models.CharField(
        _("situation"), max_length=20, choices=Situation.choices, default=Situation.DETAINED
    )
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One line: who they are and why they are held.")
    )
    detained_on = models.DateField(_("detained on"), null=True, blank=True)
    sentenced_on = models.DateField(_("sentenced on"), null=True, blank=True)
    release_expected_on = models.DateField(_("release expected on"), null=True, blank=True)
    released_on = models.DateField(_("released on"), null=True, blank=True)
    charges = models.TextField(_("charges"), blank=True)
    sentence = models.CharField(_("sentence"), max_length=300, blank=True)
    place_of_detention = models.CharField(_("place of detention"), max_length=300, blank=True)
    postal_address = models.TextField(
        _("postal address for letters"),
        blank=True,
        help_text=_("The full address supporters write to, one line per line of the envelope."),
    )
    biography = SanitisedHTMLField(_("biography"), blank=True)
    posts = models.ManyToManyField(
        "publishing.Post",
        related_name="prisoners",
        blank=True,
        verbose_name=_("posts about them"),
        help_text=_("News, appeals and videos that tell their story."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PrisonerQuerySet.as_manager()

    class Meta(ImageWithAltText.Meta):
        ordering = ["name"]
        verbose_name = _("prisoner profile")
        verbose_name_plural = _("prisoner profiles")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("prisoners:prisoner_detail", kwargs={"slug": self.slug})

    @property
    def is_held(self):
        return self.situation in (self.Situation.DETAINED, self.Situation.SENTENCED)

    @property
    def initials(self):
        """Up to two capital letters, shown in place of a photo."""
        return "".join(word[0] for word in self.name.split()[:2]).upper()


class PrisonerEvent(models.Model):
    """One dated step in a prisoner's story: arrest, trial, transfer, hunger strike, release."""

    class DatePrecision(models.TextChoices):
        # Reports from prisons often give only the month or the year; showing a made-up
        # day would put words in the campaign's mouth.
        DAY = "day", _("Exact day")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Year only")

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date known to"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("When only the month or year is known, enter its first day and choose it here."),
    )
    title = models.CharField(_("what happened"), max_length=200)
    description = models.TextField(_("details"), blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    # How the date is shown (a format of the reader's language: campaign/formats) and how it is
    # written in a <time datetime="...">, by precision.
    DISPLAY_FORMATS = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}
    MACHINE_FORMATS = {"day": "Y-m-d", "month": "Y-m", "year": "Y"}

    @property
    def date_display_format(self):
        return self.DISPLAY_FORMATS.get(self.date_precision, "DATE_FORMAT")

    @property
    def date_machine_format(self):
        return self.MACHINE_FORMATS.get(self.date_precision, "Y-m-d")
