"""The labelled news set in bench/data/news/: loading and checks.

    .venv/bin/python bench/news_data.py          # check the files, print the counts

Each article is NNN-<lang>-<slug>.txt (UTF-8) with NNN-<lang>-<slug>.json beside it:
{"language": "vi|ja|en", "published": "YYYY-MM-DD" or null, "facts": [...]}, the facts in the
format of docs/news-format.md (kakehashi-news/1) without `confidence` and `span` (allowed, not
needed). The checks: file pairs complete; language as in the file name; every fact of a known
type with exactly its fields (missing values null, lists []), each value of the right shape;
dates ISO 8601, partial allowed (YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD); localities
{"name", "slug"} with a slug of the directory's reference data or null; organisations
{"name", "slug": null, "key"}; sectors from src/kakehashi/directory/data/sectors.csv;
`evidence` a verbatim substring of the article; the minimum counts (40 articles: vi 20, ja 12,
en 8). See bench/data/news/README.md for what the gold facts hold. The same checks apply to the
fresh held-out batch in bench/data/news-fresh/ (24 articles: vi 12, ja 7, en 5).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from news_scoring import FIELDS, LIST_FIELDS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "news"
# The fresh held-out batch (bench/data/news-fresh/README.md): written after the engine's second
# pass by a writer who had not seen the engine or the first set; held out as a whole.
FRESH = ROOT / "bench" / "data" / "news-fresh"
DIRECTORY_DATA = ROOT / "src" / "kakehashi" / "directory" / "data"
LANGUAGES = ("vi", "ja", "en")
MINIMUM = {"vi": 20, "ja": 12, "en": 8}
FRESH_MINIMUM = {"vi": 12, "ja": 7, "en": 5}
NAME = re.compile(r"^(\d{3})-(vi|ja|en)-[a-z0-9-]+$")
DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")
STATUSES = {"signed", "renewed", "planned"}
COUNTRIES = {"VN", "JP", None}
LOCALITY_FIELDS = {"host_locality", "locality"}
ORGANISATION_FIELDS = {"organisation"}
INT_FIELDS = {"one_to_one_meetings", "list_size", "count", "years"}
OPTIONAL = {"confidence", "span"}
# An agreement's platform kind (sister_city, cooperation_mou, field_mou, other) may be given;
# the set leaves it out (it is not derived from `type_as_stated` alone), so it is not scored.
OPTIONAL_PER_TYPE = {"agreement": {"agreement_type"}}
PERIOD = re.compile(r"^\d{4}-\d{4}$")


@dataclass
class Article:
    id: str  # "001-vi-hoi-nghi-hop-tac-dia-phuong"
    language: str
    published: dt.date | None
    text: str
    facts: list[dict]


def _slugify(value: str) -> str:
    from django.utils.text import slugify

    return slugify(value)


def known_slugs() -> set[str]:
    """Every locality slug the reference loader gives (directory/reference.py), from the
    same data files: current Vietnamese units slugify(name_en), former ones with
    -before-2025, Japanese units slugify(name_en), former ones with -former."""
    slugs = set()
    with (DIRECTORY_DATA / "vn_locality_names.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            base = _slugify(row["name_en"])
            slugs.add(base if row["scheme"] == "2025" else f"{base}-before-2025")
    with (DIRECTORY_DATA / "jp_localities.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            base = _slugify(row["name_en"]) or row["code"]
            slugs.add(base if row["is_current"] == "1" else f"{base}-former")
    return slugs


def sector_keys() -> set[str]:
    with (DIRECTORY_DATA / "sectors.csv").open(encoding="utf-8") as handle:
        return {row["key"] for row in csv.DictReader(handle)}


def load(directory: Path = DATA) -> list[Article]:
    articles = []
    for path in sorted(directory.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        published = meta.get("published")
        articles.append(
            Article(
                id=path.stem,
                language=meta.get("language"),
                published=dt.date.fromisoformat(published) if published else None,
                text=path.read_text(encoding="utf-8"),
                facts=meta.get("facts", []),
            )
        )
    return articles


def _check_locality(value, where: str, slugs: set[str]) -> list[str]:
    if not isinstance(value, dict) or set(value) != {"name", "slug"}:
        return [f'{where}: a locality is {{"name", "slug"}}, got {value!r}']
    errors = []
    if not isinstance(value["name"], str) or not value["name"].strip():
        errors.append(f"{where}: empty locality name")
    if value["slug"] is not None and value["slug"] not in slugs:
        errors.append(f"{where}: unknown locality slug {value['slug']!r}")
    return errors


def _check_organisation(value, where: str) -> list[str]:
    if not isinstance(value, dict) or set(value) != {"name", "slug", "key"}:
        return [f'{where}: an organisation is {{"name", "slug", "key"}}, got {value!r}']
    if value["slug"] is not None:
        return [f"{where}: organisations have no slug"]
    if not isinstance(value["name"], str) or not value["name"].strip():
        return [f"{where}: empty organisation name"]
    return []


def _check_party(value, where: str, slugs: set[str]) -> list[str]:
    if isinstance(value, dict) and "key" in value:
        return _check_organisation(value, where)
    return _check_locality(value, where, slugs)


def _check_value(name: str, value, where: str, slugs: set[str], sectors: set[str]) -> list[str]:
    if name in LIST_FIELDS:
        if not isinstance(value, list):
            return [f"{where}: a list, got {value!r}"]
        check = {
            "organisers": lambda v, w: _check_organisation(v, w),
            "parties": lambda v, w: _check_party(v, w, slugs),
            "partners": lambda v, w: _check_locality(v, w, slugs),
            "sectors": lambda v, w: [] if v in sectors else [f"{w}: unknown sector {v!r}"],
        }[name]
        return [e for i, item in enumerate(value) for e in check(item, f"{where}[{i}]")]
    if value is None:
        return []
    if name in LOCALITY_FIELDS:
        return _check_locality(value, where, slugs)
    if name in ORGANISATION_FIELDS:
        return _check_organisation(value, where)
    if name in INT_FIELDS:
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        return [] if ok else [f"{where}: a positive integer, got {value!r}"]
    if name in ("date", "until"):
        ok = isinstance(value, str) and DATE.match(value)
        return [] if ok else [f"{where}: an ISO date (partial allowed), got {value!r}"]
    if name == "period":
        ok = isinstance(value, str) and PERIOD.match(value)
        return [] if ok else [f"{where}: a period YYYY-YYYY or null, got {value!r}"]
    if name == "status":
        return [] if value in STATUSES else [f"{where}: status one of {sorted(STATUSES)}"]
    if name == "country":
        return [] if value in COUNTRIES else [f"{where}: country VN, JP or null"]
    if not isinstance(value, str) or not value.strip():
        return [f"{where}: a non-empty string or null, got {value!r}"]
    return []


def check_fact(fact, text: str, where: str, slugs: set[str], sectors: set[str]) -> list[str]:
    if not isinstance(fact, dict) or fact.get("type") not in FIELDS:
        return [
            f"{where}: unknown fact type {fact.get('type') if isinstance(fact, dict) else fact!r}"
        ]
    kind = fact["type"]
    expected = {"type", "evidence", *FIELDS[kind]}
    errors = []
    if missing := expected - set(fact):
        errors.append(f"{where} ({kind}): missing {sorted(missing)}")
    if unknown := set(fact) - expected - OPTIONAL - OPTIONAL_PER_TYPE.get(kind, set()):
        errors.append(f"{where} ({kind}): unknown keys {sorted(unknown)}")
    for name in FIELDS[kind]:
        if name in fact:
            errors += _check_value(name, fact[name], f"{where} ({kind}).{name}", slugs, sectors)
    evidence = fact.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip() or evidence not in text:
        errors.append(f"{where} ({kind}): evidence is not a verbatim part of the article")
    return errors


def check(directory: Path = DATA, *, minimum: dict[str, int] = MINIMUM) -> list[str]:
    """Every problem with the set ([] when it is sound)."""
    errors = []
    texts = {p.stem for p in directory.glob("*.txt")}
    metas = {p.stem for p in directory.glob("*.json")}
    errors += [f"{name}.txt has no {name}.json" for name in sorted(texts - metas)]
    errors += [f"{name}.json has no {name}.txt" for name in sorted(metas - texts)]
    numbers = Counter()
    slugs, sectors = known_slugs(), sector_keys()
    for name in sorted(texts & metas):
        found = NAME.match(name)
        if not found:
            errors.append(f"{name}: file names are NNN-<vi|ja|en>-<slug>")
            continue
        numbers[found.group(1)] += 1
        text = (directory / f"{name}.txt").read_text(encoding="utf-8")
        try:
            meta = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            errors.append(f"{name}.json: not JSON ({error})")
            continue
        if set(meta) != {"language", "published", "facts"}:
            errors.append(f"{name}.json: keys are language, published, facts")
        if meta.get("language") != found.group(2):
            errors.append(f"{name}.json: language {meta.get('language')!r} is not the file's")
        published = meta.get("published")
        if published is not None:
            try:
                dt.date.fromisoformat(published)
            except (TypeError, ValueError):
                errors.append(f"{name}.json: published is YYYY-MM-DD or null")
        facts = meta.get("facts")
        if not isinstance(facts, list) or not facts:
            errors.append(f"{name}.json: facts is a non-empty list")
            continue
        for i, fact in enumerate(facts):
            errors += check_fact(fact, text, f"{name} fact {i}", slugs, sectors)
    errors += [f"number {n} used {c} times" for n, c in sorted(numbers.items()) if c > 1]
    per_language = Counter(name.split("-")[1] for name in texts & metas if NAME.match(name))
    for language, least in minimum.items():
        if per_language[language] < least:
            errors.append(f"{per_language[language]} {language} articles, fewer than {least}")
    return errors


HALVES = ("held-out", "dev")
SPLIT_RULE = (
    "within each language, in file order (by article number), the 1st, 3rd, 5th… article is "
    "in the dev half and the 2nd, 4th, 6th… in the held-out half"
)


def split(articles: list[Article]) -> dict[str, list[Article]]:
    """The fixed split of the set (SPLIT_RULE): {"held-out": [...], "dev": [...]}.

    The dev half is the one an engine's author may read (articles, expected facts, misses);
    the held-out half is only ever reported as figures. Alternating within each language keeps
    the languages balanced, and since the set's articles come in runs of a kind (conferences,
    visits, agreements, priority lists), alternating spreads the fact types over both halves
    too. Deterministic: it depends on the file names only."""
    halves: dict[str, list[Article]] = {half: [] for half in HALVES}
    seen: Counter = Counter()
    for article in sorted(articles, key=lambda a: a.id):
        position = seen[article.language]
        seen[article.language] += 1
        halves["dev" if position % 2 == 0 else "held-out"].append(article)
    return halves


def summary(articles: list[Article]) -> dict:
    facts = Counter(f["type"] for a in articles for f in a.facts)
    return {
        "articles": len(articles),
        "per_language": dict(Counter(a.language for a in articles)),
        "with_publication_date": sum(1 for a in articles if a.published),
        "facts": sum(facts.values()),
        "facts_per_type": {kind: facts[kind] for kind in FIELDS},
    }


FRESH_RULE = (
    "all its articles are held out: no split, figures only (its misses are not listed, so that "
    "the next pass on the engine cannot be tuned on them)"
)


def main() -> int:
    errors = check() + [f"news-fresh: {e}" for e in check(FRESH, minimum=FRESH_MINIMUM)]
    for error in errors:
        print(error, file=sys.stderr)
    figures = {**summary(load()), "fresh": summary(load(FRESH))}
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
