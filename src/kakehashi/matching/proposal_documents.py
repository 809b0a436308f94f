"""Published proposals as the engine's documents."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from kakehashi.common.keywords import split_keywords
from kakehashi.matching.documents import (
    current_slug,
    organisation_key,
    proposal_key,
    without_demo_marker,
)
from kakehashi.matching.engine import Document, Translation
from kakehashi.proposals import queries
from kakehashi.proposals.models import Proposal, ProposalStatus


def published_proposals(today: dt.date | None = None) -> QuerySet[Proposal]:
    """Proposals that anyone may find: published and not past their expiry (the daily task
    may not have run yet), with what their documents need."""
    return findable(queries.published_proposals(), today)


def findable(proposals: QuerySet[Proposal], today: dt.date | None = None) -> QuerySet[Proposal]:
    """Of the published proposals, those not past their expiry, with what their documents
    need."""
    today = today or dt.date.today()
    return (
        proposals.exclude(expires_on__lt=today)
        .select_related("locality__successor", "organisation__locality__successor")
        .prefetch_related("target_localities__successor", "translations")
    )


def is_findable(proposal: Proposal, today: dt.date | None = None) -> bool:
    """Whether a loaded proposal is one `published_proposals()` gives: for rows loaded by
    their keys alone (`search.load_hits`)."""
    today = today or dt.date.today()
    return proposal.status == ProposalStatus.PUBLISHED and (
        proposal.expires_on is None or proposal.expires_on >= today
    )


def published_proposal(proposal_id: int) -> Proposal | None:
    return published_proposals().filter(pk=proposal_id).first()


def proposal_text(proposal: Proposal) -> str:
    """The words that describe the proposal, in its author's language."""
    parts = [
        proposal.summary,
        proposal.description,
        proposal.advantages,
        proposal.sought,
        proposal.partner_role,
    ]
    return without_demo_marker("\n".join(part for part in parts if part))


def _translated_texts(row) -> tuple[str, ...]:
    """A translation's texts after its title, in the order of `proposal_text`."""
    return (row.summary, row.description, row.advantages, row.sought, row.partner_role)


def proposal_translations(proposal: Proposal) -> tuple[Translation, ...]:
    """The proposal's translations (by people or a machine), indexed with it."""
    return tuple(
        Translation(
            language=row.language,
            title=without_demo_marker(row.title),
            text=without_demo_marker("\n".join(p for p in _translated_texts(row) if p)),
        )
        for row in proposal.translations.all()
    )


def proposal_document(proposal: Proposal) -> Document:
    locality = proposal.locality or proposal.organisation.locality
    return Document(
        id=proposal_key(proposal.pk),
        title=without_demo_marker(proposal.title),
        text=proposal_text(proposal),
        language=proposal.language or None,
        kind=proposal.kind,
        sectors=frozenset(sector.key for sector in proposal.sectors.all()),
        keywords=tuple(split_keywords(proposal.keywords)),
        locality=current_slug(locality),
        country=locality.country if locality else proposal.organisation.country,
        organisation=organisation_key(proposal.organisation_id),
        partnership_types=frozenset(row.type for row in proposal.partnership_types.all()),
        target_countries=frozenset(row.country for row in proposal.target_countries.all()),
        target_localities=frozenset(
            slug
            for slug in (current_slug(place) for place in proposal.target_localities.all())
            if slug
        ),
        translations=proposal_translations(proposal),
    )
