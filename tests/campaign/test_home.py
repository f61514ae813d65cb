"""The home page: the campaign in its own words, or the appeal to act on now, then the latest news."""

import pytest

from publishing.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_words():
    site = SiteSettings.current()
    site.name = "Campaign Zhanaozen"
    site.tagline = "Solidarity with the oil workers of Mangystau"
    site.introduction = "We write to the prisoners and to the embassies, and we do not stop."
    site.footer_text = "A campaign of trade unionists in twelve countries."
    site.save()
    return site


def test_the_site_presents_itself_in_the_words_its_editors_chose(client, own_words):
    html = client.get("/").content.decode()
    assert "<title>Campaign Zhanaozen</title>" in html
    assert '<meta name="description" content="Solidarity with the oil workers of Mangystau">' in html
    assert "<h2>Solidarity with the oil workers of Mangystau</h2>" in html
    assert "We write to the prisoners and to the embassies, and we do not stop." in html
    assert "A campaign of trade unionists in twelve countries." in html  # the footer
    # And in the footer of every other page.
    assert "A campaign of trade unionists in twelve countries." in client.get("/prisoners/").content.decode()


def test_an_open_appeal_takes_the_place_of_the_introduction(client, own_words):
    appeal = factories.appeal("No closure in Zhezkazgan")
    html = client.get("/").content.decode()
    assert "Act now" in html
    assert f'href="{appeal.get_absolute_url()}#appeal-action-heading"' in html
    assert "We write to the prisoners and to the embassies" not in html


def test_the_home_page_shows_published_posts_and_profiles_only(client):
    factories.article("Strike in Zhanaozen")
    factories.article("Draft report", status=factories.DRAFT)
    factories.prisoner("Roza Tuleteva")
    factories.prisoner("Profile Not Yet Public", status=factories.DRAFT)
    html = client.get("/").content.decode()
    assert "Strike in Zhanaozen" in html and "Roza Tuleteva" in html
    assert "Draft report" not in html and "Profile Not Yet Public" not in html


def test_editors_choose_the_post_and_the_video_the_home_page_features(client):
    factories.appeal("Newest open appeal")
    chosen = factories.article("Our choice for the top of the page")
    video = factories.video_post("Solidarity from Limpopo")
    site = SiteSettings.current()
    site.featured_post = chosen
    site.featured_video = video
    site.save()

    html = client.get("/").content.decode()

    feature = html[html.index('class="home-feature"') :]
    assert "Our choice for the top of the page" in feature[: feature.index("</section>")]
    assert "Newest open appeal" not in feature[: feature.index("</section>")]
    assert 'class="home-video"' in html and "Solidarity from Limpopo" in html
    assert 'class="video-player"' in html


def test_the_home_page_has_a_share_preview_and_links_to_the_petitions(client, own_words):
    html = client.get("/").content.decode()
    assert '<meta property="og:title" content="Campaign Zhanaozen">' in html
    assert '<meta property="og:type" content="website">' in html
    assert 'href="/petitions/"' in html


def test_featured_posts_come_first_in_the_latest(client):
    factories.article("Newer report", days_ago=1)
    factories.article("Sticky older report", days_ago=30, is_featured=True)
    html = client.get("/").content.decode()
    assert html.index("Sticky older report") < html.index("Newer report")
