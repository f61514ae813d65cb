from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prisoners.models import OUTCOME_HEADLINES, Prisoner
from publishing.fields import SanitisedHTMLField
from publishing.models import ActionWindow, ActionWindowQuerySet, Post, Publishable, PublishableQuerySet

from .counts import PetitionCounter


class PetitionQuerySet(PublishableQuerySet, ActionWindowQuerySet):
    def featured(self):
        return self.filter(is_featured=True)

    def linked_to(self, subject):
        """The petitions a post supports or a prisoner is the subject of."""
        if isinstance(subject, Post):
            return self.filter(posts=subject)
        if isinstance(subject, Prisoner):
            return self.filter(prisoners=subject)
        raise TypeError(f"petitions are linked to posts and prisoners, not to {type(subject).__name__}")

    def with_signature_count(self):
        """Annotate `signature_count`: the sum of each petition's few counter rows, in the same query.

        Never a COUNT over signatures, so it costs the same at ten signatures or a million.
        """
        totals = (
            PetitionCounter.objects.filter(petition=models.OuterRef("pk"))
            .order_by()
            .values("petition")
            .annotate(total=models.Sum("confirmed_count"))
            .values("total")
        )
        return self.annotate(signature_count=Coalesce(models.Subquery(totals), 0))


class Petition(Publishable, ActionWindow):
    """A petition supporters sign and the campaign hands to its addressee."""

    # A prisoner released, acquitted...: how a petition or appeal closed by it tells it.
    outcome_headlines = OUTCOME_HEADLINES
    closing_messages = {
        ActionWindow.ActionStatus.WON: _("This petition was won. Thank you to everyone who signed."),
        ActionWindow.ActionStatus.DELIVERED: _(
            "This petition has been handed in and no longer takes signatures. Thank you for your support."
        ),
        "": _("This petition is closed and no longer takes signatures."),
    }

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The end of the petition's address.")
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in lists, in the sidebar and when the petition is shared."),
    )
    text = SanitisedHTMLField(_("petition text"), help_text=_("What signers put their name to."))
    addressee = models.CharField(
        _("addressed to"),
        max_length=300,
        help_text=_("Who the petition will be handed to, e.g. 'The President of the Republic'."),
    )
    goal = models.PositiveIntegerField(_("goal (signatures)"), default=1000)
    is_featured = models.BooleanField(
        _("featured in the sidebar"),
        default=False,
        help_text=_(
            "Show this petition in the sidebar of every page. Featuring it takes the place of the "
            "petition featured before."
        ),
    )
    prisoners = models.ManyToManyField(
        Prisoner, related_name="petitions", blank=True, verbose_name=_("prisoners")
    )
    posts = models.ManyToManyField(
        Post,
        related_name="petitions",
        blank=True,
        verbose_name=_("posts"),
        help_text=_("Posts that ask their readers to sign: they show the petition with its count."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_featured"], condition=models.Q(is_featured=True), name="one_featured_petition"
            ),
            models.CheckConstraint(condition=models.Q(goal__gt=0), name="petition_goal_positive"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        creating = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if creating:
                PetitionCounter.objects.create_shards(self.pk)

    def get_absolute_url(self):
        return reverse("petitions:petition_detail", kwargs={"slug": self.slug})

    @property
    def confirmed_count(self):
        """Confirmed, counted signatures: the annotation when present, else a sum over the counter rows."""
        annotated = getattr(self, "signature_count", None)
        if annotated is not None:
            return annotated
        self.signature_count = PetitionCounter.objects.total_for(self.pk)
        return self.signature_count

    @property
    def goal_reached(self):
        return self.confirmed_count >= self.goal
