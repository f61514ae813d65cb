"""What an editor's browser posts back from an admin form, read from the page the admin served."""

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
    data = _field_values(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_field_values(formset.management_form))
        # The rows already saved; no blank extra rows (a test that adds one says so).
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            data.update(_field_values(form))
    return {**data, **changes}


def inline_prefix(page, model):
    """The form prefix of the inline editing `model` on the admin page `page`."""
    for inline in page.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise AssertionError(f"no inline for {model.__name__} on this page")
