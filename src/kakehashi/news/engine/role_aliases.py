"""People named again by their role alone: "Đại sứ", "Tiếp Tổng Lãnh sự, ...", "the
Ambassador", "the Governor", 大使は, 副知事からは. The role alone stands for the person named
before with that role (the most recent one); in Japanese a local head named by the office
alone (知事, 副知事, 市長, 副市長: the press release of a prefecture or city calls its own head
so) with nobody of that role named before is that office's holder, unnamed, on the Japanese
side."""

from __future__ import annotations

import re

from kakehashi.news.engine import roles as R
from kakehashi.news.engine.people import Person

# a role alone: not followed by a name, an office ("Đại sứ quán") or what qualifies it
_VI_ALONE = re.compile(
    r"(?<![\w])(?:(?:Phó|phó)\s+)?(?:Đại sứ|Tổng Lãnh sự|Tổng lãnh sự|Thống đốc|Thị trưởng|"
    r"Thứ trưởng|Bộ trưởng|Trưởng đoàn)(?![\w])(?!\s+(?:quán|Nhật|Việt|[A-ZĐÂĂÊÔƠƯ]))"
)
_EN_ALONE = re.compile(
    r"\b[Tt]he\s+(?P<r>(?:[Vv]ice[ -]|[Dd]eputy\s+)?(?:[Aa]mbassador|[Cc]onsul[ -][Gg]eneral|"
    r"[Gg]overnor|[Mm]ayor|[Mm]inister|[Cc]hairman|[Cc]hairwoman))\b(?!\s+(?:of|[A-Z]))"
)
_JA_LOCAL_HEADS = ("副知事", "知事", "副市長", "市長")
_JA_ALONE = re.compile(
    r"(?<![一-龥ァ-ヴー・A-Za-z])(?P<r>副知事|知事|副市長|市長|大使|総領事)"
    r"(?=は|が|から|も|に|と|を|の)"
)


def _same_role(alias: str, person: Person, language: str) -> bool:
    """The person's role is the alias's, qualified or not: 大使 for 駐日ベトナム大使, "the
    Governor" for "Aichi Governor"; never the deputy's (知事 is not 副知事's, "Thống đốc" not
    "Phó Thống đốc"'s)."""
    if not person.role:
        return False
    role, alias = person.role.lower().replace("-", " "), alias.lower().replace("-", " ")
    deputies = ("副",) if language == "ja" else ("vice ", "deputy ", "phó ")
    return role.endswith(alias) and not any(role.endswith(d + alias) for d in deputies)


# a Vietnamese name in katakana named again by its last part and the role: トゥン委員長
_JA_GIVEN = re.compile(r"(?<![ァ-ヴー・])(?P<n>[ァ-ヴー]{2,8})(?=\s*(?:" + R.JA_ROLE.pattern + "))")


def _given_name_aliases(norm: str, people: list[Person]) -> list[Person]:
    owners: dict[str, list[Person]] = {}
    for p in people:
        if p.canonical is None and p.role and "・" in p.name:
            owners.setdefault(p.name.split("・")[-1], []).append(p)
    taken = [(p.start, p.end) for p in people]
    out = []
    for m in _JA_GIVEN.finditer(norm):
        start, end = m.span("n")
        found = owners.get(m.group("n"), [])
        if len({p.name for p in found}) != 1 or any(a <= start < b for a, b in taken):
            continue
        owner = found[0]
        if owner.start >= start:
            continue
        out.append(
            Person(owner.name, start, end, owner.role, None, owner.organisation, owner.country,
                   owner.places, canonical=owner)
        )  # fmt: skip
    return out


def role_aliases(norm: str, people: list[Person], language: str) -> list[Person]:
    """`people` with the later mentions of a role alone added (linked by `canonical`), and in
    Japanese a Vietnamese name named again by its last part (トゥン委員長)."""
    if language == "ja":
        people = sorted(people + _given_name_aliases(norm, people), key=lambda p: p.start)
    pattern = {"vi": _VI_ALONE, "en": _EN_ALONE, "ja": _JA_ALONE}[language]
    taken = []
    for p in people:
        taken.append((p.start, p.end))
        if p.role and p.role_start is not None:
            taken.append((p.role_start, p.role_start + len(p.role)))
    out = list(people)
    for m in pattern.finditer(norm):
        group = "r" if "r" in pattern.groupindex else 0
        start, end = m.span(group)
        if any(a <= start < b or start <= a < end for a, b in taken):
            continue
        alias = m.group(group)
        earlier = [
            p
            for p in people
            if p.end <= start and p.canonical is None and _same_role(alias, p, language)
        ]
        if earlier:
            owner = earlier[-1]
            out.append(
                Person(owner.name, start, end, owner.role, None, owner.organisation,
                       owner.country, owner.places, canonical=owner)
            )  # fmt: skip
        elif language == "ja" and alias in _JA_LOCAL_HEADS:
            named_later = any(_same_role(alias, p, language) for p in people if p.start > start)
            if not named_later:
                out.append(Person(alias, start, end, alias, start, None, "JP", [], unnamed=True))
        else:
            continue
        taken.append((start, end))
    return sorted(out, key=lambda p: p.start)
