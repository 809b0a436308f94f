"""The tense of a date: whether what a date is told of is to come ("sẽ tổ chức ... ngày 20/11",
予定, a Japanese sentence in the non-past, "will be held"), read in the clause that holds it
(see to_come)."""

from __future__ import annotations

import re

FUTURE = {
    # "vào ngày 15/11 tới", "tháng 3 tới": the coming one (not "từ ngày 2 tới 6/7")
    "vi": re.compile(
        r"(?i)(?<!\w)(?:sẽ|dự kiến|dự định|sắp|chuẩn bị|kế hoạch)(?!\w)"
        r"|(?<=\d )tới(?!\w)(?!\s*\d)|(?<!\w)(?:tuần|tháng|năm) tới(?!\w)"
    ),
    "ja": re.compile(
        r"予定|見込み|計画|方針|目指|めざ|(?<!てい)(?<!でい)(?<!であ)(?<!があ)(?<!にあ)(?<!な)"
        r"(?:する|る|く|す|う|つ|ぶ|む|ぬ)(?:方針|考え)?。?\s*$"
    ),
    "en": re.compile(
        r"\b(?:will|would|is to|are to|is scheduled|are scheduled|is set to|are set to|"
        r"plans? to|planned|upcoming|is expected to|are expected to)\b"
    ),
}
_SENTENCE_END = re.compile(r"[.!?。！？\n]")


# Where one clause of a sentence ends and another, with its own tense, begins: "hosted the
# forum on November 12, and the second forum is planned for May 2028"; "; "; ", còn ...".
# Japanese clauses run on with 、 inside one tense, so its sentence is one clause.
_CLAUSE_BREAK = {
    # a relative clause is a clause of its own: "On December 10, X called on Y to prepare a
    # memorandum that the two sides plan to sign in 2027" (December 10 is past)
    "en": re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:that|which|who)\s+"),
    "vi": re.compile(r";|,\s+(?:còn|và|nhưng|trong khi)\s+"),
    "ja": None,
}


def _clause_span(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    hi = stop.end() if stop else len(text)
    pattern = _CLAUSE_BREAK.get(language)
    if pattern is None:
        return lo, hi
    lo = max((m.end() for m in pattern.finditer(text, lo, start)), default=lo)
    after = pattern.search(text, end, hi)
    return lo, after.start() if after else hi


# An English verb in the past, for the tense of a weekday: "met on Monday", "held Tuesday"
# (not a participle after "be": "will be received on Thursday").
_PAST_EN = re.compile(
    r"(?<!\bbe )\b(?:[a-z]{3,}ed|met|held|said|told|saw|took|gave|made|came|went|began|led|paid|was"
    r"|were|had|sent|spoke|flew|left|won|set out)\b"
)


def to_come(text: str, start: int, end: int, language: str) -> bool:
    """The date at text[start:end] is of what is to come.

    English: the tense of the verb nearest before the date (else nearest after it) within its
    stretch between commas, else within its clause: "The forum, held on Monday, will be
    followed by…" (past), "Officials said on Tuesday the mayor would visit in March" (past),
    "The mayor, who arrived on Sunday, will meet X on Monday" (past, then to come), "will
    hold the webinar on January 27 for companies interested in…" (to come).
    Vietnamese: a word of the future before the date in its clause, or after it within the
    date's stretch between commas and the next one when the date stands alone before a comma:
    "Ngày 15/3, đoàn sẽ sang Nhật Bản" (to come), "Ngày 5/12, Chủ tịch tiếp Đại sứ, hai bên
    sẽ tăng cường hợp tác" (past). Japanese: its sentence."""
    lo, hi = _clause_span(text, start, end, language)
    if language == "ja":
        return bool(FUTURE[language].search(text, lo, hi))
    before = text.rfind(",", lo, start)
    after = text.find(",", end, hi)
    stretch = (before + 1 if before >= 0 else lo, after if after >= 0 else hi)
    if language == "vi":
        if FUTURE["vi"].search(text, lo, start) or _COMING_VI.match(text, end):
            return True
        lead = text[stretch[0] : start].strip() + text[end:after].strip()
        if after >= 0 and len(lead) <= 15:  # "Ngày 15/3, đoàn sẽ …", "Sáng ngày 15/3, …"
            after = text.find(",", after + 1, hi)
        return bool(_FUTURE_AFTER_VI.search(text, end, after if after >= 0 else hi))
    for a, b in (stretch, (lo, hi)):
        future = [(x.start(), x.end()) for x in FUTURE["en"].finditer(text, a, b)]
        past = [
            (x.start(), x.end())
            for x in _PAST_EN.finditer(text, a, b)
            if not any(f0 <= x.start() < f1 for f0, f1 in future)
        ]
        cues = [(span, True) for span in future] + [(span, False) for span in past]
        earlier = [(start - span[1], tense) for span, tense in cues if span[1] <= start]
        later = [(span[0] - end, tense) for span, tense in cues if span[1] > start]
        if earlier or later:
            return min(earlier or later)[1]
    return False


# "ngày 15/12 tới": the coming one; after the date, the words of a verb to come (not "kế
# hoạch", a plan that may be anyone's: "doanh nghiệp đang có kế hoạch đầu tư")
_COMING_VI = re.compile(r"\s+tới(?!\w)(?!\s*\d)")
_FUTURE_AFTER_VI = re.compile(r"(?<!\w)(?:sẽ|dự kiến|dự định|sắp|chuẩn bị)(?!\w)")
