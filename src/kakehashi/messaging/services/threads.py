"""Threads: opened between two organisations (about a proposal, a meeting or a partnership),
messages posted, colleagues brought in, read marks."""

from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import invalid
from kakehashi.common.uploads import files_deleted_on_failure
from kakehashi.directory.models import MembershipRole, Organisation
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.models import Meeting
from kakehashi.messaging import queries
from kakehashi.messaging.errors import MessagingError
from kakehashi.messaging.models import (
    SUBJECT_MAX_LENGTH,
    Frequency,
    Message,
    Thread,
    ThreadMember,
    ThreadParty,
)
from kakehashi.messaging.rules import require
from kakehashi.messaging.services.base import (
    check_attachments,
    clean_body,
    clean_language,
    post,
    refuse_if_blocked,
)
from kakehashi.notifications.services import notify
from kakehashi.partnerships.models import Partnership
from kakehashi.partnerships.queries import partnerships_visible_to
from kakehashi.proposals.models import InterestStatus, Proposal
from kakehashi.proposals.queries import proposals_visible_to


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
        raise invalid(
            _("This person cannot be written to for this organisation on the platform."),
            MessagingError.PERSON_UNREACHABLE,
        )
    return user


def _clean_subject(subject: str) -> str:
    subject = " ".join((subject or "").split())
    if not subject:
        raise invalid(_("Give the conversation a subject."), MessagingError.SUBJECT_MISSING)
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise invalid(
            _("The subject is longer than %(max)s characters."),
            MessagingError.SUBJECT_TOO_LONG,
            max=SUBJECT_MAX_LENGTH,
        )
    return subject


def _check_about(about, by, from_organisation, to_organisation) -> dict:
    """The link fields for what the thread is opened from, after checking that it fits."""
    if about is None:
        return {}
    pair = {from_organisation.pk, to_organisation.pk}
    if isinstance(about, Proposal):
        if not proposals_visible_to(by).filter(pk=about.pk).exists():
            raise PermissionDenied
        if about.organisation_id not in pair:
            raise invalid(
                _("A conversation about a proposal includes its owner."),
                MessagingError.NOT_PROPOSAL_PARTIES,
            )
        (counterpart,) = pair - {about.organisation_id}
        # An anonymous owner stays hidden until it accepted this organisation's contact.
        if (
            about.is_anonymous
            and not about.interests.filter(
                organisation_id=counterpart, status=InterestStatus.ACCEPTED
            ).exists()
        ):
            raise invalid(
                _("The owner of this proposal has not accepted contact with this organisation."),
                MessagingError.CONTACT_NOT_ACCEPTED,
            )
        return {"proposal": about}
    if isinstance(about, Meeting):
        delegations = set(about.registrations.values_list("organisation_id", flat=True))
        if not pair <= delegations:
            raise invalid(
                _("Both organisations must take part in the meeting."),
                MessagingError.NOT_IN_MEETING,
            )
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
        require(by, "messaging.act_for", from_organisation)
        if from_organisation.pk == to_organisation.pk:
            raise invalid(
                _("Choose another organisation than your own."), MessagingError.SAME_ORGANISATION
            )
        subject = _clean_subject(subject)
        refuse_if_blocked([from_organisation.pk, to_organisation.pk])
        links = _check_about(about, by, from_organisation, to_organisation)
        if to_person is not None:
            recipients = [_account_acting_for(to_person, to_organisation)]
            if recipients[0].pk == by.pk:
                raise invalid(_("Choose another person than yourself."), MessagingError.SAME_PERSON)
        else:
            recipients = [user for user in _first_contacts(to_organisation) if user.pk != by.pk]
        if not recipients:
            raise invalid(
                _("Nobody acts for this organisation on the platform yet."),
                MessagingError.NO_RECIPIENTS,
            )
        if body:
            body = clean_body(body)
        uploads = check_attachments(attachments)
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
            post(
                thread, by, from_organisation, body, clean_language(language, body), uploads, track
            )
        elif uploads:
            raise invalid(_("Write a message."), MessagingError.MESSAGE_MISSING)
        return thread


def post_message(
    *, thread: Thread, by, body: str, language: str = "", attachments: Sequence = ()
) -> Message:
    """A member posts to the thread, for the organisation they act for in it. `language` is
    the author's choice (vi/ja/en) or, when empty, detected from the text. Attachments are PDF,
    PNG or JPEG files within the upload size limit, at most MAX_ATTACHMENTS. Refused while
    any party blocks another. The other members are notified (see the package's docstring);
    when that fails, the stored attachments are deleted with the rest of the post."""
    with files_deleted_on_failure() as track, transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        # A member who still acts for the organisation they joined the thread for.
        require(by, "messaging.post_message", thread)
        member = queries.membership(by, thread)
        refuse_if_blocked(queries.party_ids(thread))
        body = clean_body(body)
        language = clean_language(language, body)
        uploads = check_attachments(attachments)
        return post(thread, by, member.organisation, body, language, uploads, track)


@transaction.atomic
def add_member(*, thread: Thread, user, by) -> ThreadMember:
    """A member brings in a colleague: someone who acts for the same organisation as `by`
    does in this thread. The colleague is told in the app (and by e-mail unless they chose
    "never")."""
    require(by, "messaging.add_member", thread)
    organisation = queries.membership(by, thread).organisation
    if user is None or not user.is_active or organisation.pk not in organisation_ids_of(user):
        raise invalid(
            _("Only people who act for your organisation can be added."),
            MessagingError.NOT_A_COLLEAGUE,
        )
    try:
        with transaction.atomic():
            added = ThreadMember.objects.create(
                thread=thread, user=user, organisation=organisation, added_by=by
            )
    except IntegrityError as error:
        raise invalid(
            _("This person is already in the conversation."), MessagingError.ALREADY_MEMBER
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
    require(user, "messaging.view_thread", thread)
    member = queries.membership(user, thread)
    ThreadMember.objects.filter(pk=member.pk).update(last_read_at=timezone.now())
