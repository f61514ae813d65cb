from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaign.admin import PostAdminBase
from campaign.widgets import RichTextWidget

from .models import Appeal, Prisoner, PrisonerEvent, Recipient


class PrisonerEventInline(admin.TabularInline):
    model = PrisonerEvent
    fields = ["date", "date_precision", "title", "description"]
    extra = 1


@admin.register(Prisoner)
class PrisonerAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "place_of_detention", "is_published"]
    list_filter = ["status", "is_published"]
    search_fields = ["name", "summary", "charges"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PrisonerEventInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_published", "status", "summary"]}),
        (_("Photo"), {"fields": ["photo", "photo_alt"]}),
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
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "biography":
            kwargs["widget"] = RichTextWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "email", "is_example"]
    list_filter = ["kind", "is_example", "country"]
    search_fields = ["name", "email", "postal_address"]
    fieldsets = [
        (
            None,
            {
                "fields": ["kind", "country", "name", "salutation", "is_example"],
                "description": _(
                    "Embassies are chosen by the supporter's country: one embassy per host country. "
                    "Central addressees (such as the presidential administration) receive a copy of "
                    "every letter of the appeals that name them."
                ),
            },
        ),
        (_("How to reach them"), {"fields": ["postal_address", "email", "phone", "website"]}),
    ]


@admin.register(Appeal)
class AppealAdmin(PostAdminBase):
    list_display = ["title", "status_label", "action_status", "deadline", "letters_sent", "category_list"]
    list_filter = ["status", "action_status", "categories", "published_at"]
    autocomplete_fields = [*PostAdminBase.autocomplete_fields, "addressees"]
    letter_fieldset = (
        _("Model letter"),
        {
            "fields": [
                "letter_subject",
                "letter_salutation",
                "letter_body",
                "letter_closing",
                "write_to_embassies",
                "addressees",
                "deadline",
                "action_status",
                "letters_sent",
            ]
        },
    )
    readonly_fields = ["letters_sent"]

    def get_fieldsets(self, request, obj=None):
        return [
            self.content_fieldset,
            self.letter_fieldset,
            self.publishing_fieldset,
            self.image_fieldset,
            self.links_fieldset,
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "letters_sent"]
