from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from publishing.admin import PostAdminBase

from .models import Image, VideoPost


@admin.register(VideoPost)
class VideoPostAdmin(PostAdminBase):
    list_display = ["title", "provider", "status_label", "published_at", "category_list"]
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

    def get_fieldsets(self, request, obj=None):
        return [
            self.content_fieldset,
            self.video_fieldset,
            self.publishing_fieldset,
            self.image_fieldset,
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.poster_labels:
            kwargs["label"], kwargs["help_text"] = self.poster_labels[db_field.name]
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    """The image library: upload once with its description, insert into any body by its address."""

    list_display = ["thumbnail", "title", "image_alt", "uploaded_at"]
    search_fields = ["title", "image_alt", "caption"]
    fields = ["image", "image_alt", "title", "caption", "address"]
    readonly_fields = ["address"]

    @admin.display(description=_("preview"))
    def thumbnail(self, item):
        return format_html('<img src="{}" alt="" width="80">', item.image.url) if item.image else ""

    @admin.display(description=_("address to insert"))
    def address(self, item):
        return item.image.url if item.image else "—"
