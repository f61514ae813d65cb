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
    # Petitions and their counts, never their signatures.
    *crud("petitions", "petition"),
]

# Campaign managers follow the counts and export confirmed signatures to hand them in.
CAMPAIGN_MANAGER_PERMISSIONS = [
    ("petitions", "view_petition"),
    ("petitions", "view_signature"),
    ("petitions", "export_signatures"),
]

GROUP_PERMISSIONS = {
    "Editors": EDITOR_PERMISSIONS,
    "Campaign managers": CAMPAIGN_MANAGER_PERMISSIONS,
}
