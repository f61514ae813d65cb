"""The site core's share of the demo content: categories and a demo editor."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import Category

DEMO_EDITOR_USERNAME = "editor"
DEMO_EDITOR_PASSWORD = "solidarity-demo-2026"  # noqa: S105 -- demo only, never created with DEBUG off

CATEGORIES = [
    ("Appeals", "appeals", "Calls to act now: letters, protests and pickets that supporters can join."),
    ("Articles", "articles", "News and reports from the workers' movement in Kazakhstan."),
    ("Press release", "press-release", "Statements from the campaign for journalists."),
    ("Video", "video", "Solidarity messages, parliament exchanges and events on film."),
]


def load_content():
    for order, (name, slug, description) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "navigation_order": order}
        )


def create_demo_editor():
    """A staff account with a published password: for `make run` on a laptop only."""
    editor, created = get_user_model().objects.get_or_create(
        username=DEMO_EDITOR_USERNAME,
        defaults={"is_staff": True, "first_name": "Demo", "last_name": "Editor"},
    )
    if created:
        editor.set_password(DEMO_EDITOR_PASSWORD)
        editor.save()
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editor.groups.add(editors)
    return editor
