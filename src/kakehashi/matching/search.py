"""One search over proposals and organisations, in any of the three languages, with facets.

The engine ranks by text (words, concepts of the glossary, meaning); the database applies
the facets, so that a filter means the same thing on SQLite and PostgreSQL, and counts them
over what the text found."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from kakehashi.directory import queries as directory_queries
from kakehashi.directory.models import Country, Locality, Organisation, Sector
from kakehashi.matching.documents import organisation_key, proposal_key
from kakehashi.matching.engine import PreparedQuery, prepare_search
from kakehashi.matching.engine.slotfacets import Facets
from kakehashi.matching.hits import Hit, attach_shown, load_hits
from kakehashi.matching.live import embedder, reading
from kakehashi.matching.proposal_documents import findable, published_proposals
from kakehashi.proposals import queries as proposal_queries
from kakehashi.proposals.models import (
    PartnershipType,
    ProposalKind,
    ProposalStatus,
    TechnologyStage,
)

RESULTS_CONSIDERED = 60  # hits ranked, shown (30 on the page) and counted in the facets
ORGANISATIONS = "organisation"
PREPARED_KEPT = 256  # recent search texts kept analysed and embedded (see prepared_search)
_prepared: OrderedDict = OrderedDict()
_prepared_lock = threading.Lock()


def forget_prepared() -> None:
    """Drop the kept texts (the benchmark times each search as a new one)."""
    with _prepared_lock:
        _prepared.clear()


def prepared_search(text: str, language: str | None) -> PreparedQuery:
    """The text analysed and embedded as a query, done outside the index's lock (the model
    takes most of a search's time and needs no index), and kept for the recent texts: the
    next page, another facet or the same search again reuse it. Neither depends on the
    indexed documents, so a kept one is as good as a new one."""
    model = embedder()
    key = (model.name, text, language)
    with _prepared_lock:
        prepared = _prepared.get(key)
        if prepared is not None and prepared.embedder is model:
            _prepared.move_to_end(key)
            return prepared
    prepared = prepare_search(model, text, language)
    with _prepared_lock:
        _prepared[key] = prepared
        while len(_prepared) > PREPARED_KEPT:
            _prepared.popitem(last=False)
    return prepared


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Proposals and organisations")),
            *ProposalKind.choices,
            (ORGANISATIONS, _("Organisations")),
        ],
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.all(),
        to_field_name="key",
        empty_label=_("All fields"),
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("Both countries")), *Country.choices]
    )
    locality = forms.ModelChoiceField(
        label=_("Locality"),
        required=False,
        queryset=Locality.objects.filter(is_current=True),
        to_field_name="slug",
        empty_label=_("All localities"),
    )
    partnership_type = forms.ChoiceField(
        label=_("Partnership sought"),
        required=False,
        choices=[("", _("Any partnership")), *PartnershipType.choices],
    )
    stage = forms.ChoiceField(
        label=_("Stage of development"),
        required=False,
        choices=[("", _("Any stage")), *TechnologyStage.choices],
    )


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    facets: dict[str, Counter] = field(default_factory=dict)


def _filtered_proposals(data: dict):
    """The findable proposals that pass the form's filters, with the meanings of
    proposals.queries.listed: "Country" here is where a proposal comes from (its locality's
    country, which its index document carries), as it is for an organisation."""
    if data.get("kind") == ORGANISATIONS:
        return published_proposals().none()
    proposals = proposal_queries.listed(
        None,
        status=ProposalStatus.PUBLISHED,
        kind=data.get("kind"),
        sector=data["sector"].key if data.get("sector") else None,
        origin_country=data.get("country"),
        locality=data.get("locality"),
        partnership_type=data.get("partnership_type"),
        stage=data.get("stage"),
    )
    return findable(proposal_queries.with_details(proposals))


def _filtered_organisations(data: dict):
    """The published organisations that pass the form's filters, with the meanings of
    directory.queries.listed."""
    if data.get("kind") not in ("", None, ORGANISATIONS):
        return Organisation.objects.none()
    if data.get("partnership_type") or data.get("stage"):
        return Organisation.objects.none()  # facets of proposals only
    return directory_queries.listed(
        None,
        sector=data["sector"].key if data.get("sector") else None,
        country=data.get("country"),
        locality=data.get("locality"),
    )


def run_search(data: dict, *, language: str | None = None) -> SearchResult:
    """Search with the cleaned data of a SearchForm."""
    proposals = _filtered_proposals(data)
    organisations = _filtered_organisations(data)
    text = (data.get("q") or "").strip()
    if not text:
        # Nothing to rank by: the newest proposals that pass the filters, or organisations.
        if data.get("kind") == ORGANISATIONS:
            listed = organisations.select_related("locality")
            hits = [
                Hit(key=organisation_key(o.pk), score=None, organisation=o)
                for o in listed.order_by("name", "pk")[:RESULTS_CONSIDERED]
            ]
            attach_shown(hits)
            return SearchResult(hits=hits, total=organisations.count(), facets=_facets(hits))
        # What a hit shows is attached to it (hits.py): none of the relations that
        # `with_details` prefetches for a whole proposal.
        newest = proposals.prefetch_related(None).order_by("-published_on", "-pk")
        hits = [
            Hit(key=proposal_key(p.pk), score=None, proposal=p) for p in newest[:RESULTS_CONSIDERED]
        ]
        attach_shown(hits)
        return SearchResult(hits=hits, total=proposals.count(), facets=_facets(hits))

    prepared = prepared_search(text, language)
    with reading() as index:
        if data.get("stage"):
            # Not part of the engine's documents: the database says which pass.
            keys = {proposal_key(pk) for pk in proposals.values_list("pk", flat=True)}
            allowed = keys.__contains__
        elif _has_filters(data):
            allowed = _document_filter(data)
        else:
            allowed = None
        matches = index.search(
            text, language=language, k=RESULTS_CONSIDERED, allowed=allowed, prepared=prepared
        )
    # A hit the engine can give no reason for shares nothing with the query but being in
    # the index (the embedding ranks everything): it is not shown.
    hits = load_hits([(match.id, match.score) for match in matches if match.reasons])
    reasons = {match.id: match.reasons for match in matches}
    for hit in hits:
        hit.reasons = reasons[hit.key]
    return SearchResult(hits=hits, total=len(hits), facets=_facets(hits))


def _document_filter(data: dict) -> Facets:
    """The facets checked on the engine's copy of each record (kind, sectors, country,
    today's locality, partnership types), which the index upkeep keeps equal to the
    database's: no query that lists every record passing a filter. The engine applies them
    as a mask over its slots, in one step (engine/slotfacets.py)."""
    return Facets(
        kind=data.get("kind") or None,
        sector=data["sector"].key if data.get("sector") else None,
        country=data.get("country") or None,
        locality=data["locality"].slug if data.get("locality") else None,
        partnership_type=data.get("partnership_type") or None,
    )


def _has_filters(data: dict) -> bool:
    return any(value for name, value in data.items() if name != "q")


def _facets(hits: list[Hit]) -> dict[str, Counter]:
    facets = {"kind": Counter(), "sector": Counter(), "country": Counter()}
    for hit in hits:
        if hit.proposal is not None:
            facets["kind"][hit.proposal.kind] += 1
            facets["country"][hit.proposal.locality.country] += 1  # origin_country
        else:
            facets["kind"][ORGANISATIONS] += 1
            facets["country"][hit.organisation.country] += 1
        facets["sector"].update(hit.sector_keys)
    return facets
