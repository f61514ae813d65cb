from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publishing.admin import PostLinkInline, PublishableAdmin, TranslatedTabularInline, register_post_inline

from . import outcomes
from .forms import CloseLinkedActionsForm
from .models import Prisoner, PrisonerEvent


class PrisonerEventInline(TranslatedTabularInline):
    model = PrisonerEvent
    fields = ["date", "date_precision", "status_change", "title", "description"]
    extra = 1
    # Narrow inputs, so that a row fits a 1366-pixel laptop screen beside the admin's sidebar.
    formfield_overrides = {
        models.CharField: {"widget": forms.TextInput(attrs={"size": 24})},
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 32})},
    }


@admin.register(Prisoner)
class PrisonerAdmin(PublishableAdmin):
    translation_key_field = "name"
    list_display = ["name", "situation", "place_of_detention", "status_label", "published_at"]
    list_filter = ["situation", "status"]
    search_fields = ["name", "summary", "charges"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["posts"]
    inlines = [PrisonerEventInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "situation", "summary"]}),
        (_("Publishing"), {"fields": PublishableAdmin.publishing_fields}),
        (_("Photo"), {"fields": ["image", "image_alt"]}),
        (
            _("Case"),
            {
                "fields": [
                    "detained_on",
                    "sentenced_on",
                    "release_expected_on",
                    "released_on",
                    "charges",
                    "sentence",
                ]
            },
        ),
        (_("Writing to them"), {"fields": ["place_of_detention", "postal_address"]}),
        (_("Biography"), {"fields": ["biography"]}),
        (_("Linked content"), {"fields": ["posts"], "classes": ["collapse"]}),
    ]
    # The abstract image fields speak of "the image": here it is their photo.
    photo_labels = {
        "image": (_("Photo"), _("A portrait, shown on their profile and in lists.")),
        "image_alt": (
            _("Photo description (alt text)"),
            _("What the photo shows, for people who cannot see it. Required with a photo."),
        ),
    }

    # --- A change of status, and closing the actions for them -----------------------------

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not PrisonerEvent:
            return
        # The release (or death) saved just now, if any: after saving, the editor is asked
        # whether to close the appeals and petitions for them (nothing closes before that).
        for event_form in formset.forms:
            event = event_form.instance
            if event.pk is None or event_form in formset.deleted_forms or not event.offers_closing:
                continue
            is_new = event in formset.new_objects
            if is_new or {"status_change", "date"} & set(event_form.changed_data):
                latest = getattr(request, "_status_event_saved", None)
                if latest is None or (event.date, event.pk) > (latest.date, latest.pk):
                    request._status_event_saved = event

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.follow_status_events()

    def _offer_closing(self, request, prisoner):
        event = getattr(request, "_status_event_saved", None)
        if event is None or not outcomes.open_actions_for(prisoner, request.user):
            return None
        return HttpResponseRedirect(reverse("admin:prisoners_prisoner_outcome", args=[prisoner.pk, event.pk]))

    def response_add(self, request, obj, post_url_continue=None):
        return self._offer_closing(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._offer_closing(request, obj) or super().response_change(request, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/outcome/<int:event_id>/",
                self.admin_site.admin_view(self.outcome_view),
                name="prisoners_prisoner_outcome",
            ),
            *super().get_urls(),
        ]

    def outcome_view(self, request, object_id, event_id):
        """After a release is saved: which of the open appeals and petitions for them to close,
        with what message. Like the delete confirmation, nothing changes until the editor
        presses the button; "keep them open" (or leaving the page) closes nothing."""
        prisoner = get_object_or_404(Prisoner, pk=object_id)
        event = get_object_or_404(PrisonerEvent, pk=event_id, prisoner=prisoner)
        if not self.has_change_permission(request, prisoner):
            raise PermissionDenied
        change_url = reverse("admin:prisoners_prisoner_change", args=[prisoner.pk])
        found = outcomes.open_actions_for(prisoner, request.user)
        if request.method == "POST" and "keep_open" in request.POST:
            self.message_user(request, _("Nothing was closed."), messages.INFO)
            return HttpResponseRedirect(change_url)
        form = CloseLinkedActionsForm(
            request.POST if request.method == "POST" else None, found=found, event=event
        )
        if request.method == "POST" and form.is_valid():
            closed = outcomes.close_linked_actions(
                prisoner,
                selected=form.selected(),
                outcome=form.outcome(),
                user=request.user,
                draft_update=form.cleaned_data.get("draft_update", False),
            )
            count = 0
            for actions in closed.values():
                for action in actions:
                    self.log_change(request, action, _("Closed with an outcome: %s") % action.outcome_summary)
                    count += 1
            self.message_user(
                request,
                ngettext("%d action closed.", "%d actions closed.", count) % count
                if count
                else _("Nothing was closed: none of the chosen actions was still open."),
                messages.SUCCESS if count else messages.WARNING,
            )
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Close the actions for %(name)s?") % {"name": prisoner.name},
            "subtitle": None,
            "opts": self.model._meta,
            "original": prisoner,
            "prisoner": prisoner,
            "event": event,
            "form": form,
            "rows": form.rows(),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/prisoners/prisoner/outcome_confirmation.html", context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.photo_labels:
            kwargs["label"], kwargs["help_text"] = self.photo_labels[db_field.name]
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@register_post_inline
class PrisonersOfPostInline(PostLinkInline):
    """On every post's form: the people the post is about."""

    model = Prisoner.posts.through
    autocomplete_fields = ["prisoner"]
    verbose_name = _("person in this story")
    verbose_name_plural = _("people in this story")
