"""An event's particulars, the lines of a release or a notice that tell its day and its hosts
under a label ("１　日時　令和8年12月10日（木）", "（３）主催　岡山県、ジェトロ岡山", "Thời gian:
8h ngày 10/12", "Đơn vị tổ chức: …", "Date: …", "Organisers: …"): they give the event told
before them what its sentences left out."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.event_organisers import organisers_of
from kakehashi.news.engine.text import Sentence

# a press release's particulars: "１　日時　令和8年12月10日（木）", "Thời gian: 8h ngày 10/12"
_DATE_LABEL = {
    "vi": re.compile(r"(?:Thời gian|Ngày tổ chức)\s*[:：]\s*"),
    "ja": re.compile(r"(?:日時|開催日時|開催日|日程|期日|会期)\s*[:：]?\s*"),
    "en": re.compile(r"(?:Date|When)\s*:\s*"),
}


# the hour told before the day: "Thời gian: 14h00 ngày 17/12/2026", "Time: 2 p.m., December 4"
_TIME_FIRST = re.compile(
    r"(?:\d{1,2}\s*(?:h|giờ|:|時)\s*(?:\d{1,2})?\s*(?:phút|分)?\s*(?:[ap]\.?m\.?)?\s*[,，、]?\s*)?"
    # its weekday: "8h00, thứ Năm, ngày 14/1/2027"
    r"(?:(?:thứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ [Nn]hật)\s*,?\s*)?"
    r"(?:(?:ngày|sáng|chiều|tối)\s+)?"
)


def dates_from_labels(ctx: Context, tellings: list[list]) -> None:
    """An event told without a day takes the day of the particulars (日時) that follow it: the
    last one told before them without a day (not a background event the text dates, 令和6年には
    …式典が開かれ)."""
    for label in _DATE_LABEL[ctx.language].finditer(ctx.norm):
        date = next(
            (
                d
                for d in ctx.dates
                if d.start >= label.end()
                and d.kind == "date"
                and _TIME_FIRST.fullmatch(ctx.norm, label.end(), d.start)
            ),
            None,
        )
        if date is None:
            continue
        # not dated by a day: none, or only the year its name holds ("Chương trình kết nối …
        # năm 2027, cụ thể như sau: 1. Thời gian: …, ngày 14/1/2027")
        undated = [
            f
            for start, f in tellings
            if start < label.start()
            and (not f["date"] or (len(f["date"]) == 4 and date.value.startswith(f["date"])))
        ]
        if undated:
            undated[-1]["date"] = date.value


# the particulars' line of who holds the event: "（３）主催　岡山県、ジェトロ岡山", "Đơn vị tổ
# chức: Sở Công Thương", "Organisers: JETRO Osaka and the city"
_HOST_LABEL = {
    "ja": re.compile(r"(?:主催|主催者)\s*[:：]?\s*"),
    "vi": re.compile(r"(?:Đơn vị tổ chức|Cơ quan tổ chức)\s*[:：]\s*"),
    "en": re.compile(r"(?:Organi[sz]ers?|Organi[sz]ed by|Hosts?)\s*:\s*"),
}
_LINE_HEAD = re.compile(r"[\s(（)）\d.．・*•-]*")


def organisers_from_labels(ctx: Context, tellings: list[list]) -> None:
    """An event told with no one holding it takes the bodies of the particulars' line that
    names its hosts (主催) after it: the last one told before that line."""
    for label in _HOST_LABEL[ctx.language].finditer(ctx.norm):
        line_start = ctx.norm.rfind("\n", 0, label.start()) + 1
        if not _LINE_HEAD.fullmatch(ctx.norm, line_start, label.start()):
            continue  # a word inside a sentence, not a line's label
        stop = ctx.norm.find("\n", label.end())
        stop = len(ctx.norm) if stop < 0 else stop
        line = Sentence(label.end(), stop, ctx.norm[label.end() : stop], -1)
        found = organisers_of(ctx, line, None, stop, stop)
        before = [fact for start, fact in tellings if start < label.start()]
        if found and before and not before[-1]["organisers"]:
            before[-1]["organisers"] = found
