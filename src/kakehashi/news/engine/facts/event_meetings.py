"""The number of one-to-one meetings of an event: "40 cuộc gặp song phương", "hơn 70 cuộc
giao thương", "40件の個別面談", "個別商談は52件", "12件の個別相談", "40 one-on-one meetings",
"14 online business meetings". Each count is the event's told last before it."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER, Context, number

MEETINGS = {
    "vi": re.compile(
        r"(\d+)\s+(?:cuộc gặp|buổi gặp|buổi làm việc|cuộc làm việc|cuộc tiếp xúc|phiên gặp|"
        r"cuộc kết nối|buổi kết nối|cuộc giao thương|phiên giao thương)"
    ),
    "ja": re.compile(
        r"(\d+)\s*(?:件|回|組)の?(?:個別)?(?:面談|商談|会談|相談|ミーティング|マッチング)"
        r"|個別(?:商談|面談|相談)\s*(?:計|合計)?\s*(\d+)\s*件"  # 個別商談52件
    ),
    "en": re.compile(
        # "52 one-on-one meetings", "14 online business meetings" (not the "one" of one-on-one)
        r"(?<![\w-])"
        + NUMBER
        + r"\s+(?:(?:one-on-one|one-to-one|bilateral|B2B|business-to-business|business|working|"
        r"individual|business-matching|online|face-to-face|in-person)\s+){1,3}"
        r"(?:meetings|talks|sessions)",
        re.IGNORECASE,
    ),
}


# the count after the meetings: 個別商談は52件, 商談件数は30件
_MEETINGS_JA_AFTER = re.compile(
    r"(?:個別)?(?:商談|面談)(?:件数)?(?:は|が)(?:計|合計)?\s*(\d+)\s*件"
    # 個別商談も行われ、計24件に上った
    r"|個別(?:商談|面談|相談)[^。\d]{0,15}(?:計|合計)\s*(\d+)\s*件"
)


def meetings_in(ctx: Context) -> list[tuple[int, int]]:
    """The counts of one-to-one meetings the article gives: (where, how many), in order."""
    found = list(MEETINGS[ctx.language].finditer(ctx.norm))
    if not found and ctx.language == "ja":
        found = list(_MEETINGS_JA_AFTER.finditer(ctx.norm))
    out = [(m.start(), number(next(g for g in m.groups() if g))) for m in found]
    return [(at, n) for at, n in out if n is not None]


def give_meetings(tellings: list[list], counts: list[tuple[int, int]], text: str = "") -> None:
    """Each count to the event told last before it (the first event when none is): in an
    article of two events, the 個別相談 after a seminar are the seminar's. A release's results
    under a heading that names one of its events (1 観光セミナー・商談会, then 個別商談は計35件)
    are that event's."""
    if not tellings:
        return
    # a count told after an event first: a headline's "Over 50 meetings" rounds the body's 52
    counts = sorted(counts, key=lambda count: count[0] < tellings[0][0])
    for at, n in counts:
        before = [fact for start, fact in tellings if start <= at]
        owner = _headed(tellings, text, at) or (before[-1] if before else tellings[0][1])
        if owner["one_to_one_meetings"] is None:
            owner["one_to_one_meetings"] = n


def _headed(tellings: list[list], text: str, at: int) -> dict | None:
    """The event whose name, or the end of it (福井県観光セミナー・商談会: 観光セミナー・商談会),
    is the line just before the count's line."""
    line_start = text.rfind("\n", 0, at)
    if line_start <= 0:
        return None
    heading = text[text.rfind("\n", 0, line_start) + 1 : line_start].strip()
    if not heading or len(heading) > 40:
        return None
    owner = None
    for _start, fact in tellings:
        name = str(fact["name"])
        if any(name[i:] in heading for i in range(len(name) - 3)):
            owner = fact
    return owner
