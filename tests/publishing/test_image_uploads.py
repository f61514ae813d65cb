"""Uploaded images are real images within limits, re-encoded without metadata."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from publishing.images import reencode_image, validate_image_upload
from tests import factories


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
