"""Reports of abusive messages (decided by the platform administrators) and blocks between
organisations."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kakehashi.accounts.queries import platform_admins
from kakehashi.common.errors import invalid
from kakehashi.common.workflow import transition
from kakehashi.directory.models import Organisation
from kakehashi.messaging.errors import MessagingError
from kakehashi.messaging.models import (
    REASON_MAX_LENGTH,
    Block,
    Message,
    Report,
    ReportStatus,
)
from kakehashi.messaging.rules import require
from kakehashi.notifications.services import notify


@transaction.atomic
def report_message(*, message: Message, by, reason: str) -> Report:
    """A member reports another's message as abusive; the platform administrators are told
    in the app (the notice does not quote the message)."""
    require(by, "messaging.report_message", message.thread)
    if message.author_id == by.pk:
        raise invalid(_("You cannot report your own message."), MessagingError.OWN_MESSAGE)
    reason = (reason or "").strip()
    if not reason:
        raise invalid(_("Say what is wrong with this message."), MessagingError.REASON_MISSING)
    if len(reason) > REASON_MAX_LENGTH:
        raise invalid(
            _("The reason is longer than %(max)s characters."),
            MessagingError.REASON_TOO_LONG,
            max=f"{REASON_MAX_LENGTH:,}",
        )
    try:
        with transaction.atomic():
            report = Report.objects.create(message=message, reporter=by, reason=reason)
    except IntegrityError as error:
        raise invalid(
            _("You have already reported this message."), MessagingError.ALREADY_REPORTED
        ) from error
    notify(
        recipients=platform_admins(),
        subject=_("A message was reported"),
        body=_("Decide on the report in the back office."),
        link=reverse("admin:messaging_report_change", args=[report.pk]),
    )
    return report


def _locked_report(report: Report) -> Report:
    return Report.objects.select_for_update().select_related("message").get(pk=report.pk)


@transaction.atomic
def handle_report(*, report: Report, by, uphold: bool) -> Report:
    """A platform administrator decides: upheld removes the message's text from the thread;
    dismissed leaves it. The reporter is told."""
    now = timezone.now()
    with transition(
        report,
        by=by,
        permission="messaging.handle_report",
        lock=_locked_report,
        allowed_from=(ReportStatus.OPEN,),
        refusal=invalid(_("This report has already been decided."), MessagingError.ALREADY_HANDLED),
        update_fields=("status", "handled_by", "handled_at"),
    ) as report:
        report.status = ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED
        report.handled_by = by
        report.handled_at = now
    if uphold:
        Message.objects.filter(pk=report.message_id, removed_at__isnull=True).update(removed_at=now)
    if report.reporter_id:
        notify(
            recipients=[report.reporter],
            subject=_("Your report was decided"),
            body=(
                _("The platform administrators removed the message you reported.")
                if uphold
                else _("The platform administrators decided to leave the message you reported.")
            ),
            link=report.message.thread.get_absolute_url(),
        )
    return report


@transaction.atomic
def block(*, organisation: Organisation, blocked: Organisation, by) -> Block:
    """`by`, acting for `organisation`, blocks `blocked`: no new threads or messages between
    them. Blocking twice changes nothing."""
    require(by, "messaging.act_for", organisation)
    if organisation.pk == blocked.pk:
        raise invalid(_("An organisation cannot block itself."), MessagingError.BLOCK_SELF)
    row, _created = Block.objects.get_or_create(
        organisation=organisation, blocked=blocked, defaults={"created_by": by}
    )
    return row


@transaction.atomic
def unblock(*, organisation: Organisation, blocked: Organisation, by) -> int:
    require(by, "messaging.act_for", organisation)
    deleted, _rows = Block.objects.filter(organisation=organisation, blocked=blocked).delete()
    return deleted
