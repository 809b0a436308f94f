"""Every write to the direct channel. Each function runs in one transaction, checks that
`by` may do it (PermissionDenied otherwise) and raises django.core.exceptions.ValidationError
(with a code, translated message) on bad input, writing nothing.

Side effects: a new message notifies the thread's other members through
kakehashi.notifications, by e-mail or not as each one chose (NotificationPreference):
"immediately" gets the notice and its e-mail at once, "daily" the notice now and the e-mail in
the daily digest (`send_digests`), "never" the notice only. A notice names the organisation
that wrote and links to the thread; it never quotes the message (notices are stored where
back-office staff can list them). Nobody outside a thread is ever told anything about it.
When a post fails after its attachments were stored (a notice that cannot be written), their
files are deleted again (common.uploads.files_deleted_on_failure).
"""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kakehashi.common.language import detect_language
from kakehashi.common.uploads import files_deleted_on_failure, sniff_document_type
from kakehashi.directory.models import MembershipRole, Organisation
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.events.models import Meeting
from kakehashi.messaging import queries
from kakehashi.messaging.models import (
    BODY_MAX_LENGTH,
    REASON_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    Block,
    Frequency,
    Message,
    MessageAttachment,
    NotificationPreference,
    Report,
    ReportStatus,
    Thread,
    ThreadMember,
    ThreadParty,
)
from kakehashi.notifications.services import absolute_link, notify
from kakehashi.partnerships.models import Partnership
from kakehashi.partnerships.queries import partnerships_visible_to
from kakehashi.proposals.models import InterestStatus, Proposal
from kakehashi.proposals.queries import proposals_visible_to

logger = logging.getLogger(__name__)

LANGUAGES = ("vi", "ja", "en")
MAX_ATTACHMENTS = 5


def _invalid(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def _acting_for(by, organisation: Organisation) -> None:
    if not (by and by.is_authenticated and by.is_active):
        raise PermissionDenied
    if organisation.pk not in organisation_ids_of(by):
        raise PermissionDenied


def _member_or_deny(thread: Thread, by) -> ThreadMember:
    member = queries.membership(by, thread) if by and by.is_active else None
    if member is None:
        raise PermissionDenied
    return member


def _refuse_if_blocked(organisation_ids) -> None:
    if queries.is_blocked(organisation_ids):
        # The same words whichever side blocked: the blocked side is not told who did.
        raise _invalid(_("Messages between these organisations are blocked."), "blocked")


def _users_acting_for(organisation: Organisation):
    User = get_user_model()
    return User.objects.filter(
        person__memberships__organisation_id=organisation.pk, is_active=True
    ).distinct()


def _first_contacts(organisation: Organisation) -> list:
    """Who receives a new thread for an organisation: its administrators, or all the people
    acting for it when it has none. Members bring in colleagues later."""
    users = _users_acting_for(organisation)
    admins = list(users.filter(person__memberships__role=MembershipRole.ADMIN).order_by("pk"))
    return admins or list(users.order_by("pk"))


def _account_acting_for(person, organisation: Organisation):
    """The active account of a person who acts for the organisation, or ValidationError."""
    user = person.user if person.user_id else None
    if (
        user is None
        or not user.is_active
        or not person.memberships.filter(organisation_id=organisation.pk).exists()
    ):
        raise _invalid(
            _("This person cannot be written to for this organisation on the platform."),
            "person_unreachable",
        )
    return user


def _clean_subject(subject: str) -> str:
    subject = " ".join((subject or "").split())
    if not subject:
        raise _invalid(_("Give the conversation a subject."), "subject_missing")
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise _invalid(
            _("The subject is longer than %(max)s characters."),
            "subject_too_long",
            max=SUBJECT_MAX_LENGTH,
        )
    return subject


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise _invalid(_("Write a message."), "message_missing")
    if len(body) > BODY_MAX_LENGTH:
        raise _invalid(
            _("The message is longer than %(max)s characters."),
            "message_too_long",
            max=f"{BODY_MAX_LENGTH:,}",
        )
    if "\x00" in body:
        raise _invalid(_("The message contains characters that cannot be stored."), "invalid_text")
    return body


def _clean_language(language: str, body: str) -> str:
    language = (language or "").strip()
    if language and language not in LANGUAGES:
        raise _invalid(_("Choose Vietnamese, Japanese or English."), "language_invalid")
    return language or detect_language(body) or ""


def _check_about(about, by, from_organisation, to_organisation) -> dict:
    """The link fields for what the thread is opened from, after checking that it fits."""
    if about is None:
        return {}
    pair = {from_organisation.pk, to_organisation.pk}
    if isinstance(about, Proposal):
        if not proposals_visible_to(by).filter(pk=about.pk).exists():
            raise PermissionDenied
        if about.organisation_id not in pair:
            raise _invalid(
                _("A conversation about a proposal includes its owner."),
                "not_proposal_parties",
            )
        (counterpart,) = pair - {about.organisation_id}
        # An anonymous owner stays hidden until it accepted this organisation's contact.
        if (
            about.is_anonymous
            and not about.interests.filter(
                organisation_id=counterpart, status=InterestStatus.ACCEPTED
            ).exists()
        ):
            raise _invalid(
                _("The owner of this proposal has not accepted contact with this organisation."),
                "contact_not_accepted",
            )
        return {"proposal": about}
    if isinstance(about, Meeting):
        delegations = set(about.registrations.values_list("organisation_id", flat=True))
        if not pair <= delegations:
            raise _invalid(_("Both organisations must take part in the meeting."), "not_in_meeting")
        return {"meeting": about}
    if isinstance(about, Partnership):
        if not partnerships_visible_to(by).filter(pk=about.pk).exists():
            raise PermissionDenied
        return {"partnership": about}
    raise TypeError(f"a thread cannot be about {type(about).__name__}")


def open_thread(
    *,
    subject: str,
    from_organisation: Organisation,
    to_organisation: Organisation,
    by,
    about=None,
    body: str = "",
    language: str = "",
    attachments: Sequence = (),
    to_person=None,
) -> Thread:
    """`by`, acting for `from_organisation`, opens a thread with `to_organisation`, about a
    proposal, a meeting or a partnership if given, and posts `body` as its first message when
    given. Refused between organisations where either blocks the other, and about an
    anonymous proposal unless its owner accepted contact with the other organisation. The
    members are `by` and `to_person` (a directory Person with an account, written to from
    their profile), or else the other organisation's administrators (all its people when it
    has none); they are notified of the first message. When that fails, the first message's
    stored attachments are deleted with the rest of the thread."""
    with files_deleted_on_failure() as track, transaction.atomic():
        _acting_for(by, from_organisation)
        if from_organisation.pk == to_organisation.pk:
            raise _invalid(_("Choose another organisation than your own."), "same_organisation")
        subject = _clean_subject(subject)
        _refuse_if_blocked([from_organisation.pk, to_organisation.pk])
        links = _check_about(about, by, from_organisation, to_organisation)
        if to_person is not None:
            recipients = [_account_acting_for(to_person, to_organisation)]
            if recipients[0].pk == by.pk:
                raise _invalid(_("Choose another person than yourself."), "same_person")
        else:
            recipients = [user for user in _first_contacts(to_organisation) if user.pk != by.pk]
        if not recipients:
            raise _invalid(
                _("Nobody acts for this organisation on the platform yet."), "no_recipients"
            )
        if body:
            body = _clean_body(body)
        uploads = _check_attachments(attachments)
        now = timezone.now()
        thread = Thread.objects.create(subject=subject, created_by=by, created_at=now, **links)
        ThreadParty.objects.bulk_create(
            [
                ThreadParty(thread=thread, organisation=from_organisation, joined_at=now),
                ThreadParty(thread=thread, organisation=to_organisation, joined_at=now),
            ]
        )
        ThreadMember.objects.create(
            thread=thread,
            user=by,
            organisation=from_organisation,
            added_by=by,
            added_at=now,
            last_read_at=now,
        )
        ThreadMember.objects.bulk_create(
            [
                ThreadMember(
                    thread=thread,
                    user=user,
                    organisation=to_organisation,
                    added_by=by,
                    added_at=now,
                )
                for user in recipients
            ]
        )
        if body:
            _post(
                thread, by, from_organisation, body, _clean_language(language, body), uploads, track
            )
        elif uploads:
            raise _invalid(_("Write a message."), "message_missing")
        return thread


def _check_attachments(attachments: Sequence) -> list[tuple[object, str]]:
    """Each upload with its sniffed content type; refuses the lot if one is bad."""
    attachments = [upload for upload in attachments if upload]
    if len(attachments) > MAX_ATTACHMENTS:
        raise _invalid(
            _("A message has at most %(max)s attachments."),
            "too_many_attachments",
            max=MAX_ATTACHMENTS,
        )
    return [(upload, sniff_document_type(upload)) for upload in attachments]


def _post(thread, by, organisation, body, language, uploads, track) -> Message:
    """Write the message and its attachments, then tell the other members. `track`
    (files_deleted_on_failure) learns of each file before it is written."""
    now = timezone.now()
    message = Message.objects.create(
        thread=thread,
        author=by,
        organisation=organisation,
        body=body,
        language=language,
        created_at=now,
    )
    for upload, content_type in uploads:
        name = (getattr(upload, "name", "") or "file").rsplit("/", 1)[-1][:200]
        attachment = MessageAttachment(
            message=message, file=upload, name=name, content_type=content_type, size=upload.size
        )
        track(attachment.file)  # before save(): a refused INSERT is covered too
        attachment.save()
    Thread.objects.filter(pk=thread.pk).update(last_message_at=now)
    ThreadMember.objects.filter(thread=thread, user=by).update(last_read_at=now)
    _tell_members(thread, message)
    return message


def post_message(
    *, thread: Thread, by, body: str, language: str = "", attachments: Sequence = ()
) -> Message:
    """A member posts to the thread, for the organisation they act for in it. `language` is
    the author's choice (vi/ja/en) or, when empty, detected from the text. Attachments are PDF,
    PNG or JPEG files within the upload size limit, at most MAX_ATTACHMENTS. Refused while
    any party blocks another. The other members are notified (see the module's docstring);
    when that fails, the stored attachments are deleted with the rest of the post."""
    with files_deleted_on_failure() as track, transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        member = _member_or_deny(thread, by)
        if member.organisation_id not in organisation_ids_of(by):
            # They no longer act for the organisation they joined the thread for.
            raise PermissionDenied
        _refuse_if_blocked(queries.party_ids(thread))
        body = _clean_body(body)
        language = _clean_language(language, body)
        uploads = _check_attachments(attachments)
        return _post(thread, by, member.organisation, body, language, uploads, track)


def _frequencies(users) -> dict[int, str]:
    stored = dict(
        NotificationPreference.objects.filter(user__in=users).values_list("user_id", "frequency")
    )
    return {user.pk: stored.get(user.pk, Frequency.IMMEDIATELY) for user in users}


def _new_message_texts(message: Message):
    """Subject and body of the notice, as callables that notify renders in each recipient's
    language (the organisation's name and the date are written for that reader too)."""

    def subject():
        return gettext("New message from %(organisation)s") % {
            "organisation": message.organisation.display_name
        }

    def body():
        return gettext(
            "%(organisation)s wrote to you on %(date)s. Open the conversation to read it and reply."
        ) % {
            "organisation": message.organisation.display_name,
            "date": formats.date_format(timezone.localtime(message.created_at), "DATE_FORMAT"),
        }

    return subject, body


def _tell_members(thread: Thread, message: Message) -> None:
    others = [
        member.user
        for member in thread.members.select_related("user").exclude(user=message.author)
        if member.user.is_active
    ]
    if not others:
        return
    frequency = _frequencies(others)
    subject, body = _new_message_texts(message)
    link = thread.get_absolute_url()
    at_once = [user for user in others if frequency[user.pk] == Frequency.IMMEDIATELY]
    later = [user for user in others if frequency[user.pk] != Frequency.IMMEDIATELY]
    notify(recipients=at_once, subject=subject, body=body, link=link, email=True)
    notify(recipients=later, subject=subject, body=body, link=link, email=False)


@transaction.atomic
def add_member(*, thread: Thread, user, by) -> ThreadMember:
    """A member brings in a colleague: someone who acts for the same organisation as `by`
    does in this thread. The colleague is told in the app (and by e-mail unless they chose
    "never")."""
    member = _member_or_deny(thread, by)
    organisation = member.organisation
    if organisation.pk not in organisation_ids_of(by):
        raise PermissionDenied
    if user is None or not user.is_active or organisation.pk not in organisation_ids_of(user):
        raise _invalid(
            _("Only people who act for your organisation can be added."), "not_a_colleague"
        )
    try:
        with transaction.atomic():
            added = ThreadMember.objects.create(
                thread=thread, user=user, organisation=organisation, added_by=by
            )
    except IntegrityError as error:
        raise _invalid(
            _("This person is already in the conversation."), "already_member"
        ) from error
    notify(
        recipients=[user],
        subject=format_lazy(
            _("{name} added you to a conversation"), name=by.get_short_name() or by.email
        ),
        body=_("Open the conversation to read it and reply."),
        link=thread.get_absolute_url(),
        email=queries.frequency_of(user) != Frequency.NEVER,
    )
    return added


@transaction.atomic
def mark_read(*, thread: Thread, user) -> None:
    """Everything in the thread up to now is read by the user (a member)."""
    member = _member_or_deny(thread, user)
    ThreadMember.objects.filter(pk=member.pk).update(last_read_at=timezone.now())


@transaction.atomic
def report_message(*, message: Message, by, reason: str) -> Report:
    """A member reports another's message as abusive; the platform administrators are told
    in the app (the notice does not quote the message)."""
    _member_or_deny(message.thread, by)
    if message.author_id == by.pk:
        raise _invalid(_("You cannot report your own message."), "own_message")
    reason = (reason or "").strip()
    if not reason:
        raise _invalid(_("Say what is wrong with this message."), "reason_missing")
    if len(reason) > REASON_MAX_LENGTH:
        raise _invalid(
            _("The reason is longer than %(max)s characters."),
            "reason_too_long",
            max=f"{REASON_MAX_LENGTH:,}",
        )
    try:
        with transaction.atomic():
            report = Report.objects.create(message=message, reporter=by, reason=reason)
    except IntegrityError as error:
        raise _invalid(_("You have already reported this message."), "already_reported") from error
    admins = get_user_model().objects.filter(is_superuser=True, is_active=True)
    notify(
        recipients=list(admins),
        subject=_("A message was reported"),
        body=_("Decide on the report in the back office."),
        link=reverse("admin:messaging_report_change", args=[report.pk]),
    )
    return report


@transaction.atomic
def handle_report(*, report: Report, by, uphold: bool) -> Report:
    """A platform administrator decides: upheld removes the message's text from the thread;
    dismissed leaves it. The reporter is told."""
    if not is_platform_admin(by):
        raise PermissionDenied
    report = Report.objects.select_for_update().select_related("message").get(pk=report.pk)
    if report.status != ReportStatus.OPEN:
        raise _invalid(_("This report has already been decided."), "already_handled")
    now = timezone.now()
    report.status = ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED
    report.handled_by = by
    report.handled_at = now
    report.save(update_fields=["status", "handled_by", "handled_at"])
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
    _acting_for(by, organisation)
    if organisation.pk == blocked.pk:
        raise _invalid(_("An organisation cannot block itself."), "block_self")
    row, _created = Block.objects.get_or_create(
        organisation=organisation, blocked=blocked, defaults={"created_by": by}
    )
    return row


@transaction.atomic
def unblock(*, organisation: Organisation, blocked: Organisation, by) -> int:
    _acting_for(by, organisation)
    deleted, _rows = Block.objects.filter(organisation=organisation, blocked=blocked).delete()
    return deleted


@transaction.atomic
def set_frequency(*, user, frequency: str) -> NotificationPreference:
    if not (user and user.is_authenticated):
        raise PermissionDenied
    if frequency not in Frequency.values:
        raise _invalid(_("Choose how often you want e-mails."), "frequency_invalid")
    row, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency}
    )
    return row


def send_digests(*, now=None) -> int:
    """E-mail each user who chose the daily digest the messages of others that arrived in
    their threads since the last digest and that they have not read, one e-mail per user in
    the user's language. Idempotent: a message is in at most one digest. Returns how many
    e-mails went out; a failed e-mail is logged and its messages wait for the next run."""
    from django.core.mail import EmailMessage, get_connection

    now = now or timezone.now()
    sent = 0
    connection = None
    preferences = NotificationPreference.objects.filter(
        frequency=Frequency.DAILY, user__is_active=True
    ).select_related("user")
    for preference in preferences:
        user = preference.user
        lines = _digest_lines(user, since=preference.digest_sent_until, until=now)
        if lines and user.email:
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                subject = gettext("Your new messages on Kakehashi")
                body = "\n\n".join(
                    ngettext(
                        "%(subject)s: %(count)s new message\n%(link)s",
                        "%(subject)s: %(count)s new messages\n%(link)s",
                        count,
                    )
                    % {"subject": thread.subject, "count": count, "link": absolute_link(link)}
                    for thread, count, link in lines
                )
            try:
                connection = connection or get_connection()
                EmailMessage(
                    subject,
                    body + "\n",
                    settings.DEFAULT_FROM_EMAIL,
                    [user.email],
                    connection=connection,
                ).send()
            except Exception:
                logger.exception("Could not e-mail the message digest to user %s", user.pk)
                continue
            sent += 1
        NotificationPreference.objects.filter(pk=preference.pk).update(digest_sent_until=now)
    return sent


def _digest_lines(user, *, since, until) -> list[tuple[Thread, int, str]]:
    lines = []
    for member in queries.inbox(user):
        messages = member.thread.messages.exclude(author=user).filter(
            created_at__lte=until, removed_at__isnull=True
        )
        if since is not None:
            messages = messages.filter(created_at__gt=since)
        if member.last_read_at is not None:
            messages = messages.filter(created_at__gt=member.last_read_at)
        count = messages.count()
        if count:
            lines.append((member.thread, count, member.thread.get_absolute_url()))
    return lines
