"""The back office of the direct channel. Threads and messages have no admin pages of their
own: a platform administrator sees a message only when it is reported, here, and decides."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kakehashi.messaging import services
from kakehashi.messaging.models import Block, NotificationPreference, Report, ReportStatus


def _decide(modeladmin, request, queryset, *, uphold: bool):
    done = 0
    for report in queryset.filter(status=ReportStatus.OPEN):
        try:
            services.handle_report(report=report, by=request.user, uphold=uphold)
        except ValidationError:
            continue
        done += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d report decided.", "%(count)d reports decided.", done) % {"count": done},
        messages.SUCCESS,
    )


@admin.action(description=_("Uphold: remove the reported messages"))
def uphold(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, uphold=True)


@admin.action(description=_("Dismiss: leave the messages"))
def dismiss(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, uphold=False)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "status", "reporter", "message_organisation", "created_at", "handled_at"]
    list_filter = ["status", "created_at"]
    list_select_related = ["reporter", "message__organisation"]
    actions = [uphold, dismiss]
    fields = [
        "status",
        "reason",
        "reporter",
        "created_at",
        "message_organisation",
        "message_author",
        "message_text",
        "handled_by",
        "handled_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("organisation"))
    def message_organisation(self, report):
        return report.message.organisation

    @admin.display(description=_("author"))
    def message_author(self, report):
        return report.message.author

    @admin.display(description=_("reported message"))
    def message_text(self, report):
        return report.message.body

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Decisions go through the actions (services.handle_report), not by editing rows.
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["organisation", "blocked", "created_by", "created_at"]
    list_select_related = ["organisation", "blocked", "created_by"]
    raw_id_fields = ["organisation", "blocked", "created_by"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "frequency", "digest_sent_until"]
    list_filter = ["frequency"]
    raw_id_fields = ["user"]
