"""What a priority list (facts/partners.py) reaches beyond its sentence: its period told in
the sentence after it ("計画期間は令和12年度まで。", "The plan runs until 2030."), and the
bulleted or numbered lines a lead ending "như sau:", 次のとおり, "as follows" introduces."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context

# the list's period told in the sentence after it: "計画期間は令和12年度まで。", "Thời gian
# thực hiện kế hoạch là giai đoạn 2026-2030.", "The plan runs until 2030."
_PERIOD_WORD = re.compile(
    r"期間|thời gian thực hiện|thời hạn|giai đoạn|\b(?:period|runs|covers|plan)\b", re.I
)


def period(ctx: Context, lo: int, hi: int):
    return next((d for d in ctx.dates if lo <= d.start < hi and d.kind in ("until", "range")), None)


def period_next(ctx: Context, later, priority):
    if later is None or not _PERIOD_WORD.search(later.text):
        return None
    if priority.search(later.text) or ctx.in_span(later.start, later.end, ("locality",)):
        return None  # a list or places of its own
    return period(ctx, later.start, later.end)


# a line of a bulleted or numbered list: "- Tỉnh Shiga;", "・三重県", "1. Mie Prefecture"
_BULLET = re.compile(r"[ \t]*(?:[-–•・*+]|\d{1,2}[.)．])")
# the lead that introduces such lines: "như sau:", "次の３地域です。", "are as follows"
_LEADS_LINES = re.compile(r"[:：]\s*$|như sau|sau đây|次の|以下の|as follows|the following", re.I)


def following(ctx: Context, sentences, sentence, later) -> list:
    """The sentence after a list's lead, or every sentence of the bulleted or numbered lines
    that lead introduces (up to the first line that is no item)."""
    if not (_BULLET.match(later.text) and _LEADS_LINES.search(sentence.text)):
        return [later]
    end = pos = later.start
    while pos < len(ctx.norm):
        stop = ctx.norm.find("\n", pos)
        stop = len(ctx.norm) if stop < 0 else stop
        if not _BULLET.match(ctx.norm, pos):
            break
        end, pos = stop, stop + 1
    return [part for part in sentences[later.index :] if part.start < end]
