"""People named with a role in lower case, as an apposition: "Phan Van Mai, vice chairman of
the Hue City People's Committee,", "ông Trần Văn Nam, phó chủ tịch UBND tỉnh," and in English
"the provincial chairman, Tran Van Nam,".
A lower-case role is a person's only next to a name set off by commas (never "the chairman
said"), or after the adjective of a place's government ("Quang Ngai provincial chairman X")."""

from __future__ import annotations

import re

from kakehashi.news.engine import people as P
from kakehashi.news.engine import roles as R
from kakehashi.news.engine.gazetteer import Mention


def _lower(roles) -> re.Pattern:
    return re.compile(
        r"(?<![\w-])(?:(?:permanent |standing |executive |phó )?(?:"
        + "|".join(sorted({r.lower() for r in roles}, key=len, reverse=True))
        + r"))(?![\w-])"
    )


_LOWER_ROLE = {
    "en": _lower(R._EN_ROLES),
    "vi": _lower(r for r in R._VI_ROLES if r != "Tổng Lãnh sự quán"),
}
_CONNECTOR = {"en": R.EN_CONNECTOR, "vi": R.VI_CONNECTOR}
_HONORIFIC = {"en": R.EN_HONORIFIC, "vi": R.VI_HONORIFIC}
# "the provincial chairman, X," and "the city's vice mayor, X,"
_THE = re.compile(
    r"(?:^|\s)the (?:(?:provincial|prefectural|municipal|city|city's|city’s|province's|"
    r"province’s|prefecture's|prefecture’s|Japanese|Vietnamese) )?$"
)


# "led by its vice governor X": the office of the place named just before
_ITS = re.compile(r"(?<=\s)its $")
# "Quang Ngai provincial chairman X", "Osaka prefectural governor X": the office of a place
_LOCAL_ADJ = re.compile(r"(?<= )(?:provincial|prefectural|municipal|city) (?:vice )?$")


def find_people_lower(norm: str, language: str, mentions: list[Mention]) -> list[P.Person]:
    orgs = [m for m in mentions if m.kind in ("organisation", "locality")]
    mentions_at = {m.start: m for m in orgs}
    ends_at = {m.end: m for m in orgs}
    out: list[P.Person] = []
    for role in _LOWER_ROLE[language].finditer(norm):
        if norm[role.start()].isupper() or P._inside(role.start(), orgs):
            continue
        qualifiers: list[Mention] = []
        words = ""
        if norm[max(0, role.start() - 2) : role.start()] == ", ":
            span = P._name_before(norm, role.start(), mentions_at, _HONORIFIC[language])
            connector = _CONNECTOR[language]
            _p, qualifiers, words = P._qualified(norm, role.end(), mentions_at, connector)
        elif language != "en":
            continue
        elif _THE.search(norm, max(0, role.start() - 30), role.start()) and (
            norm[role.end() : role.end() + 2] == ", "
        ):
            span = P._name_after(norm, role.end() + 2, mentions_at, "en")
            if span is not None and norm[span[1] : span[1] + 1] not in (",", "."):
                span = None
        elif _ITS.search(norm, max(0, role.start() - 6), role.start()):
            # "a delegation from Osaka Prefecture led by its vice governor X": the place before
            span = P._name_after(norm, role.end() + 1, mentions_at, "en")
            before = [m for m in orgs if m.end <= role.start() and m.kind == "locality"]
            qualifiers = [before[-1]] if before and before[-1].end > role.start() - 80 else []
        elif _LOCAL_ADJ.search(norm, max(0, role.start() - 16), role.start()):
            # "Quang Ngai provincial chairman Nguyen Hoang Giang": the place before the adjective
            span = P._name_after(norm, role.end() + 1, mentions_at, "en")
            adj = _LOCAL_ADJ.search(norm, max(0, role.start() - 16), role.start())
            before = ends_at.get(adj.start() - 1)
            qualifiers = [before] if before is not None else []
        else:
            continue
        if span is not None and (h := _HONORIFIC[language].match(norm, span[0])):
            span = (h.end(), span[1]) if " " in norm[h.end() : span[1]] else None
        if span is None:
            continue
        name = norm[span[0] : span[1]]
        out.append(
            P.Person(
                name=name,
                start=span[0],
                end=span[1],
                role=role.group(),
                role_start=role.start(),
                organisation=P._organisation(qualifiers),
                country=P._side_of(qualifiers, words, name, language, role.group()),
                places=[q for q in qualifiers if q.kind == "locality"]
                + [q.value for q in qualifiers if q.kind == "organisation" and q.value],
            )
        )
    return out
