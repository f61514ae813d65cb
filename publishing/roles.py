"""The people who work on the site, as admin groups, and how an app gives them permissions.

Each app says in its AppConfig which of its permissions each group gets:

    group_permissions = {EDITORS: crud("petition"), MANAGERS: ["view_signature"]}

`manage.py setup_groups` (campaign/) gathers them from every app and applies them.
"""

# Editors publish content. They never see signers' personal data.
EDITORS = "Editors"
# Campaign managers follow the counts and export confirmed signatures to hand them in.
MANAGERS = "Campaign managers"


def crud(*model_names):
    """The add, change, delete and view permissions of each model, as codenames."""
    return [f"{action}_{name}" for name in model_names for action in ("add", "change", "delete", "view")]
