from datetime import timedelta

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from publishing.admin import PostAdminBase

from .models import Image, VideoPost, duration_text


class ShortDurationField(forms.DurationField):
    """A duration as editors write it and read it: 3:12, or 1:02:10 (Django shows 00:03:12)."""

    def prepare_value(self, value):
        return duration_text(value) if isinstance(value, timedelta) else super().prepare_value(value)


@admin.register(VideoPost)
class VideoPostAdmin(PostAdminBase):
    list_display = ["title", "provider", "length", "status_label", "published_at", "category_list"]
    list_filter = ["status", "provider", "categories", "published_at"]
    video_fieldset = (
        _("Video"),
        {
            "fields": ["video_url", "duration", "transcript"],
            "description": _(
                "Paste the YouTube or Vimeo address. Visitors see the poster image until they press "
                "play; only then is the video loaded from the provider."
            ),
        },
    )
    image_fieldset = (_("Poster"), {"fields": ["image", "image_alt", "image_caption"]})
    # The post's image is the video's poster: say so where the editor uploads it.
    poster_labels = {
        "image": (
            _("Poster image"),
            _(
                "Shown in place of the video until a visitor presses play, and in lists. Upload your "
                "own (a still from the video, 16:9, e.g. 1280×720): the site never loads the "
                "provider's thumbnails."
            ),
        ),
        "image_alt": (
            _("Poster description (alt text)"),
            _("What the poster shows. Required with a poster."),
        ),
        "image_caption": (_("Poster caption"), ""),
    }

    def get_untranslated_fieldsets(self, request, obj=None):
        return [
            self.content_fieldset,
            self.video_fieldset,
            self.publishing_fieldset,
            self.image_fieldset,
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A caption's columns per language (image_caption_ru) are labelled as the caption.
        name = getattr(db_field, "translated_field", db_field).name
        if name in self.poster_labels:
            kwargs["label"], kwargs["help_text"] = self.poster_labels[name]
        if db_field.name == "duration":
            kwargs["form_class"] = ShortDurationField
            kwargs["widget"] = forms.TextInput(attrs={"size": 8, "placeholder": "3:12"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("duration"), ordering="duration")
    def length(self, video):
        return duration_text(video.duration)


class ImageUploadForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["image", "image_alt", "caption"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image_alt"].required = True  # never an image without its description


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    """The image library: upload once with its description, insert into any body by its address."""

    list_display = ["thumbnail", "title", "image_alt", "uploaded_at"]
    search_fields = ["title", "image_alt", "caption"]
    fields = ["image", "image_alt", "title", "caption", "address"]
    readonly_fields = ["address"]

    def get_urls(self):
        picker = path(
            "picker/", self.admin_site.admin_view(self.picker_view), name="media_library_image_picker"
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The body editor's window onto the library: choose an image, or upload one with its
        description, and it is inserted into the body (media_library/admin/body_images.js)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        can_upload = self.has_add_permission(request)
        form = ImageUploadForm(request.POST or None, request.FILES or None)
        uploaded = None
        if request.method == "POST" and can_upload and form.is_valid():
            uploaded = form.save()
            self.log_addition(request, uploaded, [{"added": {}}])
            form = ImageUploadForm()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Insert an image"),
            "is_popup": True,
            "form": form,
            "can_upload": can_upload,
            "uploaded": uploaded,
            "images": Image.objects.all()[:60],
        }
        return TemplateResponse(request, "media_library/admin/image_picker.html", context)

    @admin.display(description=_("preview"))
    def thumbnail(self, item):
        return format_html('<img src="{}" alt="" width="80">', item.image.url) if item.image else ""

    @admin.display(description=_("address to insert"))
    def address(self, item):
        return item.image.url if item.image else "—"
