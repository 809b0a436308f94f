"""The host's place of a visit: the place of the host's role, a city the directory does not
hold named with the host's office, the meeting place, or the host's side's place the article is
about."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts import delegations as D
from kakehashi.news.engine.facts.context import CITY_LEVELS, Context, same_name_city
from kakehashi.news.engine.facts.own_place import issuer_of
from kakehashi.news.engine.gazetteer import Mention

# The head of a local government, and a place the directory does not hold named with the
# office: "Matsumoto Mayor Sato Kenji", "Mayor of Matsumoto", "Thị trưởng thành phố Tsukuba".
_LOCAL_HEAD = re.compile(
    r"(?:Vice |Deputy )?(?:Mayor|Governor)|(?:Phó )?(?:Thị trưởng|Thống đốc)", re.IGNORECASE
)
_NAME = r"(?P<x>[A-ZĐ][\w'’-]+(?: [A-Z][\w'’-]+)?)"
_UNLISTED_BEFORE = re.compile(r"(?<![\w.])" + _NAME + r" $")
_UNLISTED_OF = re.compile(r"\s*(?:of |thành phố |tỉnh |TP\.? ?)" + _NAME)
_UNLISTED_AFTER = re.compile(r"\s*(?:of |thành phố |tỉnh |TP\.? ?)" + _NAME + r"\s*,?\s*$")


def _unlisted_place(ctx: Context, host) -> Mention | None:
    person = host.full
    if person.places or not person.role or person.role_start is None:
        return None
    if not _LOCAL_HEAD.fullmatch(person.role):
        return None
    role_end = person.role_start + len(person.role)
    if role_end <= person.start:  # the office before the name
        m = _UNLISTED_AFTER.match(ctx.norm, role_end, person.start)
        lo = role_end
    else:  # the office after the name: "Yuko Ito, Deputy Mayor of Yatsushiro City"
        m = _UNLISTED_OF.match(ctx.norm, role_end)
    if m is None and ctx.language == "en":
        lo = max(0, person.role_start - 40)
        m = _UNLISTED_BEFORE.search(ctx.norm, lo, person.role_start)
    if m is None or ctx.in_span(m.start("x"), m.end("x")):
        return None
    return Mention("locality", m.start("x"), m.end("x"), m.group("x"), country=person.country)


_CITY_HEAD = re.compile(r"(?i:(?:vice |deputy )?mayor|(?:phó )?thị trưởng)|副?市長")


def _city_of_office(ctx: Context, sentence, host) -> Mention | None:
    """The city of a mayor: "Nagasaki Mayor X" is Nagasaki City, not the prefecture sharing
    its name (a city the directory does not hold has no slug); a mayor named without a place
    is of the city the sentence names (秋田市役所を訪問し、X副市長と会談)."""
    person = host.full
    if not person.role or not _CITY_HEAD.search(person.role):
        return None
    for q in person.places:
        if q is None or q.kind != "locality":
            continue
        city = same_name_city(q)
        if city is None:
            return None
        slug, known = city
        return Mention("locality", q.start, q.end, q.text, slug=slug if known else None,
                       country=q.country, level="city")  # fmt: skip
    if ctx.language == "ja" and (visited := _city_visited_ja(ctx, sentence)) is not None:
        return visited  # 倉敷市役所を訪れ、…市長と懇談 (not 岡山市内の工場 named before)
    cities = [
        m
        for m in ctx.in_span(sentence.start, sentence.end, ("locality",))
        if m.level in CITY_LEVELS and m.country == person.country
    ]
    return cities[0] if len(cities) == 1 else None


# a city the directory does not hold, where the visitor goes: 秋田市役所を訪問し, 金沢市を訪れ
_CITY_VISITED_JA = re.compile(
    r"(?<![一-龥])(?P<x>[一-龥]{1,4}市)(?:役所|庁舎)?(?=を訪|を表敬|で|に到着)"
)


def _city_visited_ja(ctx: Context, sentence) -> Mention | None:
    """The city whose office the sentence says is visited: the directory's, else one it does
    not hold (no slug)."""
    for m in _CITY_VISITED_JA.finditer(sentence.text):
        start, end = sentence.start + m.start("x"), sentence.start + m.end("x")
        if m.group("x") in ("本市", "当市"):  # a city's own release: the city it names most
            return _most_named(ctx, "JP", lambda q: q.level in CITY_LEVELS)
        if m.group("x") in ("同市", "各市", "両市", "全市"):
            continue
        listed = [o for o in ctx.in_span(sentence.start, end) if o.start < end and start < o.end]
        if listed:
            place = listed[-1].value if listed[-1].kind == "organisation" else listed[-1]
            if place is not None and place.kind == "locality" and place.level in CITY_LEVELS:
                return place
            continue
        return Mention("locality", start, end, m.group("x"), country="JP", level="city")
    return None


# the national bodies of organisations.csv, seated in the capital
_NATIONAL = {
    "mofa-jp", "mofa-vn", "mpi", "mof-vn", "moit", "mard", "moet", "molisa", "most", "moha",
    "mocst", "meti", "mlit", "maff", "mic", "mhlw", "vn-government", "jp-government",
}  # fmt: skip
_CAPITAL = {"JP": ("tokyo-metropolis", "prefecture"), "VN": ("hanoi", "central_city")}


def _ministry_seat(ctx: Context, sentence, visitor) -> Mention | None:
    """The capital, for a visit to a ministry of the other country the sentence names and no
    place says where (総務省を訪問し…, "làm việc với Bộ Đất đai, Hạ tầng, Giao thông và Du lịch
    Nhật Bản"): the ministries sit in Tokyo and Hanoi."""
    side = visitor.full.country
    for m in ctx.in_span(sentence.start, sentence.end, ("organisation",)):
        if m.key in _NATIONAL and side and m.country in _CAPITAL and m.country != side:
            slug, level = _CAPITAL[m.country]
            named = [q for q in ctx.in_span(sentence.start, sentence.end, ("locality",))
                     if q.slug == slug]  # fmt: skip
            if named:  # "東京・霞が関の総務省": the capital as written
                return named[0]
            return Mention("locality", m.start, m.end, m.text, slug=slug, country=m.country,
                           level=level)  # fmt: skip
    return None


def host_locality(ctx: Context, sentence, host, visitor, place):
    if host is not None and (city := _city_of_office(ctx, sentence, host)) is not None:
        return city
    if host is not None:
        for q in host.full.places:
            if q is not None and q.slug:
                return q
        for q in host.full.places:  # "Deputy Mayor of Yatsushiro City": a city not listed
            if q is not None and q.kind == "locality" and q.level == "city":
                return q
        if (unlisted := _unlisted_place(ctx, host)) is not None:
            return unlisted
    # the meeting place, unless it is the visitor's own ("a delegation from Hai Phong to the
    # city" read as Hai Phong again)
    if place is not None and not any(
        place is q or place.slug and q is not None and place.slug == q.slug
        for q in visitor.full.places
    ):
        if (
            host is not None
            and place.level in CITY_LEVELS
            and _GOVERNOR.search(host.full.role or "")
        ):
            # a governor met in the prefecture's capital ("the Prefectural Government Office in
            # Matsue City"): the governor's prefecture
            return _main_of_office(ctx, host) or place
        if visitor.full.country is None or place.country != visitor.full.country or host:
            return place
        if D.from_elsewhere(visitor, place):  # a ministry's vice-minister at a province
            return place
    if (seat := _ministry_seat(ctx, sentence, visitor)) is not None:
        return seat
    if host is not None and host.full.country:
        return _main_of_office(ctx, host) or ctx.main_locality(host.full.country)
    if host is not None and visitor.full.country:  # the host of a visitor from abroad
        return ctx.main_locality("VN" if visitor.full.country == "JP" else "JP")
    if host is None:
        own = [m for m in ctx.in_span(sentence.start, sentence.end, ("locality",)) if m.slug]
        side = "JP" if visitor.full.country == "VN" else "VN"
        if ctx.language == "ja" and visitor.full.country == "VN":
            # 来県し、知事を表敬訪問: the release's own prefecture, whatever else it names
            prefecture = _own_prefecture(ctx, sentence)
            if prefecture is not None or not own:
                return prefecture
        theirs = {m.slug: m for m in own if m.country == side}
        if len(theirs) == 1:  # "Long will visit Kitakyushu in April 2027": the place named
            return next(iter(theirs.values()))
        return ctx.main_locality(side) if own else None
    return None


_GOVERNOR = re.compile(r"(?i:governor|thống đốc)|知事")


def _main_of_office(ctx: Context, host) -> Mention | None:
    """The place the article names most among those of the host's office: a governor's
    prefectures, a mayor's cities (岡山県の知事, not 岡山市 named once more)."""
    role = host.full.role or ""
    if _GOVERNOR.search(role):
        keep, city = (lambda m: m.level == "prefecture"), False  # noqa: E731
    elif _CITY_HEAD.search(role):
        keep, city = (lambda m: m.level in CITY_LEVELS), True  # noqa: E731
    else:
        return None
    if host.full.country == "JP" and (issuer := issuer_of(ctx, city)) is not None:
        return issuer  # a release's 知事 is its issuer's (【問合せ先】鳥取県…), not 秋田県 named
    return _most_named(ctx, host.full.country, keep)


def _most_named(ctx: Context, country, keep) -> Mention | None:
    """The place of that country and kind the article names most (the first on a tie)."""
    counts: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        place = m.value if m.kind == "organisation" and m.value is not None else m
        if place.kind == "locality" and place.slug and place.country == country:
            if keep(place):
                counts.setdefault(place.slug, []).append(place)
    if not counts:
        return None
    return max(counts.values(), key=lambda found: (len(found), -found[0].start))[0]


# the prefecture's own office or the coming to it, its name unwritten: 県庁を訪れ, 来県した
_OWN_OFFICE_JA = re.compile(r"(?<![一-龥ァ-ヴー])県庁(?:を訪|を表敬|で)|来県")


def _own_prefecture(ctx: Context, sentence) -> Mention | None:
    """The prefecture a press release of a prefecture is about, for a visitor from Vietnam who
    comes to 県庁 with no place named in the sentence: the prefecture the article names most."""
    if not _OWN_OFFICE_JA.search(sentence.text):
        return None
    issuer = issuer_of(ctx, city=False)  # the contact line's prefecture (【問合せ先】鳥取県…)
    if issuer is not None:
        return issuer
    counts: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        place = m.value if m.kind == "organisation" and m.value is not None else m
        if place.kind == "locality" and place.slug and place.level == "prefecture":
            counts.setdefault(place.slug, []).append(place)
    if not counts:
        return None
    return max(counts.values(), key=lambda found: (len(found), -found[0].start))[0]
