"""Dates as the press writes them, in Vietnamese, Japanese and English, as ISO 8601 values.

Full dates are "2020-11-25"; a month is "2020-11"; a year "2020"; a day without its year is
"--11-25" (and a month without its year "--11") unless the article's publication date is
known: then the year is the one that puts the date at or before publication, or at most 30
days after it (an article announces what comes next month, and reports what happened). In
Vietnamese and English numeric dates are day/month ("11/3" is 11 March). Periods: "1973-2023",
"giai đoạn 2021-2025", "2021〜2025年" are ranges; "đến năm 2025", "2025年まで", "until 2025" are
"until" a year.

A year-less date of what is to come ("sẽ tổ chức ... ngày 20/11", 予定, "will be held": the
tense of its clause, date_tense.to_come) is the first such date on or after publication (less
three days) instead; so is an English weekday ("will meet X on Monday": the coming Monday, or
the day of publication itself; "met X on Monday": the last one). Without a publication date, a
year-less date after the article's first full date takes that date's year (令和6年3月28日 ...
5月 → 2024-05; the next year when it is to come and would fall before); else it stays partial.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kakehashi.news.engine.date_patterns import COMPILED, COUNTS, ERAS, MONTHS, WEEKDAYS
from kakehashi.news.engine.date_tense import to_come


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # "date", "month", "year", "range", "until"
    value: str  # ISO: "2020-11-25", "2020-11", "2020", "--11-25", "--11"; ranges "1973/2023"
    years: tuple[int, int] | None = None  # ranges: (first, last); until: (None, year)
    yearless: tuple[int, int | None] | None = None  # (month, day) of a date without its year


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


def _era_year(era: str, year: str) -> int:
    return ERAS[era] + (1 if year == "元" else int(year))


def _value(kind: str, g: dict, published: dt.date | None) -> tuple[str, tuple | None] | None:
    if kind == "range":
        if g.get("era"):  # 令和8年度～令和12年度
            first, last = _era_year(g["era"], g["ey"]), _era_year(g["era2"] or g["era"], g["ey2"])
        elif g.get("y2s"):  # "2026–30"
            first = int(g["y"])
            last = first // 100 * 100 + int(g["y2s"])
        else:
            first, last = int(g["y"]), int(g["y2"])
        return (f"{first}/{last}", (first, last)) if first <= last else None
    if kind == "until":
        if g.get("era"):
            year = _era_year(g["era"], g["ey"])
        else:
            year = 2000 + int(g["ys"]) if g.get("ys") else int(g["y"])  # （28年度まで）
        return str(year), (None, year)
    if kind == "year":
        if g.get("era"):
            return str(ERAS[g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))), None
        if g.get("rel"):
            rel = _REL_YEARS.get(g["rel"].lower())
            return (str(published.year + rel), None) if published and rel is not None else None
        return g["y"], None
    if kind == "monthday":
        if published is None:  # the month of the date told before (_next_days)
            return f"={int(g['d'])}", None
        return _month_day(int(g["d"]), published)
    if kind == "aftermonthday":  # 翌2日: the next 2nd after the day told before (_next_days),
        # else read as 2日 is
        alone = _month_day(int(g["d"]), published) if published else None
        return f">{int(g['d'])}|{alone[0] if alone else ''}", None
    if kind == "later":
        return f"+{COUNTS.get(g['n'].lower(), 0) or int(g['n'])}", None
    if kind == "earlier":
        return f"-{COUNTS.get(g['n'].lower(), 0) or int(g['n'])}", None
    if kind == "relmonth":
        if published is None:
            return None
        month = published.month + _REL_MONTHS[g["rm"]]
        year = published.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        day = int(g["d"])
        return (_iso(year, month, day), None) if _valid(year, month, day) else None
    if kind in ("today", "yesterday"):
        if published is None:
            return None
        return (published - dt.timedelta(days=kind == "yesterday")).isoformat(), None
    if kind == "nextday":
        return "", None  # the day after the one told before (_next_days)
    if kind == "prevday":
        return "-", None  # the day before the one told before (_next_days)
    if kind == "weekday":
        if published is None:
            return None
        back = (published.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        return (published - dt.timedelta(days=back)).isoformat(), None
    year = int(g["y"]) if g.get("y") else None
    if g.get("rel"):
        if published is None:
            return None
        year = published.year + _REL_YEARS[g["rel"]]
    if g.get("era"):
        year = ERAS[g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))
    if g.get("mon"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
    else:
        month = int(g.get("m") or g.get("m2"))
    day = g.get("d") or g.get("d2")
    day = int(day) if day and kind == "date" else None
    if g.get("last"):  # "last March": the latest such month before publication
        if published is None:
            return None
        year = published.year - (month >= published.month)
    if not _valid(year, month, day):
        return None
    if year is None:
        year = resolve_year(month, day, published)
    if kind == "month":
        return _iso(year, month, None), None
    return _iso(year, month, day), None


_REL_YEARS = {"昨年": -1, "今年": 0, "本年": 0, "来年": 1, "năm ngoái": -1, "năm trước": -1,
              "năm sau": 1, "năm tới": 1,
              "last year": -1, "next year": 1}  # fmt: skip
_REL_MONTHS = {"先月": -1, "今月": 0, "本月": 0, "来月": 1}


def _month_day(day: int, published: dt.date | None):
    """The last day `day` of a month up to publication (this month's, else last month's)."""
    if published is None or not 1 <= day <= 31:
        return None
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", None


def _iso(year: int | None, month: int, day: int | None) -> str:
    if day is None:
        return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _yearless(kind: str, g: dict) -> tuple[int, int | None] | None:
    if kind not in ("date", "month") or g.get("y") or g.get("era") or g.get("rel"):
        return None
    month = MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else int(g.get("m") or g["m2"])
    day = g.get("d") or g.get("d2")
    return month, (int(day) if day and kind == "date" else None)


def _in_context(text: str, language: str, dates: list, published: dt.date | None) -> None:
    """Year-less dates read in their sentence and article (see the module's docstring)."""
    anchor = next(
        (d for d in dates if d.kind == "date" and re.match(r"\d{4}-\d\d-\d\d$", d.value)), None
    )
    for d in dates:
        if d.yearless is None:
            continue
        month, day = d.yearless
        future = to_come(text, d.start, d.end, language)
        year = None
        if published is not None:
            if not future:
                continue
            earliest = published - dt.timedelta(days=3)
            year = published.year
            if (month, day or 31) < (earliest.month, earliest.day) and year == earliest.year:
                year += 1
        elif anchor is not None and anchor.start < d.start:
            first = dt.date.fromisoformat(anchor.value)
            year = first.year
            if future and (month, day or 31) < (first.month, first.day):
                year += 1
        if year is not None and _valid(year, month, day):
            d.value = _iso(year, month, day)


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
            yearless = _yearless(kind, m.groupdict())
            if kind == "weekday" and published and value == published.isoformat():
                if text[max(0, start - 5) : start].lower() == "last ":  # a week before
                    value = (published - dt.timedelta(days=7)).isoformat()
            if kind == "weekday" and published and to_come(text, start, end, language):
                # the coming such day, or the day of publication itself (the wires name
                # the day of the news by its weekday, "will sign on Wednesday")
                ahead = (WEEKDAYS.index(m.group("wd").lower()) - published.weekday()) % 7
                value = (published + dt.timedelta(days=ahead)).isoformat()
            # a day of the month, a weekday and "the next day" are days like any other
            read_as = "date" if kind in _DAYS_TOLD else kind
            out.append(DateMention(start, end, m.group(), read_as, value, years, yearless))
    out.sort(key=lambda d: d.start)
    _in_context(text, language, out, published)
    return _next_days(out)


_DAYS_TOLD = ("monthday", "aftermonthday", "relmonth", "weekday", "nextday", "prevday", "later",
              "earlier", "today", "yesterday")  # fmt: skip


def _next_days(dates: list[DateMention]) -> list[DateMention]:
    """ "The following day", "hôm sau", 翌日: the day after the last day told before (with or
    without its year); "the previous day", "hôm trước", 前日: the day before it; "two days
    later", "hai ngày sau", 2日後: that many days after it; without a publication date, 10日 is
    that day of the month told before (dropped when there is none)."""
    out: list[DateMention] = []
    for d in dates:
        if d.value.startswith(">"):  # 翌2日: after the day told before, in its month or the next
            target, alone = d.value[1:].split("|")
            before = next((o for o in reversed(out) if _DAY.match(o.value)), None)
            if before is None:
                if not alone:
                    continue
                d.value = alone
                out.append(d)
                continue
            day = dt.date.fromisoformat(
                before.value if before.value[0] != "-" else "2000" + before.value[1:]
            )
            for step in range(1, 32):
                if (day + dt.timedelta(days=step)).day == int(target):
                    d.value = _add_days(before.value, step)
                    break
            else:
                continue
        elif d.value.startswith("="):
            before = next((o for o in reversed(out) if _MONTH.match(o.value)), None)
            head = _MONTH.match(before.value) if before else None
            if head is None or not _valid(2000, int(head["m"]), int(d.value[1:])):
                continue
            d.value = f"{head['y']}-{head['m']}-{int(d.value[1:]):02d}"
        elif d.value in ("", "-") or d.value[:1] in ("+", "-") and d.value[1:].isdigit():
            before = next((o for o in reversed(out) if _DAY.match(o.value)), None)
            if before is None:
                continue
            step = {"": 1, "-": -1}.get(d.value) or int(d.value)
            d.value = _add_days(before.value, step)
        out.append(d)
    return out


# a day with or without its year ("2026-11-24", "--11-24"); a month likewise
_DAY = re.compile(r"^(?:\d{4}|-)-\d\d-\d\d$")
_MONTH = re.compile(r"^(?P<y>\d{4}|-)-(?P<m>\d\d)(?:-\d\d)?$")


def _add_days(value: str, days: int) -> str:
    if value.startswith("--"):  # a day without its year: counted in a leap year
        day = dt.date.fromisoformat("2000" + value[1:]) + dt.timedelta(days=days)
        return day.isoformat()[4:].replace("-", "--", 1)
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def first_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    """The first day or month named between `start` and `end` (years and periods aside)."""
    for date in dates:
        if start <= date.start < end and date.kind in ("date", "month"):
            return date
    return None
