from django.contrib import admin

from .models import OutgoingEmail, SuppressedAddress


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


@admin.register(SuppressedAddress)
class SuppressedAddressAdmin(admin.ModelAdmin):
    """Addresses never mailed again, for superusers: only a keyed hash of each is kept.

    Find one with `manage.py suppress_email` (which also takes one off the list, --remove).
    """

    list_display = ["__str__", "reason", "source", "created_at"]
    list_filter = ["reason", "source"]
    readonly_fields = ["address_key", "reason", "source", "created_at"]
    fields = readonly_fields

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
