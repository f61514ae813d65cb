"""A YouTube or Vimeo link alone on its line in a body plays as the click-to-load player."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_video_link_alone_on_its_line_becomes_a_player_that_loads_nothing_before_play(client):
    post = factories.article(
        body=(
            "<p>Watch the exchange in parliament:</p>"
            '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=10">'
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>"
            '<figure><a href="https://vimeo.com/123456789">Video</a>'
            "<figcaption>The London commemoration</figcaption></figure>"
            '<p>More at <a href="https://www.youtube.com/watch?v=aaaaaaaaaaa">this video</a> and more.</p>'
        )
    )
    html = client.get(post.get_absolute_url()).content.decode()
    assert html.count('class="video-player-link"') == 2
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html  # rebuilt: no &t=10
    assert 'data-embed-url="https://player.vimeo.com/video/123456789?dnt=1&amp;autoplay=1"' in html
    assert "The London commemoration" in html
    # A link inside a sentence stays a link; nothing is framed before a click.
    assert (
        '<a href="https://www.youtube.com/watch?v=aaaaaaaaaaa" rel="noopener noreferrer nofollow">'
        "this video</a>" in html
    )
    assert "<iframe" not in html


def test_a_link_alone_on_its_line_to_another_site_stays_a_link(client):
    post = factories.article(body='<p><a href="https://example.org/report">The report</a></p>')
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'class="video-player-link"' not in html
    assert '<a href="https://example.org/report" rel="noopener noreferrer nofollow">The report</a>' in html
