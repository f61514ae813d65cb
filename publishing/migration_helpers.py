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


def english_copied_from_original(model_fields):
    """A RunPython pair for the migration that adds a model's translation columns
    (django-modeltranslation): what each row held so far is its English (the default
    language's column, `title_en`), so pages read the same after the migration.

    `model_fields` maps "app_label.ModelName" to the translated field names. Backwards there is
    nothing to undo: the columns are dropped.
    """
    from django.db.models import F

    def forwards(apps, schema_editor):
        for label, field_names in model_fields.items():
            model = apps.get_model(label)
            model._base_manager.update(**{f"{name}_en": F(name) for name in field_names})

    def backwards(apps, schema_editor):
        pass

    return forwards, backwards
