"""The rows a petition's counts are read from, so that no page ever counts signatures.

Each count is split over a few "shard" rows: a confirmation adds one to a shard picked
at random, so that many confirmations at once rarely wait for the same row lock, and
the count is the sum of the shards. `services.reconcile_counts` rewrites them exactly
from the signatures.
"""

import random

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


def pick_shard():
    return random.randrange(settings.PETITIONS_COUNTER_SHARDS)  # noqa: S311 -- spreads load, not a secret


class ShardedCountQuerySet(models.QuerySet):
    def add(self, delta, *, shard, **key):
        """Add `delta` to the shard row for `key`, creating the row on first use.

        One UPDATE when the row exists. Two requests creating the same row at once are
        safe: the insert ignores the conflict and both then add to the one row.
        """
        rows = self.filter(shard=shard, **key)
        if rows.update(confirmed_count=models.F("confirmed_count") + delta):
            return
        self.bulk_create([self.model(shard=shard, confirmed_count=0, **key)], ignore_conflicts=True)
        rows.update(confirmed_count=models.F("confirmed_count") + delta)


class ShardedCount(models.Model):
    shard = models.PositiveSmallIntegerField(_("shard"))
    confirmed_count = models.IntegerField(_("confirmed signatures"), default=0)

    class Meta:
        abstract = True


class PetitionCounterQuerySet(ShardedCountQuerySet):
    def create_shards(self, petition_id):
        """Make sure every shard row of the petition exists (harmless to repeat)."""
        self.bulk_create(
            [
                self.model(petition_id=petition_id, shard=shard)
                for shard in range(settings.PETITIONS_COUNTER_SHARDS)
            ],
            ignore_conflicts=True,
        )

    def total_for(self, petition_id):
        return (
            self.filter(petition_id=petition_id).aggregate(total=models.Sum("confirmed_count"))["total"] or 0
        )


class PetitionCounter(ShardedCount):
    """One shard of a petition's count of confirmed, counted signatures."""

    petition = models.ForeignKey("petitions.Petition", on_delete=models.CASCADE, related_name="counters")

    objects = PetitionCounterQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition counter")
        verbose_name_plural = _("petition counters")
        constraints = [
            models.UniqueConstraint(fields=["petition", "shard"], name="one_counter_row_per_shard"),
        ]

    def __str__(self):
        return f"{self.petition_id}/{self.shard}: {self.confirmed_count}"


class CountryCountQuerySet(ShardedCountQuerySet):
    def totals_for(self, petition_id):
        """(country code, count) pairs, largest first; countries with nothing left are left out."""
        return (
            self.filter(petition_id=petition_id)
            .values("country")
            .annotate(total=models.Sum("confirmed_count"))
            .filter(total__gt=0)
            .order_by("-total", "country")
            .values_list("country", "total")
        )


class SignatureCountByCountry(ShardedCount):
    """How many confirmed, counted signatures came from one country (one shard of it)."""

    petition = models.ForeignKey(
        "petitions.Petition", on_delete=models.CASCADE, related_name="counts_by_country"
    )
    country = CountryField(_("country"))

    objects = CountryCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("signatures by country")
        verbose_name_plural = _("signatures by country")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "country", "shard"], name="one_country_count_row_per_shard"
            ),
        ]

    def __str__(self):
        return f"{self.petition_id}/{self.country}/{self.shard}: {self.confirmed_count}"


class DayCountQuerySet(ShardedCountQuerySet):
    def totals_for(self, petition_id):
        """(day, count) pairs in date order."""
        return (
            self.filter(petition_id=petition_id)
            .values("day")
            .annotate(total=models.Sum("confirmed_count"))
            .order_by("day")
            .values_list("day", "total")
        )


class SignatureCountByDay(ShardedCount):
    """How many signatures were confirmed (and counted) on one day (one shard of it)."""

    petition = models.ForeignKey("petitions.Petition", on_delete=models.CASCADE, related_name="counts_by_day")
    day = models.DateField(_("day"))

    objects = DayCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("signatures by day")
        verbose_name_plural = _("signatures by day")
        constraints = [
            models.UniqueConstraint(fields=["petition", "day", "shard"], name="one_day_count_row_per_shard"),
        ]

    def __str__(self):
        return f"{self.petition_id}/{self.day}/{self.shard}: {self.confirmed_count}"
