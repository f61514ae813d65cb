from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, crud


class MediaLibraryConfig(AppConfig):
    """Video posts and their click-to-load players, in posts and in bodies, and the image library.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "media_library"
    verbose_name = _("Videos")

    public_models = ["VideoPost", "Image"]
    demo_content = "media_library.demo.load_content"
    group_permissions = {EDITORS: crud("videopost", "image")}

    def ready(self):
        from django.urls import reverse_lazy

        from publishing.html import register_renderer
        from publishing.widgets import register_editor_addon

        from .embeds import players_for_video_links

        # A YouTube or Vimeo link alone on its line in any body plays as a click-to-load player.
        register_renderer(players_for_video_links)
        # The body editor's button to insert an image from the library (or upload one).
        register_editor_addon(
            "media_library/admin/body_images.js",
            image_picker_url=reverse_lazy("admin:media_library_image_picker"),
            image_picker_label=_("Insert an image from the library"),
        )
