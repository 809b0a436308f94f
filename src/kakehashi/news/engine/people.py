"""People with their role and side.

Vietnamese and English: a role word, then what qualifies it (organisations and places of the
gazetteer, "Nhật Bản", "tại", "of the"...), then a name of two to four capitalised words
("Phó Chủ tịch UBND TP.HCM Võ Văn Hoan", "Vice Minister of Foreign Affairs Yamada Kenji");
or a name, a comma and the role ("ông Ito Naoki, Đại sứ Nhật Bản tại Việt Nam"; "Vo Van Hoan,
Vice Chairman of ..."); or in English an organisation or place before the role ("Aichi
Governor Omura Hideaki"). Japanese: a name (SudachiPy's person-name morphemes, katakana names
with "・", or kanji before 氏/さん) followed by a role ("大村秀章知事") or preceded by a role and
"の" ("知事の大村秀章氏"); the organisation is the one named just before.

The side (country) is the country of the organisation or place that qualifies the role, or
of a country word in it ("Đại sứ Nhật Bản tại Việt Nam" is Japanese: the first one counts);
failing those, the name's: a Vietnamese surname, a Vietnamese name in katakana -> VN; a
romanised Japanese name or kanji -> JP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kakehashi.news.engine import roles as R
from kakehashi.news.engine.date_patterns import MONTHS, WEEKDAYS
from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.people_aliases import vi_aliases
from kakehashi.news.engine.surnames import (
    VI_SURNAMES_ASCII,
    romanised_japanese,
    surname_first,
    surname_place,
    vietnamese_given_place,
)


@dataclass
class Person:
    name: str
    start: int  # the name's offsets in the private copy
    end: int
    role: str | None = None
    role_start: int | None = None
    organisation: Mention | None = None  # an organisation, a body, or a locality
    country: str | None = None
    places: list[Mention] = field(default_factory=list)  # the places qualifying the role
    # A short later mention (山下副知事 after 山下 健一 副知事, "Hieu" after "Nguyen Khac Hieu")
    # stands for the person first named in full.
    canonical: Person | None = None
    # an office named alone, its holder never named (知事 in the prefecture's press release)
    unnamed: bool = False

    @property
    def full(self) -> Person:
        return self.canonical or self


# a word of a name, not its possessive ("Kazuhiro Tsuji's working trip": Tsuji)
_WORD = re.compile(r"[^\W\d_](?:[\w\-]|['’](?!s\b))*")


# the first word of a body's name, never of a person's
_VI_BODY_WORDS = {"Cục", "Sở", "Bộ", "Ban", "Vụ", "Viện", "Trung", "Hiệp", "Công", "Phòng",
                  "Tổng", "Ủy", "Uỷ", "Trường", "Hội", "Tập", "Ngân", "Quỹ", "Đại"}  # fmt: skip


# words of a body's name in English, never of a person's
_EN_BODY_WORDS = {"Department", "Committee", "Council", "Agency", "Association", "Ministry",
                  "Office", "Bureau", "Centre", "Center", "Organization", "Organisation",
                  "Government", "Prefectural", "Provincial", "Municipal", "Corporation",
                  "University", "Bank", "Federation", "Chamber", "Foundation", "Authority",
                  "Institute", "Division", "Embassy", "Consulate"}  # fmt: skip


# a day or a month after a name, never part of it (not "May", a given name too)
_EN_DAY_WORD = re.compile(
    "(?:"
    + "|".join(
        word.capitalize() for word in (*WEEKDAYS, *MONTHS) if len(word) >= 4 and word != "may"
    )
    + r")(?:['’]s)?$"
)


def _name_after(norm: str, p: int, mentions_at: dict[int, Mention], language: str):
    """(start, end) of a run of 2-4 capitalised words at `p`, or None."""
    words = []
    i = p
    while len(words) < 4:
        m = _WORD.match(norm, i)
        if not m or not m.group()[0].isupper():
            break
        if i in mentions_at and not (
            (
                surname_place(norm, mentions_at[i], language)
                or vietnamese_given_place(words, language)
            )
            if words
            else surname_first(norm, mentions_at[i], mentions_at)
        ):
            break
        if R.VI_ROLE.match(norm, i) or R.EN_ROLE.match(norm, i):
            break
        if language == "en" and _EN_DAY_WORD.match(m.group()):
            break  # "received Deputy Mayor Kenji Sato Tuesday"
        words.append(m)
        nxt = m.end()
        if nxt < len(norm) and norm[nxt] == " ":
            i = nxt + 1
        else:
            break
    if len(words) < 2 or (language == "vi" and words[0].group() in _VI_BODY_WORDS):
        return None  # "Cục trưởng Cục Công nghiệp ...": a body, not a name
    if language == "en" and any(w.group() in _EN_BODY_WORDS for w in words):
        return None  # "Director General of the ... Prefectural Agriculture Department"
    return words[0].start(), words[-1].end()


# "Tổng Lãnh sự Nhật Bản tại Đà Nẵng", "Consul General of Japan in Da Nang": the country
# served, not the place of the post.
_POSTED = re.compile(
    r"(?P<c>Nhật Bản|Việt Nam|Japan|Vietnam|Viet Nam)\s+(?:tại|ở|in|at)(?!\w)", re.IGNORECASE
)
_POSTED_SIDE = {"nhật bản": "JP", "japan": "JP", "việt nam": "VN", "vietnam": "VN",
                "viet nam": "VN"}  # fmt: skip


_ENVOY = re.compile(r"(?i)ambassador|consul|đại sứ|lãnh sự")
# an envoy "to" a country serves in it: the other country sends them
_SERVED = re.compile(r"\bto (Japan|Vietnam|Viet Nam)\b")


def _side_of(qualifiers: list[Mention], connector_text: str, name: str, language: str, role=""):
    posted = _POSTED.search(connector_text)
    if posted:
        return _POSTED_SIDE[posted.group("c").lower()]
    if _ENVOY.search(role):  # "Japanese Consul General in Da Nang": the country served
        served = _SERVED.search(connector_text)  # "Vietnamese Ambassador to Japan"
        rest = connector_text[: served.start()] + connector_text[served.end() :] if served else ""
        for country, pattern in R.COUNTRY_WORDS.items():
            if pattern.search(rest or connector_text):
                return country
        if served:
            return "VN" if served.group(1).lower() == "japan" else "JP"
    for mention in qualifiers:
        if mention.country:
            return mention.country
    for country, pattern in R.COUNTRY_WORDS.items():
        if pattern.search(connector_text):
            return country
    return name_side(name, language)


def name_side(name: str, language: str) -> str | None:
    if "・" in name or "=" in name:
        return "VN"
    first = name.split()[0] if name.split() else ""
    if first in R.VI_SURNAMES or (language == "en" and first in VI_SURNAMES_ASCII):
        return "VN"  # "Le Tien Chau" in English: Lê without its marks
    if re.fullmatch(r"[一-龥々]+(?: [一-龥々]+)?", name):
        return "JP"
    if name.isascii() and language == "vi":
        return "JP"  # a romanised name in a Vietnamese article
    if language == "en" and romanised_japanese(name):
        return "JP"
    return None


def _qualified(norm, p, mentions_at, connector, max_steps=12):
    """Consume the qualifiers after a role: (position, mentions, connector text)."""
    qualifiers: list[Mention] = []
    connectors = []
    for _step in range(max_steps):
        q = p
        while q < len(norm) and norm[q] == " ":
            q += 1
        if q in mentions_at and not surname_first(norm, mentions_at[q], mentions_at):
            mention = mentions_at[q]
            qualifiers.append(mention)
            p = mention.end
            continue
        m = connector.match(norm, q)
        if m:
            connectors.append(m.group())
            p = m.end()
            continue
        return q, qualifiers, " ".join(connectors)
    return p, qualifiers, " ".join(connectors)


def _organisation(qualifiers: list[Mention]) -> Mention | None:
    for mention in qualifiers:
        if mention.kind == "organisation":
            return mention
    for mention in qualifiers:
        if mention.kind == "locality":
            return mention
    return None


# "Thị trưởng thành phố Kanazawa Murayama Taku": after a place word, a first word that is no
# Vietnamese surname is the name of a place the directory does not hold, not of the person
_PLACE_WORD_BEFORE = re.compile(r"(?<!\w)(?:thành phố|tỉnh|TP\.?) $")


def _place_word_first(norm: str, start: int, end: int) -> int:
    words = norm[start:end].split(" ")
    if len(words) >= 3 and words[0] not in R.VI_SURNAMES:
        return start + len(words[0]) + 1
    return start


def _inside(i: int, mentions: list[Mention]) -> bool:
    return any(m.start <= i < m.end for m in mentions)


def find_people_latin(norm: str, language: str, mentions: list[Mention]) -> list[Person]:
    role_re, connector, honorific = (
        (R.VI_ROLE, R.VI_CONNECTOR, R.VI_HONORIFIC)
        if language == "vi"
        else (R.EN_ROLE, R.EN_CONNECTOR, R.EN_HONORIFIC)
    )
    orgs = [m for m in mentions if m.kind in ("organisation", "locality")]
    mentions_at = {m.start: m for m in orgs}
    ends_at = {m.end: m for m in orgs}
    out: list[Person] = []
    for role in role_re.finditer(norm):
        if _inside(role.start(), orgs):
            continue
        p, qualifiers, words = _qualified(norm, role.end(), mentions_at, connector)
        h = honorific.match(norm, p)
        name_span = _name_after(norm, h.end() if h else p, mentions_at, language)
        before = None
        if language == "en":
            b = role.start() - 1
            before = ends_at.get(b) if norm[b : b + 1] == " " else None
            before = _agency_office(norm, b, ends_at) or before
        if name_span is None:
            name_span = _name_before(norm, role.start(), mentions_at, honorific, language)
            if name_span is None:
                continue
        start, end = name_span
        if language == "vi" and _PLACE_WORD_BEFORE.search(norm, max(0, start - 12), start):
            start = _place_word_first(norm, start, end)
        name = norm[start:end]
        if before is not None:
            qualifiers = [before, *qualifiers]
        elif language == "en":  # "Japanese Ambassador Ito Naoki"
            words = f"{norm[max(0, role.start() - 11) : role.start()]} {words}"
        out.append(
            Person(
                name=name,
                start=start,
                end=end,
                role=role.group().strip(),
                role_start=role.start(),
                organisation=_organisation(qualifiers),
                country=_side_of(qualifiers, words, name, language, role.group()),
                places=[q for q in qualifiers if q.kind == "locality"]
                + [q.value for q in qualifiers if q.kind == "organisation" and q.value],
            )
        )
    return out


def _agency_office(norm: str, b: int, ends_at) -> Mention | None:
    """ "JICA Vietnam Chief Representative", "JETRO Hanoi Chief Representative": an agency of
    one side with the country or city of its office between it and the role."""
    if norm[b : b + 1] != " ":
        return None
    for words in range(1, 5):  # Vietnam, Hanoi, Ho Chi Minh City
        m = re.search(rf"(?<= )(?:[A-Z][\w'’-]* ?){{{words}}}$", norm[max(0, b - 40) : b])
        agency = ends_at.get(b - len(m.group()) - 1) if m else None
        if agency is not None and agency.kind == "organisation" and agency.value is None:
            return agency if agency.country else None
    return None


_NAME_BEFORE = re.compile(r"((?:[^\W\d_][\w'’\-]* ){1,3}[^\W\d_][\w'’\-]*)\s*[,–—-]\s*$")


def _name_before(
    norm: str, role_start: int, mentions_at, honorific, language="vi"
) -> tuple[int, int] | None:
    """ "ông Ito Naoki, Đại sứ ...": the name before a comma or dash that precedes the role."""
    window = norm[max(0, role_start - 60) : role_start]
    m = _NAME_BEFORE.search(window)
    if not m:
        return None
    offset = role_start - len(window)
    words = list(_WORD.finditer(m.group(1)))
    # keep the trailing capitalised words only
    kept = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        at = offset + m.start(1) + w.start()
        if not w.group()[0].isupper():
            break
        head = [x.group() for x in words[:k]]
        while head and not head[0][0].isupper():
            head.pop(0)  # "ông Lê Quang Nam": the name's words before the place
        if at in mentions_at and not vietnamese_given_place(head, language):
            break
        inside = any(x.start < at < x.end for x in mentions_at.values())
        if inside and not vietnamese_given_place(head, language):
            break  # "UBND tỉnh Thanh Hóa, trưởng đoàn": the end of a place's name
        kept.append(w)
    if len(kept) < 2:
        return None
    kept.reverse()
    if len(kept) >= 3 and kept[0].group() in ("Ông", "Bà") and kept[1].group() in R.VI_SURNAMES:
        kept = kept[1:]  # "Ông Nguyễn Văn Được, Chủ tịch ..." at a sentence's start: a title
    start = offset + m.start(1) + kept[0].start()
    end = offset + m.start(1) + kept[-1].end()
    return start, end


def find_people_by_title(norm: str, language: str, mentions: list[Mention]) -> list[Person]:
    """People named with a title but no role ("ông Võ Văn Hoan", "Mr. Ito Naoki")."""
    honorific = R.VI_HONORIFIC if language == "vi" else R.EN_HONORIFIC
    mentions_at = {m.start: m for m in mentions}
    out = []
    for m in honorific.finditer(norm):
        if m.start() and norm[m.start() - 1].isalnum():
            continue
        span = _name_after(norm, m.end(), mentions_at, language)
        if span is not None:
            name = norm[span[0] : span[1]]
            out.append(Person(name, span[0], span[1], country=name_side(name, language)))
    return out


def repeated(norm: str, people: list[Person]) -> list[Person]:
    """Later mentions of a person named with a role, by the same full name."""
    out = []
    known = {p.name: p for p in people if p.role}
    taken = {(p.start, p.end) for p in people}
    for name, person in known.items():
        for m in re.finditer(re.escape(name), norm):
            if (m.start(), m.end()) in taken:
                continue
            out.append(
                Person(name, m.start(), m.end(), person.role, None, person.organisation,
                       person.country, person.places)
            )  # fmt: skip
    return out


def link_aliases(norm: str, people: list[Person], language: str) -> list[Person]:
    """Short mentions of people named in full earlier, linked to them (`canonical`).

    Japanese: a name that begins a longer name named before it (山下 after 山下 健一: the
    surname with the role), or after it with the same role (a headline's 山下副知事).
    English: the last word of a name of two or more words named with a role before ("Hieu"
    after "Nguyen Khac Hieu", "Hattori" after "Yuko Hattori"), when no other known person
    shares that word; these are added as people."""
    known = [p for p in people if p.role]
    out = list(people)
    if language == "ja":
        # before or after: a headline's 森本副知事 is the 森本 浩二 副知事 of the article
        for person in people:
            key = person.name.replace(" ", "")
            owners = {
                other.full.name: other.full
                for other in known
                if other is not person
                and (k := other.name.replace(" ", "")) != key
                and _ja_short_form(key, k)
                and (other.start < person.start or _same_office(other.role, person.role))
            }
            if len(owners) == 1:
                person.canonical = next(iter(owners.values()))
        return out
    if language == "vi":
        return vi_aliases(norm, people, known)
    if language != "en":
        return out
    last_words: dict[str, list[Person]] = {}
    for person in known:
        words = person.name.split()
        if len(words) >= 2 and len(words[-1]) >= 3:
            last_words.setdefault(words[-1], []).append(person)
    taken = [(p.start, p.end) for p in people]
    for word, owners in last_words.items():
        if len({o.name for o in owners}) != 1:
            continue
        owner = owners[0]
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", norm):
            if m.start() < owner.end or any(a <= m.start() < b for a, b in taken):
                continue
            if norm[m.end() : m.end() + 1] in ("-",) or re.match(
                r" (?:City|Prefecture|Province)\b", norm[m.end() :]
            ):
                continue
            alias = Person(word, m.start(), m.end(), owner.role, None, owner.organisation,
                           owner.country, owner.places, canonical=owner)  # fmt: skip
            out.append(alias)
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


def _ja_short_form(short: str, full: str) -> bool:
    """山下 for 山下健一 (the surname), タム for ホアン・ミン・タム (a Vietnamese person is called
    by the given name, the last part of the name in katakana)."""
    return full.startswith(short) or ("・" in full and full.rsplit("・", 1)[1] == short)


def _same_office(full: str | None, short: str | None) -> bool:
    """大使 is the 駐ベトナム日本国特命全権大使 named in full."""
    return full == short or bool(full and short and full.endswith(short))
