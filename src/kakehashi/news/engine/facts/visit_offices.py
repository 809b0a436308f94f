"""Visitors told by their offices and places, their names told in another sentence: "Chairman
Nguyen Duc Thanh received the mayors of Fukuoka and Saitama, …. Fukuoka Mayor Kenji Takeda …
and Saitama Mayor Ishii Kazuhiro …" (facts/visits.py): the holder of each office, when the
article names exactly one."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.people import Person

# a host's verb, then offices of several places: "received the mayors of A and B", "tiếp Thị
# trưởng A và B"
_OFFICES = {
    "en": re.compile(
        r"\b(?:received|met(?:\s+with)?|welcomed|hosted|receives|meets|welcomes)\s+the\s+"
        r"(?P<role>mayors|governors|vice\s+governors|deputy\s+governors|vice\s+mayors"
        r"|deputy\s+mayors)\s+of\s+",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?<!\w)(?:tiếp|đón|hội kiến|làm việc với)\s+(?:các\s+)?"
        r"(?P<role>Thị trưởng|Thống đốc|Phó Thị trưởng|Phó Thống đốc)\s+(?:các\s+)?"
    ),
}
# what joins the places of the offices: "A and B", "A, B and C", "A và B"
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+và\s+)\s*")


def holders(ctx: Context, sentence) -> list[Person]:
    """The named holders of the offices the sentence's host receives, one per place, or []."""
    pattern = _OFFICES.get(ctx.language)
    found = pattern.search(sentence.text) if pattern else None
    if found is None:
        return []
    office = re.sub(r"\s+", " ", found.group("role")).lower().removesuffix("s")
    places, at = [], sentence.start + found.end()
    for m in ctx.in_span(at, sentence.end, ("locality",)):
        if m.start != at:
            break
        places.append(m)
        join = _JOIN.match(ctx.norm, m.end)
        if join is None:
            break
        at = join.end()
    if len(places) < 2:
        return []
    out = []
    for place in places:
        named = {p.full.name: p.full for p in ctx.people if _holds(p.full, office, place)}
        if len(named) != 1:
            return []  # one office no one holds, or two people for it: no reading
        out += named.values()
    return out


def _holds(person: Person, office: str, place) -> bool:
    if person.unnamed or not person.role or person.role.lower() != office:
        return False
    where = [person.organisation, *person.places]
    return any(
        m is not None and (m.slug and m.slug == place.slug or m.text.lower() == place.text.lower())
        for m in where
    )
