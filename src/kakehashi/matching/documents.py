"""Records of the platform as the engine's documents, and documents as stored JSON.

Keys name the record: "organisation:<pk>", "proposal:<pk>". Localities are given by slug,
always today's unit (a proposal placed in Binh Duong before the 2025 merger matches as Ho Chi
Minh City); organisations by key, so that a proposal never matches its own organisation."""

from __future__ import annotations

import re

from kakehashi.matching.engine import Document

# How the demo loader marks its records (src/kakehashi/demo/): a title ending in "(demo)" and
# a sentence saying so. Not part of what a record is about, so not part of its document.
DEMO_MARKERS = re.compile(
    r"\s*(?:\((?:demo|demo record)\)|（デモ）|Demo record\.|Bản ghi minh họa\.|"
    r"デモ用のデータです。)",
    re.IGNORECASE,
)
# The marker's words, never shown as shared keywords (matching.context.unshown_terms).
DEMO_MARKER_WORDS = frozenset({"demo", "デモ"})


def without_demo_marker(text: str) -> str:
    """`text` without the demo loader's marks ("(demo)", "（デモ）", "Demo record."...)."""
    return DEMO_MARKERS.sub("", text).strip()


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
    """An organisation's profile: what it does, in its own words, as a counterpart; found by
    its name in every language it has one (its translations' names too)."""
    names = [organisation.name, organisation.name_en]
    names += [row.name for row in organisation.translations.all()]
    return Document(
        id=organisation_key(organisation.pk),
        title=without_demo_marker(" / ".join(dict.fromkeys(n for n in names if n))),
        text=without_demo_marker(organisation.description or organisation.name),
        # Detected: the profile's language field is often left at its default.
        language=None,
        kind="organisation",
        sectors=frozenset(sector.key for sector in organisation.sectors.all()),
        locality=current_slug(organisation.locality),
        country=organisation.country,
        organisation=organisation_key(organisation.pk),
    )
