# The WordPress import records what it made, by WordPress ID (was briefly an app of its own).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('campaign', '0006_moved_to_publishing'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='ImportedItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('source', models.CharField(max_length=300, verbose_name='WordPress site')),
                ('wp_type', models.CharField(max_length=30, verbose_name='WordPress type')),
                ('wp_id', models.CharField(max_length=400, verbose_name='WordPress ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('source_hash', models.CharField(max_length=64)),
                ('local_hash', models.CharField(max_length=64)),
                ('imported_at', models.DateTimeField(auto_now=True, verbose_name='imported')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'imported WordPress item',
                'verbose_name_plural': 'imported WordPress items',
                'constraints': [models.UniqueConstraint(fields=('source', 'wp_type', 'wp_id'), name='wordpress_item_once_per_site')],
            },
        ),
    ]
