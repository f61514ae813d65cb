# The counters of the limits against floods, kept in the database when there is no Redis.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('publishing', '0006_privacy_notice_contacts'),
    ]

    operations = [
        migrations.CreateModel(
            name='HourlyCounter',
            fields=[
                ('key', models.CharField(max_length=64, primary_key=True, serialize=False, verbose_name='keyed hash')),
                ('hour', models.BigIntegerField(db_index=True, verbose_name='hour (since 1970)')),
                ('hits', models.PositiveIntegerField(default=0, verbose_name='count')),
            ],
            options={
                'verbose_name': 'hourly counter',
                'verbose_name_plural': 'hourly counters',
            },
        ),
    ]
