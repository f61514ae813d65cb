"""Tag archives and author archives: every post with a tag, every post credited to an author."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_tag_lists_its_published_posts(client):
    strike = factories.tag("Strike")
    shown = factories.article("Oil workers strike")
    shown.tags.add(strike)
    draft = factories.article("Unpublished strike news", status=factories.DRAFT)
    draft.tags.add(strike)
    factories.article("Unrelated")

    html = client.get("/tag/strike/").content.decode()

    assert "<h1>Strike</h1>" in html
    assert "Oil workers strike" in html
    assert "Unpublished strike news" not in html and "Unrelated" not in html
    # The post's page links back to the tag.
    assert 'href="/tag/strike/"' in client.get(shown.get_absolute_url()).content.decode()


def test_an_unknown_tag_or_author_is_not_found(client):
    assert client.get("/tag/nothing/").status_code == 404
    assert client.get("/author/nobody/").status_code == 404


def test_an_author_page_lists_the_posts_credited_to_them(client):
    aigerim = factories.author("Aigerim Bekova")
    theirs = factories.article("Report from Zhezkazgan", writer=aigerim, byline="")
    factories.article("Someone else's report", byline="Editorial team")

    html = client.get("/author/aigerim-bekova/").content.decode()
    assert "Report from Zhezkazgan" in html and "Someone else's report" not in html
    # The post credits them by name and links to their page.
    post_html = client.get(theirs.get_absolute_url()).content.decode()
    assert 'href="/author/aigerim-bekova/">by Aigerim Bekova</a>' in post_html


def test_a_renamed_tag_keeps_its_old_address(client):
    tag = factories.tag("Zhanaozen")
    tag.slug = "zhanaozen-massacre"
    tag.save()
    response = client.get("/tag/zhanaozen/")
    assert response.status_code == 301 and response["Location"] == "/tag/zhanaozen-massacre/"
