from django.contrib import admin

from kakehashi.proposals.models import (
    ExportDetails,
    Interest,
    InvestmentDetails,
    LocalityModerator,
    Proposal,
    ProposalAttachment,
    ProposalPartnershipType,
    ProposalTargetCountry,
    ProposalTranslation,
    ScreeningWeights,
)


class PartnershipTypeInline(admin.TabularInline):
    model = ProposalPartnershipType
    extra = 0


class TargetCountryInline(admin.TabularInline):
    model = ProposalTargetCountry
    extra = 0


class InvestmentInline(admin.StackedInline):
    model = InvestmentDetails
    extra = 0


class ExportInline(admin.StackedInline):
    model = ExportDetails
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = ProposalAttachment
    extra = 0
    readonly_fields = ["content_type", "size", "uploaded_by", "uploaded_at"]


class TranslationInline(admin.StackedInline):
    model = ProposalTranslation
    extra = 0
    readonly_fields = ["made_by", "made_at", "updated_at"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "organisation", "locality", "expires_on"]
    list_filter = ["status", "kind", "language", "is_anonymous"]
    search_fields = ["title", "summary", "organisation__name"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["locality", "reviewed_by", "created_by"]
    filter_horizontal = ["sectors", "target_localities"]
    inlines = [
        PartnershipTypeInline,
        TargetCountryInline,
        InvestmentInline,
        ExportInline,
        AttachmentInline,
        TranslationInline,
    ]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["proposal", "organisation", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["proposal", "organisation", "created_by", "decided_by"]


@admin.register(LocalityModerator)
class LocalityModeratorAdmin(admin.ModelAdmin):
    list_display = ["user", "locality"]
    raw_id_fields = ["user", "locality"]


@admin.register(ScreeningWeights)
class ScreeningWeightsAdmin(admin.ModelAdmin):
    list_display = [
        "locality",
        "technology",
        "governance",
        "added_value",
        "spillover",
        "supply_chain",
        "environment",
    ]
    raw_id_fields = ["locality", "updated_by"]
