from django.contrib import admin

from kakehashi.partnerships.models import (
    DelegationVisit,
    Document,
    Partnership,
    PartnershipParty,
    PriorityList,
    PriorityPartner,
    Renewal,
    Source,
)


class PartyInline(admin.TabularInline):
    model = PartnershipParty
    extra = 0
    raw_id_fields = ["locality", "organisation"]


class RenewalInline(admin.TabularInline):
    model = Renewal
    extra = 0


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    readonly_fields = ["content_type", "size", "uploaded_by", "uploaded_at"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "signed_on", "status", "is_published", "is_demo"]
    list_filter = ["kind", "status", "is_published", "is_demo"]
    search_fields = ["title", "type_as_stated", "parties__name_as_signed"]
    filter_horizontal = ["sectors"]
    raw_id_fields = ["recorded_by", "created_by"]
    inlines = [PartyInline, RenewalInline, SourceInline, DocumentInline]


class PriorityPartnerInline(admin.TabularInline):
    model = PriorityPartner
    extra = 0
    raw_id_fields = ["partner"]


@admin.register(PriorityList)
class PriorityListAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "locality", "period_start", "period_end", "is_published"]
    raw_id_fields = ["locality"]
    inlines = [PriorityPartnerInline]


@admin.register(DelegationVisit)
class DelegationVisitAdmin(admin.ModelAdmin):
    list_display = ["visitor_display", "host", "started_on", "delegation_lead", "is_published"]
    raw_id_fields = ["visitor", "host", "partnership", "created_by"]
