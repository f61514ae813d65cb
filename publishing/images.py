"""Uploaded images: checked, re-encoded and stripped of metadata before they are stored.

A photo's EXIF data can hold the place and time it was taken and the camera's owner,
which can endanger the people in it or the person who took it. Re-encoding through
Pillow drops all of it and turns anything that is not really an image into an error.
"""

from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# What we re-encode to: JPEG for photos, PNG where transparency matters, WebP kept as WebP.
OUTPUT_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


def validate_image_upload(upload):
    """Raise ValidationError unless `upload` is a real image within the size limits."""
    if upload.size > settings.MAX_UPLOAD_IMAGE_BYTES:
        raise ValidationError(
            _("This image is too large (%(size)d MB). The limit is %(limit)d MB."),
            params={
                "size": upload.size // (1024 * 1024),
                "limit": settings.MAX_UPLOAD_IMAGE_BYTES // (1024 * 1024),
            },
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > settings.MAX_UPLOAD_IMAGE_PIXELS:
                raise ValidationError(_("This image has too many pixels; please upload a smaller version."))
            if image.format not in OUTPUT_FORMATS:
                raise ValidationError(_("Please upload a JPEG, PNG, WebP or GIF image."))
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(_("This file is not an image we can read.")) from error
    finally:
        upload.seek(0)


def reencode_image(upload):
    """A new in-memory file with the same picture and no metadata (EXIF, GPS, comments)."""
    upload.seek(0)
    with Image.open(upload) as image:
        source_format = image.format
        image = ImageOps.exif_transpose(image)  # keep the photo upright once EXIF is gone
        output_format = OUTPUT_FORMATS.get(source_format, "JPEG")
        if output_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = BytesIO()
        options = (
            {"quality": 85, "optimize": True} if output_format in ("JPEG", "WEBP") else {"optimize": True}
        )
        # A new image built from the pixels alone carries no EXIF, XMP or ICC data.
        clean = Image.frombytes(image.mode, image.size, image.tobytes())
        if image.mode == "P" and image.getpalette():
            clean.putpalette(image.getpalette())
        clean.save(buffer, format=output_format, **options)
    name = PurePath(upload.name).stem + EXTENSIONS[output_format]
    size = buffer.tell()
    buffer.seek(0)
    return InMemoryUploadedFile(buffer, None, name, f"image/{output_format.lower()}", size, None)


class CleanImageField(models.ImageField):
    """An ImageField whose new uploads are validated and re-encoded without metadata."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [])
        kwargs["validators"] = [*kwargs["validators"], validate_image_upload]
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = reencode_image(file.file)
            file.save(cleaned.name, cleaned, save=False)
        return super().pre_save(model_instance, add)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs
