"""The Japanese municipalities the directory lacks (jp_municipalities.csv, from Japan Post's
data: see scripts/jp_municipalities.py) as places of the gazetteer: 今治市, "Imabari City",
"the city of Imabari", "thành phố Imabari", 東川町, "Higashikawa Town", 嬬恋村.

Such a place has no slug of the directory: the engine knows it by `UNLISTED` and its JIS code
("municipality:38202") and writes it in a fact by its name as written, with no slug. Its bare
name ("Imabari") is a place only where the text tells which one: named with its level
elsewhere in the article ("Imabari City … Imabari"), or beside its prefecture ("IMABARI, Ehime
Prefecture —", "Kanazawa in Ishikawa Prefecture"); alone it is as often a person's surname.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

from kakehashi.directory import reference_rows as ref
from kakehashi.news.engine.places import Entry
from kakehashi.news.engine.romaji import readings

UNLISTED = "municipality:"  # the start of the engine's own key of such a place

_EN_WORD = {"city": "City", "town": "Town", "village": "Village"}
_VI_WORDS = {
    "city": ("thành phố {}", "TP {}", "TP. {}", "TP.{}"),
    "town": ("thị trấn {}",),
    "village": ("làng {}",),
}


def is_unlisted(slug: str | None) -> bool:
    """The engine's key of a municipality the directory lacks, not a directory slug."""
    return bool(slug) and slug.startswith(UNLISTED)


# the words of a municipality's level around its name, as written in a fact
_LEVEL_WORDS = re.compile(
    r"^(?:the\s+)?(?:city|town|village)\s+of\s+|^(?:thành phố|tp\.?|thị trấn|làng)\s*"
    r"|\s+(?:city|town|village)(?:\s+government)?$|(?<=\w)[市町村]$",
    re.IGNORECASE,
)


def plain_name(name: str) -> str:
    """A place's name as written without the words of its level, in lower case: "Imabari
    City", "the city of Imabari" and "thành phố Imabari" are "imabari", 今治市 is 今治 (to tell
    that two facts name the same place the directory lacks)."""
    return _LEVEL_WORDS.sub("", name.strip()).strip().lower()


@dataclass
class Municipalities:
    """The forms of the municipalities the directory lacks, their bare names in Latin letters
    by their lower case (see the module's text), and the prefecture of each (by its key)."""

    entries: list[Entry]
    bare: dict[str, list[Entry]]
    prefecture: dict[str, str]


def _entry(form: str, slug: str, level: str, english: str) -> Entry:
    return Entry(
        form=form, kind="locality", slug=slug, key=slug, country="JP", level=level,
        name_en=english, priority=1,
    )  # fmt: skip


def _rows():
    source = resources.files("kakehashi.news.engine").joinpath("jp_municipalities.csv")
    return list(csv.DictReader(source.read_text(encoding="utf-8").splitlines()))


def municipalities() -> Municipalities:
    """The municipalities the directory lacks. Tokyo's special wards are left out (a ward's
    name is shared with the wards of many cities), and so are Japanese forms of one kanji and
    its level (津市, 森町), too often part of other words."""
    japan = ref.japan_rows()
    held = {r.name_ja for r in japan}
    prefectures = {r.code: r.slug for r in japan if r.level == ref.JP_PREFECTURE}
    out = Municipalities([], {}, {})
    for row in _rows():
        level = row["level"]
        if level not in _EN_WORD or row["name_ja"] in held:
            continue
        names = sorted(readings(row["name_kana"]))
        word = _EN_WORD[level]
        forms = {row["name_ja"]} if len(row["name_ja"]) > 2 else set()
        for name in names:
            forms |= {f"{name} {word}", f"{word} of {name}"}
            forms |= {pattern.format(name) for pattern in _VI_WORDS[level]}
        slug = f"{UNLISTED}{row['code']}"
        out.prefecture[slug] = prefectures[row["prefecture_code"]]
        english = f"{names[0]} {word}" if names else row["name_ja"]
        out.entries += [_entry(form, slug, level, english) for form in sorted(forms)]
        for name in names:
            out.bare.setdefault(name.lower(), []).append(_entry(name, slug, level, english))
    return out
