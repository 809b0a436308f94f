from django.contrib import admin

from kakehashi.events.models import Event, EventOrganiser, EventSeries, Registration, Session


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["name_en", "slug", "is_demo"]
    prepopulated_fields = {"slug": ["name_en"]}


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


class OrganiserInline(admin.TabularInline):
    model = EventOrganiser
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name_en", "starts_on", "ends_on", "venue", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo", "series"]
    search_fields = ["name_en", "name_vi", "name_ja", "slug"]
    filter_horizontal = ["organisers"]
    raw_id_fields = ["host_locality"]
    inlines = [SessionInline, OrganiserInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "event", "status", "lead", "created_at"]
    list_filter = ["status", "event"]
    raw_id_fields = ["organisation", "lead", "members", "decided_by"]
