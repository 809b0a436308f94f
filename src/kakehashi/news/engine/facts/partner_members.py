"""The members of a priority list (facts/partners.py): the prefecture told in brackets after
a city is no member, a locality the directory does not hold is one when told like the others,
and a list revised names as many as it says after the word that introduces them."""

from __future__ import annotations

import re
from dataclasses import replace

from kakehashi.news.engine.facts.context import Context, same_name_city
from kakehashi.news.engine.gazetteer import Mention

# what introduces the list's members: "danh sách vẫn gồm 4 địa phương là A, B, C và D"
_INTRODUCER = {
    "vi": re.compile(r"(?<!\w)(?:gồm|bao gồm|là)(?!\w)|:"),
    "en": re.compile(r"\b(?:including|includes|namely|are now|now)\b|:", re.I),
}


def stated_run(ctx: Context, sentence, places: list[Mention], size: int | None) -> list:
    """More partners named than the list's stated size (a list revised: "thay tỉnh A bằng
    tỉnh B; danh sách vẫn gồm 4 địa phương là …", "replacing A with B, the four are now …"):
    the run after the last word that introduces as many members as it says."""
    pattern = _INTRODUCER.get(ctx.language)
    if not size or pattern is None or len({m.slug for m in places}) <= size:
        return places
    for intro in reversed(list(pattern.finditer(sentence.text))):
        tail = [m for m in places if m.start >= sentence.start + intro.end()]
        if len({m.slug for m in tail}) == size:
            return tail
    return places


def without_containers(ctx: Context, places: list[Mention]) -> list[Mention]:
    """Not the place told in brackets after a member of the list: the prefecture after a city
    ("thành phố Sagamihara (tỉnh Kanagawa)", 相模原市（神奈川県）), the capital after a
    prefecture ("tỉnh Aichi (thủ phủ là thành phố Nagoya)", "Mie (capital: Tsu)")."""
    out = []
    for m in places:
        if out and _CAPITAL_OF.search(ctx.norm, max(0, m.start - 40), m.start):
            continue  # "the city of Sapporo, the capital of Hokkaido": where the member lies
        if re.match(r"\s*[)）]", ctx.norm[m.end : m.end + 3]):
            if out and _BRACKET_OPEN.fullmatch(ctx.norm[out[-1].end : m.start]):
                continue
            if _AFTER_UNKNOWN.search(ctx.norm, max(0, m.start - 40), m.start):
                continue  # "thành phố Matsumoto (tỉnh Nagano)": the city is not in the directory
        out.append(m)
    return out


# an apposition after a member that names the place it is the capital of: ", the capital of
# Hokkaido", ", thủ phủ của tỉnh Gifu", ", thủ phủ tỉnh Gifu"
_CAPITAL_OF = re.compile(
    r",\s*(?:the\s+)?(?:prefectural\s+|provincial\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?$"
    r"|,\s*(?:là\s+)?thủ phủ\s+(?:của\s+)?(?:tỉnh\s+)?$",
    re.IGNORECASE,
)

# a bracket opened right after a member, with a few words before the place it holds: "(tỉnh
# Kanagawa)", "(thủ phủ là thành phố Nagoya)", "(capital: Kumamoto City)", （県庁所在地は津市）
_BRACKET_OPEN = re.compile(r"\s*[(（][^()（）,;、。]{0,24}")

# a place's name right before the bracket: "thành phố Matsumoto (", "Matsumoto City ("
_AFTER_UNKNOWN = re.compile(r"(?:[A-ZĐ][\w-]*|[市町村])\s*[(（]\s*$")


# a locality of the list the directory does not hold: "tỉnh X", "thành phố X", "X City"
_UNKNOWN_PLACE = {
    "vi": re.compile(r"(?<!\w)(?:tỉnh|thành phố|TP\.?)\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)?"),
    "en": re.compile(r"\b[A-Z][\w-]* (?:City|Prefecture)\b"),
}


def unknown_places(ctx: Context, end: int, known, places, missing: int, inside=False) -> list:
    """The list's localities the directory does not know, told like the known ones after the
    first known one and before `end` (as many as the stated size still wants); with no size
    stated, only those told between two known ones (`inside`)."""
    pattern = _UNKNOWN_PLACE.get(ctx.language)
    if pattern is None or not known:
        return []
    out = []
    first = min(m.start for m in known)
    last = max(m.start for m in known) if inside else end
    for found in pattern.finditer(ctx.norm, first, last):
        if any(m.start <= found.start() < m.end or found.start() <= m.start < found.end()
               for m in places):  # fmt: skip
            continue
        if re.search(r"[(（][^()（）]*$", ctx.norm[max(0, found.start() - 30) : found.start()]):
            continue  # "tỉnh Mie (gồm cả thành phố Tsu)": told in brackets, no member
        out.append({"name": ctx.written(found.start(), found.end()), "slug": None})
    return out if len(out) <= missing else []  # more than wanted: not a list of places


# a Japanese city, town or village the directory does not hold, told inside a run of members
# joined by 、/及び/と: "本県及び金沢市を", "本県、石川県、金沢市の３自治体"
_JA_JOIN = r"(?:、|,|及び|および|並びに|と|・)"
_JA_UNKNOWN = re.compile(
    r"(?:(?<=[、,と・])|(?<=及び)|(?<=および)|(?<=並びに))"
    r"(?![同本当各両全])[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,6}?[市町村]"
    r"(?=[、,のをとや]|及び|および|並びに)"
)


# in English, a capitalised name joined by a comma or "and": "Kanazawa, Kyoto City and Matsue"
_EN_JOIN = r"(?:,\s*(?:and\s+)?|\s+and\s+)"
_EN_UNKNOWN = re.compile(
    r"(?<![\w-])(?<![A-Z][a-z] )(?<![A-Z][a-z]{2} )(?<![A-Z][a-z]{3} )(?<![A-Z][a-z]{4} )"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?: City)?(?![\w-])(?! [A-Z])"
)
_EN_NOT_PLACES = {"Japan", "Vietnam", "Viet Nam", "The", "Prefecture", "Province", "City"}
_VI_JOIN = r"(?:,\s*|\s+và\s+)"
_BRACKETED = r"(?:\s*[(（][^()（）]{1,30}[)）])?"
_UNKNOWN_JOINED = {
    "ja": (_JA_UNKNOWN, _JA_JOIN),
    "en": (_EN_UNKNOWN, _EN_JOIN),
    "vi": (
        _UNKNOWN_PLACE["vi"],
        _VI_JOIN,
    ),  # "thành phố Kyoto, thành phố Nara và thành phố Kanazawa"
}


def joined_unknowns(ctx: Context, lo: int, hi: int, known, places) -> list:
    """The members the directory does not hold, joined to a known member of the list by 、, 及び
    or と (one after another: "A、B市及びC町"), in English by a comma or "and" ("Kanazawa, Kyoto
    City and Matsue"), in Vietnamese by a comma or "và"."""
    if ctx.language not in _UNKNOWN_JOINED or not known:
        return []
    pattern, join = _UNKNOWN_JOINED[ctx.language]
    edges = [(m.start, m.end) for m in known]
    found = []
    candidates = [
        f
        for f in pattern.finditer(ctx.norm, lo, hi)
        if not any(m.start <= f.start() < m.end or f.start() <= m.start < f.end() for m in places)
        and not any(p.start < f.end() and f.start() < p.end for p in ctx.people)
        and f.group() not in _EN_NOT_PLACES
    ]
    grown = True
    while grown:
        grown = False
        for f in candidates:
            if f in found:
                continue
            if any(
                re.fullmatch(_BRACKETED + join, ctx.norm[end : f.start()])
                or re.fullmatch(_BRACKETED + join, ctx.norm[f.end() : start])
                for start, end in edges
            ):  # (the place a member is in may stand between: "thành phố Toyota (tỉnh Aichi) và")
                found.append(f)
                edges.append((f.start(), f.end()))
                grown = True
    found.sort(key=lambda f: f.start())
    names = {ctx.written(f.start(), f.end()): None for f in found}  # each name once
    return [{"name": name, "slug": None} for name in names]


# a member told as the capital of the member before it: "Shimane Prefecture and its capital,
# Matsue", "tỉnh Gifu và thủ phủ là thành phố Gifu"
_ITS_CAPITAL = {
    "en": re.compile(
        r"\b(?:and|with)\s+its\s+(?:prefectural\s+|provincial\s+)?capital(?:\s+city)?,?\s+"
        r"(?:the\s+city\s+of\s+)?(?P<name>[A-Z][\w-]*(?:\s+City)?)"
    ),
    "vi": re.compile(
        r"(?<!\w)(?:và|cùng)\s+thủ phủ(?:\s+là)?\s+(?P<name>(?:thành phố|TP\.?)\s+[A-ZĐ][\w-]*)"
    ),
}


def capitals_named(ctx: Context, lo: int, end: int, places) -> list:
    """The list's members the directory does not hold told as a member's capital."""
    pattern = _ITS_CAPITAL.get(ctx.language)
    out = []
    for found in pattern.finditer(ctx.norm, lo, end) if pattern else ():
        at = found.start("name")
        if any(m.start <= at < m.end for m in places):
            continue  # a place the directory holds: a member found already
        out.append({"name": ctx.written(at, found.end("name")), "slug": None})
    return out


# a partner taken off the list: "replaced Chiba Prefecture with Saitama", "swapped Mie for
# Gifu", "removed Kyoto from", "thay tỉnh A bằng tỉnh B", "đưa tỉnh A ra khỏi", "Aに代えて",
# "Aを外し"
_OUT_BEFORE = {
    "vi": re.compile(r"(?<!\w)(?:thay(?: thế)?|loại|đưa)\s+$", re.IGNORECASE),
    "en": re.compile(r"\b(?:replac\w*|swap\w*|substitut\w*|remov\w*|dropp\w*|drop)\s+$", re.I),
}
_OUT_AFTER = {
    "vi": re.compile(r"\s*(?:bằng|ra khỏi|khỏi)(?!\w)", re.IGNORECASE),
    # "Yamaguchi and Fukuoka replace Niigata City on the list"
    "en": re.compile(r"\s*(?:with|for|by|from)\b|\s+on\s+(?:the|its)\s+list\b", re.IGNORECASE),
    "ja": re.compile(
        r"(?:に代えて|に替えて|に代わり|を外し|を除外|を除き"
        r"|から[^。、]{0,15}?に(?:改め|変更|切り替え|替え|代え))"
    ),
}

# a place a list drops, told in the passive: "tỉnh Kumamoto được thay bằng tỉnh Shizuoka",
# "Aichi was replaced by Shizuoka"
_OUT_PASSIVE = {
    "vi": re.compile(r"\s*(?:đã\s+)?(?:được|bị)\s+(?:thay(?: thế)?|loại)(?!\w)", re.IGNORECASE),
    "en": re.compile(
        r"\s*(?:was|were|has been|have been|is|are|will be)\s+(?:replaced|swapped|substituted)\b",
        re.IGNORECASE,
    ),
}

# the places a list replaces, told after its members: "…are Gifu, Aichi and Mie, replacing
# Shizuoka and Toyama", "in place of Kobe", "keeping A and B and dropping C and D", "…là hai
# đối tác ưu tiên của tỉnh, thay cho danh sách cũ gồm tỉnh Ishikawa và tỉnh Ehime"
_REPLACING = {
    "en": re.compile(
        r"\b(?:replacing|in place of|instead of|taking the place of|dropping|removing"
        r"|leaving out|leaving off|striking off)\s+"
        r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:,\s*(?:and\s+)?|\s+and\s+))*$"
    ),
    "vi": re.compile(r"(?<!\w)(?:thay cho|thay thế cho|thay vì)(?!\w)[^;.]*$", re.IGNORECASE),
}


def taken_off(ctx: Context, m: Mention) -> bool:
    """The place is the one a revised list drops, not a member."""
    replacing = _REPLACING.get(ctx.language)
    if replacing is not None and replacing.search(ctx.norm, max(0, m.start - 120), m.start):
        return True
    passive = _OUT_PASSIVE.get(ctx.language)
    if passive is not None and passive.match(ctx.norm, m.end):
        return True
    if not _OUT_AFTER[ctx.language].match(ctx.norm, m.end):
        return False
    if ctx.language == "ja":
        return True
    before = _OUT_BEFORE[ctx.language]
    return bool(before.search(ctx.norm, max(0, m.start - 20), m.start))


# a member that leaves the list: "Hiroshima, a priority partner under the 2021-2025 plan, did not
# make the new list", "was dropped from the list", "is no longer among …", "không còn là đối tác
# ưu tiên", "ラムドン省は…重点パートナーから外れます"
_LEFT = {
    "en": re.compile(
        r"\b(?:did not|didn't|does not|failed to|will not) make\b"
        r"|\bno longer\s+(?:be\s+)?(?:a|an|one of|among|on|in|part of)\b"
        r"|\b(?:was|were|has been|have been|is|are|will be)\s+(?:dropped|removed|taken off|left off"
        r"|struck off|not retained)\b|\b(?:dropped|fell|falls|drops) off\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"không còn (?:là|nằm trong|thuộc)|(?:bị|được) (?:loại|đưa|rút) (?:ra )?khỏi"
        r"|không (?:được )?giữ lại"
        r"|(?:ra|rời) khỏi danh sách",
        re.IGNORECASE,
    ),
    "ja": re.compile(
        r"から(?:外れ|外され|除外|除か)|対象外(?:と|に)|には含(?:まれ|め)て(?:い)?(?:ません|ない)"
    ),
}
# where the clause of the members that leave begins: "A and B remain, while C was dropped"
_CLAUSE_OPENS = {
    "en": re.compile(r";|\b(?:while|whereas|but|although|though)\b", re.IGNORECASE),
    "vi": re.compile(r";|(?<!\w)(?:trong khi|còn|nhưng)(?!\w)", re.IGNORECASE),
    "ja": re.compile(r"一方|が、|。"),
}


def left_the_list(ctx: Context, sentence, m: Mention, anaphors) -> bool:
    """The place is told to leave the list (or to have left it) in its own clause, with no
    other place named between them ("đưa thành phố Kyoto ra khỏi danh sách": Kyoto leaves, not
    the province that takes it off; a pronoun such as "the province's" does not count)."""
    left = _LEFT[ctx.language].search(ctx.norm, m.end, sentence.end)
    if left is None:
        return False
    if _CLAUSE_OPENS[ctx.language].search(ctx.norm, m.end, left.start()):
        return False
    if ctx.language == "ja" and ctx.norm.startswith("は", m.end):
        return True  # "ホーチミン市は、本県の重点交流先（A、B、C）には含まれていません": the topic
    if re.search(r"[)）]", ctx.norm[m.end : left.start()]):
        return False  # a member of the list in brackets before the words, not the one left
    return not any(
        ctx.text.low[other.start : other.end] not in anaphors
        for other in ctx.in_span(m.end, left.start(), ("locality",))
    )


def chooser_pronoun(ctx: Context, m: Mention, choose, anaphors) -> bool:
    """The pronoun before a verb of choosing ("tỉnh bổ sung tỉnh Yamagata", "the city added
    Kobe") or after the passive's "được" ("hai địa phương được tỉnh ưu tiên") is the chooser,
    never a partner."""
    if ctx.language == "ja" or ctx.text.low[m.start : m.end] not in anaphors:
        return False
    if ctx.language == "vi" and _PASSIVE_BY.search(ctx.norm, max(0, m.start - 8), m.start):
        return True
    return bool(choose.match(ctx.norm, m.end + 1))


_PASSIVE_BY = re.compile(r"(?<!\w)được\s+$", re.IGNORECASE)


# a place told as where something happens or whence someone comes, not as a member: "announced
# at a ceremony in Tokyo", "Speaking in Osaka", "guests from Osaka", "a visit to Hue" (not
# "Hamamatsu City in Shizuoka": the prefecture a member is in, see without_containers)
_VENUE_BEFORE = {
    "en": re.compile(
        r"\b(?:(?<!bringing )(?<!brought )(?<!brings )(?<!bring )in|at|near|from|visited|visiting"
        r"|toured|touring"  # (not "bringing in Gunma": a member added)
        r"|(?:north|south|east|west)(?:-?(?:east|west))?\s+of"
        r"|(?:visit|trip|mission|travell?ed|flew|went|came)\s+to)\s+"
        r"(?:the\s+(?:city|prefecture|province)\s+of\s+)?$",
        re.IGNORECASE,
    ),
    # "Diễn đàn … tổ chức tại Tokyo", "phóng viên TTXVN tại Tokyo"
    "vi": re.compile(r"(?<!\w)(?:tại|ở)\s+$", re.IGNORECASE),
}


# in Japanese, the venue is told by what follows it: 岡山市内で締結した, ハノイで開かれた
_VENUE_AFTER = re.compile(
    r"(?:市内|県内|内)?で(?![はもあき])|(?:市内|県内|内)の[^、。で]{1,12}で(?![はもあき])"
)


def not_venues(ctx: Context, places: list[Mention]) -> list[Mention]:
    """The places but those told as a venue or an origin (and the places joined to one by "and"
    or a comma: "in Hue and Da Nang"), when some place is left."""
    venues = _venues(ctx, places)
    kept = [m for m in places if m.start not in venues]
    return kept or places


def all_venues(ctx: Context, places: list[Mention]) -> bool:
    """Every place is told as a venue or an origin ("after conferences in Nagoya and Tokyo")."""
    return len(_venues(ctx, places)) == len({m.start for m in places})


def _venues(ctx: Context, places: list[Mention]) -> set[int]:
    """The starts of the places told as a venue or an origin."""
    if ctx.language == "ja":
        return {m.start for m in places if _VENUE_AFTER.match(ctx.norm, m.end)}
    pattern = _VENUE_BEFORE.get(ctx.language)
    if pattern is None:
        return set()
    venues, last = set(), None
    for m in sorted(places, key=lambda m: m.start):
        before = ctx.norm[max(0, m.start - 40) : m.start]
        joined = last is not None and _AND.fullmatch(ctx.norm, last.end, m.start)
        container = any(re.fullmatch(r"\s+in\s+", ctx.norm[o.end : m.start]) for o in places)
        if (pattern.search(before) and not container) or joined:
            venues.add(m.start)
            last = m
        else:
            last = None
    return venues


# members told by their mayors: "the mayors of Fukuoka and Saitama, whose cities …", "Thị
# trưởng Fukuoka và Saitama"
_MAYORS_OF = {
    "en": re.compile(r"\bmayors?\s+of\s+(?:the\s+)?$", re.IGNORECASE),
    "vi": re.compile(r"(?<!\w)[Tt]hị trưởng\s+(?:các\s+)?(?:thành phố\s+)?$"),
}
_AND = re.compile(r"\s*(?:,|and|và)\s*")


def mayors_cities(ctx: Context, members: list[Mention]) -> list[Mention]:
    """The members told by their mayors are the cities, not the prefectures of the same name
    ("the mayors of Fukuoka and Saitama": Fukuoka City and Saitama City), when the directory
    holds the city."""
    pattern = _MAYORS_OF.get(ctx.language)
    if pattern is None:
        return members
    out, run = [], False
    for m in members:
        before = ctx.norm[max(0, m.start - 30) : m.start]
        joined = run and out and _AND.fullmatch(ctx.norm, out[-1].end, m.start)
        run = bool(pattern.search(before) or joined)
        city = same_name_city(m) if run else None
        if city is not None and city[1]:
            m = replace(m, slug=city[0], level="city")
        out.append(m)
    return out
