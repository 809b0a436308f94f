"""Matching the facts an extraction engine predicts for a news article to the expected (gold)
facts of bench/data/news/, and scoring them.

A predicted fact and a gold fact of the same type *match* when their key fields agree:

| type | key fields |
|---|---|
| event | `name` similar and `date` equal |
| person | `name` equal |
| visit | `visitor` equal, `host_locality` equal and `date` equal |
| agreement | `parties` equal as sets, `status` equal and `date` equal |
| priority_partners | `locality` equal and `partners` equal as sets |
| partnership_count | `locality` equal and `count` equal |
| proposal | `text` similar, or the same `evidence` sentence |
| milestone | `years` equal, `period` equal when the gold has one, `what` similar or same sentence |

Within one article and type, every (gold, predicted) pair whose keys agree is a candidate;
candidates are taken best first (most agreeing non-key fields, then article order) and each
fact is used at most once (one-to-one greedy matching). A matched pair is a true positive, an
unmatched prediction a false positive, an unmatched gold fact a false negative (a miss).

Comparisons, all after `normalise()` (Unicode NFKC, case folded, Latin diacritics and đ removed,
punctuation and symbols to spaces, whitespace collapsed):
- people (`person.name`, `visit.visitor`, `visit.host`): equal as bags of words, leading
  honorifics (ông, bà, Mr, Ms…) and trailing 氏/さん/様 dropped, spaces ignored in Japanese
  names ("山下 健一" = "山下健一", "Kenji Ueda" = "Ueda Kenji");
- localities: both slugs given → equal slugs, where a slug and the same slug with
  `-before-2025` count as equal (Hà Nội or Đà Nẵng in a 2023 article may be read as the unit
  of the time or of today; names that only a former unit bears, such as Bình Dương, must
  still resolve to `…-before-2025`); both slugs null → similar names; one null → different;
- organisations: one normalised name contains the other ("JETRO" and "Japan External Trade
  Organization (JETRO)"); a locality never equals an organisation;
- dates: equal ISO strings, partial ones included ("2023-11", "--03-11"); numbers as integers;
  a milestone's `years` is a count (a period string such as "1973-2023", the format before
  the lead's decision of issue 14, still counts as its length, 50); its `period` is compared
  as a string, and only when the gold fact has one;
- free text (`event.name`, `proposal.text`, roles, `purpose`, an agreement's
  `type_as_stated`…): *similar* when one normalised
  text contains the other or their Dice coefficient reaches the type's threshold (words for
  alphabetic text, character bigrams for Japanese);
- lists (`parties`, `partners`, `organisers`, `sectors`): equal as sets under the element rule.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

FIELDS = {
    "event": ("name", "date", "organisers", "sectors", "one_to_one_meetings"),
    "person": ("name", "role", "organisation", "country"),
    "visit": ("visitor", "visitor_role", "host", "host_role", "host_locality", "date", "purpose"),
    "agreement": ("parties", "type_as_stated", "field", "date", "status"),
    "priority_partners": ("locality", "partners", "list_size", "until"),
    "partnership_count": ("locality", "country", "count"),
    "proposal": ("text", "by"),
    "milestone": ("what", "years", "period"),
}
TYPES = tuple(FIELDS)
KEYS = {
    "event": ("name", "date"),
    "person": ("name",),
    "visit": ("visitor", "host_locality", "date"),
    "agreement": ("parties", "status", "date"),
    "priority_partners": ("locality", "partners"),
    "partnership_count": ("locality", "count"),
    "proposal": ("text",),
    "milestone": ("years", "period", "what"),
}
LIST_FIELDS = {"organisers", "sectors", "parties", "partners"}
HONORIFICS = {"ong", "ba", "ngai", "anh", "chi", "mr", "mrs", "ms", "dr", "madam"}
JAPANESE_SUFFIXES = ("氏", "さん", "様")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
REFORM_SUFFIX = "-before-2025"


# --- normalisation and elementary comparisons -------------------------------------------


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    # Latin letters lose their diacritics; kana keep their voicing marks.
    if decomposed[0].isascii() and decomposed[0].isalpha():
        return decomposed[0]
    return char


def normalise(text: object) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).casefold().replace("đ", "d")
    text = "".join(_fold_char(c) for c in text)
    text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    return " ".join(text.split())


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _units(text: str) -> list[str]:
    """Words, or character bigrams for Japanese text."""
    if has_cjk(text):
        chars = text.replace(" ", "")
        return [chars[i : i + 2] for i in range(max(1, len(chars) - 1))]
    return text.split()


def dice(a: str, b: str) -> float:
    left, right = _units(normalise(a)), _units(normalise(b))
    if not left or not right:
        return 0.0
    pool = list(right)
    common = 0
    for unit in left:
        if unit in pool:
            pool.remove(unit)
            common += 1
    return 2 * common / (len(left) + len(right))


def contains(a: object, b: object) -> bool:
    left, right = normalise(a), normalise(b)
    if has_cjk(left + right):
        left, right = left.replace(" ", ""), right.replace(" ", "")
    return bool(left) and bool(right) and (left in right or right in left)


def similar(a: object, b: object, threshold: float = 0.5) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return contains(a, b) or dice(str(a), str(b)) >= threshold


def person_key(name: object) -> tuple[str, ...]:
    text = normalise(name)
    if has_cjk(text):
        text = text.replace(" ", "")
        for suffix in JAPANESE_SUFFIXES:
            text = text.removesuffix(suffix)
        return (text,)
    words = text.split()
    while words and words[0] in HONORIFICS and len(words) > 1:
        words = words[1:]
    return tuple(sorted(words))


def same_person(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return person_key(a) == person_key(b)


@functools.cache
def _kept_names() -> frozenset[str]:
    """Slugs of today's units whose name a former unit also bore (hanoi, da-nang…)."""
    from news_data import known_slugs  # news_data imports this module

    slugs = known_slugs()
    return frozenset(s for s in slugs if f"{s}{REFORM_SUFFIX}" in slugs)


def same_slug(a: str, b: str) -> bool:
    if a == b:
        return True
    base_a, base_b = a.removesuffix(REFORM_SUFFIX), b.removesuffix(REFORM_SUFFIX)
    return base_a == base_b and base_a in _kept_names()


def same_locality(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if not isinstance(a, dict) or not isinstance(b, dict):
        return False
    slug_a, slug_b = a.get("slug"), b.get("slug")
    if slug_a and slug_b:
        return same_slug(slug_a, slug_b)
    if slug_a or slug_b:
        return False
    return similar(a.get("name"), b.get("name"))


def is_organisation(value: object) -> bool:
    return isinstance(value, dict) and "key" in value and not value.get("slug")


def same_organisation(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    name_a = a.get("name") if isinstance(a, dict) else a
    name_b = b.get("name") if isinstance(b, dict) else b
    return contains(name_a, name_b)


def same_party(a: object, b: object) -> bool:
    if is_organisation(a) != is_organisation(b):
        return False
    return same_organisation(a, b) if is_organisation(a) else same_locality(a, b)


def same_set(a: object, b: object, equal: Callable[[object, object], bool]) -> bool:
    left, right = list(a or []), list(b or [])
    if len(left) != len(right):
        return False
    for item in left:
        found = next((i for i, other in enumerate(right) if equal(item, other)), None)
        if found is None:
            return False
        right.pop(found)
    return True


def same_value(a: object, b: object) -> bool:
    """Dates, numbers, codes: equal after trimming (numbers compared as integers)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, int | float) or isinstance(b, int | float):
        try:
            return int(a) == int(b)
        except (TypeError, ValueError):
            return False
    return str(a).strip().casefold() == str(b).strip().casefold()


_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–〜~]\s*(\d{4})\s*$")


def same_years(a: object, b: object) -> bool:
    """A milestone's years: a count (50) or a period ("1973-2023") that lasts that long."""

    def length(value: object) -> object:
        period = _PERIOD.match(str(value)) if isinstance(value, str) else None
        return int(period.group(2)) - int(period.group(1)) if period else value

    return same_value(length(a), length(b))


def same_sectors(a: object, b: object) -> bool:
    return {normalise(x) for x in a or []} == {normalise(x) for x in b or []}


def _loose(threshold: float) -> Callable[[object, object], bool]:
    return lambda a, b: similar(a, b, threshold)


COMPARE: dict[str, Callable[[object, object], bool]] = {
    "name": _loose(0.5),
    "date": same_value,
    "organisers": lambda a, b: same_set(a, b, same_organisation),
    "sectors": same_sectors,
    "one_to_one_meetings": same_value,
    "role": _loose(0.5),
    "organisation": same_organisation,
    "country": same_value,
    "visitor": same_person,
    "visitor_role": _loose(0.5),
    "host": same_person,
    "host_role": _loose(0.5),
    "host_locality": same_locality,
    "purpose": _loose(0.5),
    "parties": lambda a, b: same_set(a, b, same_party),
    "type_as_stated": _loose(0.5),
    "field": _loose(0.5),
    "status": same_value,
    "locality": same_locality,
    "partners": lambda a, b: same_set(a, b, same_locality),
    "list_size": same_value,
    "until": same_value,
    "count": same_value,
    "text": _loose(0.4),
    "by": lambda a, b: same_person(a, b) or similar(a, b),
    "what": _loose(0.3),
    "years": same_years,
    # A period is compared only when the gold fact gives one (most milestones have none).
    "period": lambda gold, predicted: gold is None or same_value(gold, predicted),
}
# Person names are compared as names, whatever COMPARE says for a generic "name".
TYPE_COMPARE = {("person", "name"): same_person}


def compare(kind: str, name: str, gold: object, predicted: object) -> bool:
    return TYPE_COMPARE.get((kind, name), COMPARE[name])(gold, predicted)


def same_evidence(gold: dict, predicted: dict) -> bool:
    return contains(gold.get("evidence"), predicted.get("evidence"))


def key_differences(kind: str, gold: dict, predicted: dict) -> list[str]:
    """The key fields that disagree ([] when the facts match)."""
    if kind in ("proposal", "milestone") and same_evidence(gold, predicted):
        keys = ("years", "period") if kind == "milestone" else ()
    else:
        keys = KEYS[kind]
    return [k for k in keys if not compare(kind, k, gold.get(k), predicted.get(k))]


def field_agreement(kind: str, gold: dict, predicted: dict) -> dict[str, bool]:
    return {
        k: compare(kind, k, gold.get(k), predicted.get(k))
        for k in FIELDS[kind]
        if k not in KEYS[kind]
    }


# --- matching and counting --------------------------------------------------------------


@dataclass
class ArticleScore:
    pairs: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[tuple[dict, list[str]]] = field(default_factory=list)  # gold, nearest diff
    extra: list[dict] = field(default_factory=list)


def match(gold: list[dict], predicted: list[dict]) -> ArticleScore:
    """One-to-one greedy matching of one article's facts, type by type."""
    score = ArticleScore()
    predicted = [f if isinstance(f, dict) else {"type": None} for f in predicted]
    for kind in TYPES:
        golds = [f for f in gold if f.get("type") == kind]
        preds = [f for f in predicted if f.get("type") == kind]
        candidates = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if not key_differences(kind, g, p):
                    agreeing = sum(field_agreement(kind, g, p).values())
                    candidates.append((-agreeing, gi, pi))
        used_gold, used_pred = set(), set()
        for _score, gi, pi in sorted(candidates):
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            score.pairs.append((golds[gi], preds[pi]))
        left = [p for pi, p in enumerate(preds) if pi not in used_pred]
        for gi, g in enumerate(golds):
            if gi not in used_gold:
                diffs = [key_differences(kind, g, p) for p in left]
                nearest = min(diffs, key=len) if diffs else []
                # A prediction that agrees on no key field is no near miss.
                near = [] if len(nearest) >= len(KEYS[kind]) else nearest
                score.missed.append((g, near))
        score.extra += left
    score.extra += [f for f in predicted if f.get("type") not in FIELDS]
    return score


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def counts_by_type(score: ArticleScore) -> dict[str, Counts]:
    counts = {kind: Counts() for kind in TYPES}
    for gold, _predicted in score.pairs:
        counts[gold["type"]].tp += 1
    for gold, _nearest in score.missed:
        counts[gold["type"]].fn += 1
    for predicted in score.extra:
        counts.setdefault(str(predicted.get("type")), Counts()).fp += 1
    return counts


def miss_reason(nearest: list[str]) -> str:
    return "differs in " + " and ".join(nearest) if nearest else "not found"
