"""The approximate scan (kakehashi.matching.engine.ann) against the exact scan (issue 15,
part 4): recall, labelled-set quality and time, on one core.

    .venv/bin/python bench/matching_ann.py [--index DIR ...] [--queries 200] \
        [--output docs/benchmarks.md] [--json FILE]

1. Labelled set (bench/matching_data.py): the quality part of bench/matching.py twice, with
   the exact scan and with the approximate scan forced (its threshold set to 0); every
   reciprocal rank compared, and the recall of the exact top 60 cosines of every proposal.
2. For each saved index (`MatchingIndex.save`, e.g. bench/matching.py --save-index or
   bench/matching_build.py build --save-index): the scan built (time, memory), then for
   --queries generated search queries and as many indexed proposals, taking turns:
   the query's embedding alone, the exact scan alone (`semantic_cosines` + top 60), the
   approximate one alone, and `search(k=60)` / `rank(k=15)` with either scan (CPU time,
   time.process_time, p50/p95); recall@60 of the exact top 60 cosines.

The report goes to the `matching-ann` section of --output.
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_ann_report  # noqa: E402
import matching_data  # noqa: E402
import matching_generator  # noqa: E402
import matching_quality  # noqa: E402
import matching_report  # noqa: E402
import numpy as np  # noqa: E402
from report_sections import write_section  # noqa: E402

TOP = 60


def _quantiles(values_ms: list[float]) -> dict:
    ordered = sorted(values_ms)

    def at(q):
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return {"p50_ms": at(0.5), "p95_ms": at(0.95), "max_ms": ordered[-1]}


def _cpu_ms(call) -> tuple[float, object]:
    start = time.process_time()
    result = call()
    return (time.process_time() - start) * 1000, result


def recall(index, vector, count: int = TOP) -> tuple[float, float]:
    """The share of the exact top `count` slots that the approximate scan returns, and the
    same counted by value: a returned slot whose cosine reaches the exact `count`-th best
    counts as found (with duplicate vectors, which of the tied slots is returned is
    arbitrary, so only this second figure means anything)."""
    cos = index.semantic_cosines(vector)
    cos = np.where(index._alive[: index.size], cos, -np.inf)
    exact = np.argpartition(-cos, count)[:count]
    found = index.approximate.slots(index, vector, count)
    by_slot = len(set(exact.tolist()) & set(found.tolist())) / count
    by_value = min(count, int((cos[found] >= cos[exact].min() - 1e-6).sum())) / count
    return by_slot, by_value


def labelled(engine_module) -> dict:
    from kakehashi.matching.engine import ann

    evalset = matching_data.load(minimums=False)
    embedder = engine_module.default_embedder()
    exact = matching_quality.quality(evalset, engine_module, embedder)
    original = matching_quality.evaluation_index
    recalls = []

    def with_scan(evalset, engine_module, embedder):
        index, documents = original(evalset, engine_module, embedder)
        index.build_approximate_scan()
        for document in documents.values():
            analysis, vector = index.query_parts(document, as_query=False)
            recalls.append(recall(index, index.semantic_query(vector, analysis.language)))
        return index, documents

    threshold = ann.APPROXIMATE_FROM
    ann.APPROXIMATE_FROM = 0
    matching_quality.evaluation_index = with_scan
    try:
        approximate = matching_quality.quality(evalset, engine_module, embedder)
    finally:
        ann.APPROXIMATE_FROM = threshold
        matching_quality.evaluation_index = original
    methods = matching_quality.METHODS
    same = sum(
        all(a[m] == b[m] for m in methods)
        for a, b in zip(exact["per_unit"], approximate["per_unit"], strict=True)
    )
    return {
        "units": len(exact["per_unit"]),
        "units_identical": same,
        "halves_identical": exact["halves"] == approximate["halves"],
        "headline": {
            way: q["halves"]["test"]["rows"]["all"]["full"]
            for way, q in (("exact", exact), ("approximate", approximate))
        },
        "recall_at_60_mean": float(np.mean([r[0] for r in recalls])),
        "recall_at_60_min": float(np.min([r[0] for r in recalls])),
        "recall_by_value_mean": float(np.mean([r[1] for r in recalls])),
        "documents": len(recalls),
    }


def on_index(engine_module, path: str, queries: int) -> dict:
    from kakehashi.matching.engine import ann
    from kakehashi.matching.engine.candidates import top

    ann.APPROXIMATE_FROM = 0  # measured at any size (the platform uses it from 20,000)
    start = time.perf_counter()
    index = engine_module.MatchingIndex.load(path)
    load = time.perf_counter() - start
    meta = json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
    start = time.process_time()
    index.build_approximate_scan()
    build = time.process_time() - start
    scan = index.approximate
    texts = matching_generator.search_queries(queries, seed=5)
    prepared = [index.prepare_search(text, language) for text, language in texts]
    rng = random.Random(5)
    documents = [index.get(i) for i in rng.sample(index.ids(), queries)]
    index.search("warm up", language="en", k=TOP)
    times: dict[str, list[float]] = {}
    recalls = []

    def timed(name, call):
        ms, _ = _cpu_ms(call)
        times.setdefault(name, []).append(ms)

    embedder = index.embedder
    for (text, _language), query, document in zip(texts, prepared, documents, strict=True):
        vector = index.semantic_query(query.vector, query.analysis.language)
        timed("query_embedding", lambda t=text: embedder.embed([t], query=True))
        timed("exact_scan", lambda v=vector: top(index.semantic_cosines(v), TOP))
        timed("approximate_scan", lambda v=vector: index.candidate_cosines(v, 4 * 240))
        recalls.append(recall(index, vector))
        for way in ("exact", "approximate"):
            index.approximate = scan if way == "approximate" else None
            timed(
                f"search_{way}",
                lambda q=query: index.search(
                    q.document.text, language=q.document.language, k=TOP, prepared=q
                ),
            )
            timed(f"rank_{way}", lambda d=document: index.rank(d, k=15))
        index.approximate = scan
    same_search = sum(
        index.search(q.document.text, language=q.document.language, k=TOP, prepared=q)
        == _exact(
            index,
            lambda q=q: index.search(
                q.document.text, language=q.document.language, k=TOP, prepared=q
            ),
        )
        for q in prepared[:50]
    )
    return {
        "path": path,
        "documents": len(index),
        "embedded": meta.get("embedded", len(index)),
        "borrowed": meta.get("borrowed", 0),
        "load_seconds": load,
        "scan_build_cpu_seconds": build,
        "scan_memory_mb": scan.graph.memory_usage / 2**20,
        "recall_at_60_mean": float(np.mean([r[0] for r in recalls])),
        "recall_at_60_min": float(np.min([r[0] for r in recalls])),
        "recall_by_value_mean": float(np.mean([r[1] for r in recalls])),
        "recall_by_value_min": float(np.min([r[1] for r in recalls])),
        "searches_identical": same_search,
        "searches_compared": len(prepared[:50]),
        "times": {name: _quantiles(values) for name, values in times.items()},
    }


def _exact(index, call):
    scan, index.approximate = index.approximate, None
    try:
        return call()
    finally:
        index.approximate = scan


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", action="append", default=[], metavar="DIR")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-labelled", action="store_true")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    os.sched_setaffinity(0, {0})
    from kakehashi.matching import engine as engine_module

    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "OMP_NUM_THREADS=1 .venv/bin/python bench/matching_ann.py "
        + " ".join(sys.argv[1:] if argv is None else argv),
        "host": matching_report.machine([0]),
    }
    if not args.skip_labelled:
        print("labelled set: exact and approximate scans", file=sys.stderr)
        results["labelled"] = labelled(engine_module)
    results["indexes"] = []
    for path in args.index:
        print(f"index {path}", file=sys.stderr)
        results["indexes"].append(on_index(engine_module, path, args.queries))
    results["host"]["load_at_end"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    report = matching_ann_report.report(results)
    if args.output == "-":
        print(report)
    else:
        write_section(Path(args.output), "matching-ann", report)
        print(f"report written to {args.output} (its matching-ann section)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
