"""Who may do what in the admin. `manage.py setup_groups` applies this; edit here, then run it."""


def crud(app_label, model):
    return [(app_label, f"{action}_{model}") for action in ("add", "change", "delete", "view")]


# Editors publish content. They never see signers' personal data.
EDITOR_PERMISSIONS = [
    *crud("campaign", "category"),
    *crud("campaign", "post"),
    *crud("campaign", "article"),
    *crud("media_library", "videopost"),
    *crud("appeals", "appeal"),
    *crud("appeals", "prisoner"),
    *crud("appeals", "prisonerevent"),
    *crud("appeals", "recipient"),
]

GROUP_PERMISSIONS = {
    "Editors": EDITOR_PERMISSIONS,
}
