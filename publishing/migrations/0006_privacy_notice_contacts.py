# The privacy notice names who is responsible for supporters' data and where to write: editors fill them in.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('publishing', '0005_post_search'),
    ]

    operations = [
        migrations.AddField(
            model_name='sitesettings',
            name='data_controller',
            field=models.CharField(blank=True, help_text="Who is responsible for the personal data the site keeps (signers' names and addresses): the organisation or person, as the law would name them. Shown on the privacy notice.", max_length=200, verbose_name='data controller'),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='data_controller_address',
            field=models.TextField(blank=True, help_text='Where the data controller can be written to. Shown on the privacy notice.', verbose_name="data controller's postal address"),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='privacy_contact_email',
            field=models.EmailField(blank=True, help_text='Where supporters write to ask what the site holds about them, or to have it corrected or erased. Shown on the privacy notice.', max_length=254, verbose_name='privacy contact e-mail'),
        ),
    ]
