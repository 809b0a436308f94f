from django.contrib import admin

from kakehashi.news.models import Article, Feed, Suggestion


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "language", "owner", "is_active", "last_polled_at", "last_error"]
    list_filter = ["is_active", "language"]


class SuggestionInline(admin.TabularInline):
    model = Suggestion
    extra = 0
    fields = ["position", "kind", "status", "reason", "record_label", "decided_by"]
    readonly_fields = fields


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "status", "origin", "published_on", "created_at"]
    list_filter = ["status", "language", "origin"]
    search_fields = ["title", "url"]
    inlines = [SuggestionInline]
