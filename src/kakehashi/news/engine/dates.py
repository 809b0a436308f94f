"""Dates as the press writes them, in Vietnamese, Japanese and English, as ISO 8601 values.

Full dates are "2020-11-25"; a month is "2020-11"; a year "2020"; a day without its year is
"--11-25" (and a month without its year "--11") unless the article's publication date is
known: then the year is the one that puts the date at or before publication, or at most 30
days after it (an article announces what comes next month, and reports what happened). In
Vietnamese and English numeric dates are day/month ("11/3" is 11 March). Periods: "1973-2023",
"giai đoạn 2021-2025", "2021〜2025年" are ranges; "đến năm 2025", "2025年まで", "until 2025" are
"until" a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<y>(?:19|20)\d\d)"
_Y2 = r"(?P<y2>(?:19|20)\d\d)"
_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_NB = r"(?<![\d/.\w])"  # not inside a number or a word
_NA = r"(?![\d/]|\.\d)"
_DASH = r"\s*[-–—~〜～]\s*"
# A day/month without its year is a date after these words only ("Chiều 25/11", "ngày 11/3",
# "(25/11)"), not in "tỷ lệ 1/2".
_CUE = (
    r"(?:(?<=ngày )|(?<=sáng )|(?<=chiều )|(?<=tối )|(?<=trưa )|(?<=đêm )|(?<=\()|(?<=, )"
    r"|(?<=vào )|(?<=từ )|(?<=đến )|(?<=hôm )|(?<=^))"
)

PATTERNS: dict[str, list[tuple[str, str]]] = {
    "vi": [
        ("range", _NB + r"(?:từ\s+(?:năm\s+)?)?" + _Y + r"(?:" + _DASH
                  + r"|\s+(?:đến|tới)\s+(?:năm\s+)?)" + _Y2 + _NA),
        ("until", r"(?:đến|tới|cho đến|trước)\s+(?:hết\s+)?(?:năm\s+)?" + _Y + _NA),
        ("date", _NB + _D + r"\s*[/.-]\s*" + _M + r"\s*[/.-]\s*" + _Y + _NA),
        ("date", _NB + _D + r"\s+tháng\s+" + _M + r"(?:\s*(?:năm|,)\s*" + _Y + r")?" + _NA),
        ("month", r"tháng\s+" + _M + r"\s*(?:/|năm|,)\s*" + _Y + _NA),
        ("date", _CUE + _D + r"\s*/\s*" + _M + r"(?!\s*/?\s*\d|\w)"),
        ("date", r"(?<=ngày )" + _D + r"-" + _M + r"(?![\d-]|\w)"),
        ("month", r"(?<![\w])tháng\s+" + _M + r"(?![\d/]|\s*năm)(?=[\s,.;)]|$)"),
        ("year", r"(?:năm\s+)" + _Y + _NA),
    ],
    "ja": [
        ("date", r"(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)年\s*" + _M + r"月\s*" + _D + r"日"),
        ("month", r"(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)年\s*" + _M + r"月"),
        ("range", _Y + r"年?" + _DASH + _Y2 + r"年"),
        ("range", _Y + r"年(?:から|より)" + _Y2 + r"年"),
        ("until", _Y + r"年(?:度)?(?:まで|までに)"),
        ("date", _Y + r"年\s*" + _M + r"月\s*" + _D + r"日"),
        ("date", r"(?<![\d年])" + _M + r"月\s*" + _D + r"日"),
        ("month", _Y + r"年\s*" + _M + r"月"),
        ("date", _Y + r"/" + _M + r"/" + _D + _NA),
        ("year", _Y + r"年"),
    ],
    "en": [
        ("range", _NB + r"(?:from\s+)?" + _Y + r"(?:" + _DASH + r"|\s+(?:to|until)\s+)"
                  + _Y2 + _NA),
        ("until", r"(?i:until|till|through|to|by|up to)\s+(?:the\s+end\s+of\s+)?" + _Y + _NA),
        ("date", r"(?i:" + _MON + r")\s+" + _D + r"(?:st|nd|rd|th)?(?:,?\s+" + _Y + r")?(?![\d])"),
        ("date", _NB + _D + r"(?:st|nd|rd|th)?\s+(?i:" + _MON + r")(?:,?\s+" + _Y + r")?(?![\d])"),
        ("month", r"(?i:" + _MON + r")\s+(?:of\s+)?" + _Y + _NA),
        ("date", _NB + _D + r"/" + _M + r"/" + _Y + _NA),
        ("date", _NB + _Y + r"-" + r"(?P<m2>[01]\d)-(?P<d2>[0-3]\d)" + _NA),
        ("year", r"(?i:in|since|of|year)\s+" + _Y + _NA),
    ],
}  # fmt: skip
COMPILED = {
    language: [
        (kind, re.compile(pattern, re.IGNORECASE if language == "vi" else 0))
        for kind, pattern in patterns
    ]
    for language, patterns in PATTERNS.items()
}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # "date", "month", "year", "range", "until"
    value: str  # ISO: "2020-11-25", "2020-11", "2020", "--11-25", "--11"; ranges "1973/2023"
    years: tuple[int, int] | None = None  # ranges: (first, last); until: (None, year)


def resolve_year(month: int, day: int | None, published: dt.date | None) -> int | None:
    """The year of a year-less date: the most recent such date not more than 30 days after
    publication (None without a publication date)."""
    if published is None:
        return None
    horizon = published + dt.timedelta(days=30)
    for year in (published.year + 1, published.year):
        try:
            if dt.date(year, month, day or 1) <= horizon:
                return year
        except ValueError:  # 29 February
            continue
    return published.year - 1


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _value(kind: str, g: dict, published: dt.date | None) -> tuple[str, tuple | None] | None:
    if kind == "range":
        first, last = int(g["y"]), int(g["y2"])
        return (f"{first}/{last}", (first, last)) if first <= last else None
    if kind == "until":
        return g["y"], (None, int(g["y"]))
    if kind == "year":
        return g["y"], None
    year = int(g["y"]) if g.get("y") else None
    if g.get("era"):
        year = ERAS[g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))
    if g.get("mon"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
    else:
        month = int(g.get("m") or g.get("m2"))
    day = g.get("d") or g.get("d2")
    day = int(day) if day and kind == "date" else None
    if not _valid(year, month, day):
        return None
    if year is None:
        year = resolve_year(month, day, published)
    if kind == "month":
        return (f"{year:04d}-{month:02d}" if year else f"--{month:02d}"), None
    if year is None:
        return f"--{month:02d}-{day:02d}", None
    return f"{year:04d}-{month:02d}-{day:02d}", None


def find_dates(text: str, language: str, published: dt.date | None = None) -> list[DateMention]:
    """Dates in `text` (the engine's private copy), left to right, no overlaps (the first
    pattern of the list wins a stretch of text)."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in COMPILED[language]:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < b and a < end for a, b in taken):
                continue
            found = _value(kind, m.groupdict(), published)
            if found is None:
                continue
            value, years = found
            taken.append((start, end))
            out.append(DateMention(start, end, m.group(), kind, value, years))
    out.sort(key=lambda d: d.start)
    return out


def first_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    """The first day or month named between `start` and `end` (years and periods aside)."""
    for date in dates:
        if start <= date.start < end and date.kind in ("date", "month"):
            return date
    return None
