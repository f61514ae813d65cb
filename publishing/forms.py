"""Admin forms that do not lose an editor's work when something else on the form is wrong."""

import uuid
from pathlib import PurePath

from django import forms
from django.core import signing
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .images import CleanImageField

KEPT_SUFFIX = "__kept"
KEPT_FOLDER = "uploads-pending"
SIGNING_SALT = "publishing.kept-upload"


class KeptUploadWidget(forms.Widget):
    """The image's own widget, with the signed name of the upload set aside and a sentence saying so."""

    def __init__(self, *, token, shown, original):
        super().__init__()
        self.token, self.shown, self.original = token, shown, original
        self.is_required = original.is_required

    @property
    def media(self):
        return self.original.media

    def value_from_datadict(self, data, files, name):
        return self.original.value_from_datadict(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        kept = format_html(
            '<input type="hidden" name="{}" value="{}"><p class="help kept-upload">{}</p>',
            name + KEPT_SUFFIX,
            self.token,
            _(
                "%(file)s is kept from your last try and will be saved with the rest; choose another file "
                "only to replace it."
            )
            % {"file": self.shown},
        )
        return self.original.render(name, value, attrs, renderer) + kept


class KeepsUploadsForm(forms.ModelForm):
    """A model form whose image uploads survive a validation error elsewhere on the form.

    A browser cannot fill a file input again, so an editor whose title was missing had to choose
    the poster again. Here a valid upload on a form with errors is put aside (KEPT_FOLDER) and
    named in a hidden, signed field; the next submission uses it unless a new file is chosen.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_names = []

    def image_field_names(self):
        images = {field.name for field in self._meta.model._meta.fields if isinstance(field, CleanImageField)}
        return [name for name in self.fields if name in images]

    def full_clean(self):
        if self.is_bound:
            self.use_kept_uploads()
        super().full_clean()
        if self.is_bound and self._errors:
            self.keep_uploads()

    def use_kept_uploads(self):
        for name in self.image_field_names():
            token = self.data.get(self.add_prefix(name + KEPT_SUFFIX), "")
            if not token or self.files.get(self.add_prefix(name)):
                continue
            try:
                kept = signing.loads(token, salt=SIGNING_SALT, max_age=60 * 60 * 24)
            except signing.BadSignature:
                continue
            if not default_storage.exists(kept):
                continue
            self.files = self.files.copy()
            self.files[self.add_prefix(name)] = File(default_storage.open(kept), name=PurePath(kept).name)
            self.kept_names.append(kept)

    def keep_uploads(self):
        for name in self.image_field_names():
            upload = self.cleaned_data.get(name)
            token = self.data.get(self.add_prefix(name + KEPT_SUFFIX), "")
            if isinstance(upload, UploadedFile):
                upload.seek(0)
                stored = default_storage.save(
                    f"{KEPT_FOLDER}/{uuid.uuid4().hex}/{PurePath(upload.name).name}", upload
                )
                token = signing.dumps(stored, salt=SIGNING_SALT)
                shown = PurePath(stored).name
            elif isinstance(upload, File) and self.kept_names:
                shown = PurePath(upload.name).name  # kept from an earlier try, and still kept
            else:
                continue
            field = self.fields[name]
            field.widget = KeptUploadWidget(token=token, shown=shown, original=field.widget)

    def discard_kept_uploads(self):
        """After a successful save: the set-aside copies are no longer needed."""
        for kept in self.kept_names:
            default_storage.delete(kept)
