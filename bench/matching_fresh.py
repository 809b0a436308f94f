"""The fresh held-out batch of the matching benchmark (bench/data/matching-fresh/, see its
README): loading, checks, and its figures in the quality part of bench/matching.py.

The batch has the files and format of the labelled set (bench/data/matching/) and passes the
same checks (`matching_data.load`), then its own: ids beginning with "F-", no id and no
organisation of the set, a hard negative for every query, at least 30 labelled queries and 5
evaluation units for each cross-lingual pair. Its proposals join the pool of the whole set
(harder than ranking them among themselves); only its own queries are ranked and scored, all
held out (no split), with the scoring of bench/matching_quality.py. Figures only: no
per-query result, so that no pass on the engine can be tuned on it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import matching_data

FRESH = matching_data.ROOT / "bench" / "data" / "matching-fresh"
# Its id prefix, its own minimums (labelled queries, units per cross-lingual pair) and its rule.
PREFIX = "F-"
MIN_QUERIES = 30
MIN_UNITS_PER_CROSS_PAIR = 5
RULE = (
    "all its queries are held out: no split, figures only (no per-query result is reported, "
    "so that the next pass on the engine cannot be tuned on them)"
)


def load(
    base: matching_data.EvalSet, data_dir: Path = FRESH, *, minimums: bool = True
) -> matching_data.EvalSet:
    """The fresh held-out batch, checked as `matching_data.load` checks the set, then against
    `base`: the returned set's proposals are the pool (base's and the batch's), its queries and
    units the batch's only. Raises DataError listing every problem."""
    try:
        fresh = matching_data.load(data_dir, minimums=False)
    except matching_data.DataError as error:
        raise matching_data.DataError([f"{data_dir.name}: {p}" for p in error.problems]) from None
    problems = []
    base_ids = base.by_id()
    base_organisations = {p["organisation"] for p in base.proposals}
    for p in fresh.proposals:
        where = f"{data_dir.name}/proposals.jsonl ({p['id']})"
        if not p["id"].startswith(PREFIX):
            problems.append(f"{where}: id does not begin with {PREFIX!r}")
        if p["id"] in base_ids:
            problems.append(f"{where}: id already in the set")
        if p["organisation"] in base_organisations:
            problems.append(f"{where}: organisation {p['organisation']} already in the set")
    for pair in fresh.pairs:
        if not pair.get("hard_negatives"):
            problems.append(f"{data_dir.name}/pairs.jsonl ({pair['query']}): no hard negative")
    if minimums and not problems:
        problems += [f"{data_dir.name}: {text}" for text in below_minimums(fresh.counts())]
    if problems:
        raise matching_data.DataError(problems)
    return matching_data.EvalSet(base.proposals + fresh.proposals, fresh.pairs, fresh.units)


def counts(fresh: matching_data.EvalSet) -> dict:
    """The counts of a set returned by `load`: the batch's own proposals, and the pool."""
    figures = fresh.counts()
    own = [p for p in fresh.proposals if p["id"].startswith(PREFIX)]
    languages = Counter(p["language"] for p in own)
    figures["pool"] = figures["proposals"]
    figures["proposals"] = len(own)
    figures["proposals_by_language"] = {lang: languages[lang] for lang in matching_data.LANGUAGES}
    figures["proposals_by_kind"] = dict(sorted(Counter(p["kind"] for p in own).items()))
    figures["organisations"] = len({p["organisation"] for p in own})
    figures["hard_negatives"] = len(
        {h["id"] for pair in fresh.pairs for h in pair.get("hard_negatives", [])}
    )
    return figures


def below_minimums(counts: dict) -> list[str]:
    """The fresh batch's own minimums that it does not reach (empty when it reaches all)."""
    short = []
    if counts["queries"] < MIN_QUERIES:
        short.append(f"{counts['queries']} labelled queries, at least {MIN_QUERIES} wanted")
    for pair, n in counts["units_by_pair"].items():
        if pair[:2] != pair[-2:] and n < MIN_UNITS_PER_CROSS_PAIR:
            short.append(
                f"{pair}: {n} evaluation units, at least {MIN_UNITS_PER_CROSS_PAIR} wanted"
            )
    return short
