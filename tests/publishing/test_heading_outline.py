"""Editors pick headings by their look ("Heading", "Subheading"); on the page they are
renumbered to fit under the page's own headings, so that a screen-reader user moving by
headings finds no level skipped, while sighted readers see what the editor chose."""

from publishing.html import clean_html, fit_headings


def test_a_subheading_alone_under_the_page_title_becomes_the_next_level_and_looks_the_same():
    body = clean_html("<p>We call for their release.</p><h3>Why now</h3><p>The trial opens.</p>")
    assert fit_headings(body, 2) == (
        '<p>We call for their release.</p><h2 class="h3">Why now</h2><p>The trial opens.</p>'
    )


def test_a_gap_between_an_editors_headings_is_closed():
    assert fit_headings("<h2>The strike</h2><p>a</p><h4>Day one</h4>", 2) == (
        '<h2>The strike</h2><p>a</p><h3 class="h4">Day one</h3>'
    )


def test_a_story_under_a_heading_of_the_page_nests_below_it():
    # A prisoner's story sits under the page's "Their story" (an h2).
    assert fit_headings("<h2>The strike</h2><h3>The shooting</h3><h2>The trial</h2>", 3) == (
        '<h3 class="h2">The strike</h3><h4 class="h3">The shooting</h4><h3 class="h2">The trial</h3>'
    )


def test_headings_that_already_fit_are_left_as_they_are():
    body = "<h2>What the workers demand</h2><p>a</p><h3>In their own words</h3>"
    assert fit_headings(body, 2) == body


def test_text_that_only_mentions_a_heading_tag_is_left_alone():
    body = clean_html("<p>Type &lt;h3&gt; for a subheading.</p>")
    assert "&lt;h3&gt;" in body
    assert fit_headings(body, 2) == body
