from django.contrib import admin

from kakehashi.transfer.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Imports are read-only here: they are written and confirmed by their uploaders."""

    list_display = ["file_name", "kind", "created_by", "created_at", "status", "written_count"]
    list_filter = ["kind", "status"]
    search_fields = ["file_name", "created_by__email"]
    # The uploaded bytes of a pending CSV file are not shown.
    exclude = ["content"]
    readonly_fields = [field.name for field in ImportBatch._meta.fields if field.name != "content"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
