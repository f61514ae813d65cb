from django.contrib import admin

from .models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The e-mail outbox, for superusers checking on delivery: read-only.

    The rows hold people's addresses and live links (confirmation, withdrawal), so nobody
    else sees them. An e-mail goes when what it is about is deleted (an erased signature).
    """

    list_display = ["subject", "to", "created_at", "sent_at", "attempts", "available_at"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["=to", "=message_id"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    fields = [
        "to",
        "subject",
        "body",
        "message_id",
        "about_type",
        "about_id",
        "created_at",
        "sent_at",
        "attempts",
        "available_at",
        "last_error",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
