"""Pages of the direct channel. Every thread is looked up through
queries.threads_visible_to(user): anyone else, signed in or not, gets 404 (a visitor is not
sent to the sign-in page either, which would tell that the address exists)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kakehashi.common.errors import UPLOAD_CODES
from kakehashi.common.refusals import tell_refusal
from kakehashi.directory.models import Organisation, Person
from kakehashi.directory.queries import organisation_ids_of, organisations_visible_to
from kakehashi.events.models import Meeting
from kakehashi.messaging import queries, services
from kakehashi.messaging.errors import MessagingError
from kakehashi.messaging.forms import (
    AddMemberForm,
    MessageForm,
    NewThreadForm,
    PreferenceForm,
    ReportForm,
)
from kakehashi.messaging.models import Message, MessageAttachment
from kakehashi.partnerships.queries import partnerships_visible_to
from kakehashi.proposals.models import Proposal
from kakehashi.proposals.queries import owner_revealed_to, proposals_visible_to

POLL_SECONDS = 5


def _thread(request, pk):
    return get_object_or_404(queries.threads_visible_to(request.user), pk=pk)


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


@login_required
def inbox(request):
    rows = list(queries.inbox(request.user))
    return render(request, "messaging/inbox.html", {"rows": rows})


def _colleagues(thread, member):
    User = get_user_model()
    return (
        User.objects.filter(
            person__memberships__organisation_id=member.organisation_id, is_active=True
        )
        .exclude(thread_memberships__thread=thread)
        .distinct()
        .order_by("full_name", "pk")
    )


def _thread_context(request, thread, **extra):
    member = queries.membership(request.user, thread)
    message_list = list(queries.messages_of(thread))
    context = {
        "thread": thread,
        "member": member,
        "parties": thread.parties.select_related("organisation"),
        "members": queries.members_of(thread),
        "message_list": message_list,
        "last_id": message_list[-1].pk if message_list else 0,
        "blocked": queries.is_blocked(queries.party_ids(thread)),
        "form": MessageForm(),
        "add_form": AddMemberForm(colleagues=_colleagues(thread, member)),
        "report_form": ReportForm(),
        "poll_seconds": POLL_SECONDS,
        "blocks": queries.blocks_by([member.organisation_id]).filter(
            blocked_id__in=queries.party_ids(thread)
        ),
    }
    context.update(extra)
    return context


def thread_detail(request, pk):
    thread = _thread(request, pk)
    services.mark_read(thread=thread, user=request.user)
    return render(request, "messaging/thread.html", _thread_context(request, thread))


@require_POST
def reply(request, pk):
    thread = _thread(request, pk)
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.post_message(
                thread=thread,
                by=request.user,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                attachments=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            form.add_error("attachments" if _is_file_error(error) else None, error)
        else:
            return redirect(thread)
    return render(
        request, "messaging/thread.html", _thread_context(request, thread, form=form), status=400
    )


def _is_file_error(error: ValidationError) -> bool:
    return getattr(error, "code", "") in {*UPLOAD_CODES, MessagingError.TOO_MANY_ATTACHMENTS}


@require_GET
def poll(request, pk):
    """New messages after `after` (a message id) as HTML to append, for the thread page's
    script; reading them marks the thread read."""
    thread = _thread(request, pk)
    after = _int(request.GET.get("after")) or 0
    new = list(queries.messages_of(thread, after=after))
    if new:
        services.mark_read(thread=thread, user=request.user)
    html = render_to_string(
        "messaging/_messages.html",
        {"message_list": new, "thread": thread, "report_form": ReportForm()},
        request=request,
    )
    return JsonResponse({"html": html, "last": new[-1].pk if new else after, "count": len(new)})


@require_POST
def add_member(request, pk):
    thread = _thread(request, pk)
    member = queries.membership(request.user, thread)
    form = AddMemberForm(request.POST, colleagues=_colleagues(thread, member))
    if form.is_valid():
        try:
            services.add_member(thread=thread, user=form.cleaned_data["user"], by=request.user)
        except ValidationError as error:
            form.add_error("user", error)
        else:
            messages.success(request, _("Your colleague is in the conversation now."))
            return redirect(thread)
    return render(
        request,
        "messaging/thread.html",
        _thread_context(request, thread, add_form=form),
        status=400,
    )


@require_POST
def report(request, pk, message_pk):
    thread = _thread(request, pk)
    message = get_object_or_404(Message, pk=message_pk, thread=thread)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.report_message(
                message=message, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            tell_refusal(request, error)
        else:
            messages.success(request, _("Thank you. The platform administrators will look at it."))
    else:
        messages.error(request, _("Say what is wrong with this message."))
    return redirect(thread)


@require_POST
def block_party(request, pk):
    """Block the other organisations of this thread, for the one the user acts for in it."""
    thread = _thread(request, pk)
    member = queries.membership(request.user, thread)
    unblock = request.POST.get("unblock") == "1"
    for party in thread.parties.exclude(organisation_id=member.organisation_id).select_related(
        "organisation"
    ):
        if unblock:
            services.unblock(
                organisation=member.organisation, blocked=party.organisation, by=request.user
            )
        else:
            services.block(
                organisation=member.organisation, blocked=party.organisation, by=request.user
            )
    if unblock:
        messages.success(request, _("Messages are possible again."))
    else:
        messages.success(request, _("Blocked: no more messages between your organisations."))
    return redirect(thread)


def attachment(request, pk, attachment_pk):
    thread = _thread(request, pk)
    upload = get_object_or_404(
        MessageAttachment, pk=attachment_pk, message__thread=thread, message__removed_at=None
    )
    try:
        stored = upload.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(stored, content_type=upload.content_type, filename=upload.name)


def _about(request):
    """What a new thread is opened from (?proposal=, ?meeting=, ?partnership=), if visible."""
    if pk := _int(request.GET.get("proposal")):
        return get_object_or_404(proposals_visible_to(request.user), pk=pk)
    if pk := _int(request.GET.get("meeting")):
        own = organisation_ids_of(request.user)
        return get_object_or_404(
            Meeting.objects.filter(registrations__organisation_id__in=own).distinct(), pk=pk
        )
    if pk := _int(request.GET.get("partnership")):
        return get_object_or_404(partnerships_visible_to(request.user), pk=pk)
    return None


def _person(request, to_organisation):
    """The person written to from their profile (?person=): one with an account who acts for
    the organisation written to."""
    if not (pk := _int(request.GET.get("person"))):
        return None
    return get_object_or_404(
        Person.objects.filter(
            memberships__organisation=to_organisation, user__is_active=True
        ).distinct(),
        pk=pk,
    )


def _counterpart(request, about, own):
    """The organisation to write to: ?to=, or the proposal's owner when writing from one's
    own organisation (?from=)."""
    if pk := _int(request.GET.get("to")):
        return get_object_or_404(organisations_visible_to(request.user), pk=pk)
    if about is not None and isinstance(about, Proposal) and about.organisation_id not in own:
        # The owner of the proposal, who may be anonymous: not looked up among visible ones.
        return about.organisation
    raise Http404


@login_required
def new_thread(request):
    own = organisation_ids_of(request.user)
    if not own:
        raise PermissionDenied
    about = _about(request)
    to_organisation = _counterpart(request, about, own)
    to_person = _person(request, to_organisation)
    if to_person is not None and to_person.user_id == request.user.pk:
        raise Http404
    organisations = Organisation.objects.filter(pk__in=own).exclude(pk=to_organisation.pk)
    if (chosen := _int(request.GET.get("from"))) and organisations.filter(pk=chosen).exists():
        organisations = organisations.filter(pk=chosen)
    if about is not None and isinstance(about, Proposal) and about.organisation_id in own:
        organisations = organisations.filter(pk=about.organisation_id)
    if not organisations.exists():
        raise Http404
    if (
        isinstance(about, Proposal)
        and about.organisation_id == to_organisation.pk
        and not owner_revealed_to(request.user, about)
    ):
        # An anonymous owner who has not accepted contact: nothing to write to, nothing shown.
        raise Http404
    form = NewThreadForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        initial={"subject": getattr(about, "title", "") or getattr(about, "subject", "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.open_thread(
                subject=form.cleaned_data["subject"],
                from_organisation=form.cleaned_data["organisation"],
                to_organisation=to_organisation,
                by=request.user,
                about=about,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                attachments=form.cleaned_data["attachments"],
                to_person=to_person,
            )
        except ValidationError as error:
            form.add_error("attachments" if _is_file_error(error) else None, error)
        else:
            return redirect(thread)
    return render(
        request,
        "messaging/new_thread.html",
        {
            "form": form,
            "to_organisation": to_organisation,
            "to_person": to_person,
            "about": about,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def preferences(request):
    form = PreferenceForm(
        request.POST or None, initial={"frequency": queries.frequency_of(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        services.set_frequency(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Your choice is saved."))
        return redirect("messaging:preferences")
    own = organisation_ids_of(request.user)
    return render(
        request,
        "messaging/preferences.html",
        {"form": form, "blocks": queries.blocks_by(own)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def unblock(request, block_pk):
    own = organisation_ids_of(request.user)
    row = get_object_or_404(queries.blocks_by(own), pk=block_pk)
    services.unblock(organisation=row.organisation, blocked=row.blocked, by=request.user)
    messages.success(request, _("Messages are possible again."))
    return redirect("messaging:preferences")
