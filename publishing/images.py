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
from PIL import ExifTags, Image, UnidentifiedImageError

# What we re-encode to: JPEG for photos, PNG where transparency matters, WebP kept as WebP.
OUTPUT_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# The longest side of a stored image: twice the widest place a page shows one (1280 px),
# for sharp pictures on high-density screens. Larger uploads are scaled down to it.
STORED_IMAGE_MAX_EDGE = 2560

# PNG, WebP and GIF cannot be decoded at a reduced scale as JPEG can: the whole picture is
# in memory (4 bytes a pixel) while it is scaled down, so they are held to fewer pixels.
# 16 megapixels still takes a 5K screenshot or a 4000 × 4000 poster.
WHOLE_DECODE_MAX_PIXELS = 16_000_000
REDUCED_SCALE_FORMATS = {"JPEG", "MPO"}


def max_pixels(image_format):
    """The most pixels an upload in `image_format` may have (MAX_UPLOAD_IMAGE_PIXELS for JPEG)."""
    if image_format in REDUCED_SCALE_FORMATS:
        return settings.MAX_UPLOAD_IMAGE_PIXELS
    return min(settings.MAX_UPLOAD_IMAGE_PIXELS, WHOLE_DECODE_MAX_PIXELS)


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.1f}".removesuffix(".0")


def too_many_pixels(width, height, image_format):
    """The error for an image whose header says it has more pixels than its format may have."""
    limit = max_pixels(image_format)
    params = {"width": width, "height": height, "megapixels": _megapixels(width * height)}
    params["limit"] = _megapixels(limit)
    if limit < settings.MAX_UPLOAD_IMAGE_PIXELS:
        message = _(
            "This image has too many pixels (%(width)d × %(height)d, %(megapixels)s megapixels): "
            "PNG, WebP and GIF images may have %(limit)s megapixels at most. Please upload a smaller "
            "version, or save it as a JPEG (up to %(jpeg_limit)s megapixels)."
        )
        params["jpeg_limit"] = _megapixels(settings.MAX_UPLOAD_IMAGE_PIXELS)
    else:
        message = _(
            "This image has too many pixels (%(width)d × %(height)d, %(megapixels)s megapixels); "
            "the limit is %(limit)s megapixels. Please upload a smaller version."
        )
    return ValidationError(message, code="too_many_pixels", params=params)


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
            if image.format not in OUTPUT_FORMATS:
                raise ValidationError(_("Please upload a JPEG, PNG, WebP or GIF image."))
            # From the header alone: nothing is decoded before the size is known to be sane.
            if width * height > max_pixels(image.format):
                raise too_many_pixels(width, height, image.format)
            image.verify()
    except Image.DecompressionBombError as error:  # Pillow's own limit, far above ours
        raise ValidationError(
            _("This image has too many pixels. Please upload a smaller version."), code="too_many_pixels"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(_("This file is not an image we can read.")) from error
    finally:
        upload.seek(0)


def reencode_image(upload):
    """A new in-memory file with the same picture and no metadata (EXIF, GPS, comments),
    at most STORED_IMAGE_MAX_EDGE pixels on its longest side.

    Memory stays bounded by the stored size, not the uploaded one, wherever the format
    allows: a JPEG is decoded straight at 1/2, 1/4 or 1/8 scale; other formats are
    decoded once at full size and shrunk before anything else copies them.
    """
    upload.seek(0)
    with Image.open(upload) as original:
        source_format = original.format
        if original.width * original.height > max_pixels(source_format):
            # A file saved by a script, never validated: the same limit holds.
            raise too_many_pixels(*original.size, source_format)
        output_format = OUTPUT_FORMATS.get(source_format, "JPEG")
        # Read before the metadata goes: the way up of a photo taken sideways.
        upright = _TRANSPOSE_FOR_ORIENTATION.get(original.getexif().get(ExifTags.Base.Orientation))
        image = _within_max_edge(original)
        if output_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        if upright is not None:
            image = image.transpose(upright)
        # A new image given the pixels alone carries no EXIF, XMP, ICC data or comments.
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        if image.mode == "P" and image.getpalette():
            clean.putpalette(image.getpalette())
        del image
        buffer = BytesIO()
        options = (
            {"quality": 85, "optimize": True} if output_format in ("JPEG", "WEBP") else {"optimize": True}
        )
        clean.save(buffer, format=output_format, **options)
    name = PurePath(upload.name).stem + EXTENSIONS[output_format]
    size = buffer.tell()
    buffer.seek(0)
    return InMemoryUploadedFile(buffer, None, name, f"image/{output_format.lower()}", size, None)


# ImageOps.exif_transpose's table: the transposition that stands a photo upright, by EXIF orientation.
_TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Modes Pillow cannot average pixels in: palettes (indexes, not colours), bilevel, 16-bit grey.
_SHRINK_AS = {"1": "L", "P": "RGB", "PA": "RGBA", "I;16": "I", "I;16L": "I", "I;16B": "I", "I;16N": "I"}


def _within_max_edge(image):
    """`image` decoded, shrunk to at most STORED_IMAGE_MAX_EDGE on its longest side."""
    width, height = image.size
    if max(width, height) <= STORED_IMAGE_MAX_EDGE:
        image.load()
        return image
    scale = STORED_IMAGE_MAX_EDGE / max(width, height)
    target = (max(1, round(width * scale)), max(1, round(height * scale)))
    # JPEG only (others ignore it): libjpeg decodes at the smallest of 1/2, 1/4, 1/8 scale
    # that is still at least `target`, so the full-size picture is never in memory.
    image.draft(None, target)
    image.load()
    if image.mode in _SHRINK_AS:
        mode = _SHRINK_AS[image.mode]
        if mode == "RGB" and "transparency" in image.info:
            mode = "RGBA"
        image = image.convert(mode)
    # Averaging whole blocks of pixels first makes the one full-size pass cheap and its
    # result small; the exact size then comes from a high-quality resize of that.
    factor = max(image.size) // STORED_IMAGE_MAX_EDGE
    if factor >= 2:
        image = image.reduce(factor)
    image.thumbnail((STORED_IMAGE_MAX_EDGE, STORED_IMAGE_MAX_EDGE), Image.Resampling.LANCZOS)
    return image


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
