"""Records of the platform as the engine's documents, and documents as stored JSON.

Keys name the record: "organisation:<pk>", "proposal:<pk>". Localities are given by slug,
always today's unit (a proposal placed in Binh Duong before the 2025 merger matches as Ho Chi
Minh City); organisations by key, so that a proposal never matches its own organisation."""

from __future__ import annotations

from kakehashi.matching.engine import Document


def organisation_key(organisation_id: int) -> str:
    return f"organisation:{organisation_id}"


def proposal_key(proposal_id: int) -> str:
    return f"proposal:{proposal_id}"


def parse_key(key: str) -> tuple[str, int]:
    source, _, pk = key.partition(":")
    return source, int(pk)


def current_slug(locality) -> str | None:
    """The slug of today's unit for a locality (a former Vietnamese unit's successor)."""
    if locality is None:
        return None
    while locality.successor_id is not None and not locality.is_current:
        locality = locality.successor
    return locality.slug


def organisation_document(organisation) -> Document:
    """An organisation's profile: what it does, in its own words, as a counterpart."""
    return Document(
        id=organisation_key(organisation.pk),
        title=" / ".join(dict.fromkeys(n for n in (organisation.name, organisation.name_en) if n)),
        text=organisation.description or organisation.name,
        # Detected: the profile's language field is often left at its default.
        language=None,
        kind="organisation",
        sectors=frozenset(sector.key for sector in organisation.sectors.all()),
        locality=current_slug(organisation.locality),
        country=organisation.country,
        organisation=organisation_key(organisation.pk),
    )
