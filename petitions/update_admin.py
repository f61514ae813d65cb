"""The admin of updates to signers: write, preview, send a test to oneself, send, pause, resume.

Editors see counts, never a recipient: the progress box is all the admin shows of them.
Sending, pausing and resuming need the permission `petitions.send_update` (setup_groups gives
it to Editors; a superuser may give it to a manager too); every step is a POST from a page
that says what it does.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from publishing.admin import TranslatedAdmin

from . import updates
from .models import Update


def can_send(request):
    return request.user.has_perm("petitions.send_update")


class UpdateAdminForm(forms.ModelForm):
    class Meta:
        model = Update
        fields = ["petition", "appeal", "prisoner", "subject", "body"]
        help_texts = {
            "petition": _(
                "Choose one: a petition, an appeal or a prisoner. The update goes to the confirmed "
                "signers who asked to be kept informed, of this petition or of the petitions "
                "linked to the appeal or prisoner."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        chosen = [name for name in ("petition", "appeal", "prisoner") if cleaned.get(name)]
        if len(chosen) != 1:
            raise ValidationError(_("Choose exactly one of petition, appeal or prisoner."))
        return cleaned


@admin.register(Update)
class UpdateAdmin(TranslatedAdmin):
    form = UpdateAdminForm
    change_form_template = "admin/petitions/update/change_form.html"
    translation_key_field = "subject"
    list_display = ["subject", "about", "status", "progress_summary", "created_at"]
    list_filter = ["status"]
    search_fields = ["subject"]

    @admin.display(description=_("about"))
    def about(self, update):
        return update.item

    @admin.display(description=_("progress"))
    def progress_summary(self, update):
        if update.is_draft:
            return "—"
        counts = updates.progress(update)
        return _("%(sent)s sent of %(total)s") % {"sent": counts["sent"], "total": counts["total"]}

    def get_readonly_fields(self, request, obj=None):
        # Once sending has started, what recipients get is fixed.
        if obj is not None and not obj.is_draft:
            languages = [code for code, _name in settings.LANGUAGES]
            translated = [f"{name}_{code}" for name in ("subject", "body") for code in languages]
            return ["petition", "appeal", "prisoner", "subject", "body", *translated]
        return []

    def has_delete_permission(self, request, obj=None):
        # A sent update is the record of what signers were told.
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:object_id>/preview/", view(self.preview_view), name="petitions_update_preview"),
            path("<int:object_id>/send-test/", view(self.send_test_view), name="petitions_update_send_test"),
            path("<int:object_id>/send/", view(self.send_view), name="petitions_update_send"),
            path("<int:object_id>/pause/", view(self.pause_view), name="petitions_update_pause"),
            path("<int:object_id>/resume/", view(self.resume_view), name="petitions_update_resume"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        update = self.get_object(request, object_id)
        extra = {"can_send": can_send(request), "languages": settings.LANGUAGES}
        if update is not None and not update.is_draft:
            extra["progress"] = updates.progress(update)
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def _update(self, request, object_id, *, sending=False):
        update = get_object_or_404(Update, pk=object_id)
        if not self.has_view_permission(request, update) or (sending and not can_send(request)):
            raise PermissionDenied
        return update

    def _back(self, update):
        return redirect(reverse("admin:petitions_update_change", args=[update.pk]))

    def preview_view(self, request, object_id):
        """The e-mail as a recipient reading the chosen language gets it: subject, text, HTML."""
        update = self._update(request, object_id)
        languages = dict(settings.LANGUAGES)
        language = (
            request.GET.get("language")
            if request.GET.get("language") in languages
            else settings.LANGUAGE_CODE
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": update,
            "title": _("Preview: %(subject)s") % {"subject": update.subject},
            "language": language,
            "languages": settings.LANGUAGES,
            "email": updates.preview(update, language),
        }
        return TemplateResponse(request, "admin/petitions/update/preview.html", context)

    def send_test_view(self, request, object_id):
        update = self._update(request, object_id)
        if request.method != "POST" or not self.has_change_permission(request, update):
            raise PermissionDenied
        if not request.user.email:
            messages.error(request, _("Your account has no e-mail address: add one to receive a test."))
            return self._back(update)
        language = request.POST.get("language")
        language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        updates.send_test(update, user=request.user, language=language)
        messages.success(request, _("A test was sent to %(address)s.") % {"address": request.user.email})
        return self._back(update)

    def send_view(self, request, object_id):
        """Confirmation step: states how many addresses the update goes to; the POST sends it."""
        update = self._update(request, object_id, sending=True)
        if not update.is_draft:
            messages.warning(request, _("This update has already been sent."))
            return self._back(update)
        if request.method == "POST":
            if updates.request_send(update, user=request.user):
                self.log_change(request, update, _("Started sending the update."))
                messages.success(request, _("Sending has started. Progress is shown below."))
            return self._back(update)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": update,
            "title": _("Send this update?"),
            "recipient_count": updates.count_recipients(update),
        }
        return TemplateResponse(request, "admin/petitions/update/send_confirmation.html", context)

    def pause_view(self, request, object_id):
        update = self._update(request, object_id, sending=True)
        if request.method != "POST":
            raise PermissionDenied
        if updates.pause(update):
            self.log_change(request, update, _("Paused sending."))
            messages.success(request, _("Sending is paused."))
        return self._back(update)

    def resume_view(self, request, object_id):
        update = self._update(request, object_id, sending=True)
        if request.method != "POST":
            raise PermissionDenied
        if updates.resume(update):
            self.log_change(request, update, _("Resumed sending."))
            messages.success(request, _("Sending goes on."))
        return self._back(update)
