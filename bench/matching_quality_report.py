"""The Markdown of the matching benchmark's quality part (bench/matching_quality.py). It sits
between its own markers inside the matching section of docs/benchmarks.md, so that a run of
the quality part alone (`bench/matching.py --skip-speed --databases none`) replaces it and
nothing else."""

from __future__ import annotations

from pathlib import Path

import matching_data
import matching_fresh
from matching_quality import CUTOFF, MRR_DEPTH, MRR_TARGET
from report_sections import write_section

SECTION = "matching-quality"
NAMES = {
    "before": "the blend before issue 15 (hand-set)",
    "full": "the blend fitted on the train half",
}
NEGATIVE_NAMES = {
    "wrong_locality": "same product, wrong locality",
    "wrong_direction": "same topic, wrong direction",
    "wrong_level": "right topic, wrong level",
}


def _pair_table(half: dict) -> list[str]:
    lines = [
        "| query → relevant | units | recall@10 before | recall@10 fitted | MRR BM25 "
        "| MRR embeddings | MRR before | MRR fitted | R@1 before | R@1 fitted |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in half["rows"].items():
        label = f"**{name}**" if "->" not in name else name
        cells = [
            f"{row['before']['recall@10']:.3f}",
            f"{row['full']['recall@10']:.3f}",
            f"{row['bm25']['mrr']:.3f}",
            f"{row['embedding']['mrr']:.3f}",
            f"{row['before']['mrr']:.3f}",
            f"**{row['full']['mrr']:.3f}**",
            f"{row['before']['r@1']:.3f}",
            f"{row['full']['r@1']:.3f}",
        ]
        lines.append(f"| {label} | {row['units']} | " + " | ".join(cells) + " |")
    return lines


def _side_table(halves: dict) -> list[str]:
    lines = [
        "| half | side of the query | units | R@1 before | R@1 fitted | MRR before | MRR fitted |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for half_name in ("test", "train"):
        for side, row in halves[half_name]["sides"].items():
            lines.append(
                f"| {half_name} | {side} | {row['units']} | {row['before']['r@1']:.3f} | "
                f"{row['full']['r@1']:.3f} | {row['before']['mrr']:.3f} | "
                f"{row['full']['mrr']:.3f} |"
            )
    return lines


def _negative_table(halves: dict, names=("test", "train")) -> list[str]:
    lines = [
        "| hard negative | half | counterpart above it, before | counterpart above it, fitted |",
        "|---|---|---:|---:|",
    ]
    for kind in matching_data.HARD_NEGATIVE_KINDS:
        for half_name in names:
            before, fitted = (halves[half_name]["hard_negatives"][kind][m] for m in NAMES)
            lines.append(
                f"| {NEGATIVE_NAMES[kind]} | {half_name} | {before[0]} of {before[1]} | "
                f"{fitted[0]} of {fitted[1]} |"
            )
    return lines


def _fresh(results: dict) -> list[str]:
    """The fresh held-out batch's subsection (bench/matching_fresh.py), when it was measured."""
    fresh = results["quality"].get("fresh")
    counts = results["evaluation_set"].get("fresh")
    if not fresh or not counts:
        return []
    below = [
        f"{name} ({row['full']['mrr']:.3f})"
        for name, row in fresh["rows"].items()
        if "->" in name and name[:2] != name[-2:] and row["full"]["mrr"] < MRR_TARGET
    ]
    target = (
        f"MRR ≥ {MRR_TARGET} missed on {', '.join(below)}."
        if below
        else f"MRR ≥ {MRR_TARGET} on every cross-lingual pair: met."
    )
    return [
        f"### Fresh held-out batch ({fresh['queries']} queries)",
        "",
        f"`bench/data/matching-fresh/` (see its README): {counts['proposals']} proposals on "
        f"themes absent from the set, {counts['queries']} labelled queries, {counts['units']} "
        f"evaluation units of which {counts['cross_lingual_units']} cross-lingual, written in "
        "December 2026 by a session that had seen neither the engine nor its failures; "
        f"{matching_fresh.RULE}. Its proposals join the pool of the whole set "
        f"({fresh['pool']} proposals), which is harder than ranking them among themselves: the "
        "set's proposals compete for every query. Only the batch's own queries are scored. "
        f"`--no-fresh` leaves it out. {target}",
        "",
        *_pair_table(fresh),
        "",
        *_negative_table({"fresh": fresh}, names=("fresh",)),
        "",
    ]


def quality_section(results: dict) -> str:
    quality = results["quality"]
    halves = quality["halves"]
    counts = results["evaluation_set"]
    commit = results["host"]["commit"]
    if results["host"]["dirty"]:
        commit += " (uncommitted changes)"
    weights = quality["weights"]["full"]
    used = ", ".join(f"{name} {value:g}" for name, value in weights.items() if value)
    unused = ", ".join(name for name, value in weights.items() if not value) or "none"
    lines = [
        "## Quality on the labelled evaluation set",
        "",
        f"Measured by `{results['command']}` on {results['date']}, commit {commit}. "
        f"Evaluation set: {counts['proposals']} proposals, {counts['queries']} labelled "
        f"queries, {counts['units']} evaluation units of which "
        f"{counts['cross_lingual_units']} cross-lingual.",
        "",
        f"Embedder: `{quality['embedder']}`. Indexing the set took "
        f"{quality['index_seconds']:.1f} s. recall@{CUTOFF}: share of a query's relevant "
        f"proposals in its top {CUTOFF}; MRR: mean reciprocal rank of the first relevant "
        f"proposal (0 beyond the top {MRR_DEPTH}); R@1: share of units whose first result is a "
        "counterpart. A query with counterparts in two languages counts once in each language "
        "pair, the other language's counterparts being left out of that ranking "
        "(bench/matching_data.py).",
        "",
        "The engine's blend (src/kakehashi/matching/engine/weights.py) was fitted by "
        "`bench/matching_fit.py` on the **train half** of the labelled queries only: split by "
        "query id, stratified by language pairs and hard-negative kinds, seed "
        f"{quality['split_seed']} (`matching_data.split`). The **test half** was never used "
        "to choose anything and is the headline. *Before* is the hand-set blend the engine "
        "had before issue 15 (BASELINE_WEIGHTS) on today's glossary and components, measured "
        "in this same run; BM25 and embeddings are the two baselines.",
        "",
        f"Fitted weights: {used}; at 0: {unused}.",
        "",
        f"### Test half ({halves['test']['queries']} queries, the headline)",
        "",
        *_pair_table(halves["test"]),
        "",
        f"### Train half ({halves['train']['queries']} queries, fitted on)",
        "",
        *_pair_table(halves["train"]),
        "",
        "### By side of the query",
        "",
        "A request (business or technology request, an investment project seeking capital) "
        "against an offer (offer, export product, an investor's profile); programmes and "
        "research cooperation are *other*.",
        "",
        *_side_table(halves),
        "",
        "### Hard negatives",
        "",
        "How often the query's best-ranked counterpart comes above a hard negative written to "
        "trap it (bench/data/matching/README.md).",
        "",
        *_negative_table(halves),
        "",
    ]
    missed = quality.get("misses")
    if missed and missed["missed"]:
        lines += [
            f"**What fails.** In {missed['missed']} of the {missed['units']} cross-lingual "
            "units of the test half, the first result is not a counterpart. That first "
            f"result shares a sector with the query in {missed['same_sector']}, is of a "
            f"complementary kind in {missed['complementary_kind']}, reads closer to the query "
            f"than the counterpart does (semantic component) in {missed['more_similar']} and "
            f"shares more glossary concepts in {missed['more_concepts']}; it is written in "
            f"the query's own language in {missed['same_language']}. The rest of the blend "
            "cannot undo that: the embedder's and the glossary's reading of meaning across "
            "languages is what separates a counterpart from a plausible proposal of the same "
            "sector, and it is too coarse for an MRR of 0.9.",
            "",
        ]
    if quality["shortfalls"]:
        lines += [
            f"**Targets missed** (MRR ≥ {MRR_TARGET} on every cross-lingual pair of the test "
            "half, without losing recall@10):",
            "",
            *[f"- {text}" for text in quality["shortfalls"]],
        ]
    else:
        lines.append(
            f"Target MRR ≥ {MRR_TARGET} on every cross-lingual pair of the test half without "
            "losing recall@10: met."
        )
    fresh = _fresh(results)
    if fresh:
        lines += ["", *fresh]
    return "\n".join(lines) + "\n"


def write_alone(path: Path, results: dict) -> bool:
    """When a run measured the quality only and the file already has its part: replace that
    part and nothing else (True); otherwise nothing is written (False)."""
    if "quality" not in results or {"speed", "databases"} & set(results):
        return False
    if not path.exists() or markers()[0] not in path.read_text(encoding="utf-8"):
        return False
    write_section(path, SECTION, quality_section(results))
    return True


def markers() -> tuple[str, str]:
    return f"<!-- begin {SECTION} (generated) -->", f"<!-- end {SECTION} (generated) -->"


def wrapped(results: dict) -> list[str]:
    """The section between its markers, as lines of the whole matching report."""
    begin, end = markers()
    return [begin, *quality_section(results).rstrip().split("\n"), end, ""]
