from django import forms
from django.contrib import admin

from kakehashi.directory.models import (
    Locality,
    Membership,
    Organisation,
    OrganisationTranslation,
    Person,
    PositionTranslation,
    Sector,
)
from kakehashi.directory.positions import position_language_of


@admin.register(Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_local", "country", "level", "is_current", "successor"]
    list_filter = ["country", "level", "is_current"]
    search_fields = ["code", "name_en", "name_vi", "name_ja", "name_kana", "name_local", "slug"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["key", "label_en", "label_vi", "label_ja", "position"]
    list_editable = ["position"]


class MembershipAdminForm(forms.ModelForm):
    """A position rewritten here without its language changed: its language is told again from
    the new text (directory/positions.py), so that pages mark it with the language it is in now
    and show its translations into the others."""

    class Meta:
        model = Membership
        fields = ["person", "organisation", "role", "position", "position_language"]

    def clean(self):
        cleaned = super().clean()
        if "position" in self.changed_data and "position_language" not in self.changed_data:
            organisation = cleaned.get("organisation") or getattr(
                self.instance, "organisation", None
            )
            cleaned["position_language"] = position_language_of(
                cleaned.get("position", ""), organisation.language if organisation else ""
            )
        return cleaned


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipAdminForm
    extra = 0
    raw_id_fields = ["person"]


class TranslationInline(admin.StackedInline):
    model = OrganisationTranslation
    extra = 0
    readonly_fields = ["made_by", "made_at", "updated_at"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "locality", "is_published", "held_reason", "is_demo"]
    # "Held for review": publish one (and clear the reason) once it is known to be genuine.
    list_filter = ["held_reason", "kind", "country", "is_published", "is_demo"]
    search_fields = ["name", "name_en"]
    raw_id_fields = ["locality"]
    filter_horizontal = ["sectors"]
    inlines = [TranslationInline, MembershipInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "user", "is_demo"]
    search_fields = ["full_name", "name_latin", "name_kana", "email"]
    raw_id_fields = ["user"]


@admin.register(PositionTranslation)
class PositionTranslationAdmin(admin.ModelAdmin):
    list_display = ["position", "language", "membership", "source", "made_at"]
    list_filter = ["language", "source"]
    search_fields = ["position", "membership__position", "membership__person__full_name"]
    raw_id_fields = ["membership"]
    readonly_fields = ["made_by", "made_at", "updated_at"]
