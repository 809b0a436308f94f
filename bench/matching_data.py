"""The labelled matching evaluation set in bench/data/matching/: loading and checks.

    .venv/bin/python bench/matching_data.py          # check the files, print the counts

proposals.jsonl holds one proposal per line in the engine's input format; pairs.jsonl holds one
labelled query per line: {"query": id, "relevant": [ids], "note": "why"}. A query may have
counterparts in more than one language; it is then evaluated once per language of its relevant
proposals (an "evaluation unit", counted per language pair query language -> relevant
language), and the relevant proposals of the other languages are left out of that unit's
ranking, so that they neither help nor hurt it.

The checks (every one must pass before bench/matching.py measures anything): ids unique and
non-empty; every field present with the right type; language in vi/ja/en; kind one of the
proposal kinds or "organisation"; sectors from src/kakehashi/directory/data/sectors.csv;
locality the slug of a current unit in the directory data files and country the country of that
unit; title at most 200 characters; text of two to six sentences; pairs refer to existing ids,
never to the query itself, never to a proposal of the query's own organisation, no query twice;
and the minimum counts: at least 330 proposals, 160 labelled queries, a third of the evaluation
units cross-lingual, at least 15 units for each of the nine language pairs.

The fresh held-out batch in bench/data/matching-fresh/ has the same files and passes the same
checks, then its own (bench/matching_fresh.py); `main` checks both.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "matching"
DIRECTORY_DATA = ROOT / "src" / "kakehashi" / "directory" / "data"

LANGUAGES = ("vi", "ja", "en")
LANGUAGE_PAIRS = tuple(f"{q}->{r}" for q in LANGUAGES for r in LANGUAGES)
KINDS = (
    "business_offer",
    "business_request",
    "technology_offer",
    "technology_request",
    "investment_project",
    "export_product",
    "cooperation_programme",
    "research_cooperation",
    "organisation",
)
FIELDS = {
    "id": str,
    "title": str,
    "text": str,
    "language": str,
    "kind": str,
    "sectors": list,
    "locality": str,
    "country": str,
    "organisation": str,
}
# Optional fields: what a proposal says it wants (the platform's form fields of the same names).
PARTNERSHIP_TYPES = ("commercial", "investment", "supplier", "licence", "research", "training")
COUNTRIES = ("VN", "JP")
# Hard negatives of a labelled query (pairs.jsonl "hard_negatives"): proposals that must rank
# below the query's counterparts, by the kind of trap they set.
HARD_NEGATIVE_KINDS = ("wrong_locality", "wrong_direction", "wrong_level")
# The train/test split of the queries (`split`): fixed by this seed.
SPLIT_SEED = 15
MIN_PROPOSALS = 330
MIN_QUERIES = 160
MIN_UNITS_PER_PAIR = 15
MIN_CROSS_LINGUAL_SHARE = 1 / 3
MAX_TITLE = 200
# A sentence ends with . ! ? or the Japanese full stop, followed by a space, the end or more
# text (Japanese does not put a space after 。).
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$|[^\d.,])")


class DataError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__(
            f"{len(problems)} problem(s) in the evaluation set:\n  " + "\n  ".join(problems)
        )
        self.problems = problems


@dataclass
class EvalUnit:
    """One query evaluated against its relevant proposals of one language."""

    query: str
    pair: str  # "vi->ja"
    relevant: frozenset[str]
    excluded: frozenset[str]  # relevant proposals of the query's other languages
    hard_negatives: tuple[tuple[str, str], ...] = ()  # (id, kind) of the query's


@dataclass
class EvalSet:
    proposals: list[dict]
    pairs: list[dict]
    units: list[EvalUnit] = field(default_factory=list)

    def by_id(self) -> dict[str, dict]:
        return {p["id"]: p for p in self.proposals}

    def counts(self) -> dict:
        languages = Counter(p["language"] for p in self.proposals)
        units = Counter(u.pair for u in self.units)
        cross = sum(n for pair, n in units.items() if pair[:2] != pair[-2:])
        return {
            "proposals": len(self.proposals),
            "proposals_by_language": {lang: languages[lang] for lang in LANGUAGES},
            "proposals_by_kind": dict(sorted(Counter(p["kind"] for p in self.proposals).items())),
            "organisations": len({p["organisation"] for p in self.proposals}),
            "queries": len(self.pairs),
            "relevant_links": sum(len(p["relevant"]) for p in self.pairs),
            "units": len(self.units),
            "units_by_pair": {pair: units[pair] for pair in LANGUAGE_PAIRS},
            "cross_lingual_units": cross,
        }


def _slugify(value: str) -> str:
    # The same as django.utils.text.slugify (directory.reference builds Locality.slug with it),
    # written out so that the benchmark does not need Django.
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def reference_data() -> tuple[set[str], dict[str, str]]:
    """Sector keys, and locality slug -> country for the current units of the directory."""
    with (DIRECTORY_DATA / "sectors.csv").open(encoding="utf-8") as f:
        sectors = {row["key"] for row in csv.DictReader(f)}
    localities: dict[str, str] = {}
    with (DIRECTORY_DATA / "vn_locality_names.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["scheme"] == "2025":
                localities[_slugify(row["name_en"])] = "VN"
    with (DIRECTORY_DATA / "jp_localities.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["is_current"] == "1":
                localities[_slugify(row["name_en"]) or row["code"]] = "JP"
    return sectors, localities


def _read_jsonl(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: not JSON ({error})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path.name}:{number}: not an object")
            continue
        rows.append(row)
    return rows


def sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip()))


def _check_proposal(p: dict, where: str, sectors, localities, problems: list[str]) -> None:
    for name, kind in FIELDS.items():
        if not isinstance(p.get(name), kind):
            problems.append(f"{where}: {name} missing or not a {kind.__name__}")
            return
    if not p["id"].strip():
        problems.append(f"{where}: empty id")
    if p["language"] not in LANGUAGES:
        problems.append(f"{where}: language {p['language']!r} is not vi, ja or en")
    if p["kind"] not in KINDS:
        problems.append(f"{where}: unknown kind {p['kind']!r}")
    if not p["sectors"] or set(p["sectors"]) - sectors:
        problems.append(f"{where}: sectors {p['sectors']} (known: {sorted(sectors)})")
    if p["locality"] not in localities:
        problems.append(f"{where}: unknown locality {p['locality']!r}")
    elif localities[p["locality"]] != p["country"]:
        problems.append(
            f"{where}: {p['locality']} is in {localities[p['locality']]}, not {p['country']}"
        )
    if not 0 < len(p["title"]) <= MAX_TITLE:
        problems.append(f"{where}: title of {len(p['title'])} characters")
    if not 2 <= sentences(p["text"]) <= 6:
        problems.append(f"{where}: text of {sentences(p['text'])} sentences (2 to 6 wanted)")
    if not p["organisation"].strip():
        problems.append(f"{where}: empty organisation")
    for name, known in (
        ("partnership_types", set(PARTNERSHIP_TYPES)),
        ("target_countries", set(COUNTRIES)),
        ("target_localities", set(localities)),
    ):
        value = p.get(name, [])
        if not isinstance(value, list) or set(value) - known:
            problems.append(f"{where}: {name} {value!r} is not a list of {sorted(known)[:6]}...")


def _check_hard_negatives(pair: dict, where: str, by_id, problems: list[str]) -> tuple:
    """The (id, kind) of a labelled query's hard negatives, problems noted."""
    found = []
    for item in pair.get("hard_negatives", []):
        if not isinstance(item, dict) or item.get("kind") not in HARD_NEGATIVE_KINDS:
            problems.append(f"{where}: hard negative {item!r} needs an id and a kind")
        elif item.get("id") not in by_id:
            problems.append(f"{where}: unknown hard negative {item.get('id')!r}")
        elif item["id"] in pair["relevant"] or item["id"] == pair["query"]:
            problems.append(f"{where}: {item['id']} is both relevant and a hard negative")
        else:
            found.append((item["id"], item["kind"]))
    return tuple(found)


def load(data_dir: Path = DATA, *, minimums: bool = True) -> EvalSet:
    """Reads and checks the set; raises DataError listing every problem found."""
    problems: list[str] = []
    proposals = _read_jsonl(data_dir / "proposals.jsonl", problems)
    pairs = _read_jsonl(data_dir / "pairs.jsonl", problems)
    sectors, localities = reference_data()

    by_id: dict[str, dict] = {}
    for number, p in enumerate(proposals, 1):
        where = f"proposals.jsonl:{number} ({p.get('id')})"
        _check_proposal(p, where, sectors, localities, problems)
        if p.get("id") in by_id:
            problems.append(f"{where}: duplicate id")
        by_id[p.get("id")] = p

    units: list[EvalUnit] = []
    seen_queries: set[str] = set()
    for number, pair in enumerate(pairs, 1):
        where = f"pairs.jsonl:{number} ({pair.get('query')})"
        query, relevant = pair.get("query"), pair.get("relevant")
        if not isinstance(relevant, list) or not relevant or not isinstance(pair.get("note"), str):
            problems.append(f"{where}: needs a non-empty relevant list and a note")
            continue
        if query not in by_id:
            problems.append(f"{where}: unknown query id")
            continue
        if query in seen_queries:
            problems.append(f"{where}: query listed twice")
        seen_queries.add(query)
        if len(set(relevant)) != len(relevant):
            problems.append(f"{where}: a relevant id listed twice")
        missing = [r for r in relevant if r not in by_id]
        if missing:
            problems.append(f"{where}: unknown relevant ids {missing}")
            continue
        if query in relevant:
            problems.append(f"{where}: the query is its own counterpart")
        same_org = [r for r in relevant if by_id[r]["organisation"] == by_id[query]["organisation"]]
        if same_org:
            problems.append(f"{where}: {same_org} belong to the query's own organisation")
        q_lang = by_id[query]["language"]
        negatives = _check_hard_negatives(pair, where, by_id, problems)
        for lang in LANGUAGES:
            of_lang = frozenset(r for r in relevant if by_id[r]["language"] == lang)
            if of_lang:
                units.append(
                    EvalUnit(
                        query,
                        f"{q_lang}->{lang}",
                        of_lang,
                        frozenset(relevant) - of_lang,
                        negatives,
                    )
                )

    evalset = EvalSet(proposals, pairs, units)
    if minimums and not problems:
        problems += below_minimums(evalset.counts())
    if problems:
        raise DataError(problems)
    return evalset


def split(evalset: EvalSet, seed: int = SPLIT_SEED) -> dict[str, str]:
    """Each labelled query's half, "train" or "test": the weights of the engine are fitted on
    the train half only (bench/matching_fit.py), the test half is the headline.

    By query id, so that a query's units (one per language of its counterparts) stay
    together. Stratified: the queries are grouped by their language pairs (query language and
    the languages of their counterparts) and by the kinds of their hard negatives; within a
    group they are ordered by the SHA-256 of "seed:query id" and dealt alternately, train
    first in the first group, test first in the second and so on (small groups, such as those
    of one query, then fall on both sides). The split depends on nothing but the ids, the
    languages, the hard negatives' kinds and the seed."""
    by_id = evalset.by_id()
    groups: dict[tuple, list[str]] = {}
    for pair in evalset.pairs:
        query = pair["query"]
        key = (
            by_id[query]["language"],
            tuple(sorted({by_id[r]["language"] for r in pair["relevant"]})),
            tuple(sorted({h["kind"] for h in pair.get("hard_negatives", [])})),
        )
        groups.setdefault(key, []).append(query)
    halves = {}
    for number, key in enumerate(sorted(groups)):
        ordered = sorted(
            groups[key], key=lambda q: hashlib.sha256(f"{seed}:{q}".encode()).hexdigest()
        )
        for position, query in enumerate(ordered):
            halves[query] = "train" if (number + position) % 2 == 0 else "test"
    return halves


def below_minimums(counts: dict) -> list[str]:
    """The issue's minimum counts that the set does not reach (empty when it reaches all)."""
    short = []
    if counts["proposals"] < MIN_PROPOSALS:
        short.append(f"{counts['proposals']} proposals, at least {MIN_PROPOSALS} wanted")
    if counts["queries"] < MIN_QUERIES:
        short.append(f"{counts['queries']} labelled queries, at least {MIN_QUERIES} wanted")
    if counts["cross_lingual_units"] < MIN_CROSS_LINGUAL_SHARE * counts["units"]:
        short.append(
            f"{counts['cross_lingual_units']} of {counts['units']} units cross-lingual, "
            "at least a third wanted"
        )
    for pair, n in counts["units_by_pair"].items():
        if n < MIN_UNITS_PER_PAIR:
            short.append(f"{pair}: {n} evaluation units, at least {MIN_UNITS_PER_PAIR} wanted")
    return short


def counts_table(counts: dict) -> str:
    """The Markdown table of evaluation units per language pair (used in both READMEs)."""
    lines = [
        "| query → relevant | " + " | ".join(LANGUAGES) + " |",
        "|---|" + "---:|" * len(LANGUAGES),
    ]
    for q in LANGUAGES:
        cells = [str(counts["units_by_pair"][f"{q}->{r}"]) for r in LANGUAGES]
        lines.append(f"| **{q}** | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    import matching_fresh  # it imports this module

    try:
        evalset = load()
        fresh = matching_fresh.load(evalset)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    for name, counts in (("set", evalset.counts()), ("fresh batch", matching_fresh.counts(fresh))):
        figures = {k: v for k, v in counts.items() if k != "units_by_pair"}
        print(f"{name}: " + json.dumps(figures, ensure_ascii=False))
        print(counts_table(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
