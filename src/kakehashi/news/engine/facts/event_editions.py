"""Editions of one event: this year's and an earlier or a later one.

An article about this year's "Vietnam–Japan Business Matching Forum 2026" often names the
first edition as background ("up from 95 at the first Vietnam–Japan Business Matching Forum in
October 2025", "tiếp nối thành công của Tuần lễ Văn hóa Huế tại Kyoto tháng 10/2025") or the
next one ("the third forum is scheduled for October 2027"). Their names hold the same words, so
they are not one event told twice when the two tellings are dated in different months: each
is an event of its own, with its own date.
"""

from __future__ import annotations

import re

_ISO = re.compile(r"^(?:(?P<y>\d{4})|--)(?:-?(?P<m>\d{2}))?")


def other_edition(date: str | None, known: str | None) -> bool:
    """Two tellings of events with like names are different editions: both dated, in different
    years, or in different months of the same year (a day told without its year, "--12-11",
    is compared by month only)."""
    if not date or not known:
        return False
    a, b = _ISO.match(date), _ISO.match(known)
    if a is None or b is None:
        return False
    if a["y"] and b["y"] and a["y"] != b["y"]:
        return True
    return bool(a["m"] and b["m"] and a["m"] != b["m"])


def edition_date(ctx, sentence, name_end: int) -> str | None:
    """The date an edition named by its ordinal is told for in its own clause, after its name
    ("The first … forum, held in Fukuoka in September 2025, ended with …": September 2025,
    not another day of the sentence)."""
    for date in ctx.dates_in(name_end, sentence.end, ("date", "month", "year")):
        gap = ctx.norm[name_end : date.start]
        if len(gap) > 80 or re.search(r"[;:]|\band\b|\bbut\b", gap):
            return None
        return date.value
    return None


# an edition named by its ordinal: "first Vietnam–Kyushu forum", "third forum"
_ORDINAL = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|previous|"
    r"\d{1,2}(?:st|nd|rd|th))\s",
    re.IGNORECASE,
)


def told_at(sentence, name: str) -> int:
    """Where an event is told, for the counts that follow it: where an edition named by its
    ordinal stands in its sentence ("Thirty-one meetings were held, against 18 at the previous
    conference": the thirty-one are not the previous conference's), else the sentence's start."""
    at = sentence.text.find(name) if _ORDINAL.match(name) else -1
    return sentence.start + max(at, 0)


def background_edition(event: dict, before: dict) -> bool:
    """The event, told after the one before, is an edition named as background (by its
    ordinal, or dated by a month or a year alone after an event dated by its day): "the forum"
    told next is still the one before."""
    if _ORDINAL.match(event["name"]):
        return True
    return len(event["date"]) <= 7 and len(before["date"] or "") == 10
