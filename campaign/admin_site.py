"""The admin site: Django's, with guards against hostile requests that Django answers with a 500.

It is the default site (`campaign.apps.CampaignAdminConfig`), so every `@admin.register` of every
app, and Django's own admins (users, groups) and django-axes', are registered on it.
"""

from datetime import date
from functools import wraps

from django.contrib import admin
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import TO_FIELD_VAR, BaseModelAdmin
from django.core.exceptions import BadRequest, FieldDoesNotExist
from django.core.validators import MaxLengthValidator


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing a username longer than any account's.

    Django gives the field its maximum length after making it, so no validator checks it: a
    longer name went on to authentication, and django-axes failed to record the failed login
    (its column is 255 characters; a 500 on PostgreSQL). No account has such a name, so nothing
    is lost by refusing it with the field's message.
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.validators = [*username.validators, MaxLengthValidator(username.max_length)]


def names_a_column(model, name):
    """Whether `name` is a field of `model` stored in its own table: only such a field can be what
    a choice in another form refers to. Not a reverse relation or a many-to-many."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete and not field.many_to_many


def drill_down_is_possible(field_name, query):
    """Whether the date drill-down of a list (`?published_at__year=2026&..._month=2`) names a day,
    month or year the admin can build a range of dates for.

    Django builds the range from the numbers as they come and catches only some of the errors:
    a year past the calendar (2147483648, or 9999 whose end is in year 10000) was a 500.
    """
    year, month, day = (query.get(f"{field_name}__{part}") for part in ("year", "month", "day"))
    if year is None:
        return True
    try:
        first_day = date(int(year), int(month or 1), int(day or 1))
    except (ValueError, OverflowError):
        return False
    return date.min.year < first_day.year < date.max.year


def refusing_impossible_parameters(view, model_admin):
    """`view` (a page of a model's admin), refusing parameters Django answers with a 500:

    - `?_to_field=` naming anything but a column. Django checks the name by reading
      `primary_key` of whatever field it names, and a reverse relation
      (`?_to_field=signatures` on petitions) has none: every list, add and change page
      crashed. Refused with Django's own 400, before that check runs.
    - a date drill-down outside the calendar (see `drill_down_is_possible`).
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        to_field = request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR))
        if to_field and not names_a_column(model_admin.model, to_field):
            raise DisallowedModelAdminToField(f"The field {to_field} cannot be referenced.")
        if model_admin.date_hierarchy and not drill_down_is_possible(model_admin.date_hierarchy, request.GET):
            raise BadRequest("The dates asked for are outside the calendar.")
        return view(request, *args, **kwargs)

    return guarded


def refusing_nul_characters(view):
    """`view`, refusing a query string with a NUL character in it.

    A list's filters pass their values to the database as they come, and PostgreSQL refuses a
    NUL in any text it compares (`?status__exact=%00` was a 500 on every list with a filter).
    No filter, search or page number ever needs one. Forms need no such guard: their text
    fields refuse a NUL with a message.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            raise BadRequest("The address contains a NUL character.")
        return view(request, *args, **kwargs)

    return guarded


class CampaignAdminSite(admin.AdminSite):
    login_form = AdminLoginForm

    def admin_view(self, view, cacheable=False):
        # A model admin's pages arrive here as its bound methods (ModelAdmin.get_urls).
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, BaseModelAdmin):
            view = refusing_impossible_parameters(view, model_admin)
        return super().admin_view(refusing_nul_characters(view), cacheable)
