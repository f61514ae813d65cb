"""`manage.py import_wordpress`: a campaign's WordPress site, moved over in one command."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from media_library.models import Image, VideoPost
from publishing.models import Article, Author, Category, Page, Post, Tag
from tests.campaign.wordpress import exports

pytestmark = pytest.mark.django_db


def row(report, kind):
    """The figures of one type in the report's table: imported, updated, unchanged, skipped."""
    line = next(line for line in report.splitlines() if line.startswith(f"{kind}  "))
    return [int(number) for number in line[len(kind) :].split()]


def run_import(path, *args):
    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(tmp_path):
    path = exports.write(tmp_path, exports.campaign_export())
    report = run_import(path, "--uploads", str(exports.campaign_uploads(tmp_path)))
    return report


def test_categories_tags_and_authors_arrive_with_their_hierarchy_and_descriptions(imported):
    zhezkazgan = Category.objects.get(slug="zhezkazgan")
    assert zhezkazgan.parent == Category.objects.get(slug="appeals")
    assert zhezkazgan.description == "The foundry town."
    assert Category.objects.get(slug="appeals").description == "Calls to act now."
    assert Tag.objects.get(slug="kazakhmys").name == "KazakhMys"
    rosa = Author.objects.get(slug="rosa")
    assert rosa.name == "Rosa Tuleteva"
    # Authors are bylines, never accounts.
    assert not get_user_model().objects.exists()


def test_posts_pages_and_images_arrive_with_their_status(imported):
    protest = Article.objects.get(slug="angry-protests-erupt-in-zhezkazgan")
    assert protest.is_published and protest.is_featured
    assert protest.writer.slug == "rosa" and protest.credit == "Rosa Tuleteva"
    assert protest.standfirst == "Workers demand nationalisation"
    assert {c.slug for c in protest.categories.all()} == {"appeals", "zhezkazgan"}
    assert [t.slug for t in protest.tags.all()] == ["kazakhmys"]
    assert protest.image and protest.image_alt == "Residents outside the foundry"

    assert Post.objects.get(title="Unfinished report").status == "draft"
    assert Post.objects.get(title="Anniversary of Zhanaozen").is_scheduled
    assert Post.objects.get(title="Internal minutes").status == "draft"  # private: not public
    assert Post.objects.get(title="Members only").status == "draft"  # password: not public
    assert not Post.objects.filter(title="Deleted post").exists()  # the trash stays behind

    assert set(Page.objects.values_list("slug", flat=True)) == {"about", "donate"}
    assert Page.objects.get(slug="about").is_published
    assert Image.objects.count() == 2  # protest.jpg and foundry.jpg; lost.jpg is missing


def test_a_post_that_is_mainly_one_video_becomes_a_video_post(imported):
    miners = VideoPost.objects.get(slug="south-african-miners")
    assert (miners.provider, miners.provider_video_id) == ("youtube", "aaaaaaaaaaa")
    assert "iframe" not in miners.body


def test_bodies_are_made_safe_and_native(imported, client):
    protest = Post.objects.get(slug="angry-protests-erupt-in-zhezkazgan")
    body = protest.body
    assert "wp:paragraph" not in body and "[caption" not in body and "[gallery" not in body
    assert "<script" not in body and "tracker.example.com" not in body
    assert "<p>Workers demand nationalisation not ‘conservation’ of KazakhMys.</p>" in body
    assert "<figcaption>Residents outside the foundry gates</figcaption>" in body
    assert "<figcaption>The KazakhMys foundry</figcaption>" in body  # from the gallery
    # Images point at the imported files; links between posts at the new addresses.
    assert "campaignkazakhstan.org/wp-content" not in body
    assert body.count('src="/media/library/') == 3
    assert 'href="/posts/paul-murphy-mep-expresses-solidarity/"' in body
    assert 'href="https://example.org/elsewhere"' in body

    html = client.get(protest.get_absolute_url()).content.decode()
    assert 'class="video-player-link"' in html  # the YouTube address alone on its line
    assert "<iframe" not in html


def test_the_report_counts_each_type_and_says_what_was_skipped_and_why(imported):
    assert row(imported, "post") == [6, 0, 0, 1]
    assert row(imported, "video post") == [1, 0, 0, 0]
    assert row(imported, "page") == [2, 0, 0, 0]
    assert row(imported, "image") == [2, 0, 0, 1]
    assert "in the trash" in imported
    assert "wp-content/uploads/2013/06/lost.jpg" in imported  # a missing file, reported, not fatal
    assert "password-protected in WordPress" in imported
    assert "private in WordPress" in imported
    assert "nav_menu_item: 1 × WordPress nav_menu_items are not imported" in imported
    assert "Comments: 3 not imported" in imported
    assert "Redirects from old addresses:" in imported
    assert "image from another site removed" in imported


def test_imported_posts_are_found_by_the_site_search(imported, client):
    html = client.get("/search/", {"q": "foundry"}).content.decode()
    assert "Angry protests erupt in Zhezkazgan" in html
