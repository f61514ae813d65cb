"""A prisoner's photo never carries where or when it was taken: the upload is stripped of EXIF."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from PIL import Image

from appeals.models import Prisoner

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
# Somewhere in Zhanaozen: the kind of detail that must never reach the public site.
GPS_INFO = {1: "N", 2: (43.0, 20.0, 30.0), 3: "E", 4: (52.0, 48.0, 10.0)}


def jpeg_with_location():
    exif = Image.Exif()
    exif[0x010F] = "Example camera maker"  # Make
    exif[0x0132] = "2012:01:15 10:30:00"  # DateTime
    exif[GPS_IFD] = GPS_INFO
    buffer = BytesIO()
    Image.new("RGB", (64, 48), "#9b1c1c").save(buffer, "JPEG", exif=exif.tobytes())
    buffer.name = "roza.jpg"
    buffer.seek(0)
    return buffer


def test_the_photo_an_editor_uploads_is_stored_without_exif_or_location(client):
    upload = jpeg_with_location()
    with Image.open(upload) as original:  # the test photo really does carry a location
        assert original.getexif().get_ifd(GPS_IFD)
    upload.seek(0)

    client.force_login(get_user_model().objects.create_superuser("admin", password="x" * 16))
    response = client.post(
        "/admin/appeals/prisoner/add/",
        {
            "name": "Roza Tuleteva",
            "slug": "roza-tuleteva",
            "status": "sentenced",
            "photo": upload,
            "photo_alt": "Roza Tuleteva smiling, in a headscarf.",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
            "events-MIN_NUM_FORMS": "0",
            "events-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    stored = Prisoner.objects.get(slug="roza-tuleteva").photo
    with Image.open(stored.path) as image:
        assert image.size == (64, 48)
        assert not image.getexif(), "no EXIF at all"
        assert "exif" not in image.info
        assert not image.getexif().get_ifd(GPS_IFD)
    with open(stored.path, "rb") as raw:
        data = raw.read()
    assert b"Exif" not in data
    assert b"Example camera maker" not in data
