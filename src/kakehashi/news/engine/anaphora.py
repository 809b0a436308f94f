"""Places named by a pronoun or an ellipsis: "TP", "Thành phố", "tỉnh" written alone, 同市,
同県, "the city", "the province": the most recently named place of that level (a city for
"TP", "thành phố", 同市, "the city"; a province or prefecture for "tỉnh", 同県, 同府, 同省,
"the province", "the prefecture")."""

from __future__ import annotations

import re

from kakehashi.news.engine.gazetteer import COUNTED_AS_PREFECTURE, Mention
from kakehashi.news.engine.text import UPPER

CITY_LEVELS = {"central_city", "designated_city", "city"}
PATTERNS = {
    # not followed by a capitalised word: "thành phố Toyama" names a place we may not know
    # nor plural ("các tỉnh, thành phố")
    "vi": re.compile(
        r"(?<![\w.])(?<!các )(?<!những )(?<!nhiều )(?<!mỗi )(?<!và )(?<!hai )(?<!ba )(?<!\d )"
        r"(?:TP(?![\w.])|(?:Thành phố|thành phố|Tỉnh|tỉnh)(?!\w))(?!\s+" + UPPER + r")"
        r"(?!\s*[,/]\s*(?:thành|TP))(?!\s+(?:ủy|uỷ)(?!\w))"  # "Tỉnh ủy": the party committee
    ),
    "ja": re.compile(r"同市|同県|同府|同省|同都"),
    "en": re.compile(r"\b[Tt]he (?:city|province|prefecture)\b(?!\s+of\b)"),
}


# a unit merged into another ("sau khi hợp nhất với tỉnh Yên Bái, tỉnh đã…", "which merged
# with Ha Nam, the province…", "旧X省と統合した同省は"): the pronoun after it is the unit that
# remains, never the one absorbed
_MERGED_BEFORE = re.compile(
    r"(?:hợp nhất|sáp nhập|merged|merging|merger|absorb\w*)(?!\s+(?:vào|into))"
    r"(?:\s+(?:với|with))?"
    r"[^,.;:、。]{0,40}$|旧\s*$",
    re.IGNORECASE,
)
_MERGED_AFTER = re.compile(r"^\s*\(?cũ(?!\w)|^[^、。]{0,12}(?:と|を)(?:合併|統合|編入)")


# the pronouns that name one country's units: 同省 and "the province" a Vietnamese province,
# 同県 and "the prefecture" a Japanese prefecture
_JA_SIDE = {"同省": "VN", "同県": "JP", "同府": "JP", "同都": "JP", "the province": "VN",
            "the prefecture": "JP"}  # fmt: skip


# a former unit in the run of units that merged ("ba tỉnh Lâm Đồng, Đắk Nông và Bình Thuận hợp
# nhất", "after Lam Dong, Dak Nong and Binh Thuan merged"): the unit that remains is the
# current one of the run
_RUN_MERGED = re.compile(
    r"[^.;:!?。、]{0,50}?(?<!\w)(?:hợp nhất|sáp nhập|merged|merger|were combined)(?!\w)",
    re.IGNORECASE,
)

# "the merger of Lam Dong, Dak Nong and Binh Thuan", "hợp nhất ba tỉnh A, B và C"
_MERGER_OF = re.compile(
    r"(?<!\w)(?:merger of|merging|hợp nhất|sáp nhập)(?!\s+(?:vào|into))[^.;:!?。]{0,60}$",
    re.IGNORECASE,
)


def _merged_away(norm: str, place: Mention) -> bool:
    before = norm[max(0, place.start - 60) : place.start]
    if place.successor and (_RUN_MERGED.match(norm, place.end) or _MERGER_OF.search(before)):
        return True
    return bool(_MERGED_BEFORE.search(before) or _MERGED_AFTER.match(norm[place.end :]))


_VN_BODY = re.compile(
    r"(?<!\w)(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\s+$", re.IGNORECASE
)


def find_anaphora(norm: str, language: str, places: list[Mention]) -> list[Mention]:
    out = []
    taken = [(m.start, m.end) for m in places]
    # "JETRO Hà Nội" (an office's place) and a place inside an organisation's name are no
    # antecedents
    inside = [(m.start, m.end) for m in places if m.kind == "organisation"]
    office = {m.end + 1 for m in places if m.kind == "organisation" and m.value is None}
    for m in PATTERNS[language].finditer(norm):
        start, end = m.span()
        if any(a <= start < b for a, b in taken):
            continue
        word = m.group().lower()
        city = any(w in word for w in ("tp", "thành phố", "市", "city"))
        # "UBND tỉnh", "HĐND thành phố": the bodies of a Vietnamese unit name a Vietnamese one
        vietnamese = bool(_VN_BODY.search(norm, max(0, start - 24), start))
        antecedent = None
        for place in reversed(places):
            if place.kind != "locality" or place.end > start or not place.slug:
                continue
            if vietnamese and place.country != "VN":
                continue
            if word in _JA_SIDE and place.country != _JA_SIDE[word]:
                continue  # 同省 is a Vietnamese province, 同県 a Japanese prefecture
            if place.start in office or any(a <= place.start and place.end <= b for a, b in inside):
                continue
            if _merged_away(norm, place):
                continue
            if (place.level in CITY_LEVELS) == city:
                antecedent = place
                break
        if antecedent is None:
            continue
        out.append(
            Mention(
                kind="locality",
                start=start,
                end=end,
                text=m.group(),
                slug=antecedent.slug,
                key=None,
                country=antecedent.country,
                level=antecedent.level,
                successor=antecedent.successor,
            )
        )
    return out


_PREFECTURE_WORD = re.compile(r"(?i)prefect|tỉnh|phủ|metropol|thủ đô|[県府都道]")


# a prefecture's governor named with the bare name: "Hiroshima Vice Governor", "Governor of
# Hiroshima", "Thống đốc Hiroshima", 広島知事 is rare but 広島県知事 has its word anyway
_GOVERNOR_AFTER = re.compile(r"\s*(?:(?:Vice|Deputy)\s+)?Governor\b|副?知事")
_GOVERNOR_BEFORE = re.compile(r"(?:Governor\s+of|(?:Phó\s+)?Thống\s+đốc)\s+$")


# a place's name inside a newspaper's: "told The Saigon Times", "Hanoi Times", "Da Nang Today",
# "báo Sài Gòn Giải Phóng": no place of the text (nor an antecedent of "the city")
_PAPER_AFTER = re.compile(
    r"\s+(?:Times|Today|Post|Daily|Herald|News(?:paper)?|Giải Phóng|Giai Phong)(?![\w-])"
)


def not_in_paper_names(places: list[Mention], norm: str) -> list[Mention]:
    return [m for m in places if not _PAPER_AFTER.match(norm, m.end)]


def prefer_named_city(places: list[Mention], norm: str = "") -> list[Mention]:
    """A bare name a prefecture and its capital share ("Kyoto", "Osaka") is the prefecture,
    unless the article names the city ("thành phố Kyoto", 京都市, "Kyoto City") and never the
    prefecture as such ("tỉnh Kyoto", 京都府): then it is the city, except where it qualifies
    a governor ("Hiroshima Vice Governor X") or a count of prefectures closes its run
    ("福岡、山口、広島の3県", "Fukuoka, Yamaguchi and Hiroshima prefectures"). Changes `places`
    in place."""
    named = {m.slug: m for m in places if m.kind == "locality" and m.slug}
    sure_prefectures = {
        m.slug
        for m in places
        if m.kind == "locality" and m.level == "prefecture" and _PREFECTURE_WORD.search(m.text)
    }
    run = [m for m in places if m.kind == "locality"]
    for i, m in enumerate(run):
        if m.level != "prefecture" or not m.slug:
            continue
        if _PREFECTURE_WORD.search(m.text) or m.slug in sure_prefectures:
            continue
        if COUNTED_AS_PREFECTURE.match(norm, m.end) or _run_of_prefectures(run, i, norm):
            continue  # "福岡、山口、広島、長崎の4県", "Fukuoka and Yamaguchi prefectures"
        if _GOVERNOR_AFTER.match(norm, m.end) or _GOVERNOR_BEFORE.search(
            norm, max(0, m.start - 20), m.start
        ):
            continue
        city = named.get(m.slug.removesuffix("-prefecture") + "-city")
        if city is not None:
            m.slug, m.level, m.successor = city.slug, city.level, city.successor
    return places


# places joined in a run: "Fukuoka, Yamaguchi and Hiroshima"
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*")
_PREFECTURES_AFTER = re.compile(r"\s+prefectures\b", re.IGNORECASE)


def _run_of_prefectures(run: list[Mention], i: int, norm: str) -> bool:
    """The run of bare names that run[i] is in ends in "prefectures" ("Fukuoka, Yamaguchi
    and Hiroshima prefectures", though Fukuoka City is named elsewhere): it is a prefecture."""
    hi = i
    while hi + 1 < len(run) and _JOINED.fullmatch(norm, run[hi].end, run[hi + 1].start):
        hi += 1
    return bool(_PREFECTURES_AFTER.match(norm, run[hi].end))
