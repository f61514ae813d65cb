"""A prisoner's photo never carries where or when it was taken: the upload is stripped of EXIF."""

import pytest
from PIL import Image

from prisoners.models import Prisoner
from tests import factories
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/prisoners/prisoner/add/"
GPS_IFD = 0x8825
# Somewhere in Zhanaozen: the kind of detail that must never reach the public site.
GPS_INFO = {1: "N", 2: (43.0, 20.0, 30.0), 3: "E", 4: (52.0, 48.0, 10.0)}


def jpeg_with_location():
    exif = Image.Exif()
    exif[0x010F] = "Example camera maker"  # Make
    exif[0x0132] = "2012:01:15 10:30:00"  # DateTime
    exif[GPS_IFD] = GPS_INFO
    return factories.image_upload("roza.jpg", size=(64, 48), exif=exif.tobytes())


def test_the_photo_an_editor_uploads_is_stored_without_exif_or_location(client, editor):
    upload = jpeg_with_location()
    with Image.open(upload) as original:  # the test photo really does carry a location
        assert original.getexif().get_ifd(GPS_IFD)
    upload.seek(0)

    client.force_login(editor)
    add_page = client.get(ADD_URL)
    response = client.post(
        ADD_URL,
        admin_form_data(
            add_page,
            name="Roza Tuleteva",
            slug="roza-tuleteva",
            situation=Prisoner.Situation.SENTENCED,
            image=upload,
            image_alt="Roza Tuleteva smiling, in a headscarf.",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    stored = Prisoner.objects.get(slug="roza-tuleteva").image
    with Image.open(stored.path) as image:
        assert image.size == (64, 48)
        assert not image.getexif(), "no EXIF at all"
        assert "exif" not in image.info
        assert not image.getexif().get_ifd(GPS_IFD)
    with open(stored.path, "rb") as raw:
        data = raw.read()
    assert b"Exif" not in data
    assert b"Example camera maker" not in data
