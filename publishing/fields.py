"""Model fields that clean what editors give them, declared once and used by every app."""

from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models

from .html import clean_html
from .widgets import RichTextWidget


class SanitisedHTMLField(models.TextField):
    """Editor-written HTML, sanitised (publishing/html.py) whenever it is saved, by any path:
    the admin, a service, an import or a script. Edited in the admin with the rich-text editor.
    """

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        # The admin asks every TextField for its plain textarea (formfield_overrides): a body
        # gets the editor all the same, unless a form names another widget on purpose.
        widget = kwargs.get("widget")
        if widget is None or widget is AdminTextareaWidget or isinstance(widget, AdminTextareaWidget):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)
