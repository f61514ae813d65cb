from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from publishing.admin import PostAdminBase, TranslatedAdmin

from .models import Appeal, Recipient


@admin.register(Recipient)
class RecipientAdmin(TranslatedAdmin):
    translation_key_field = "salutation"
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
                "closing_message",
                "letters_sent",
            ]
        },
    )
    readonly_fields = ["letters_sent"]

    def get_untranslated_fieldsets(self, request, obj=None):
        return [
            self.content_fieldset,
            self.letter_fieldset,
            self.publishing_fieldset,
            self.image_fieldset,
            self.links_fieldset,
        ]
