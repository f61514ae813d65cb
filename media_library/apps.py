from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from publishing.roles import EDITORS, crud


class MediaLibraryConfig(AppConfig):
    """Video posts and their click-to-load players.
    What it brings to the site's assembly is described in publishing/apps.py."""

    name = "media_library"
    verbose_name = _("Videos")

    public_models = ["VideoPost"]
    demo_content = "media_library.demo.load_content"
    group_permissions = {EDITORS: crud("videopost")}
