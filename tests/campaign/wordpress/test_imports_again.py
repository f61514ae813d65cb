"""Importing twice changes nothing; a newer export updates what changed, never an editor's later edits."""

import pytest

from campaign.models import ImportedItem
from media_library.models import Image
from publishing.models import Category, Page, Post, Redirect, Tag
from tests.campaign.wordpress import exports
from tests.campaign.wordpress.test_import import row, run_import

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "posts": sorted(Post.objects.values_list("slug", "updated_at", "body")),
        "pages": sorted(Page.objects.values_list("slug", "updated_at")),
        "images": sorted(Image.objects.values_list("image", "image_alt")),
        "categories": sorted(Category.objects.values_list("slug", "parent_id")),
        "tags": Tag.objects.count(),
        "redirects": sorted(Redirect.objects.values_list("old_path", "new_path", "updated_at")),
        "records": ImportedItem.objects.count(),
    }


def test_importing_the_same_file_twice_changes_nothing_and_duplicates_nothing(tmp_path):
    path = exports.write(tmp_path, exports.campaign_export())
    uploads = str(exports.campaign_uploads(tmp_path))
    run_import(path, "--uploads", uploads)
    before = snapshot()

    report = run_import(path, "--uploads", uploads)

    assert snapshot() == before
    assert row(report, "post") == [0, 0, 6, 1]
    assert row(report, "page") == [0, 0, 2, 0]
    assert "0 created, 0 updated" in report


def test_a_newer_export_updates_what_changed_in_wordpress(tmp_path):
    uploads = str(exports.campaign_uploads(tmp_path))
    run_import(exports.write(tmp_path, exports.campaign_export()), "--uploads", uploads)

    newer = exports.campaign_export(
        exports.item(109, "A new report from Satpaev", content="Another town fears closure."),
        protest_title="Angry protests erupt in Zhezkazgan (updated)",
    )
    report = run_import(exports.write(tmp_path, newer, "newer.xml"), "--uploads", uploads)

    protest = Post.objects.get(slug="angry-protests-erupt-in-zhezkazgan")
    assert protest.title == "Angry protests erupt in Zhezkazgan (updated)"
    assert Post.objects.filter(title="A new report from Satpaev").count() == 1
    assert row(report, "post") == [1, 1, 5, 1]


def test_an_editors_later_edit_is_kept_and_the_report_says_so(tmp_path):
    uploads = str(exports.campaign_uploads(tmp_path))
    run_import(exports.write(tmp_path, exports.campaign_export()), "--uploads", uploads)
    protest = Post.objects.get(slug="angry-protests-erupt-in-zhezkazgan")
    protest.title = "Zhezkazgan rises: the editor's headline"
    protest.save()

    newer = exports.campaign_export(protest_title="Angry protests erupt in Zhezkazgan (updated)")
    report = run_import(exports.write(tmp_path, newer, "newer.xml"), "--uploads", uploads)

    protest.refresh_from_db()
    assert protest.title == "Zhezkazgan rises: the editor's headline"
    assert "changed by an editor since the last import: their version kept" in report
    assert (
        "“Angry protests erupt in Zhezkazgan (updated)”: changed in WordPress and by an editor here" in report
    )


def test_an_editors_redirect_is_not_overwritten(tmp_path):
    Redirect.objects.add("/?p=101", "/donate/", source=Redirect.Source.EDITOR)
    report = run_import(exports.write(tmp_path, exports.campaign_export()))
    assert Redirect.objects.get(old_path="?p=101").new_path == "/donate/"
    assert "1 kept as an editor set them" in report


def test_a_dry_run_reports_everything_and_saves_nothing(tmp_path, settings):
    path = exports.write(tmp_path, exports.campaign_export())
    report = run_import(path, "--uploads", str(exports.campaign_uploads(tmp_path)), "--dry-run")
    assert "DRY RUN: nothing was saved" in report
    assert row(report, "post") == [6, 0, 0, 1]
    assert not Post.objects.exists() and not Redirect.objects.exists() and not ImportedItem.objects.exists()
    media = settings.MEDIA_ROOT
    assert not [path for path in media.rglob("*") if path.is_file()] if media.exists() else True
