# Appeals and petitions now share one action window (publishing.models.ActionWindow): a closing
# message editors may write, and when the appeal closed (for appeals closed before, their last edit).

from django.db import migrations, models


def date_closed_appeals(apps, schema_editor):
    appeals = apps.get_model("appeals", "Appeal")
    for appeal in appeals.objects.exclude(action_status="open").filter(closed_at__isnull=True):
        appeals.objects.filter(pk=appeal.pk).update(closed_at=appeal.updated_at)


class Migration(migrations.Migration):

    dependencies = [
        ('appeals', '0004_prisoners_moved'),
    ]

    operations = [
        migrations.AddField(
            model_name='appeal',
            name='closed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='closed at'),
        ),
        migrations.AddField(
            model_name='appeal',
            name='closing_message',
            field=models.TextField(blank=True, help_text='What visitors read once it is closed, instead of the standard sentence; for example what it achieved.', verbose_name='closing message'),
        ),
        migrations.AlterField(
            model_name='appeal',
            name='action_status',
            field=models.CharField(choices=[('open', 'Open'), ('closed', 'Closed'), ('delivered', 'Handed in'), ('won', 'Won')], default='open', max_length=20, verbose_name='action status'),
        ),
        migrations.AlterField(
            model_name='appeal',
            name='deadline',
            field=models.DateField(blank=True, help_text='The last day to take part. Leave empty for none.', null=True, verbose_name='deadline'),
        ),
        migrations.RunPython(date_closed_appeals, migrations.RunPython.noop),
    ]
