from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from campaign.html import clean_html
from campaign.images import CleanImageField
from campaign.models import Post, PostQuerySet


class PrisonerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_status(self, status):
        return self.filter(status=status) if status else self

    def search(self, query):
        matches = self
        for word in query.split():
            matches = matches.filter(
                models.Q(name__icontains=word)
                | models.Q(summary__icontains=word)
                | models.Q(charges__icontains=word)
            )
        return matches


class Prisoner(models.Model):
    """A person the campaign defends: a political prisoner, or someone released or in exile."""

    class Status(models.TextChoices):
        DETAINED = "detained", _("Detained")
        SENTENCED = "sentenced", _("Sentenced")
        RELEASED = "released", _("Released")
        IN_EXILE = "in_exile", _("In exile")
        DECEASED = "deceased", _("Deceased")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    is_published = models.BooleanField(_("published"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DETAINED)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One line: who they are and why they are held.")
    )
    photo = CleanImageField(_("photo"), upload_to="prisoners/", blank=True)
    photo_alt = models.CharField(_("photo description (alt text)"), max_length=250, blank=True)
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
    biography = models.TextField(_("biography"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PrisonerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("prisoner profile")
        verbose_name_plural = _("prisoner profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_alt=""), name="prisoner_photo_has_alt_text"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.biography = clean_html(self.biography)
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Describe the photo for people who cannot see it.")})

    def get_absolute_url(self):
        return reverse("appeals:prisoner_detail", kwargs={"slug": self.slug})

    @property
    def is_held(self):
        return self.status in (self.Status.DETAINED, self.Status.SENTENCED)

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

    # How the date is shown and how it is written in a <time datetime="...">, by precision.
    DISPLAY_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}
    MACHINE_FORMATS = {"day": "Y-m-d", "month": "Y-m", "year": "Y"}

    @property
    def date_display_format(self):
        return self.DISPLAY_FORMATS.get(self.date_precision, "j F Y")

    @property
    def date_machine_format(self):
        return self.MACHINE_FORMATS.get(self.date_precision, "Y-m-d")


class RecipientQuerySet(models.QuerySet):
    def embassies(self):
        return self.filter(kind=Recipient.Kind.EMBASSY)

    def central(self):
        return self.filter(kind=Recipient.Kind.CENTRAL)

    def embassy_in(self, country_code):
        return self.embassies().filter(country=country_code).first()


class Recipient(models.Model):
    """Someone a protest letter is addressed to: an embassy in a host country, or a central addressee."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("Embassy (by host country)")
        CENTRAL = "central", _("Central addressee")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.EMBASSY)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(
        _("host country"), blank=True, help_text=_("For embassies: the country they are in.")
    )
    postal_address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    salutation = models.CharField(
        _("salutation"), max_length=200, blank=True, help_text=_("For example: Your Excellency,")
    )
    is_example = models.BooleanField(
        _("example address"),
        default=False,
        help_text=_("Marks demo data that must be replaced by real addresses."),
    )

    objects = RecipientQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "country", "name"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["country"], condition=models.Q(kind="embassy"), name="one_embassy_per_host_country"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="embassy") | ~models.Q(country=""), name="embassy_has_host_country"
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.EMBASSY:
            return f"{self.name} ({self.country.name})"
        return self.name

    def clean(self):
        # The database enforces both rules; these are the messages an editor reads.
        from django.core.exceptions import ValidationError

        if self.kind != self.Kind.EMBASSY:
            return
        if not self.country:
            raise ValidationError({"country": _("Choose the country this embassy is in.")})
        others = Recipient.objects.embassies().filter(country=self.country).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"country": _("There is already an embassy for this country.")})


class AppealQuerySet(PostQuerySet):
    def open(self):
        today = timezone.localdate()
        return self.filter(action_status=Appeal.ActionStatus.OPEN).filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=today)
        )


class Appeal(Post):
    """A call to act, with a model letter that supporters send to the addressees."""

    class ActionStatus(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        WON = "won", _("Won")

    letter_subject = models.CharField(_("letter subject"), max_length=200, blank=True)
    letter_salutation = models.CharField(
        _("letter salutation"),
        max_length=200,
        blank=True,
        help_text=_("Used when the recipient has no salutation of its own, e.g. 'Dear Ambassador,'."),
    )
    letter_body = models.TextField(
        _("model letter"), blank=True, help_text=_("Plain text. Supporters add their own paragraph and name.")
    )
    letter_closing = models.CharField(
        _("letter closing"), max_length=100, blank=True, default="Yours in protest,"
    )
    write_to_embassies = models.BooleanField(
        _("send to the embassy in the supporter's country"), default=True
    )
    addressees = models.ManyToManyField(
        Recipient,
        blank=True,
        related_name="appeals",
        verbose_name=_("central addressees"),
        limit_choices_to={"kind": Recipient.Kind.CENTRAL},
        help_text=_(
            "Always copied, whatever the supporter's country (e.g. the presidential administration)."
        ),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    action_status = models.CharField(
        _("action status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    letters_sent = models.PositiveIntegerField(_("letters sent"), default=0, editable=False)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def save(self, *args, **kwargs):
        self.kind = Post.Kind.APPEAL
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        if self.action_status != self.ActionStatus.OPEN:
            return False
        return self.deadline is None or self.deadline >= timezone.localdate()

    @property
    def closed_reason(self):
        if self.action_status == self.ActionStatus.WON:
            return _("This appeal was won. Thank you to everyone who wrote.")
        if not self.is_open:
            return _("This appeal is closed.")
        return ""
