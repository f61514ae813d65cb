"""The petition page's figures: drawn on the server, small however long the petition runs."""

from datetime import date, timedelta

from petitions.charts import MAX_POINTS, country_rows, growth_chart


def test_the_growth_chart_rises_from_zero_to_the_total():
    chart = growth_chart([(date(2026, 3, 1), 5), (date(2026, 3, 3), 15)], last_day=date(2026, 3, 4))
    points = [tuple(map(float, point.split(","))) for point in chart.line_points.split()]
    assert points[0] == (0.0, chart.height)  # nothing before the first day
    assert points[-1] == (chart.width, 8.0)  # the total at the top
    assert [y for _x, y in points] == sorted((y for _x, y in points), reverse=True)  # never goes down
    assert (chart.first_day, chart.last_day, chart.total) == (date(2026, 3, 1), date(2026, 3, 4), 20)


def test_a_long_petition_is_drawn_with_a_bounded_number_of_points():
    start = date(2020, 1, 1)
    days = [(start + timedelta(days=offset), 3) for offset in range(2000)]
    chart = growth_chart(days, last_day=start + timedelta(days=1999))
    assert len(chart.line_points.split()) <= MAX_POINTS + 2
    assert chart.total == 6000


def test_no_chart_without_signatures():
    assert growth_chart([], last_day=date(2026, 3, 1)) is None


def test_small_countries_are_added_up_in_one_row():
    totals = [("KZ", 50), ("GB", 30), ("DE", 10), ("FR", 6), ("IT", 4)]
    rows = country_rows(totals, limit=3)
    assert [(row.country.code if row.country else None, row.count) for row in rows] == [
        ("KZ", 50),
        ("GB", 30),
        ("DE", 10),
        (None, 10),
    ]
    assert [row.bar_width for row in rows] == [50.0, 30.0, 10.0, 10.0]  # percent of all signatures
    assert rows[0].country.name == "Kazakhstan"
