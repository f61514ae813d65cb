"""The admin site: Django's, with two guards against hostile requests that Django answers with a 500.

It is the default site (`campaign.apps.CampaignAdminConfig`), so every `@admin.register` of every
app, and Django's own admins (users, groups) and django-axes', are registered on it.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import TO_FIELD_VAR, BaseModelAdmin
from django.core.exceptions import FieldDoesNotExist
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


def refusing_impossible_references(view, model):
    """`view` (a page of a model's admin), refusing `?_to_field=` naming anything but a column.

    Django checks the name by reading `primary_key` of whatever field it names, and a reverse
    relation (`?_to_field=signatures` on petitions) has none: every list, add and change page
    answered it with a 500. Refused here with Django's own 400, before that check runs.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        to_field = request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR))
        if to_field and not names_a_column(model, to_field):
            raise DisallowedModelAdminToField(f"The field {to_field} cannot be referenced.")
        return view(request, *args, **kwargs)

    return guarded


class CampaignAdminSite(admin.AdminSite):
    login_form = AdminLoginForm

    def admin_view(self, view, cacheable=False):
        # A model admin's pages arrive here as its bound methods (ModelAdmin.get_urls).
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, BaseModelAdmin):
            view = refusing_impossible_references(view, model_admin.model)
        return super().admin_view(view, cacheable)
