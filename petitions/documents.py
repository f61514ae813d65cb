"""Documents managers upload (the response received when a petition is handed in).

Only what a visitor can safely open: PDF, Word (DOCX) or a JPEG/PNG/WebP image, checked by
their content and not by the name they came with, within `MAX_UPLOAD_DOCUMENT_BYTES`. Stored
under a random name, so that a document is found only through the page that links to it;
images are re-encoded without metadata (a phone's photo of a letter carries its GPS position).
"""

import os
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from publishing.images import reencode_image, validate_image_upload

# Extension as stored, by what the content turned out to be.
PDF, DOCX = "pdf", "docx"
IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPTED_EXTENSIONS = {".pdf", ".docx", ".jpg", ".jpeg", ".png", ".webp"}


def _is_docx(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _image_format(upload):
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            return image.format
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)


def document_kind(upload):
    """ "pdf", "docx", "jpg", "png" or "webp" from the file's content, or None."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(upload) else None
    return IMAGE_EXTENSIONS.get(_image_format(upload))


def validate_document_upload(upload):
    """Refuse anything but a PDF, a DOCX or a JPEG/PNG/WebP image within the size limit."""
    limit = settings.MAX_UPLOAD_DOCUMENT_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This document is too large (%(size)d MB). The limit is %(limit)d MB."),
            code="too_large",
            params={"size": upload.size // (1024 * 1024), "limit": limit // (1024 * 1024)},
        )
    extension = os.path.splitext(upload.name)[1].lower()
    kind = document_kind(upload)
    if extension not in ACCEPTED_EXTENSIONS or kind is None:
        raise ValidationError(
            _("Please upload a PDF, a Word document (.docx) or a JPEG, PNG or WebP image."),
            code="wrong_type",
        )
    if kind in IMAGE_EXTENSIONS.values():
        validate_image_upload(upload)


def document_upload_to(instance, filename):
    """A random name under the model's folder, with the extension of what the file is."""
    extension = getattr(instance, "_document_kind", None) or os.path.splitext(filename)[1].lstrip(".").lower()
    return f"{instance.document_folder}/{uuid.uuid4().hex}.{extension}"


class DocumentField(models.FileField):
    """A FileField for documents: validated by content, images re-encoded without metadata,
    stored under a random name."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", document_upload_to)
        kwargs.setdefault("max_length", 200)
        kwargs["validators"] = [*kwargs.get("validators", []), validate_document_upload]
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            kind = document_kind(file.file)
            model_instance._document_kind = kind
            if kind in IMAGE_EXTENSIONS.values():
                cleaned = reencode_image(file.file)
                model_instance._document_kind = os.path.splitext(cleaned.name)[1].lstrip(".").lower() or kind
                file.save(cleaned.name, cleaned, save=False)
        return super().pre_save(model_instance, add)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        if kwargs.get("upload_to") is document_upload_to:
            kwargs.pop("upload_to")
        if kwargs.get("max_length") == 200:
            kwargs.pop("max_length")
        return name, path, args, kwargs
