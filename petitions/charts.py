"""The petition page's figures, drawn on the server as SVG coordinates (no JavaScript, no inline style)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django_countries.fields import Country

CHART_WIDTH = 600
CHART_HEIGHT = 160
MAX_POINTS = 120


@dataclass(frozen=True)
class GrowthChart:
    """Cumulative signatures from the day before the first one to `last_day`."""

    width: int
    height: int
    line_points: str
    area_points: str
    first_day: date
    last_day: date
    total: int


def growth_chart(day_totals, last_day):
    """A line of the running total over time, from (day, count) pairs in date order; None without data."""
    day_totals = [(day, count) for day, count in day_totals if count]
    if not day_totals:
        return None
    by_day = dict(day_totals)
    first_day = day_totals[0][0] - timedelta(days=1)
    last_day = max(last_day, day_totals[-1][0])
    span = (last_day - first_day).days
    step = max(1, -(-span // MAX_POINTS))  # ceiling: at most MAX_POINTS points however long the petition
    running, cumulative = 0, []
    for offset in range(span + 1):
        running += by_day.get(first_day + timedelta(days=offset), 0)
        if offset % step == 0 or offset == span:
            cumulative.append((offset, running))
    total = max(running, 1)
    points = [
        (round(offset / span * CHART_WIDTH, 1), round(CHART_HEIGHT - value / total * (CHART_HEIGHT - 8), 1))
        for offset, value in cumulative
    ]
    line = " ".join(f"{x:g},{y:g}" for x, y in points)
    return GrowthChart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        line_points=line,
        area_points=f"0,{CHART_HEIGHT} {line} {CHART_WIDTH},{CHART_HEIGHT}",
        first_day=first_day + timedelta(days=1),
        last_day=last_day,
        total=running,
    )


@dataclass(frozen=True)
class CountryRow:
    country: Country | None  # None: the other countries together
    count: int
    bar_width: float  # percent of all counted signatures


def country_rows(country_totals, limit=8):
    """The largest countries, and the rest added up in one row, from (code, count) pairs largest first."""
    country_totals = list(country_totals)
    total = sum(count for _code, count in country_totals)
    if not total:
        return []

    def percent(count):
        return round(count / total * 100, 1)

    rows = [CountryRow(Country(code), count, percent(count)) for code, count in country_totals[:limit]]
    others = sum(count for _code, count in country_totals[limit:])
    if others:
        rows.append(CountryRow(None, others, percent(others)))
    return rows
