"""What real exports contain beyond the campaign's own: older WXR versions, WordPress.com's uploads,
the block editor, every video shortcode, terms of other taxonomies and other post types."""

import pytest

from campaign.wordpress import content
from media_library.models import VideoPost
from publishing.models import Category, Post
from tests.campaign.wordpress import exports
from tests.campaign.wordpress.test_import import row, run_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_wordpress_has_written_imports(tmp_path, version):
    path = exports.write(tmp_path, exports.campaign_export(version=version))
    report = run_import(path)
    assert f"(WXR {version})" in report
    assert Post.objects.filter(slug="angry-protests-erupt-in-zhezkazgan").exists()


def test_a_wordpress_com_export_with_block_content_and_other_taxonomies(tmp_path):
    block_embed = (
        '<!-- wp:embed {"url":"https://vimeo.com/123456789","type":"video"} -->\n'
        '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
        "https://vimeo.com/123456789\n</div><figcaption>Commemoration in London</figcaption></figure>\n"
        "<!-- /wp:embed -->\n\n<!-- wp:paragraph -->\n<p>"
        + "Supporters gathered outside the embassy to remember the oil workers. " * 6
        + "</p>\n<!-- /wp:paragraph -->"
    )
    text = exports.export(
        exports.item(
            1,
            "Commemoration <em>in London</em> &amp; Brussels",
            content=block_embed,
            categories=[("news", "News"), ("post-format-video", "Video")],
            meta={"_thumbnail_id": "5"},
        ),
        exports.item(
            5,
            "Poster",
            post_type="attachment",
            status="inherit",
            attachment_url="https://campaign.files.wordpress.com/2013/12/poster.jpg",
            meta={"_wp_attached_file": "2013/12/poster.jpg"},
        ),
        exports.item(6, "Menu", post_type="wp_navigation", content="<!-- wp:navigation-link /-->"),
        exports.item(7, "Styles", post_type="wp_global_styles", content="{}"),
        categories=[exports.category("news", "News", term_id=2)],
    ).replace(
        "<generator>",
        "<wp:term><wp:term_id>9</wp:term_id><wp:term_taxonomy>post_format</wp:term_taxonomy>"
        "<wp:term_slug>post-format-video</wp:term_slug><wp:term_name>Video</wp:term_name></wp:term>"
        "<wp:term><wp:term_id>10</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy>"
        "<wp:term_slug>main</wp:term_slug><wp:term_name>Main</wp:term_name></wp:term><generator>",
    )
    text = text.replace(
        'domain="category" nicename="post-format-video"', 'domain="post_format" nicename="post-format-video"'
    )
    uploads = exports.uploads(tmp_path, "2013/12/poster.jpg")
    report = run_import(exports.write(tmp_path, text), "--uploads", str(uploads))

    post = Post.objects.get()
    assert post.title == "Commemoration in London & Brussels"
    assert "wp:" not in post.body and "wp-block-embed" not in post.body
    assert '<figure><a href="https://vimeo.com/123456789"' in post.body
    assert "<figcaption>Commemoration in London</figcaption>" in post.body
    assert post.image  # the featured image from WordPress.com's uploads
    assert list(Category.objects.values_list("slug", flat=True)) == ["news"]  # formats are no category
    assert "wp_navigation: 1 × WordPress wp_navigations are not imported" in report
    assert row(report, "post") == [1, 0, 0, 0]


@pytest.mark.parametrize(
    ("shortcode", "video_id"),
    [
        ("[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]", "dQw4w9WgXcQ"),
        ("[youtube=http://www.youtube.com/watch?v=dQw4w9WgXcQ&w=425&h=350]", "dQw4w9WgXcQ"),
        ("[youtube https://youtu.be/dQw4w9WgXcQ]", "dQw4w9WgXcQ"),
        ('[video src="https://vimeo.com/123456789"][/video]', "123456789"),
        ("[vimeo 123456789]", "123456789"),
        ('<object><param name="movie" value="http://www.youtube.com/v/dQw4w9WgXcQ"></object>', "dQw4w9WgXcQ"),
        ('<iframe src="https://player.vimeo.com/video/123456789" width="500"></iframe>', "123456789"),
    ],
)
def test_every_way_wordpress_embeds_a_video_becomes_the_sites_player(tmp_path, shortcode, video_id):
    run_import(
        exports.write(tmp_path, exports.export(exports.item(1, "Solidarity video", content=shortcode)))
    )
    video = VideoPost.objects.get()
    assert video.provider_video_id == video_id


def test_videos_the_site_cannot_play_are_reported_not_silently_kept():
    converted = content.convert('[wpvideo tFnqC2XD]\n\n[video mp4="http://example.org/clip.mp4"][/video]')
    assert "[wpvideo] removed: not a YouTube or Vimeo video" in converted.notes
    assert '<a href="http://example.org/clip.mp4">' in converted.html
    assert not converted.videos


def test_wordpress_paragraphs_are_added_as_wordpress_adds_them():
    converted = content.convert("First line\nsecond line\n\nNew paragraph\n\n<ul>\n<li>kept</li>\n</ul>")
    assert (
        converted.html
        == "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>\n<ul>\n<li>kept</li>\n</ul>"
    )
