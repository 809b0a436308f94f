"""The organisation of a person named with a role but no body beside it, from the sentence.

Japanese: the prefectural office or city hall the sentence visits is its 知事's or 市長's
("大阪府庁を訪れ、山下 健一 副知事と会談": 大阪府); a section named just before the name is its
head's ("府国際課の上田 悠 課長"). Vietnamese: a people's committee written without its place
("Phó Chủ tịch UBND tỉnh Phan Văn A": UBND tỉnh); the place of the delegation a person leads
("đoàn công tác tỉnh Gunma do Thống đốc Kaneko Masaru dẫn đầu": Gunma). English: the body
or place after the name when the role is told before it ("Vice Chairwoman Nguyen Thi Lan of
the Khanh Hoa Provincial People's Committee").
"""

from __future__ import annotations

import re

from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.people import Person

# after the place: 大阪府|庁, 秋田市|役所
_JA_OFFICE = re.compile(r"(?:庁|役所|県庁|府庁|都庁|道庁|市役所)(?![一-龥])")
# the place-level an office heads: 知事 a prefecture, 市長 a city
_JA_HEADS = (("知事", "県府都道"), ("市長", "市"))
_JA_SECTION = re.compile(r"([一-龥ァ-ヴー]{1,12}(?:課|部|局|室))の\s*$")
_VI_BODY_ALONE = re.compile(
    r"^\s*((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+"
    r"(?:tỉnh|thành phố|TP))\s*$"
)
_VI_LED = re.compile(r"(?<!\w)đoàn(?!\w)[^.;]{0,80}?\bdo\s+(?:ông\s+|bà\s+)?$")


def fill_organisations(
    norm: str, language: str, people: list[Person], mentions: list[Mention]
) -> None:
    for person in people:
        if person.organisation is not None or not person.role or person.role_start is None:
            continue
        if language == "ja":
            org = _ja_office_visited(norm, person, mentions) or _ja_section(norm, person)
        elif language == "vi":
            org = _vi_body_alone(norm, person) or _vi_delegation(norm, person, mentions)
        else:
            org = _en_of_body(norm, person, mentions)
        if org is None:
            continue
        person.organisation = org
        if org.kind == "locality" and not person.places:
            person.places = [org]
        elif getattr(org, "value", None) is not None and not person.places:
            person.places = [org.value]  # a body's place: "… of the Khanh Hoa People's Committee"
        if person.country is None and org.country:
            person.country = org.country


def _sentence_start(norm: str, i: int) -> int:
    return max(norm.rfind("。", 0, i), norm.rfind("\n", 0, i), norm.rfind(". ", 0, i)) + 1


def _ja_office_visited(norm: str, person: Person, mentions: list[Mention]) -> Mention | None:
    levels = next((chars for head, chars in _JA_HEADS if person.role.endswith(head)), None)
    if levels is None:
        return None
    lo = _sentence_start(norm, person.start)
    for m in reversed(mentions):
        if not (lo <= m.start and m.end <= person.start) or m.kind != "locality":
            continue
        if _JA_OFFICE.match(norm, m.end) and m.text[-1:] in levels:
            return m
    return None


def _ja_section(norm: str, person: Person) -> Mention | None:
    if not re.search(r"(?:課|部|局|室)長$", person.role):
        return None
    window = norm[max(0, person.start - 16) : person.start]
    m = _JA_SECTION.search(window)
    if m is None:
        return None
    start = person.start - len(window) + m.start(1)
    return Mention("organisation", start, start + len(m.group(1)), m.group(1))


def _vi_body_alone(norm: str, person: Person) -> Mention | None:
    role_end = person.role_start + len(person.role)
    if role_end > person.start:
        return None
    m = _VI_BODY_ALONE.match(norm[role_end : person.start])
    if m is None:
        return None
    start = role_end + m.start(1)
    return Mention("organisation", start, role_end + m.end(1), m.group(1), country="VN")


def _vi_delegation(norm: str, person: Person, mentions: list[Mention]) -> Mention | None:
    if person.role_start > person.start:
        return None  # "do ông A, Giám đốc Sở …": the body after the role is the person's
    window_start = max(0, person.role_start - 100)
    m = _VI_LED.search(norm[window_start : person.role_start])
    if m is None:
        return None
    lo = window_start + m.start()
    places = [x for x in mentions if x.kind == "locality" and lo <= x.start < person.role_start]
    return places[-1] if places else None


_EN_OF = re.compile(r" of (?:the )?")


def _en_of_body(norm: str, person: Person, mentions: list[Mention]) -> Mention | None:
    if person.role_start > person.start:
        return None  # "X, Vice Chairwoman of …": the role's own place is read elsewhere
    of = _EN_OF.match(norm, person.end)
    if of is None:
        return None
    at = [m for m in mentions if m.start == of.end()]
    return max(at, key=lambda m: m.end - m.start) if at else None  # the body, not its place
