"""What an editor's browser posts back from an admin form, read from the page the admin served."""

from django.conf import settings
from django.forms import CheckboxInput, ClearableFileInput, MultiWidget


def _field_values(form):
    values = {}
    for field in form:
        widget, value = field.field.widget, field.value()
        if isinstance(widget, ClearableFileInput) or value is None:
            continue
        if isinstance(widget, CheckboxInput):
            if value:
                values[field.html_name] = "on"
        elif isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for suffix, subwidget, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
                values[f"{field.html_name}{suffix}"] = subwidget.format_value(part) or ""
        else:
            values[field.html_name] = value
    return values


def admin_form_data(page, **changes):
    """The fields of the admin add or change page `page` (a response) as they stand, with each
    inline's saved rows and management form, then `changes` on top: posting it saves the
    page unchanged but for them."""
    main_form = page.context["adminform"].form
    data = _field_values(main_form)
    names = {field.html_name for field in main_form}
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_field_values(formset.management_form))
        # The rows already saved; no blank extra rows (a test that adds one says so).
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            data.update(_field_values(form))
            names.update(field.html_name for field in form)
    return {**data, **_in_the_original_language(names, changes)}


def _in_the_original_language(names, changes):
    """A change to a translated field ("title") goes to its original's tab ("title_en"): the
    admin shows one field per language (django-modeltranslation). Names of inline rows
    ("prisonerevent_set-0-title") are mapped the same way."""
    original = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return {
        f"{name}_{original}" if name not in names and f"{name}_{original}" in names else name: value
        for name, value in changes.items()
    }


def inline_prefix(page, model):
    """The form prefix of the inline editing `model` on the admin page `page`."""
    for inline in page.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise AssertionError(f"no inline for {model.__name__} on this page")
