"""The gazetteer: the places of the directory (from its reference rows, see places.py), the
organisations the engine knows (organisations.csv) and those the platform adds
(`with_organisations`), matched in a text longest form first, without regard to case or to the
placement of Vietnamese tone marks, on word boundaries for Latin forms.

A Latin form only matches where its proper-noun words are capitalised as in the form ("tỉnh
Bình Dương", "Tỉnh Bình Dương" but not "bình dương"); generic words (tỉnh, thành phố, city,
prefecture...) may take either case.
"""

from __future__ import annotations

import csv
import re
import threading
from dataclasses import dataclass
from importlib import resources

from kakehashi.news.engine.municipalities import Municipalities, is_unlisted, municipalities
from kakehashi.news.engine.places import Entry, japan_entries, vietnam_entries
from kakehashi.news.engine.text import Text, canon, lower

LATIN = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff"
_GENERIC = {
    "tỉnh", "thành", "phố", "tp", "tp.", "thủ", "đô", "phủ", "city", "of", "prefecture",
    "province", "prefectural", "government", "metropolis", "metropolitan", "the", "ward",
    "town", "village", "thị", "trấn", "làng",
}  # fmt: skip


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


@dataclass
class Mention:
    kind: str  # "locality", "organisation", "person", "date", "sector"
    start: int  # offsets in the engine's private copy (Text.norm)
    end: int
    text: str
    slug: str | None = None
    key: str | None = None
    country: str | None = None
    level: str = ""
    successor: str | None = None
    value: object = None  # dates: the ISO value; people: the Person


def _case_ok(form: str, written: str) -> bool:
    """Every capitalised word of `form` is capitalised in `written` (generic words aside)."""
    for want, got in zip(form.split(), written.split(), strict=False):
        if lower(want) in _GENERIC or not want[:1].isalpha():
            continue
        if want[:1].isupper() and not got[:1].isupper():
            return False
    return True


class Gazetteer:
    def __init__(self, entries: list[Entry], towns: Municipalities | None = None):
        self.entries = list(entries)
        self.towns = towns  # the municipalities the directory lacks (municipalities.py)
        best: dict[str, Entry] = {}
        for entry in self.entries:
            key = lower(canon(entry.form))
            if not key.strip():
                continue
            known = best.get(key)
            if known is None or entry.priority > known.priority:
                best[key] = entry
        self._forms = best
        # by their first two characters: the lengths of the forms (longest first) and the forms
        # (a position is tried once a length, not once a form: 12,000 forms begin "thành phố")
        self._index: dict[str, tuple[list[int], set[str]]] = {}
        for key in best:
            self._index.setdefault(key[:2], ([], set()))[1].add(key)
        for lengths, keys in self._index.values():
            lengths.extend(sorted({len(key) for key in keys}, reverse=True))
        self.by_slug: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.slug:
                self.by_slug.setdefault(entry.slug, entry)

    _default: Gazetteer | None = None
    _lock = threading.Lock()

    @classmethod
    def default(cls) -> Gazetteer:
        """The directory's places and the engine's organisations, built once."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    towns = municipalities()
                    cls._default = cls(
                        vietnam_entries() + japan_entries() + towns.entries
                        + engine_organisations(),
                        towns,
                    )  # fmt: skip
        return cls._default

    def with_organisations(self, rows) -> Gazetteer:
        """A new gazetteer that also knows the platform's organisations: rows of plain dicts
        {"name", "aliases": [...], "key", "country": "VN"|"JP"|None}. They win over the
        engine's own forms when they share one."""
        extra = []
        for row in rows:
            names = [row.get("name") or "", *(row.get("aliases") or [])]
            for name in names:
                if name and name.strip():
                    extra.append(
                        Entry(
                            form=name.strip(),
                            kind="organisation",
                            key=row.get("key"),
                            country=row.get("country"),
                            priority=5,
                        )
                    )
        return Gazetteer(self.entries + extra, self.towns)

    def lookup(self, name: str) -> Entry | None:
        """The entry a whole name resolves to ("TP.HCM", "愛知県"), or None."""
        return self._forms.get(lower(canon(name.strip())))

    def _keys_at(self, low: str, i: int):
        """The forms that `low` has at `i`, longest first."""
        lengths, keys = self._index.get(low[i : i + 2], ((), ()))
        for length in lengths:
            key = low[i : i + length]
            if len(key) == length and key in keys:
                yield key

    def find(self, text: Text) -> list[Mention]:
        """Places and organisations in `text`, left to right, longest first, no overlaps."""
        low, norm = text.low, text.norm
        out: list[Mention] = []
        i, n = 0, len(low)
        while i < n:
            ch = low[i]
            if _is_latin(ch) and i and _is_latin(low[i - 1]):
                i += 1
                continue
            for key in self._keys_at(low, i):
                end = i + len(key)
                if _is_latin(key[-1]) and end < n and _is_latin(low[end]):
                    continue
                entry = self._forms[key]
                if _is_latin(key[0]) and not _case_ok(entry.form, norm[i:end]):
                    continue
                if is_unlisted(entry.slug) and not _is_latin(key[0]) and _inside_word(low, i, end):
                    continue
                if entry.kind == "locality" and _COMPANY_AFTER.match(norm, end):
                    i = end  # "Osaka Gas", "Shizuoka Bank": a company, not the place
                    break
                if entry.priority == 2 and entry.level == "prefecture":
                    city_end = _city_of(low, i, end)
                    if city_end:  # "Kochi City": a city the directory does not hold
                        out.append(_unlisted_city(entry, i, city_end, norm[i:city_end]))
                        i = city_end
                        break
                out.append(_mention(entry, i, end, norm[i:end]))
                i = end
                break
            else:
                i += 1
        found = self._coordinated_cities(self._prefecture_runs(out, norm), low)
        if self.towns is None:
            return found
        return self._addresses(self._bare_municipalities(found, norm, low), norm)

    def _bare_municipalities(self, found: list[Mention], norm: str, low: str) -> list[Mention]:
        """Municipalities named by their bare name where the text says which one: named with
        their level elsewhere ("Imabari City … Imabari"), beside their prefecture ("IMABARI,
        Ehime Prefecture —", "Kanazawa in Ishikawa Prefecture"), or told as a city by what
        stands around the name ("Kurobe, a city of 40,000", "the heritage cities of Kyoto,
        Kanazawa and Matsue": the one of that name, or the one whose prefecture the text
        names)."""
        named = {m.slug for m in found if is_unlisted(m.slug)}
        prefectures = {m.slug for m in found if m.level == "prefecture"}
        places = list(found)
        for word in _LATIN_WORD.finditer(norm):
            options = self.towns.bare.get(word.group().lower())
            if not options or not word.group()[0].isupper():
                continue
            start, end = word.span()
            if any(m.start < end and start < m.end for m in places):
                continue
            after = next((m for m in places if m.start >= end), None)
            beside = after is not None and _BESIDE.fullmatch(norm, end, after.start)
            chosen = next(
                (
                    option
                    for option in options
                    if option.slug in named
                    or beside
                    and after.slug == self.towns.prefecture[option.slug]
                ),
                None,
            )
            if chosen is None and (_A_CITY.match(norm, end) or _in_cities_run(places, low, start)):
                home = [o for o in options if self.towns.prefecture[o.slug] in prefectures]
                chosen = home[0] if len(home) == 1 else options[0] if len(options) == 1 else None
            if chosen is not None:
                places.append(_mention(chosen, start, end, word.group()))
                places.sort(key=lambda m: m.start)
        return places

    def _addresses(self, found: list[Mention], norm: str) -> list[Mention]:
        """Not the prefecture told as where a municipality the directory lacks lies: 岡山県津山市,
        "Imabari, Ehime Prefecture", "thành phố Kanazawa (tỉnh Ishikawa)": one place."""
        drop = set()
        for i, m in enumerate(found):
            home = self.towns.prefecture.get(m.slug or "")
            if home is None:
                continue
            before = found[i - 1] if i else None
            after = found[i + 1] if i + 1 < len(found) else None
            if before is not None and before.slug == home and norm[before.end : m.start] in _OF:
                drop.add(i - 1)  # 岡山県津山市, 群馬県の嬬恋村, "Gunma town of Oizumi"
            if (
                after is not None
                and after.slug == home
                and _BESIDE.fullmatch(norm, m.end, after.start)
            ):
                drop.add(i + 1)  # "Imabari, Ehime Prefecture", "Kanazawa (Ishikawa)"
        return [m for i, m in enumerate(found) if i not in drop] if drop else found

    def _prefecture_runs(self, found: list[Mention], norm: str) -> list[Mention]:
        """Bare prefecture names of a run that a count of prefectures closes (see
        _JA_PREFECTURE_RUN), each read as its prefecture."""
        added = []
        for run in _JA_PREFECTURE_RUN.finditer(norm):
            names = list(re.finditer(r"[^、・と]+", run.group(1)))
            entries = [self._prefecture_named(name.group()) for name in names]
            if not all(entries):
                continue  # not every name a prefecture: no run of them
            for name, entry in zip(names, entries, strict=True):
                start, end = run.start(1) + name.start(), run.start(1) + name.end()
                if not any(m.start < end and start < m.end for m in found):
                    added.append(_mention(entry, start, end, norm[start:end]))
        return sorted(found + added, key=lambda m: m.start) if added else found

    def _prefecture_named(self, bare: str) -> Entry | None:
        for suffix in ("県", "府", "都", "道"):
            entry = self.lookup(bare + suffix)
            if entry is not None and entry.level == "prefecture":
                return entry
        return None

    def _coordinated_cities(self, found: list[Mention], low: str) -> list[Mention]:
        """Bare names after "the cities of" / "các thành phố" are cities, the later ones of
        the run too ("the cities of Kyoto and Fukuoka", "hai thành phố Kyoto và Fukuoka"),
        when the directory holds a city of that name."""
        out, in_run, closed, last_end = [], False, False, -1
        for m in found:
            before = low[max(0, m.start - 30) : m.start]
            separator = _RUN_SEPARATOR.fullmatch(low[last_end : m.start]) if in_run else None
            if _CITIES_OF.search(before) or (
                _COUNTED.search(before) and low.startswith(("thành phố ", "tp."), m.start)
            ):
                in_run, closed = True, False
            elif separator is None or closed:
                in_run = False  # "…Kyoto and Fukuoka, and Kanagawa …": the "and" ended it
            else:
                closed = bool(separator.group(1))
            if in_run and m.level == "prefecture":
                city = self.lookup(f"{m.text} City")
                if city is not None and city.level != "prefecture" and city.slug:
                    m = _mention(city, m.start, m.end, m.text)
            out.append(m)
            last_end = m.end
        return out


# a company named after its place: "Osaka Gas", "Hiroshima Bank", "Kyushu Electric", 大阪ガス,
# 京都銀行
_COMPANY_AFTER = re.compile(
    r" (?:Gas|Bank|Electric|Steel|Airlines|Railways?|Shinkin|Holdings|Corp|Corporation|Group"
    r"|Industries|Motors?|Broadcasting|Cement|Securities|Insurance)\b"
    r"|(?:ガス|銀行|電力|電鉄|鉄道|信用金庫|ホールディングス|製鉄|放送)"
)
# prefectures named bare in a run that a count of prefectures closes: "愛知、静岡、三重の東海３県",
# "福岡、広島両県", "青森、岩手、宮城、秋田、山形の東北５県"
_COUNT_OF_PREFECTURES = (
    r"(?:の[^、。]{0,6}?)?(?:[0-9０-９一二三四五六七八九十]+|両|各)(?:府県|都県|道県|県|府)"
)
_JA_PREFECTURE_RUN = re.compile(
    r"((?:[\u4e00-\u9fff]{2,3}[、・と])+[\u4e00-\u9fff]{2,3})" + _COUNT_OF_PREFECTURES
)
# what follows a bare name of such a run: it is the prefecture, never the city of that name
COUNTED_AS_PREFECTURE = re.compile(r"(?:[、・と][\u4e00-\u9fff]{2,3})*" + _COUNT_OF_PREFECTURES)
# "the cities of Kyoto and Fukuoka", "các thành phố Kyoto, Fukuoka và Kobe"
_CITIES_OF = re.compile(
    r"(?:\bcities of|(?<!\w)(?:các|hai|ba|bốn|năm|những) (?:thành phố|tp\.?))\s*$"
)
_COUNTED = re.compile(r"(?<!\w)(?:các|hai|ba|bốn|năm|những)\s+$")
_RUN_SEPARATOR = re.compile(r"\s*(?:,|,?\s*(and|và))\s*")


_LATIN_WORD = re.compile(r"(?<![\w-])[A-Z][A-Za-z]+(?![\w-])")
# a bare municipality's name beside its prefecture: "Imabari, Ehime Prefecture", "Imabari, the
# Ehime Prefecture port city", "Kanazawa in Ishikawa", "Kanazawa (Ishikawa Prefecture)"
_BESIDE = re.compile(
    r",\s*(?:the\s+)?|\s+in\s+|\s*\(\s*|\s+(?:thuộc|ở)\s+|,?\s+of\s+", re.IGNORECASE
)
# what joins a prefecture to a municipality of its own after it: 岡山県津山市, 群馬県の嬬恋村,
# "Gunma town of Oizumi", "Ehime's Imabari City"
_OF = ("", "の", " ", "'s ", "’s ")
# a bare name told as a city by an apposition: "Kurobe, a city of 40,000", "Matsue, a castle town
# in Shimane Prefecture"
_A_CITY = re.compile(r",\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?(?:city|town|village)\b", re.I)


def _in_cities_run(places: list[Mention], low: str, start: int) -> bool:
    """The name at `start` ends a run of places that "the cities of" opens ("the heritage
    cities of Kyoto, Kanazawa and Matsue")."""
    at = start
    for m in reversed([m for m in places if m.end <= start]):
        if not _RUN_SEPARATOR.fullmatch(low[m.end : at]):
            break
        at = m.start
    return bool(_CITIES_OF.search(low[max(0, at - 30) : at]))


# what stands before a municipality's Japanese name that is part of another word, and after one
# ending in 市 (市場: a market)
_BEFORE_OK = "県府都道郡"


def _inside_word(low: str, start: int, end: int) -> bool:
    """A municipality's Japanese name inside another word: after a kanji that is no
    prefecture's or district's end (田中町長), or 市場 (中央市場: the central market)."""
    before = low[start - 1] if start else ""
    if "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_OK:
        return True
    return low.startswith("市場", end - 1)


def _city_of(low: str, start: int, end: int) -> int:
    """Where the name of a city ends when a prefecture's bare name is used for a city of that
    name that the directory does not hold ("Kochi City", "thành phố Kochi", 高知市;
    the directory's cities match first by their own longer forms), else 0."""
    if low.startswith(" city", end) and not (end + 5 < len(low) and low[end + 5].isalpha()):
        return end + 5
    if low.startswith("市", end):
        return end + 1
    if low[max(0, start - 11) : start].endswith(("thành phố ", "tp. ", "tp.", "tp ")):
        return end
    return 0


def _unlisted_city(entry: Entry, start: int, end: int, written: str) -> Mention:
    """A city outside the directory: a place with no slug."""
    return Mention(
        kind="locality", start=start, end=end, text=written, country=entry.country, level="city"
    )


def _mention(entry: Entry, start: int, end: int, written: str) -> Mention:
    return Mention(
        kind=entry.kind,
        start=start,
        end=end,
        text=written,
        slug=entry.slug,
        key=entry.key,
        country=entry.country,
        level=entry.level,
        successor=entry.successor,
    )


def engine_organisations() -> list[Entry]:
    source = resources.files("kakehashi.news.engine").joinpath("organisations.csv")
    out = []
    for row in csv.DictReader(source.read_text(encoding="utf-8").splitlines()):
        for name in row["names"].split("|"):
            if name.strip():
                out.append(
                    Entry(
                        form=name.strip(),
                        kind="organisation",
                        key=row["key"],
                        country=row["country"] or None,
                        priority=4,
                    )
                )
    return out
