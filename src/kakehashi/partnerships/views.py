from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.list_filters import ListFilters
from kakehashi.common.page_cache import public_page
from kakehashi.common.refusals import add_refusal
from kakehashi.common.uploads import accept_upload, stored_file_response
from kakehashi.directory.models import Country, Locality, LocalityLevel, Sector
from kakehashi.directory.queries import locality_by_slug, organisations_visible_to
from kakehashi.partnerships import queries, services
from kakehashi.partnerships.forms import (
    DocumentForm,
    PartnershipForm,
    PartyFormSet,
    VisitForm,
    partnership_input,
    party_initial,
)
from kakehashi.partnerships.models import Document, PartnershipKind, PartnershipStatus
from kakehashi.partnerships.timeline import locality_timeline
from kakehashi.partnerships.translation_views import translation_context

PAGE_SIZE = 50


def _filter_localities() -> dict[str, list[Locality]]:
    """The places a reader filters agreements by: Vietnam's current units (an agreement of a
    former unit counts for its successor) and Japan's prefectures."""
    places = Locality.objects.filter(
        Q(country=Country.VIETNAM, is_current=True) | Q(level=LocalityLevel.JP_PREFECTURE)
    )
    grouped: dict[str, list[Locality]] = {Country.VIETNAM: [], Country.JAPAN: []}
    for place in sorted(places, key=lambda place: place.name):
        grouped[place.country].append(place)
    return grouped


@public_page
def partnership_list(request):
    filters = ListFilters(request.GET)
    sectors = list(Sector.objects.all())
    places = _filter_localities()
    offered = {place.slug: place for group in places.values() for place in group}
    locality = filters.offered("locality", offered, locality_by_slug)
    kind = filters.chosen("kind", PartnershipKind.values)
    status = filters.chosen("status", PartnershipStatus.values)
    sector = filters.chosen("sector", {s.key for s in sectors})
    partnerships = queries.listed(
        request.user, locality=locality, kind=kind, status=status, sector=sector
    )
    if locality is not None:
        partnerships = partnerships.order_by(F("signed_on").desc(nulls_last=True), "title")
    page = Paginator(partnerships, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partnerships/partnership_list.html",
        {
            "page": page,
            "kinds": PartnershipKind.choices,
            "statuses": PartnershipStatus.choices,
            "sectors": sectors,
            "localities": places,
            "selected": {
                "kind": kind,
                "status": status,
                "sector": sector,
                "locality": locality.slug if locality else "",
            },
            "filter_notices": filters.notices,
            "can_add": request.user.has_perm("partnerships.add_partnership"),
        },
    )


def _visible_partnership(request, pk):
    return get_object_or_404(queries.partnerships_visible_to(request.user), pk=pk)


@public_page
def partnership_detail(request, pk):
    partnership = _visible_partnership(request, pk)
    return render(
        request, "partnerships/partnership_detail.html", _detail_context(request, partnership)
    )


def _detail_context(request, partnership, document_form=None) -> dict:
    can_change = request.user.has_perm("partnerships.change_partnership", partnership)
    if document_form is None and can_change:
        document_form = DocumentForm()
    return {
        "partnership": partnership,
        "can_change": can_change,
        "documents": partnership.documents.all(),
        "visits": partnership.visits.select_related("visitor", "host").prefetch_related(
            "translations"
        ),
        "document_form": document_form,
        **translation_context(request, partnership),
    }


def _edit_forms(request, partnership=None):
    initial = (
        PartnershipForm.initial_for(partnership)
        if partnership
        else {
            "language": request.LANGUAGE_CODE,
            "is_published": True,
        }
    )
    form = PartnershipForm(request.POST or None, initial=initial)
    parties = PartyFormSet(request.POST or None, initial=party_initial(partnership), prefix="party")
    organisations = organisations_visible_to(request.user)
    for party_form in parties.forms:
        party_form.fields["organisation"].queryset = organisations
    return form, parties


def _save(request, form, parties, partnership=None):
    """Validate both forms and call the service; return the partnership or None."""
    if not (form.is_valid() and parties.is_valid()):
        return None
    # The demo flag is not on the form: an edit keeps it.
    data = partnership_input(form, parties, is_demo=partnership.is_demo if partnership else False)
    try:
        if partnership is None:
            return services.create_partnership(data=data, by=request.user)
        return services.update_partnership(partnership=partnership, data=data, by=request.user)
    except ValidationError as error:
        add_refusal(form, error)
        return None


@login_required
def partnership_create(request):
    if not request.user.has_perm("partnerships.add_partnership"):
        raise PermissionDenied
    form, parties = _edit_forms(request)
    if request.method == "POST":
        partnership = _save(request, form, parties)
        if partnership is not None:
            messages.success(request, _("The partnership is recorded."))
            return redirect(partnership)
    return render(request, "partnerships/partnership_form.html", {"form": form, "parties": parties})


@login_required
def partnership_edit(request, pk):
    partnership = _visible_partnership(request, pk)
    if not request.user.has_perm("partnerships.change_partnership", partnership):
        raise PermissionDenied
    form, parties = _edit_forms(request, partnership)
    if request.method == "POST":
        if _save(request, form, parties, partnership) is not None:
            messages.success(request, _("The partnership is saved."))
            return redirect(partnership)
    return render(
        request,
        "partnerships/partnership_form.html",
        {"form": form, "parties": parties, "partnership": partnership},
    )


@login_required
@require_POST
def partnership_delete(request, pk):
    partnership = _visible_partnership(request, pk)
    if not request.user.has_perm("partnerships.delete_partnership", partnership):
        raise PermissionDenied
    services.delete_partnership(partnership=partnership, by=request.user)
    messages.success(request, _("The partnership is deleted."))
    return redirect("partnerships:list")


@login_required
@require_POST
def document_upload(request, pk):
    partnership = _visible_partnership(request, pk)
    if not request.user.has_perm("partnerships.change_partnership", partnership):
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    store = partial(services.add_document, partnership=partnership, by=request.user)
    if accept_upload(form, store):
        messages.success(request, _("The document is uploaded."))
        return redirect(partnership)
    return render(
        request,
        "partnerships/partnership_detail.html",
        _detail_context(request, partnership, document_form=form),
        status=400,
    )


def document_download(request, pk, document_pk):
    partnership = _visible_partnership(request, pk)
    document = get_object_or_404(Document, pk=document_pk, partnership=partnership)
    return stored_file_response(document)


@login_required
def visit_create(request, pk):
    partnership = _visible_partnership(request, pk)
    if not request.user.has_perm("partnerships.change_partnership", partnership):
        raise PermissionDenied
    places = [party.current_place for party in partnership.parties.all() if party.current_place]
    initial = {"visitor": places[0], "host": places[-1]} if len(places) >= 2 else {}
    form = VisitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_visit(partnership=partnership, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The visit is recorded."))
            return redirect(partnership)
    return render(
        request, "partnerships/visit_form.html", {"form": form, "partnership": partnership}
    )


@public_page
def locality_detail(request, slug):
    locality = get_object_or_404(Locality.objects.select_related("parent", "successor"), slug=slug)
    partnerships = list(queries.partnerships_of_locality(locality, request.user))
    visits = list(queries.visits_of_locality(locality, request.user))
    organisations = organisations_visible_to(request.user).filter(locality__in=locality.lineage)
    return render(
        request,
        "partnerships/locality_detail.html",
        {
            "locality": locality,
            "children": locality.children.filter(is_current=True),
            "partners": _partner_rows(locality, partnerships),
            "timeline": locality_timeline(
                locality, partnerships, visits, _visits_to_translate(request.user, visits)
            ),
            "priority_lists": queries.priority_lists_of_locality(locality, request.user),
            "priority_of": queries.priority_lists_naming(locality, request.user),
            "can_translate_lists": request.user.has_perm(
                "partnerships.change_priority_list", locality
            ),
            "organisations": organisations,
            "is_vietnam": locality.country == Country.VIETNAM,
        },
    )


def _visits_to_translate(user, visits) -> frozenset[int]:
    """The visits under no agreement that `user` may translate (one under an agreement is
    translated from the agreement's page, where its timeline entry leads)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        visit.pk
        for visit in visits
        if not visit.partnership_id and user.has_perm("partnerships.translate_visit", visit)
    )


def _partner_rows(locality, partnerships):
    """One row per partnership: the other parties, as signed and as they are today."""
    lineage = {place.pk for place in locality.lineage}
    country = locality.country
    rows = []
    for partnership in partnerships:
        parties = list(partnership.parties.all())
        ours = [p for p in parties if p.place and p.place.pk in lineage]
        # The partner column lists the other country's parties only: a Vietnamese province
        # that signed the same document beside this one is a co-signatory, not a partner.
        others = [p for p in parties if p not in ours and _country_of(p) != country]
        # A former unit signed under its own name: say so. Units are compared, not codes:
        # codes were reused in 2025 (code 52 was Binh Dinh and is now Gia Lai).
        signed_as = [
            p.shown_name
            for p in ours
            if p.place.pk != locality.pk and p.place.name_en != locality.name_en
        ]
        rows.append({"partnership": partnership, "others": others, "signed_as": signed_as})
    return rows


def _country_of(party) -> str:
    if party.place is not None:
        return party.place.country
    return party.organisation.country
