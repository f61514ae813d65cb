"""The demo editor `make run` creates, so that a laptop's site can be tried in the admin at once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from publishing.roles import EDITORS

DEMO_EDITOR_USERNAME = "editor"
DEMO_EDITOR_PASSWORD = "solidarity-demo-2026"  # noqa: S105 -- demo only, never created with DEBUG off


def create_demo_editor():
    """A staff account with a published password: for `make run` on a laptop only."""
    editor, created = get_user_model().objects.get_or_create(
        username=DEMO_EDITOR_USERNAME,
        defaults={"is_staff": True, "first_name": "Demo", "last_name": "Editor"},
    )
    if created:
        editor.set_password(DEMO_EDITOR_PASSWORD)
        editor.save()
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        editor.groups.add(editors)
    return editor
