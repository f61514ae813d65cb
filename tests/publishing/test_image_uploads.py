"""Uploaded images are real images within limits, re-encoded without metadata."""

from io import BytesIO
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, ImageFile

from publishing.images import STORED_IMAGE_MAX_EDGE, reencode_image, validate_image_upload
from publishing.models import Post
from tests import factories
from tests.admin_forms import admin_form_data


def test_a_file_that_is_not_an_image_is_refused_with_a_clear_message():
    fake = SimpleUploadedFile("photo.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="not an image we can read"):
        validate_image_upload(fake)


@override_settings(MAX_UPLOAD_IMAGE_BYTES=1000)
def test_an_oversized_file_is_refused():
    big = factories.image_upload(size=(600, 600), quality=100)
    with pytest.raises(ValidationError, match="too large"):
        validate_image_upload(big)


@override_settings(MAX_UPLOAD_IMAGE_PIXELS=10_000)
def test_an_image_with_too_many_pixels_is_refused():
    with pytest.raises(ValidationError, match="too many pixels"):
        validate_image_upload(factories.image_upload(size=(200, 200)))


def test_reencoding_drops_gps_and_camera_metadata():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0)}  # GPSInfo: where the photo was taken
    original = factories.image_upload(size=(64, 48), exif=exif.tobytes())
    with Image.open(BytesIO(original.read())) as before:
        assert before.getexif()
    original.seek(0)
    cleaned = reencode_image(original)
    with Image.open(cleaned) as after:
        assert not after.getexif()
        assert "exif" not in after.info
        assert after.size == (64, 48)


# --- Huge pictures: bounded memory, stored no larger than pages need -----------------


def huge_upload(name, size, image_format, mode="L", **save_options):
    """A picture of one colour: a few kilobytes to upload, millions of pixels once decoded.

    Grey ("L") keeps the test's own memory small; the site treats every mode alike.
    """
    buffer = BytesIO()
    Image.new(mode, size, 120).save(buffer, format=image_format, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def test_a_40_megapixel_png_is_refused_from_its_header_with_a_message_that_says_what_to_do():
    upload = huge_upload("poster.png", (8000, 5000), "PNG")
    assert upload.size < 200_000  # small to send, 40 megapixels to decode: the case that hurt

    with pytest.raises(ValidationError) as refusal:
        validate_image_upload(upload)

    (message,) = refusal.value.messages
    assert message == (
        "This image has too many pixels (8000 × 5000, 40 megapixels): PNG, WebP and GIF images may "
        "have 16 megapixels at most. Please upload a smaller version, or save it as a JPEG "
        "(up to 40 megapixels)."
    )


def test_a_huge_png_is_refused_before_a_single_pixel_is_decoded():
    upload = huge_upload("poster.png", (8000, 5000), "PNG")
    with (
        mock.patch.object(ImageFile.ImageFile, "load", side_effect=AssertionError("decoded")),
        pytest.raises(ValidationError, match="too many pixels"),
    ):
        validate_image_upload(upload)


@pytest.mark.django_db
def test_a_40_megapixel_photo_is_stored_2560_pixels_wide_keeping_its_proportions():
    upload = huge_upload("rally.jpg", (8000, 5000), "JPEG")
    validate_image_upload(upload)

    post = factories.article(image=upload, image_alt="The rally seen from above")

    with Image.open(post.image.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (STORED_IMAGE_MAX_EDGE, 1600)


@pytest.mark.parametrize(
    ("mode", "image_format", "stored_mode"),
    [("RGBA", "PNG", "RGBA"), ("P", "GIF", "RGB"), ("RGB", "WEBP", "RGB"), ("1", "PNG", "L")],
)
def test_a_large_picture_of_any_kind_is_scaled_down_and_keeps_its_transparency(
    mode, image_format, stored_mode
):
    upload = huge_upload(f"banner.{image_format.lower()}", (3000, 1000), image_format, mode=mode)
    validate_image_upload(upload)

    cleaned = reencode_image(upload)

    with Image.open(cleaned) as stored:
        assert stored.size == (STORED_IMAGE_MAX_EDGE, 853)
        assert stored.mode == stored_mode


def test_a_picture_no_larger_than_pages_need_keeps_its_size():
    cleaned = reencode_image(factories.image_upload(size=(2560, 1440)))
    with Image.open(cleaned) as stored:
        assert stored.size == (2560, 1440)


def test_a_large_photo_taken_sideways_is_scaled_down_and_stood_upright_without_its_metadata():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned a quarter clockwise
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0)}  # GPSInfo
    upload = huge_upload("sideways.jpg", (3000, 1000), "JPEG", exif=exif.tobytes())

    cleaned = reencode_image(upload)

    with Image.open(cleaned) as stored:
        assert stored.size == (853, STORED_IMAGE_MAX_EDGE)  # upright: taller than wide
        assert not stored.getexif()
        assert "exif" not in stored.info


@pytest.mark.django_db
def test_an_editor_who_uploads_a_huge_png_reads_why_it_was_refused_and_loses_nothing_typed(client, editor):
    client.force_login(editor)
    add_page = client.get("/admin/publishing/article/add/")
    form = admin_form_data(
        add_page,
        title="Poster of the rally",
        slug="poster-of-the-rally",
        status=factories.PUBLISHED,
        published_at_0="2026-03-08",
        published_at_1="10:00:00",
        standfirst="Bring this poster to the rally.",
        image=huge_upload("poster.png", (8000, 5000), "PNG"),
        image_alt="The rally poster",
    )

    response = client.post("/admin/publishing/article/add/", form)

    assert response.status_code == 200  # the form comes back
    html = response.content.decode()
    assert "This image has too many pixels (8000 × 5000, 40 megapixels)" in html
    assert "Bring this poster to the rally." in html
    assert not Post.objects.filter(slug="poster-of-the-rally").exists()
