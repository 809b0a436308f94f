"""Pages of the obstacle tracker: thin views that parse a form, check a permission, call one
service and render."""

from functools import partial

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.permissions import allows
from kakehashi.common.refusals import add_refusal
from kakehashi.common.uploads import accept_upload, stored_file_response
from kakehashi.directory.models import Membership, Organisation
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.obstacles import queries, services
from kakehashi.obstacles.forms import (
    AssignForm,
    AttachmentForm,
    CloseForm,
    CommentForm,
    ObstacleForm,
    QueueFilterForm,
    RouteForm,
    RuleForm,
)
from kakehashi.obstacles.models import Attachment, RoutingRule
from kakehashi.obstacles.services import ObstacleInput
from kakehashi.obstacles.translation_views import translation_context
from kakehashi.proposals.queries import proposals_of_my_organisations

PAGE_SIZE = 50


def can(user, action: str, obstacle=None) -> bool:
    return allows(user, f"obstacles.{action}", obstacle)


def _visible(request, pk):
    return get_object_or_404(queries.obstacles_visible_to(request.user), pk=pk)


def _members(obstacle):
    if obstacle.authority_id is None:
        return get_user_model().objects.none()
    ids = Membership.objects.filter(
        organisation_id=obstacle.authority_id, person__user__is_active=True
    ).values_list("person__user_id", flat=True)
    return get_user_model().objects.filter(pk__in=ids).order_by("full_name")


# --- filing and lists ----------------------------------------------------------------------


def _obstacle_form(request, data=None, files=None):
    organisations = Organisation.objects.filter(pk__in=organisation_ids_of(request.user)).order_by(
        "name"
    )
    return ObstacleForm(
        data,
        files,
        organisations=organisations,
        proposals=proposals_of_my_organisations(request.user),
    )


@login_required
def file_obstacle(request):
    if not can(request.user, "add_obstacle"):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "obstacles/obstacle_form.html", {"form": _obstacle_form(request)})
    form = _obstacle_form(request, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            obstacle = services.file_obstacle(
                data=ObstacleInput(
                    title=data["title"],
                    category=data["category"],
                    locality=data["locality"],
                    description=data["description"],
                    project=data["project"],
                    proposal=data["proposal"],
                    language=data["language"],
                    attachments=[(upload.name, upload) for upload in data["attachments"]],
                ),
                organisation=data["organisation"],
                by=request.user,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            if obstacle.authority_id:
                messages.success(
                    request,
                    _("Your obstacle is filed and sent to %(authority)s.")
                    % {"authority": obstacle.authority.display_name},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Your obstacle is filed. No authority is registered yet for this "
                        "locality and category, so the platform administrators will route it."
                    ),
                )
            return redirect(obstacle)
    return render(request, "obstacles/obstacle_form.html", {"form": form}, status=400)


@login_required
def my_obstacles(request):
    obstacles = queries.obstacles_of_my_organisations(request.user)
    return render(
        request,
        "obstacles/my_obstacles.html",
        {
            "obstacles": obstacles,
            "today": timezone.localdate(),
            "can_add": can(request.user, "add_obstacle"),
        },
    )


@login_required
def queue(request):
    if not can(request.user, "view_queue"):
        raise PermissionDenied
    form = QueueFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    obstacles = queries.queue_of(request.user, status=status or None)
    page = Paginator(obstacles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "obstacles/queue.html",
        {"page": page, "filter_form": form, "today": timezone.localdate()},
    )


def resolved(request):
    page = Paginator(queries.public_resolved(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "obstacles/resolved.html", {"page": page})


# --- one obstacle ---------------------------------------------------------------------------


def _detail_context(request, obstacle, **extra):
    user = request.user
    details = can(user, "see_details", obstacle)
    context = {
        "obstacle": obstacle,
        "details": details,
        "today": timezone.localdate(),
        "comments": obstacle.comments.select_related("author") if details else [],
        "attachments": obstacle.attachments.all() if details else [],
        "comment_form": CommentForm() if can(user, "comment_obstacle", obstacle) else None,
        "attachment_form": AttachmentForm() if can(user, "attach_obstacle", obstacle) else None,
        "assign_form": (
            AssignForm(members=_members(obstacle), initial={"owner": user.pk})
            if can(user, "assign_obstacle", obstacle)
            else None
        ),
        "can_start": can(user, "start_obstacle", obstacle),
        "close_form": (
            CloseForm(initial={"summary_language": request.LANGUAGE_CODE})
            if can(user, "close_obstacle", obstacle)
            else None
        ),
        "can_reopen": can(user, "reopen_obstacle", obstacle),
        "route_form": RouteForm() if can(user, "route_obstacle", obstacle) else None,
        **translation_context(request, obstacle),
    }
    context.update(extra)
    return context


def obstacle_detail(request, pk):
    obstacle = _visible(request, pk)
    return render(request, "obstacles/obstacle_detail.html", _detail_context(request, obstacle))


def _redisplay(request, obstacle, **forms):
    return render(
        request,
        "obstacles/obstacle_detail.html",
        _detail_context(request, obstacle, **forms),
        status=400,
    )


def _act(request, obstacle, form, *, name: str, service, done: str = "", to: str = ""):
    """The one shape of an action taken from the obstacle's page: a valid `form` goes to
    `service(data)`; a refusal goes onto the form and the page is shown again with it (as
    `name`, status 400); on success, `done` is said and the reader goes back to the obstacle
    (or to `to`)."""
    if form.is_valid():
        try:
            service(form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            if done:
                messages.success(request, done)
            return redirect(to or obstacle.get_absolute_url())
    return _redisplay(request, obstacle, **{name: form})


@login_required
@require_POST
def assign(request, pk):
    obstacle = _visible(request, pk)
    if not can(request.user, "assign_obstacle", obstacle):
        raise PermissionDenied
    return _act(
        request,
        obstacle,
        AssignForm(request.POST, members=_members(obstacle)),
        name="assign_form",
        service=lambda data: services.assign(
            obstacle=obstacle, owner=data["owner"], by=request.user
        ),
        done=_("The owner is set."),
    )


@login_required
@require_POST
def start(request, pk):
    obstacle = _visible(request, pk)
    services.start(obstacle=obstacle, by=request.user)
    messages.success(request, _("The obstacle is in progress."))
    return redirect(obstacle)


@login_required
@require_POST
def close(request, pk, outcome):
    obstacle = _visible(request, pk)
    if not can(request.user, "close_obstacle", obstacle):
        raise PermissionDenied
    service = {"resolve": services.resolve, "cannot-resolve": services.cannot_resolve}.get(outcome)
    if service is None:
        raise Http404
    return _act(
        request,
        obstacle,
        CloseForm(request.POST),
        name="close_form",
        service=lambda data: service(
            obstacle=obstacle,
            reason=data["reason"],
            public_summary=data["public_summary"],
            summary_language=data["summary_language"] or None,
            by=request.user,
        ),
        done=_("The obstacle is closed."),
    )


@login_required
@require_POST
def reopen(request, pk):
    obstacle = _visible(request, pk)
    services.reopen(obstacle=obstacle, by=request.user)
    messages.success(request, _("The obstacle is open again."))
    return redirect(obstacle)


@login_required
@require_POST
def route(request, pk):
    obstacle = _visible(request, pk)
    if not can(request.user, "route_obstacle", obstacle):
        raise PermissionDenied
    return _act(
        request,
        obstacle,
        RouteForm(request.POST),
        name="route_form",
        service=lambda data: services.route(
            obstacle=obstacle,
            authority=data["authority"],
            deadline_days=data["deadline_days"],
            by=request.user,
        ),
        done=_("The obstacle is sent to the authority."),
    )


@login_required
@require_POST
def comment(request, pk):
    obstacle = _visible(request, pk)
    if not can(request.user, "comment_obstacle", obstacle):
        raise PermissionDenied
    return _act(
        request,
        obstacle,
        CommentForm(request.POST),
        name="comment_form",
        service=lambda data: services.add_comment(
            obstacle=obstacle, body=data["body"], by=request.user
        ),
        to=f"{obstacle.get_absolute_url()}#comments",
    )


@login_required
@require_POST
def attachment_upload(request, pk):
    obstacle = _visible(request, pk)
    if not can(request.user, "attach_obstacle", obstacle):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if accept_upload(form, partial(services.add_attachment, obstacle=obstacle, by=request.user)):
        messages.success(request, _("The file is attached."))
        return redirect(obstacle)
    return _redisplay(request, obstacle, attachment_form=form)


def attachment_download(request, pk, attachment_pk):
    obstacle = _visible(request, pk)
    if not can(request.user, "see_details", obstacle):
        raise Http404
    attachment = get_object_or_404(Attachment, pk=attachment_pk, obstacle=obstacle)
    return stored_file_response(attachment)


# --- routing rules ---------------------------------------------------------------------------


@login_required
def routing_rules(request):
    if not can(request.user, "manage_rules"):
        raise PermissionDenied
    form = RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_rule(
                by=request.user,
                locality=data["locality"],
                country=data["country"],
                category=data["category"],
                authority=data["authority"],
                deadline_days=data["deadline_days"],
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The rule is saved."))
            return redirect("obstacles:rules")
    return render(
        request,
        "obstacles/rules.html",
        {"rules": queries.routing_rules(), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def delete_rule(request, pk):
    if not can(request.user, "manage_rules"):
        raise PermissionDenied
    services.delete_rule(rule=get_object_or_404(RoutingRule, pk=pk), by=request.user)
    messages.success(request, _("The rule is deleted."))
    return redirect("obstacles:rules")
