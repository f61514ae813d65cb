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
        _("situation"),
        max_length=20,
        choices=Situation.choices,
        default=Situation.DETAINED,
        help_text=_(
            "Follows the latest change of status in the timeline (released, sentenced, ...) "
            "once there is one."
        ),
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

    def latest_status_event(self):
        """The latest timeline event that changed their status (None if there is none)."""
        return self.events.exclude(status_change="").order_by("-date", "-id").first()

    def follow_status_events(self):
        """Make the profile's situation (and release date) follow the latest change of status
        in the timeline. Profiles without one keep what the editor chose. Returns whether
        anything changed."""
        latest = (
            self.events.filter(status_change__in=list(SITUATION_AFTER))
            .order_by("-date", "-id")
            .only("status_change", "date")
            .first()
        )
        if latest is None:
            return False
        situation = SITUATION_AFTER[latest.status_change]
        released_on = latest.date if latest.status_change in RELEASES else self.released_on
        if situation in (self.Situation.DETAINED, self.Situation.SENTENCED):
            released_on = None  # held again: an old release date would say they are free
        if (situation, released_on) == (self.situation, self.released_on):
            return False
        self.situation, self.released_on = situation, released_on
        self.save(update_fields=["situation", "released_on", "updated_at"])
        return True

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

    class StatusChange(models.TextChoices):
        NONE = "", _("No change of status")
        DETAINED = "detained", _("Detained")
        SENTENCED = "sentenced", _("Sentenced")
        RELEASED = "released", _("Released")
        ACQUITTED = "acquitted", _("Acquitted")
        SENTENCE_ENDED = "sentence_ended", _("Sentence ended")
        TRANSFERRED = "transferred", _("Transferred")
        DIED = "died", _("Died")

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
    status_change = models.CharField(
        _("change of status"),
        max_length=20,
        choices=StatusChange.choices,
        default=StatusChange.NONE,
        blank=True,
        help_text=_(
            "When this event changes their status, choose how: the profile follows the latest one. "
            "A release offers to close the appeals and petitions for them."
        ),
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    @property
    def offers_closing(self):
        return self.status_change in CLOSING_CHANGES

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


_change = PrisonerEvent.StatusChange
# The situation a profile is in after each change of status. A transfer changes where they are
# held, not whether they are: the situation stays what the change before it made it.
SITUATION_AFTER = {
    _change.DETAINED: Prisoner.Situation.DETAINED,
    _change.SENTENCED: Prisoner.Situation.SENTENCED,
    _change.RELEASED: Prisoner.Situation.RELEASED,
    _change.ACQUITTED: Prisoner.Situation.RELEASED,
    _change.SENTENCE_ENDED: Prisoner.Situation.RELEASED,
    _change.DIED: Prisoner.Situation.DECEASED,
}
# The changes that free them: the appeals and petitions for their release have been answered.
RELEASES = frozenset({_change.RELEASED, _change.ACQUITTED, _change.SENTENCE_ENDED})
# After these the editor is offered to close the actions for them. A death too (nothing
# asks for their release any more), though nothing is ticked in advance: some campaigns go
# on, asking for an investigation. A transfer closes nothing: they are still held.
CLOSING_CHANGES = RELEASES | {_change.DIED}

# What an action closed by a change of status tells visitors, with the day it happened.
OUTCOME_HEADLINES = {
    _change.RELEASED: _("Released on %(date)s"),
    _change.ACQUITTED: _("Acquitted on %(date)s"),
    _change.SENTENCE_ENDED: _("Released at the end of the sentence on %(date)s"),
    _change.TRANSFERRED: _("Transferred on %(date)s"),
    _change.DIED: _("Died on %(date)s"),
    _change.DETAINED: _("Detained on %(date)s"),
    _change.SENTENCED: _("Sentenced on %(date)s"),
}
