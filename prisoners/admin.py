from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.admin import PostLinkInline, PublishableAdmin, TranslatedTabularInline, register_post_inline

from .models import Prisoner, PrisonerEvent


class PrisonerEventInline(TranslatedTabularInline):
    model = PrisonerEvent
    fields = ["date", "date_precision", "title", "description"]
    extra = 1
    # Narrow inputs, so that a row fits a 1366-pixel laptop screen beside the admin's sidebar.
    formfield_overrides = {
        models.CharField: {"widget": forms.TextInput(attrs={"size": 28})},
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
