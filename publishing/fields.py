"""Model fields that clean what editors give them, declared once and used by every app."""

from django.contrib.admin.widgets import AdminTextareaWidget
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
        # Each language's column (body_ru, body_kk: modeltranslation copies this field, this
        # method with it) is cleaned on its own. The value is put back in the instance's
        # __dict__, not through setattr: on a translated model `body` is modeltranslation's
        # descriptor, which would write the English fallback into the active language's column.
        value = clean_html(getattr(model_instance, self.attname))
        model_instance.__dict__[self.attname] = value
        return value

    def formfield(self, **kwargs):
        # The admin asks every TextField for its plain textarea (formfield_overrides): a body
        # gets the editor all the same, unless a form names another widget on purpose.
        widget = kwargs.get("widget")
        if widget is None or widget is AdminTextareaWidget or isinstance(widget, AdminTextareaWidget):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)
