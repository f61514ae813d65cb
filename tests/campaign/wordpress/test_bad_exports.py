"""Bad input gets a clear message and imports nothing half-way."""

import pytest
from django.core.management import CommandError

from publishing.models import Category, Post, Redirect
from tests.campaign.wordpress import exports
from tests.campaign.wordpress.test_import import run_import

pytestmark = pytest.mark.django_db


def refused(tmp_path, content, *, binary=False):
    path = tmp_path / "export.xml"
    if binary:
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as refusal:
        run_import(path)
    assert not Post.objects.exists() and not Category.objects.exists() and not Redirect.objects.exists()
    return str(refusal.value)


def test_a_file_that_is_not_xml(tmp_path):
    assert "not XML" in refused(tmp_path, "%PDF-1.4 this is a PDF\n")


def test_xml_that_is_not_a_wordpress_export(tmp_path):
    assert "not a WordPress export" in refused(tmp_path, '<?xml version="1.0"?><html><body/></html>')
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        "<item><title>x</title></item></channel></rss>"
    )
    assert "an RSS feed, not a WordPress export" in refused(tmp_path, rss)


def test_a_truncated_export_imports_nothing_of_what_came_before_the_cut(tmp_path):
    whole = exports.campaign_export()
    message = refused(tmp_path, whole[: int(len(whole) * 0.8)])
    assert "stops before the export ends" in message and "Nothing was imported" in message


def test_an_unknown_wxr_version(tmp_path):
    assert "WXR version 9.0" in refused(tmp_path, exports.campaign_export(version="9.0"))


def test_text_that_is_not_utf8(tmp_path):
    text = exports.campaign_export().replace("Rosa Tuleteva", "Rosa Tul\udcc8teva")
    message = refused(tmp_path, text.encode("utf-8", "surrogateescape"), binary=True)
    assert "is not UTF-8 text" in message and "Line" in message


def test_entity_expansion_is_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        "<rss><channel><title>&lol2;</title></channel></rss>"
    )
    assert "refused for safety" in refused(tmp_path, bomb)
    external = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>'
    assert "refused for safety" in refused(tmp_path, external)


def test_a_missing_file_or_a_folder_is_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        run_import(tmp_path / "nothing.xml")
    with pytest.raises(CommandError, match="is a folder"):
        run_import(tmp_path)


def test_items_with_no_title_or_slug_duplicate_slugs_and_odd_dates_are_imported_and_reported(tmp_path):
    existing = Post.objects.create(title="Older post", slug="zhanaozen", status="published")
    text = exports.export(
        exports.item(1, "", slug="", content="Police opened fire on striking oil workers in Zhanaozen."),
        exports.item(2, "Zhanaozen", slug="zhanaozen", content="One."),
        exports.item(3, "Zhanaozen again", slug="zhanaozen", content="Two."),
        exports.item(4, "From the future", date="2099-01-01 10:00:00", content="Soon."),
        exports.item(5, "From 1970", date="1970-01-01 00:00:00", content="Epoch."),
        exports.item(
            6, "Kazakh title", slug="%d0%b6%d0%b0%d2%a3%d0%b0%d3%a9%d0%b7%d0%b5%d0%bd", content="Cyrillic."
        ),
    )
    report = run_import(exports.write(tmp_path, text))

    untitled = Post.objects.get(slug__startswith="police-opened-fire")
    assert untitled.title.startswith("Police opened fire on striking oil workers")
    assert "has no title" in report
    assert existing.slug == "zhanaozen"
    assert set(Post.objects.filter(title__startswith="Zhanaozen").values_list("slug", flat=True)) == {
        "zhanaozen-2",
        "zhanaozen-3",
    }
    assert "the address 'zhanaozen' was taken; it is now 'zhanaozen-2'" in report
    assert Post.objects.get(title="From the future").is_scheduled
    assert "date in the future: scheduled" in report
    epoch = Post.objects.get(title="From 1970")
    assert epoch.status == "draft" and "before 1990" in report
    assert Post.objects.get(title="Kazakh title").slug == "zhangaozen"  # Kazakh letters in Latin
