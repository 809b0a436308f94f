"""The documents and analyses of a snapshot (snapshot.py), decoded from the JSON this engine
wrote into it."""

from __future__ import annotations

import json
from collections import Counter

from kakehashi.matching.engine.analysis import Analysis
from kakehashi.matching.engine.model import Document, Translation

# The snapshot's documents and analyses are UTF-8 JSON objects that this engine wrote, with
# nothing before or after them: decoded without `json.loads`'s detection of the encoding and
# its checks of the surrounding whitespace (a search decodes hundreds of them).
_decode_json = json.JSONDecoder().raw_decode


def _record(data: bytes) -> dict:
    return _decode_json(data.decode())[0]


def document_record(data: bytes) -> Document:
    """A document as the snapshot holds it (`Document.to_json`, written by this engine): the
    same Document as `Document.from_json(..., strict=False)` gives, without its checks of
    every field and list item (a tenth of a search's time at 100,000 proposals, where each
    search decodes hundreds of candidates)."""
    record = _record(data)
    translations = record.get("translations")
    return Document(
        id=record["id"],
        title=record.get("title") or "",
        text=record.get("text") or "",
        language=record.get("language"),
        kind=record.get("kind"),
        sectors=frozenset(record.get("sectors") or ()),
        keywords=tuple(record.get("keywords") or ()),
        locality=record.get("locality"),
        country=record.get("country"),
        organisation=record.get("organisation"),
        partnership_types=frozenset(record.get("partnership_types") or ()),
        target_countries=frozenset(record.get("target_countries") or ()),
        target_localities=frozenset(record.get("target_localities") or ()),
        translations=tuple(
            Translation(t["language"], t.get("title") or "", t.get("text") or "")
            for t in translations or ()
        ),
    )


def analysis_record(data: bytes) -> Analysis:
    record = _record(data)
    return Analysis(
        language=record["language"],
        terms=Counter(record["terms"]),
        concepts=frozenset(record["concepts"]),
        expanded=frozenset(record["expanded"]),
    )
