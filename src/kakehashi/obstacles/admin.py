from django.contrib import admin

from kakehashi.obstacles.models import Attachment, Comment, Obstacle, RoutingRule


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ("locality", "country", "category", "authority", "deadline_days")
    list_filter = ("country", "category")
    search_fields = ("locality__name_en", "authority__name", "authority__name_en")
    autocomplete_fields = ("authority",)
    raw_id_fields = ("locality",)


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 0
    raw_id_fields = ("author",)


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ("content_type", "size", "uploaded_by", "uploaded_at")
    can_delete = True


@admin.register(Obstacle)
class ObstacleAdmin(admin.ModelAdmin):
    """For looking up and correcting records; the workflow runs through the pages and the
    API, which notify the people concerned."""

    list_display = ("title", "category", "locality", "authority", "status", "deadline")
    list_filter = ("status", "category")
    search_fields = ("title", "description", "reporter_organisation__name")
    raw_id_fields = (
        "reporter",
        "reporter_organisation",
        "locality",
        "proposal",
        "authority",
        "rule",
        "owner",
    )
    readonly_fields = ("escalated_at", "closed_at", "created_at", "updated_at")
    inlines = [CommentInline, AttachmentInline]
