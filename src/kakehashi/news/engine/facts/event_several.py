"""Several events told in one sentence, and one event told twice under two names.

Several events in one sentence, each with its own day: "11月20日に…「…セミナー」を、
21日と22日に…「…フェア」を開催しました", "Sáng 5/12, tỉnh tổ chức Lễ khai giảng …; chiều 5/12, Hội
thảo “…”". The first name of the sentence is its event as before (events.py); a later name is
an event of its own when a day is told between the two names: just before the name in Japanese
(…に…で「…」を), at the head of a new clause in Vietnamese and English (after a comma or a
semicolon). A later name with no day of its own is left to the rules of one event a sentence.

One event told first by its kind in lower case ("gathered … for a symposium on …", "dự hội nghị
xúc tiến đầu tư …") and then by its name ("The Kansai–Vietnam Nursing Symposium was organised
by …", "Hội nghị “…” do …") on the same day, in the next sentences: the name speaks for it.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.event_editions import edition_date

_PROPER = ("t", "q", "n", "v")  # a head with its title, a quoted title, a name with its head,
# a lower-case head after a verb of holding ("…; chiều 16/12 có phiên kết nối giữa …")
# what may stand between the day and the name it dates
_JA_GAP = re.compile(r"[^、。「」]{0,30}「?")
# a new clause opens before the day: "; chiều 5/12, …", ", and on December 6 …"
_CLAUSE = re.compile(r"[,;]\s*(?:[\w-]+\s+){0,3}$")


def more_events(ctx: Context, sentence, names: list) -> list[tuple[object, str]]:
    """The later names of the sentence that are events of their own, with their day."""
    out: list[tuple[object, str]] = []
    dates = ctx.dates_in(sentence.start, sentence.end, ("date", "month"))
    previous_end = names[0].end()
    for m in names[1:]:
        if ctx.language == "en" and m.group("p"):  # ", and the second … Expo is planned for …"
            edition_day = edition_date(ctx, sentence, sentence.start + m.end("p"))
            if edition_day:
                out.append((m, edition_day))
                previous_end = m.end()
            continue
        group = next((g for g in _PROPER if m.group(g)), None)
        if group is None:
            continue
        lo, hi = sentence.start + previous_end, sentence.start + m.start()
        between = [d for d in dates if lo <= d.start and d.end <= hi]
        day = next((d for d in reversed(between) if _dates_it(ctx, d, lo, hi)), None)
        if day is not None:
            out.append((m, day.value))
            previous_end = m.end()
    return out


def _dates_it(ctx: Context, day, lo: int, hi: int) -> bool:
    if ctx.language == "ja":
        return bool(_JA_GAP.fullmatch(ctx.norm, day.end, hi))
    return bool(_CLAUSE.search(ctx.norm, lo, day.start))


# the kind an event named in lower case is of: its head noun
_HEAD = {
    "vi": re.compile(
        r"^(?:hội nghị|hội thảo|diễn đàn|tọa đàm|toạ đàm|hội chợ|triển lãm|lễ hội|ngày hội|"
        r"chương trình|tuần lễ)(?!\w)"
    ),
    "en": re.compile(
        r"\b(conference|forum|seminar|workshop|symposium|webinar|fair|exhibition|festival|"
        r"roadshow|reception|dialogue)\b"
    ),
}


def renames_last(ctx: Context, events: list, name: str, fact: dict) -> bool:
    """The event named here is the one told just before in lower case by its kind, on the
    same day, within the two sentences before."""
    head = _HEAD.get(ctx.language)
    if head is None or not events or not name[:1].isupper() and name[:1] not in '“"':
        return False
    last = events[-1][1]
    kind = head.search(last["name"])
    if kind is None or not last["name"][:1].islower() or last["date"] != fact["date"]:
        return False
    told = ctx.text.sentence_at(sentence_start(ctx, last))
    here = ctx.text.sentence_at(sentence_start(ctx, fact))
    if told is None or here is None or not 0 < here.index - told.index <= 2:
        return False
    if ctx.language == "vi":
        return name.lower().startswith(kind.group() + " ")
    return bool(re.search(rf"\b{kind.group(1)}\b", name.lower()))


def sentence_start(ctx: Context, fact: dict) -> int:
    """Where the sentence a fact was told in starts (in ctx.norm)."""
    start = fact["span"][0]
    return next(s.start for s in ctx.text.sentences if ctx.text.span(s.start, s.end)[0] == start)
