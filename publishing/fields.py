"""Model fields that clean what editors give them, declared once and used by every app."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .html import clean_html, images_from_other_sites
from .widgets import RichTextWidget


def validate_images_from_this_site(value):
    """Refuse editor-written HTML that shows an image from another site.

    Public pages load images from this site only (the Content-Security-Policy's img-src),
    so that no other site learns who reads them: an image from elsewhere would show to
    visitors as an empty space. Saying so at once beats a silent gap on the page.
    """
    outside = images_from_other_sites(clean_html(value))
    if outside:
        raise ValidationError(
            _(
                "Images from other sites are not shown on this site: to protect its readers, its "
                "pages load images only from the site itself. Remove these images, or upload them "
                "here and use their address on this site (it starts with /media/): %(addresses)s"
            ),
            code="image_from_another_site",
            params={"addresses": ", ".join(outside)},
        )


class SanitisedHTMLField(models.TextField):
    """Editor-written HTML, sanitised (publishing/html.py) whenever it is saved, by any path:
    the admin, a service, an import or a script. Edited in the admin with the rich-text editor;
    the admin refuses images from other sites (`validate_images_from_this_site`).
    """

    default_validators = [validate_images_from_this_site]

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"widget": RichTextWidget, **kwargs})
