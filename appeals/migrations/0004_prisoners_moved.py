# The restructure of 2026-12: prisoner profiles and their timelines now belong to the prisoners app
# (prisoners/0001); the appeals app forgets them. Nothing changes in the database.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0003_appeal_on_publishing"),
        ("prisoners", "0001_initial"),
        ("petitions", "0003_links_to_ground_apps"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="PrisonerEvent"),
                migrations.DeleteModel(name="Prisoner"),
            ]
        ),
    ]
