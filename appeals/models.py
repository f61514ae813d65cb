from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField

from prisoners.models import OUTCOME_HEADLINES
from publishing.models import ActionWindow, ActionWindowQuerySet, Post, PostQuerySet


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
        if self.kind != self.Kind.EMBASSY:
            return
        if not self.country:
            raise ValidationError({"country": _("Choose the country this embassy is in.")})
        others = Recipient.objects.embassies().filter(country=self.country).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"country": _("There is already an embassy for this country.")})


class AppealQuerySet(PostQuerySet, ActionWindowQuerySet):
    pass


class Appeal(Post, ActionWindow):
    """A call to act, with a model letter that supporters send to the addressees."""

    post_kind = "appeal"
    post_kind_label = _("Appeal")
    detail_url_name = "appeals:appeal_detail"
    # A prisoner released, acquitted...: how a petition or appeal closed by it tells it.
    outcome_headlines = OUTCOME_HEADLINES
    closing_messages = {
        ActionWindow.ActionStatus.WON: _("This appeal was won. Thank you to everyone who wrote."),
        ActionWindow.ActionStatus.DELIVERED: _(
            "The letters have been handed in. Thank you to everyone who wrote."
        ),
        "": _("This appeal is closed."),
    }

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
    letters_sent = models.PositiveIntegerField(_("letters sent"), default=0, editable=False)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    @property
    def card_note(self):
        if not self.is_open:
            # In lists, a closed appeal says so (and what happened) instead of asking for letters.
            return self.outcome_summary if self.has_outcome else self.get_action_status_display()
        return ngettext("%(count)d letter sent", "%(count)d letters sent", self.letters_sent) % {
            "count": self.letters_sent
        }
