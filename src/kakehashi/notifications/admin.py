from django.contrib import admin

from kakehashi.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "created_at", "read_at", "emailed_at"]
    list_filter = ["created_at", "read_at"]
    search_fields = ["subject", "recipient__email"]
    raw_id_fields = ["recipient"]
    list_select_related = ["recipient"]
    date_hierarchy = "created_at"
