from django.contrib import admin

from careerlens.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit trail cannot be added to, changed or deleted through the app."""

    list_display = ["at", "actor_name", "action", "content_type", "object_repr", "request_id"]
    list_filter = ["action", "content_type", "source"]
    search_fields = ["actor_name", "object_repr", "object_id", "request_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
