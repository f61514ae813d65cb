from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.html import clean_html

from .counts import PetitionCounter


class PetitionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def featured(self):
        return self.filter(is_featured=True)

    def open(self):
        """Taking signatures today: open, and the deadline (if any) not yet past."""
        return self.filter(status=Petition.Status.OPEN).filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=timezone.localdate())
        )

    def ended_before(self, moment):
        """Petitions that stopped taking signatures before `moment`: closed, or past their deadline."""
        return self.filter(models.Q(closed_at__lt=moment) | models.Q(deadline__lt=timezone.localdate(moment)))

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


class Petition(models.Model):
    """A petition supporters sign and the campaign hands to its addressee."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for signatures")
        CLOSED = "closed", _("Closed")
        DELIVERED = "delivered", _("Delivered")
        WON = "won", _("Won")

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
    text = models.TextField(_("petition text"), help_text=_("What signers put their name to."))
    addressee = models.CharField(
        _("addressed to"),
        max_length=300,
        help_text=_("Who the petition will be handed to, e.g. 'The President of Kazakhstan'."),
    )
    goal = models.PositiveIntegerField(_("goal (signatures)"), default=1000)
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("The last day to sign. Leave empty for none.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Visible on the site. Unpublished petitions are drafts.")
    )
    is_featured = models.BooleanField(
        _("featured in the sidebar"),
        default=False,
        help_text=_("Show this petition in the sidebar of every page. Only one petition can be featured."),
    )
    prisoners = models.ManyToManyField(
        "appeals.Prisoner", related_name="petitions", blank=True, verbose_name=_("prisoners")
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
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
        self.text = clean_html(self.text)
        if self.status == self.Status.OPEN:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        creating = self._state.adding
        with transaction.atomic():
            if self.is_featured:
                # Featuring one petition takes the place of the one featured before.
                Petition.objects.featured().exclude(pk=self.pk).update(is_featured=False)
            super().save(*args, **kwargs)
            if creating:
                PetitionCounter.objects.create_shards(self.pk)

    def get_absolute_url(self):
        return reverse("petitions:petition_detail", kwargs={"slug": self.slug})

    @property
    def is_open(self):
        if self.status != self.Status.OPEN:
            return False
        return self.deadline is None or self.deadline >= timezone.localdate()

    @property
    def closed_message(self):
        """Why the form is not shown, in the words a visitor should read."""
        if self.status == self.Status.WON:
            return _("This petition was won. Thank you to everyone who signed.")
        if self.status == self.Status.DELIVERED:
            return _(
                "This petition has been handed in and no longer takes signatures. Thank you for your support."
            )
        if not self.is_open:
            return _("This petition is closed and no longer takes signatures.")
        return ""

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
