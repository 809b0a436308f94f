"""The hits of a search or a recommendation: the record behind each key, with what a result
shows of it carried on the hit itself (`sector_keys`, the proposal's `translations` into the
reader's language), read for all the hits in one query each.

Django's `prefetch_related` read the same rows, but it makes a queryset for each record (a
`filter()` each, referring back to the row: a reference cycle left for the garbage
collector), which was a good part of loading the 60 hits of a search (docs/benchmarks.md,
issue 15 part 4, fifth pass). The records' own relations are left as Django made them:
`hit.proposal.sectors` still asks the database."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from kakehashi.common.i18n import reader_language
from kakehashi.common.reading import in_language
from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import Organisation, OrganisationTranslation, Sector
from kakehashi.directory.names import name_for_reader, organisation_name
from kakehashi.matching.documents import parse_key
from kakehashi.matching.proposal_documents import is_findable
from kakehashi.proposals.models import Proposal, ProposalTranslation

# A proposal's columns that a hit shows or decides on (the page, the API, the facets, the
# recommendations, the digests): not its long texts.
PROPOSAL_COLUMNS = (
    "kind",
    "status",
    "title",
    "summary",
    "keywords",
    "language",
    "is_anonymous",
    "is_demo",
    "published_on",
    "expires_on",
    "reviewed_at",
    "organisation",
    "locality",
)


@dataclass(frozen=True)
class ShownTranslation:
    """A proposal's translation as a result shows it: what `common/_translated_mark.html`
    and `{% translation_mark %}` read of a `ProposalTranslation` row."""

    language: str
    source: str
    title: str
    summary: str

    @property
    def is_machine(self) -> bool:
        return self.source == TranslationSource.MACHINE


@dataclass
class Hit:
    key: str
    score: float | None
    proposal: object = None
    organisation: object = None
    reasons: tuple = ()  # the engine's Reason objects (a text search gives them)
    sector_keys: tuple[str, ...] = ()  # the record's sectors, in Sector's order
    # The proposal's translations into the languages in `translated_into` (none for a
    # language it has no translation into).
    translations: dict[str, ShownTranslation] = field(default_factory=dict)
    translated_into: tuple[str, ...] = ()
    # An organisation's name in the language of `named_in` (read with the other hits').
    name: str = ""
    named_in: str = ""

    def in_language(self, language: str):
        """What a reader of `language` sees of the proposal, as `common.reading.in_language`
        decides it: its translation into that language, or the proposal itself."""
        proposal = self.proposal
        if not language or language == proposal.language:
            return proposal
        if language in self.translated_into:
            return self.translations.get(language, proposal)
        return in_language(proposal, language)  # not loaded (another reader): the database

    @property
    def organisation_name(self) -> str:
        """The organisation's name for the reader, as `Organisation.display_name` gives it;
        "" for a proposal."""
        if self.organisation is None:
            return ""
        if self.named_in and self.named_in == reader_language():
            return self.name
        return organisation_name(self.organisation)  # not loaded (another reader): the database

    @property
    def shown(self):
        """The proposal in the reader's language (`{% with shown=hit.shown %}`); None for
        an organisation."""
        return None if self.proposal is None else self.in_language(reader_language())


def load_hits(scored: list[tuple[str, float]], *, language: str | None = None) -> list[Hit]:
    """The records behind the keys, in the ranking's order, with what a result shows of
    them (`attach_shown`: the proposals' translations into `language`, the reader's if
    None); keys whose record is no longer public (withdrawn a moment ago) are left out.

    The rows are read by primary key alone and whether each is public is decided on the
    loaded row: with the condition in the query, SQLite's planner (no statistics) reads
    every published proposal through the status index to find the 60 asked for (28 of a
    search's 35 ms of loading at 100,000 proposals, docs/benchmarks.md). Five queries at
    most, whatever the number of hits."""
    proposal_ids = [parse_key(key)[1] for key, _ in scored if key.startswith("proposal:")]
    organisation_ids = [parse_key(key)[1] for key, _ in scored if key.startswith("organisation:")]
    today = dt.date.today()
    proposals = {}
    if proposal_ids:
        proposals = {
            proposal.pk: proposal
            for proposal in Proposal.objects.order_by()
            .select_related("organisation", "locality")
            .only(*PROPOSAL_COLUMNS)
            .filter(pk__in=proposal_ids)
            if is_findable(proposal, today)
        }
    organisations = {}
    if organisation_ids:
        organisations = {
            organisation.pk: organisation
            for organisation in Organisation.objects.order_by()
            .select_related("locality")
            .filter(pk__in=organisation_ids)
            if organisation.is_published
        }
    hits = []
    for key, score in scored:
        source, pk = parse_key(key)
        if source == "proposal" and pk in proposals:
            hits.append(Hit(key=key, score=score, proposal=proposals[pk]))
        elif source == "organisation" and pk in organisations:
            hits.append(Hit(key=key, score=score, organisation=organisations[pk]))
    attach_shown(hits, language=language)
    return hits


def attach_shown(hits: list[Hit], *, language: str | None = None) -> None:
    """Give the hits their sectors' keys, their proposals' translations into `language`
    (the reader's if None) and their organisations' names in it: a query for the proposals'
    sectors, one for the organisations' sectors, one for the proposals' translations, one
    for the organisations' names, whatever the number of hits."""
    language = language or reader_language()
    proposals = {hit.proposal.pk: hit for hit in hits if hit.proposal is not None}
    organisations = {hit.organisation.pk: hit for hit in hits if hit.proposal is None}
    proposal_sectors = _sector_keys(proposals, "proposal")
    organisation_sectors = _sector_keys(organisations, "organisation")
    translations = {}
    if proposals:
        translations = {
            pk: ShownTranslation(language=language, source=source, title=title, summary=summary)
            for pk, source, title, summary in ProposalTranslation.objects.order_by()
            .filter(proposal_id__in=list(proposals), language=language)
            .values_list("proposal_id", "source", "title", "summary")
        }
    for pk, hit in proposals.items():
        hit.sector_keys = tuple(proposal_sectors.get(pk, ()))
        hit.translations = {language: translations[pk]} if pk in translations else {}
        hit.translated_into = (language,)
    names = {}
    if organisations:
        names = dict(
            OrganisationTranslation.objects.order_by()
            .filter(organisation_id__in=list(organisations), language=language)
            .values_list("organisation_id", "name")
        )
    for pk, hit in organisations.items():
        hit.sector_keys = tuple(organisation_sectors.get(pk, ()))
        hit.name = name_for_reader(hit.organisation, language, names.get(pk))
        hit.named_in = language


def _sector_keys(hits: dict, related: str) -> dict[int, list[str]]:
    """pk → its sectors' keys in Sector's order, for the records of `hits` (pk → hit);
    `related` is the name Sector's queries know the records by ("proposal",
    "organisation")."""
    keys = defaultdict(list)
    if hits:
        rows = Sector.objects.filter(**{f"{related}__in": list(hits)}).values_list(related, "key")
        for pk, key in rows:
            keys[pk].append(key)
    return keys
