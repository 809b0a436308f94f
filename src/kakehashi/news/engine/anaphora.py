"""Places named by a pronoun or an ellipsis: "TP", "Thành phố", "tỉnh" written alone, 同市,
同県, "the city", "the province": the most recently named place of that level (a city for
"TP", "thành phố", 同市, "the city"; a province or prefecture for "tỉnh", 同県, 同府, 同省,
"the province", "the prefecture")."""

from __future__ import annotations

import re

from kakehashi.news.engine.gazetteer import Mention

CITY_LEVELS = {"central_city", "designated_city", "city"}
PATTERNS = {
    # not followed by a capitalised word: "thành phố Toyama" names a place we may not know
    # nor plural ("các tỉnh, thành phố")
    "vi": re.compile(
        r"(?<![\w.])(?<!các )(?<!những )(?<!nhiều )(?<!mỗi )(?<!và )(?<!hai )(?<!ba )(?<!\d )"
        r"(?:TP|Thành phố|thành phố|Tỉnh|tỉnh)(?![\w.])(?!\s+[A-ZĐÀ-Ỹ])(?!\s*[,/]\s*(?:thành|TP))"
    ),
    "ja": re.compile(r"同市|同県|同府|同省|同都"),
    "en": re.compile(r"\b[Tt]he (?:city|province|prefecture)\b(?!\s+of\b)"),
}


def find_anaphora(norm: str, language: str, places: list[Mention]) -> list[Mention]:
    out = []
    taken = [(m.start, m.end) for m in places]
    for m in PATTERNS[language].finditer(norm):
        start, end = m.span()
        if any(a <= start < b for a, b in taken):
            continue
        word = m.group().lower()
        city = any(w in word for w in ("tp", "thành phố", "市", "city"))
        antecedent = None
        for place in reversed(places):
            if place.kind != "locality" or place.end > start or not place.slug:
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
