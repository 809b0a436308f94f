from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.page_cache import public_page
from kakehashi.directory.models import Organisation
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.matching import recommend, services
from kakehashi.matching.models import FollowedProposal, SavedSearch
from kakehashi.matching.search import ORGANISATIONS, SearchForm, run_search
from kakehashi.proposals.models import ProposalKind
from kakehashi.proposals.queries import proposals_visible_to

PAGE_RESULTS = 30


@public_page
def search(request):
    form = SearchForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        result = run_search(form.cleaned_data)
    kind_labels = dict(ProposalKind.choices) | {ORGANISATIONS: _("Organisations")}
    return render(
        request,
        "matching/search.html",
        {
            "form": form,
            "result": result,
            "hits": result.hits[:PAGE_RESULTS] if result else [],
            "kind_facets": [
                (kind, kind_labels.get(kind, kind), count)
                for kind, count in (result.facets["kind"].most_common() if result else [])
            ],
            "saved_search_query": form.cleaned_data.get("q", "")
            if form.is_bound and form.is_valid()
            else "",
        },
    )


def recommendations_panel(request, proposal) -> str:
    """The proposal page's block of recommended counterparts (proposals' detail panels)."""
    return render_to_string(
        "matching/_recommendations.html",
        {
            "proposal": proposal,
            "recommendations": recommend.for_proposal(proposal),
            "following": request.user.is_authenticated
            and FollowedProposal.objects.filter(user=request.user, proposal=proposal).exists(),
        },
        request=request,
    )


@login_required
def my_matches(request):
    organisations = Organisation.objects.filter(pk__in=organisation_ids_of(request.user))
    chosen = organisations.first()
    if request.GET.get("organisation"):
        chosen = organisations.filter(pk=request.GET["organisation"]).first()
        if chosen is None:
            raise Http404
    return render(
        request,
        "matching/my_matches.html",
        {
            "organisations": organisations,
            "organisation": chosen,
            "recommendations": recommend.for_organisation(chosen) if chosen else [],
        },
    )


@login_required
def saved_searches(request):
    return render(
        request,
        "matching/saved_searches.html",
        {
            "searches": SavedSearch.objects.filter(user=request.user),
            "follows": FollowedProposal.objects.filter(user=request.user).select_related(
                "proposal"
            ),
        },
    )


@login_required
@require_POST
def save_search(request):
    form = SearchForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["q"].strip():
        messages.error(request, _("Type what you are looking for before saving a search."))
        return redirect("matching:search")
    services.save_search(user=request.user, data=form.cleaned_data, now=timezone.now())
    messages.success(request, _("Search saved: you will get a digest of new proposals it finds."))
    return redirect("matching:saved_searches")


@login_required
@require_POST
def delete_search(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    services.delete_saved_search(search=search, by=request.user)
    messages.success(request, _("The saved search was deleted."))
    return redirect("matching:saved_searches")


@login_required
@require_POST
def follow(request, proposal_pk):
    proposal = get_object_or_404(proposals_visible_to(request.user), pk=proposal_pk)
    if request.POST.get("follow") == "0":
        services.unfollow_proposal(user=request.user, proposal=proposal)
        messages.success(request, _("You no longer follow this proposal."))
    else:
        services.follow_proposal(user=request.user, proposal=proposal, now=timezone.now())
        messages.success(request, _("You follow this proposal: new matches come in a digest."))
    return redirect(proposal.get_absolute_url())
