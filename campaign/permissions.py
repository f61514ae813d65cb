"""Who may do what in the admin. `manage.py setup_groups` applies this; edit here, then run it."""


def crud(app_label, model):
    return [(app_label, f"{action}_{model}") for action in ("add", "change", "delete", "view")]


EDITOR_PERMISSIONS = [
    *crud("campaign", "category"),
]

GROUP_PERMISSIONS = {
    "Editors": EDITOR_PERMISSIONS,
}
