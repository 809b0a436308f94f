from django.contrib import admin

from kakehashi.common.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written by the services, never by hand."""

    list_display = ("created_at", "actor_repr", "acted_for", "action", "model_label", "object_repr")
    list_filter = ("action", "model_label")
    search_fields = ("object_repr", "actor_repr", "object_id")
    date_hierarchy = "created_at"
    list_select_related = ("acted_for",)
    readonly_fields = [field.name for field in AuditEntry._meta.fields] + ["owners"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
