"""What every fact rule reads: the article, its sentences and what was recognised in them,
and the JSON forms of places, organisations and evidence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from kakehashi.news.engine.date_tense import FUTURE
from kakehashi.news.engine.dates import DateMention
from kakehashi.news.engine.gazetteer import Gazetteer, Mention
from kakehashi.news.engine.municipalities import is_unlisted
from kakehashi.news.engine.people import Person
from kakehashi.news.engine.text import _ABBREVIATIONS, Sentence, Text

# "同日午後には…を開催し、…を予定しています": the day told before, even of what is planned
_SAME_DAY = re.compile(
    r"(?:同日|当日)|(?:(?:Sáng|Chiều|Tối|Trưa) )?[Cc]ùng ngày|(?i:(?:on )?the same day)"
)

_SAME_PERIOD = re.compile(
    r"(?i:\b(?:the same|that same|that|the following) (?:week|month)\b)"
    r"|(?i:cùng (?:tuần|tháng)|(?:tuần|tháng) đó)(?!\w)|同月|同週|同じ週|同じ月"
)

# a relative clause between commas, or to the end of the sentence
_RELATIVE = {"en": re.compile(r",\s+(?:who|whose|which|where)\s[^,;]*")}

CITY_LEVELS = {"central_city", "designated_city", "city"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "hai": 2, "ba": 3, "bốn": 4, "năm": 5,
    "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}  # fmt: skip
# English counts up to 99 in words: "nineteen", "twenty-three", "Forty one"
_TEENS = {"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_COUNT = (
    r"(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r")\b)?"
    r"|" + "|".join(_TEENS)
)
NUMBER = r"(\d+|" + _EN_COUNT + "|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"


def number(text: str) -> int | None:
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    if text in _TEENS:
        return _TEENS[text]
    tens, _, unit = text.replace(" ", "-").partition("-")
    if tens in _TENS:
        return _TENS[tens] + (NUMBER_WORDS.get(unit, 0) if unit in _UNITS else 0)
    return NUMBER_WORDS.get(text)


# what ends a span before its last day: "đến hết ngày", "đến ngày", "until", "through"
_SPAN_END_BEFORE = re.compile(
    r"(?:(?<!\w)đến(?:\s+hết)?(?:\s+ngày)?|\b(?:until|till|through|runs to|lasts to))\s+$",
    re.IGNORECASE,
)


# a dateline: "GIA LAI — ", "DA NANG (VNA) – ", "HANOI - ", "TOKYO -- "
_DATELINE = re.compile(
    r"\s*([A-ZĐ][A-ZĐ .'’]{1,40}?)\s*(?:\([^)\n]{1,20}\)\s*)?(?:--|[—–-])\s"
    r"|\s*【([^】＝=\n]{1,12})(?:[＝=][^】\n]{1,12})?】"  # 【ハノイ】, 【ハノイ＝共同】
)


# a clause that tells a merger of units ("sau khi hợp nhất với tỉnh Yên Bái", "which absorbed
# Kien Giang Province in July 2025", 旧X省と合併した): its places are former units, never a
# fact's subject, and its date is the merger's, never a fact's
MERGER = {
    "vi": re.compile(r"(?:hợp nhất|sáp nhập)(?:\s+với)?\s+[^,.;]*"),
    "ja": re.compile(r"[^、。]*(?:と)?(?:合併|統合)(?:した|し|後|された|され)"),
    "en": re.compile(
        r"\b(?:merged|merging|merger)\s+with\s+[^,.;]*|\b(?:absorbing|absorbed)\s+[^,.;]*", re.I
    ),
}


# a place's name written as a prefecture's: "Fukuoka Prefecture", "tỉnh Fukuoka", 福岡県
_PREFECTURE_WORD = re.compile(r"(?i)prefect|tỉnh|[県府都道]")


def same_name_city(m: Mention) -> tuple[str, bool] | None:
    """For a prefecture told by its bare name ("the mayors of Fukuoka", "Nagasaki Mayor X"),
    the slug of the city of the same name and whether the directory holds that city; None
    for any other place."""
    if m.level != "prefecture" or not m.slug or _PREFECTURE_WORD.search(m.text):
        return None
    slug = m.slug.removesuffix("-prefecture") + "-city"
    return slug, any(e.slug == slug for e in Gazetteer.default().entries)


@dataclass
class Context:
    text: Text
    language: str
    published: dt.date | None
    mentions: list[Mention]  # places and organisations (with bodies and anaphora), sorted
    dates: list[DateMention]
    people: list[Person]
    sectors: list[tuple[int, int, str]]  # (start, end, sector key) of sector mentions

    @property
    def norm(self) -> str:
        return self.text.norm

    def in_span(self, start: int, end: int, kinds=("locality", "organisation")) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds and start <= m.start < end]

    def people_in(self, start: int, end: int) -> list[Person]:
        return [p for p in self.people if start <= p.start < end]

    def dates_in(self, start: int, end: int, kinds=("date", "month")) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start < end and d.kind in kinds]

    def date_for(self, sentence: Sentence, *, meeting: bool = False) -> str | None:
        """The day the sentence is about: its first date, else the last one named before it
        in the article (a lead "Chiều 25/11, ..." dates what follows) unless the sentence is
        about what is to come ("sẽ", 予定, "will").

        For a `meeting` (a visit: the sentence's main verb), a day before a month before a
        year ("…, whose prefecture will host the fair next year, met … on Monday" is of
        Monday), and not a date of a relative clause, which is of its own verb ("Sato, who
        arrived on Sunday, met … on Monday"); a year there is no day ("Sato, who first visited
        Hue in 2019, was received …" on the day told before)."""
        own = self.dates_of(sentence)
        if not meeting and own:
            return own[0].value
        relative = self.relative_spans(sentence)
        outside = [d for d in own if not any(a <= d.start < b for a, b in relative)]
        inside = [d for d in own if d not in outside and _precision(d.value) > 1]
        if outside or inside:
            return min(outside or inside, key=lambda d: -_precision(d.value)).value
        if FUTURE[self.language].search(sentence.text) and not _SAME_DAY.match(sentence.text):
            return None  # what is to come, undated, is not on the day told before
        same = _SAME_PERIOD.search(sentence.text)
        kinds = ("date", "month") if same else ("date",)
        earlier = [
            d
            for d in self.dates
            if d.end <= sentence.start and d.kind in kinds and not self._span_end(d)
        ]
        if not earlier:
            return None
        # "The same week, …", "Cùng tháng, …", 同月: the week or month of the date told before
        month = same and re.search(r"(?i)month|tháng|月", same.group())
        return earlier[-1].value[:7] if month else earlier[-1].value

    def relative_spans(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Where the sentence's relative clauses run (English: ", who …," ", which …,")."""
        pattern = _RELATIVE.get(self.language)
        if pattern is None:
            return []
        return [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in pattern.finditer(sentence.text)
        ]

    def dates_of(self, sentence: Sentence) -> list[DateMention]:
        """The sentence's days, months and years, but those of a merger it tells ("the
        province, which absorbed Kien Giang Province in July 2025, …")."""
        mergers = [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in MERGER[self.language].finditer(sentence.text)
        ]
        return [
            d
            for d in self.dates_in(sentence.start, sentence.end, ("date", "month", "year"))
            if not any(a <= d.start < b for a, b in mergers)
        ]

    def _span_end(self, date) -> bool:
        """The date ends a span ("kéo dài đến hết ngày 20/12", "runs until December 18",
        12月18日まで): no day for what is told after it."""
        before = self.norm[max(0, date.start - 14) : date.start]
        if _SPAN_END_BEFORE.search(before):
            return True
        return self.language == "ja" and self.norm.startswith("まで", date.end)

    def last_locality(self, before: int, country: str | None = None, city: bool | None = None):
        """The most recently named place before `before` (of that country and kind)."""
        for m in reversed(self.mentions):
            if m.kind != "locality" or m.start >= before or not m.slug:
                continue
            if country and m.country != country:
                continue
            if city is not None and (m.level in CITY_LEVELS) != city:
                continue
            return m
        return None

    def main_locality(self, country: str | None = "VN") -> Mention | None:
        """The place the article is about: the one it names most often; on a tie, one the
        directory holds (高知県 before 高知市, which it lacks), then the first."""
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in self.mentions:
            if m.kind == "locality" and m.slug and (country is None or m.country == country):
                counts[m.slug] = counts.get(m.slug, 0) + 1
                first.setdefault(m.slug, m)
        if not counts:
            return None
        best = max(
            counts, key=lambda slug: (counts[slug], not is_unlisted(slug), -first[slug].start)
        )
        return first[best]

    @cached_property
    def dateline_place(self) -> Mention | None:
        """The place of the dateline that opens the first paragraph ("GIA LAI — …", "DA NANG
        (VNA) – …", 【ハノイ】): where the reporter files from, the place of the news (read once
        an article: every sentence's list asks for it)."""
        body = self.norm.find("\n\n")
        if body < 0:
            return None
        found = _DATELINE.match(self.norm, body + 2)
        if found is None:
            return None
        group = 1 if found.group(1) else 2
        places = self.in_span(found.start(group), found.end(group), ("locality",))
        return places[0] if places and places[0].slug else None

    # JSON forms -------------------------------------------------------------------------

    def written(self, start: int, end: int) -> str:
        return self.text.original_text(start, end)

    def person_name(self, person: Person) -> str | None:
        """A person's name as first written in full (a short mention gives the full one);
        None for an office named alone whose holder is never named."""
        full = person.full
        if full.unnamed:
            return None
        return self.written(full.start, full.end)

    def place(self, m: Mention | None) -> dict | None:
        if m is None:
            return None
        if m.kind == "organisation" and m.value is not None:
            m = m.value  # a body: its place
        if is_unlisted(m.slug):  # a municipality the directory lacks: by its name, as first
            # written ("Kurobe, a city of 40,000 … the city intends …": Kurobe)
            first = next((n for n in self.mentions if n.slug == m.slug), m)
            return {"name": self.written(first.start, first.end), "slug": None}
        return {"name": self.written(m.start, m.end), "slug": m.slug}

    def organisation(self, m: Mention | None) -> dict | None:
        if m is None:
            return None
        return {"name": self.written(m.start, m.end), "slug": None, "key": m.key}

    def party(self, m: Mention) -> dict:
        """A party of an agreement: a place (its government counts as the place) or an
        organisation."""
        if m.kind == "locality" or (m.kind == "organisation" and m.value is not None):
            return self.place(m)
        return self.organisation(m)

    def fact(self, kind: str, sentence: Sentence, fields: dict, filled: float = 1.0) -> dict:
        start, end = self.text.span(sentence.start, sentence.end)
        confidence = round(min(0.95, 0.55 + 0.4 * filled), 2)
        return {
            "type": kind,
            **fields,
            "evidence": self.text.original[start:end],
            "confidence": confidence,
            "span": [start, end],
        }


def clause_after(text: str, start: int, stops=r"[.;!?](?=\s|$)|[。；]") -> str:
    """The text from `start` to the first stop (a full stop after "TP", "Mr"... is none)."""
    for m in re.finditer(stops, text[start:]):
        if m.group() == ".":
            word = re.search(r"([\w.]+)$", text[: start + m.start()])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
        return text[start : start + m.start()]
    return text[start:]


def _precision(value: str) -> int:
    """3 for a day ("2026-12-07", "--12-07"), 2 for a month, 1 for a year."""
    if value.startswith("--"):  # "--12-07", "--12": the year unknown
        return 2 + value[2:].count("-")
    return 1 + value.count("-")
