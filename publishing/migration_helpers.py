"""Helpers for the migrations that moved models between apps (the 2026-12 restructure).

When a model moves to another app, its content type must move with it: the admin's history
(LogEntry), the groups' permissions and anything else that points at the content type then
keep pointing at the same model.
"""


def content_type_mover(old_app_label, new_app_label, model_names):
    """A RunPython pair that renames the content types of `model_names` from one app to the other."""

    def move(apps, from_label, to_label):
        content_types = apps.get_model("contenttypes", "ContentType")
        for model_name in model_names:
            old = content_types.objects.filter(app_label=from_label, model=model_name).first()
            if old is None:
                continue  # a new database: post_migrate creates the content type later
            # A content type made for the new label before this ran holds nothing yet: drop it.
            content_types.objects.filter(app_label=to_label, model=model_name).delete()
            old.app_label = to_label
            old.save(update_fields=["app_label"])

    def forwards(apps, schema_editor):
        move(apps, old_app_label, new_app_label)

    def backwards(apps, schema_editor):
        move(apps, new_app_label, old_app_label)

    return forwards, backwards
