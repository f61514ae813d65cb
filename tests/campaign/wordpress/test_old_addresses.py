"""After an import, every old address of the WordPress site answers 301 to its new page, in one request."""

import pytest

from media_library.models import Image
from tests.campaign.wordpress import exports
from tests.campaign.wordpress.test_import import run_import

pytestmark = pytest.mark.django_db

SITE = exports.SITE


@pytest.fixture(autouse=True)
def imported(tmp_path):
    path = exports.write(tmp_path, exports.campaign_export())
    return run_import(path, "--uploads", str(exports.campaign_uploads(tmp_path)))


def lands(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new, old
    final = client.get(response["Location"])
    assert final.status_code == 200, f"{old} → {new} is not a page"


@pytest.mark.parametrize(
    "old",
    [
        "/index.php/2013/06/28/angry-protests-erupt-in-zhezkazgan/",  # the post's own <link>
        "/index.php/2013/06/28/angry-protests-erupt-in-zhezkazgan",
        "/2013/06/28/angry-protests-erupt-in-zhezkazgan/",  # date permalink without index.php
        "/2013/06/angry-protests-erupt-in-zhezkazgan/",
        "/?p=101",
        "/index.php?p=101",
        "/archives/101",
    ],
)
def test_every_old_address_of_a_post_leads_to_it(client, old):
    lands(client, old, "/posts/angry-protests-erupt-in-zhezkazgan/")


def test_old_addresses_of_a_video_post_and_of_pages(client):
    lands(client, "/index.php/2013/05/10/south-african-miners/", "/videos/south-african-miners/")
    lands(client, "/?page_id=301", "/about/")
    lands(client, "/index.php/about/", "/about/")
    lands(client, "/index.php/donate/", "/donate/")


def test_old_category_tag_author_and_feed_addresses(client):
    lands(client, "/index.php/category/appeals/", "/category/appeals/")
    lands(client, "/category/appeals/zhezkazgan/", "/category/zhezkazgan/")
    lands(client, "/index.php/category/appeals/zhezkazgan/feed/", "/category/zhezkazgan/feed/")
    lands(client, "/?cat=5", "/category/zhezkazgan/")
    lands(client, "/tag/kazakhmys/feed/", "/tag/kazakhmys/")
    lands(client, "/index.php/tag/kazakhmys/", "/tag/kazakhmys/")
    lands(client, "/?tag=kazakhmys", "/tag/kazakhmys/")
    lands(client, "/index.php/author/rosa/", "/author/rosa/")
    lands(client, "/?author=2", "/author/rosa/")
    assert client.get("/?s=zhezkazgan")["Location"] == "/search/?q=zhezkazgan"


def test_old_addresses_of_uploaded_files_and_attachments_lead_to_the_imported_files(client):
    photo = Image.objects.get(title="Protest")
    for old in (
        "/wp-content/uploads/2013/06/protest.jpg",
        "/wp-content/uploads/2013/06/protest-300x169.jpg",  # the resized copy a body used
        "/?attachment_id=201",
    ):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == photo.image.url, old


def test_no_redirect_leads_to_another_redirect(client):
    from publishing.models import Redirect
    from publishing.redirects import redirect_key

    olds = set(Redirect.objects.values_list("old_path", flat=True))
    assert olds
    assert not [r for r in Redirect.objects.all() if redirect_key(r.new_path) in olds]
