"""Pages of the proposals marketplace: thin views that parse a form, check a permission,
call one service and render."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kakehashi.common.list_filters import ListFilters
from kakehashi.common.page_cache import public_page
from kakehashi.common.permissions import allows
from kakehashi.common.refusals import add_refusal, tell_refusal
from kakehashi.common.uploads import accept_upload, stored_file_response
from kakehashi.directory.models import Country, Locality, Organisation, Sector
from kakehashi.directory.queries import locality_by_slug, organisation_ids_of
from kakehashi.proposals import queries, services
from kakehashi.proposals.forms import (
    CRITERION_LABELS,
    AttachmentForm,
    InterestForm,
    RejectForm,
    WeightsForm,
)
from kakehashi.proposals.models import (
    Interest,
    PartnershipType,
    ProposalAttachment,
    ProposalKind,
    ProposalStatus,
)
from kakehashi.proposals.panels import render_detail_panels
from kakehashi.proposals.screening import screen
from kakehashi.proposals.translation_views import translation_context

PAGE_SIZE = 50


def my_organisations(user):
    return Organisation.objects.filter(pk__in=organisation_ids_of(user)).order_by("name")


def visible_proposal(request, pk):
    return get_object_or_404(queries.proposals_visible_to(request.user), pk=pk)


@public_page
def proposal_list(request):
    filters = ListFilters(request.GET)
    sectors = list(Sector.objects.all())
    locality = filters.found("locality", locality_by_slug)
    selected = {
        "kind": filters.chosen("kind", ProposalKind.values),
        "sector": filters.chosen("sector", {sector.key for sector in sectors}),
        "country": filters.chosen("country", Country.values),
        "locality": locality.slug if locality else "",
        "partnership": filters.chosen("partnership", PartnershipType.values),
    }
    proposals = queries.listed(
        request.user,
        status=ProposalStatus.PUBLISHED,
        kind=selected["kind"],
        sector=selected["sector"],
        country=selected["country"],
        partnership_type=selected["partnership"],
        locality=locality,
    )
    proposals = queries.with_row_details(proposals)
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "page": page,
            "kinds": ProposalKind.choices,
            "sectors": sectors,
            "countries": Country.choices,
            "partnership_types": PartnershipType.choices,
            "localities": Locality.objects.filter(is_current=True).order_by("country", "name_en"),
            "selected": selected,
            "filter_notices": filters.notices,
            "can_add": allows(request.user, "proposals.add_proposal"),
            "can_moderate": allows(request.user, "proposals.moderate"),
        },
    )


@login_required
def my_proposals(request):
    return render(
        request,
        "proposals/my_proposals.html",
        {
            "proposals": queries.proposals_of_my_organisations(request.user),
            "can_add": allows(request.user, "proposals.add_proposal"),
        },
    )


def _detail_context(request, proposal, **extra):
    user = request.user
    screening = None
    if proposal.is_investment and hasattr(proposal, "investment"):
        result = screen(proposal.investment.levels, queries.weights_for(proposal.locality))
        screening = {
            "score": result.score,
            "rows": [(CRITERION_LABELS[c.criterion], c) for c in result.contributions],
        }
    can_interest = allows(user, "proposals.express_interest", proposal)
    own_interest = None
    if user.is_authenticated:
        own_interest = (
            proposal.interests.filter(organisation_id__in=organisation_ids_of(user))
            .order_by("-created_at")
            .first()
        )
    can_change = allows(user, "proposals.change_proposal", proposal)
    context = {
        "proposal": proposal,
        "panels": render_detail_panels(request, proposal),
        "show_owner": allows(user, "proposals.see_owner", proposal),
        "screening": screening,
        "attachments": proposal.attachments.all(),
        "can_change": can_change,
        "can_submit": allows(user, "proposals.submit_proposal", proposal),
        "can_review": allows(user, "proposals.review_proposal", proposal),
        "can_withdraw": allows(user, "proposals.withdraw_proposal", proposal),
        "can_renew": allows(user, "proposals.renew_proposal", proposal),
        "can_archive": allows(user, "proposals.archive_proposal", proposal),
        "can_manage_interests": allows(user, "proposals.manage_interests", proposal),
        "own_interest": own_interest,
        "attachment_form": AttachmentForm() if can_change else None,
        "reject_form": RejectForm(),
        "interest_form": (
            InterestForm(organisations=my_organisations(user).exclude(pk=proposal.organisation_id))
            if can_interest
            else None
        ),
    }
    context.update(translation_context(request, proposal))
    context.update(extra)
    return context


@public_page
def proposal_detail(request, pk):
    proposal = visible_proposal(request, pk)
    return render(request, "proposals/proposal_detail.html", _detail_context(request, proposal))


def _redisplay(request, proposal, **forms):
    """The proposal's page again, with the form that was refused (status 400)."""
    return render(
        request,
        "proposals/proposal_detail.html",
        _detail_context(request, proposal, **forms),
        status=400,
    )


# Lazy: each message is translated when a request shows it, in that reader's language.
ACTIONS = {
    "submit": (services.submit, gettext_lazy("The proposal is submitted for review.")),
    "publish": (services.publish, gettext_lazy("The proposal is published.")),
    "withdraw": (services.withdraw, gettext_lazy("The proposal is withdrawn.")),
    "renew": (services.renew, gettext_lazy("The proposal is renewed for 12 months.")),
    "archive": (services.archive, gettext_lazy("The proposal is archived.")),
}


@login_required
@require_POST
def proposal_action(request, pk, action):
    proposal = visible_proposal(request, pk)
    if action not in ACTIONS:
        raise Http404
    service, done = ACTIONS[action]
    service(proposal=proposal, by=request.user)  # PermissionDenied → 403
    messages.success(request, done)
    return redirect(proposal)


@login_required
@require_POST
def proposal_reject(request, pk):
    proposal = visible_proposal(request, pk)
    if not allows(request.user, "proposals.review_proposal", proposal):
        raise PermissionDenied
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.reject(proposal=proposal, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("The proposal is rejected; its owners are told why."))
            return redirect("proposals:moderation")
    return _redisplay(request, proposal, reject_form=form)


@login_required
@require_POST
def attachment_upload(request, pk):
    proposal = visible_proposal(request, pk)
    if not allows(request.user, "proposals.change_proposal", proposal):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if accept_upload(form, partial(services.add_attachment, proposal=proposal, by=request.user)):
        messages.success(request, _("The file is attached."))
        return redirect(proposal)
    return _redisplay(request, proposal, attachment_form=form)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    proposal = visible_proposal(request, pk)
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_pk, proposal=proposal)
    services.remove_attachment(attachment=attachment, by=request.user)
    messages.success(request, _("The file is removed."))
    return redirect(proposal)


def attachment_download(request, pk, attachment_pk):
    proposal = visible_proposal(request, pk)
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_pk, proposal=proposal)
    return stored_file_response(attachment)


@login_required
@require_POST
def express_interest(request, pk):
    proposal = visible_proposal(request, pk)
    if not allows(request.user, "proposals.express_interest", proposal):
        raise PermissionDenied
    form = InterestForm(
        request.POST,
        organisations=my_organisations(request.user).exclude(pk=proposal.organisation_id),
    )
    if form.is_valid():
        try:
            services.express_interest(
                proposal=proposal,
                organisation=form.cleaned_data["organisation"],
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your message is sent to the owner."))
            return redirect(proposal)
    return _redisplay(request, proposal, interest_form=form)


@login_required
def interests_inbox(request):
    return render(
        request,
        "proposals/interests.html",
        {
            "received": queries.interests_received(request.user),
            "sent": queries.interests_sent(request.user),
        },
    )


@login_required
@require_POST
def interest_decide(request, interest_pk, decision):
    interest = get_object_or_404(
        Interest.objects.select_related("proposal"),
        pk=interest_pk,
        proposal__organisation_id__in=organisation_ids_of(request.user),
    )
    service = {"accept": services.accept_contact, "decline": services.decline_contact}.get(decision)
    if service is None:
        raise Http404
    try:
        service(interest=interest, by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(
            request,
            _("Contact is accepted.") if decision == "accept" else _("The request is declined."),
        )
    return redirect("proposals:interests")


@login_required
def moderation_queue(request):
    if not allows(request.user, "proposals.moderate"):
        raise PermissionDenied
    return render(
        request,
        "proposals/moderation.html",
        {"proposals": queries.moderation_queue(request.user), "reject_form": RejectForm()},
    )


@public_page
def locality_ranking(request, slug):
    locality = get_object_or_404(Locality, slug=slug)
    can_set = allows(request.user, "proposals.set_weights", locality)
    weights = queries.weights_for(locality)
    form = WeightsForm(initial=weights) if can_set else None
    if request.method == "POST":
        if not can_set:
            raise PermissionDenied
        form = WeightsForm(request.POST)
        if form.is_valid():
            services.set_screening_weights(
                locality=locality,
                weights={c: form.cleaned_data[c] for c in CRITERION_LABELS},
                by=request.user,
            )
            messages.success(request, _("The weights are saved; the ranking uses them now."))
            return redirect("proposals:ranking", slug=locality.slug)
    ranked = [
        {
            "proposal": proposal,
            "score": result.score,
            "rows": [(CRITERION_LABELS[c.criterion], c) for c in result.contributions],
        }
        for proposal, result in queries.ranked_investment_projects(locality, request.user)
    ]
    return render(
        request,
        "proposals/ranking.html",
        {
            "locality": locality,
            "ranked": ranked,
            "weights": [(CRITERION_LABELS[c], w) for c, w in weights.items()],
            "form": form,
        },
        status=400 if form is not None and form.is_bound else 200,
    )
