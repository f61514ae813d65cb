from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaign.admin import PostAdminBase

from .models import VideoPost


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
    image_fieldset = (_("Poster image"), {"fields": ["image", "image_alt", "image_caption"]})

    def get_fieldsets(self, request, obj=None):
        return [self.content_fieldset, self.video_fieldset, self.publishing_fieldset, self.image_fieldset]
