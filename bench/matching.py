"""Benchmark of the matching engine (kakehashi.matching.engine), issue 3:

    .venv/bin/python bench/matching.py [--quick | --size 100000] [--seed 1] [--core 0]
        [--output docs/benchmarks.md] [--json FILE] [--skip-quality] [--skip-speed]
        [--save-index DIR] [--databases sqlite,postgresql | none] [--db-size N]
        [--index-from DIR] [--merge JSON] [--no-fresh]

1. Checks the labelled evaluation set (bench/matching_data.py); any problem stops the run.
2. Quality (bench/matching_quality.py): indexes the set's proposals once and, for every
   labelled query, ranks with the baselines "bm25" and "embedding", the full engine with the
   blend it had before issue 15 and with the blend fitted on the train half; reports
   recall@10, MRR and R@1 per language pair, per side and per hard-negative kind, for the test
   half (the headline) and the train half, then the fresh held-out batch apart
   (bench/matching_fresh.py; --no-fresh leaves it out). A run of the quality part alone
   (--skip-speed --databases none) replaces only that part of the report.
3. Speed, engine level: generates --size proposals (bench/matching_generator.py, seeded),
   builds the index in batches (per-stage times: generation, embedding, the rest of add();
   peak RSS), then times rank(k=10) for 200 random indexed proposals and search() for 200
   free-text queries (p50/p95). Runs on one core: OMP_NUM_THREADS=1 and CPU affinity {--core}.
   --save-index DIR keeps that index (MatchingIndex.save).
4. Speed through the database (bench/matching_db.py), for each of --databases: a fresh
   SQLite file or throw-away PostgreSQL cluster holding the saved index's documents as
   published proposals with their IndexEntry rows (--db-size of them), then the cold load of
   the live index, run_search() and recommend.for_proposal(). It stores the index the speed
   part saved (a temporary folder without --save-index) or --index-from DIR; --merge JSON
   takes the quality and engine figures of an earlier run (its --json) into the report, so
   the database part can be run again without embedding everything again.

The report (machine, date, commit, command, load average before/after, tables, targets) goes to
--output; --json writes every raw figure.
"""

from __future__ import annotations

import os

# One core, set before numpy (and the embedder's runtime) are imported.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_data  # noqa: E402
import matching_db  # noqa: E402
import matching_fresh  # noqa: E402
import matching_generator  # noqa: E402
import matching_quality  # noqa: E402
import matching_quality_report  # noqa: E402
import matching_report  # noqa: E402
from report_sections import write_section  # noqa: E402

METHODS = ("bm25", "embedding", "full")
TIMED_RANKS = 200
TIMED_SEARCHES = 200
BATCH = 1000
QUICK_SIZE = 5000


def engine():
    """The engine package; a clear message if it is not there yet."""
    try:
        from kakehashi.matching import engine as package

        package.MatchingIndex  # noqa: B018 (fail here, with the message below)
    except (ImportError, AttributeError) as error:
        sys.exit(f"kakehashi.matching.engine is not usable yet ({error}); nothing was measured.")
    return package


to_document = matching_quality.to_document


class TimedEmbedder:
    """Wraps the engine's embedder to add up the time spent embedding (a stage of add())."""

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.seconds = 0.0
        self.texts = 0

    def __getattr__(self, name):
        # Everything else the engine reads (floor, ceiling, centres_languages...) as is.
        return getattr(self.inner, name)

    def embed(self, texts, *, query: bool):
        start = time.perf_counter()
        vectors = self.inner.embed(texts, query=query)
        self.seconds += time.perf_counter() - start
        self.texts += len(texts)
        return vectors


def rss_mb() -> float:
    """Current resident set size."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# --- speed ---------------------------------------------------------------------------------


def build_index(engine_module, size: int, seed: int) -> tuple[object, dict]:
    embedder = TimedEmbedder(engine_module.default_embedder())
    gc.collect()
    rss_before = rss_mb()
    index = engine_module.MatchingIndex(embedder)
    generate = add = 0.0
    generator = matching_generator.proposals(size, seed=seed)
    done = 0
    while done < size:
        start = time.perf_counter()
        batch = [
            to_document(engine_module, p) for _, p in zip(range(BATCH), generator, strict=False)
        ]
        generate += time.perf_counter() - start
        start = time.perf_counter()
        index.add(batch)
        add += time.perf_counter() - start
        done += len(batch)
        if done % (10 * BATCH) == 0 or done == size:
            print(
                f"  indexed {done}/{size}: add {add:.1f} s (embedding {embedder.seconds:.1f} s)",
                file=sys.stderr,
            )
    gc.collect()
    figures = {
        "documents": len(index),
        "generate_seconds": generate,
        "add_seconds": add,
        "embedding_seconds": embedder.seconds,
        "embedded_texts": embedder.texts,
        "add_without_embedding_seconds": add - embedder.seconds,
        "embedder": embedder.name,
        "rss_growth_mb": rss_mb() - rss_before,
        "peak_rss_mb_after_build": peak_rss_mb(),
    }
    return index, figures


def time_calls(calls: list[Callable[[], object]]) -> dict:
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return {
        "count": len(times),
        "p50_ms": percentile(times, 0.50),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "mean_ms": statistics.fmean(times),
    }


def engine_speed(engine_module, size: int, seed: int, save_index: str | None = None) -> dict:
    index, build = build_index(engine_module, size, seed)
    if save_index:
        # The database benchmark (bench/matching_db.py) stores these documents, analyses and
        # vectors instead of embedding 100,000 texts again.
        start = time.perf_counter()
        index.save(save_index)
        build["saved_to"] = save_index
        build["save_seconds"] = time.perf_counter() - start
        print(f"  index saved to {save_index} in {build['save_seconds']:.1f} s", file=sys.stderr)
    rng = random.Random(seed + 100)
    sample = [
        to_document(engine_module, p)
        for p in matching_generator.proposals(size, seed=seed)
        if rng.random() < TIMED_RANKS / size * 1.2
    ][:TIMED_RANKS]
    ranks = {
        method: time_calls([lambda d=d, m=method: index.rank(d, k=10, method=m) for d in sample])
        for method in METHODS
    }
    queries = matching_generator.search_queries(TIMED_SEARCHES, seed=seed + 1)
    search = time_calls(
        [lambda t=t, lang=lang: index.search(t, language=lang) for t, lang in queries]
    )
    search_detect = time_calls([lambda t=t: index.search(t) for t, _ in queries[:50]])
    return {
        "build": build,
        "rank": ranks,
        "search": search,
        "search_language_detected": search_detect,
        "peak_rss_mb": peak_rss_mb(),
    }


# Every engine-level speed measurement: (key, title, function(engine_module, size, seed,
# save_index=DIR) -> figures). The database part is bench/matching_db.py (run_databases).
SPEED_SECTIONS: list[tuple[str, str, Callable[..., dict]]] = [
    ("engine", "Engine in memory (kakehashi.matching.engine)", engine_speed),
]


# --- the program ---------------------------------------------------------------------------


def pin_to_one_core(core: int = 0) -> list[int]:
    try:
        os.sched_setaffinity(0, {core})
        return sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return []


def merge(results: dict, earlier: dict, path: str) -> None:
    """Figures of an earlier run (its --json) that this run did not measure, e.g. the engine's
    build when the database part is run again on the index that run saved."""
    taken = []
    for key in ("quality", "speed"):
        if key in earlier and key not in results:
            results[key] = earlier[key]
            taken.append(key)
    for figures in results.get("speed", {}).values():
        figures.setdefault("size", earlier["settings"]["size"])
    results["earlier_runs"] = [
        {
            "json": path,
            "command": earlier["command"],
            "date": earlier["date"],
            "commit": earlier["host"]["commit"],
            "load_at_start": earlier["host"]["load_at_start"],
            "load_at_end": earlier["host"]["load_at_end"],
            "wall_seconds": earlier["wall_seconds"],
            "taken": taken,
        }
    ]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="generated proposals (100000)")
    parser.add_argument("--quick", action="store_true", help=f"--size {QUICK_SIZE}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "benchmarks.md"),
        help="the file whose 'matching' section the report replaces (others stay); '-' for stdout",
    )
    parser.add_argument("--json", help="write the raw figures to this file")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--core", type=int, default=0, help="the CPU to pin the run to (0)")
    parser.add_argument(
        "--save-index",
        metavar="DIR",
        help="save the speed part's index there (MatchingIndex.save), for the database part",
    )
    parser.add_argument(
        "--databases",
        default="sqlite,postgresql",
        help="databases of the database part, comma-separated, or 'none' (sqlite,postgresql)",
    )
    parser.add_argument(
        "--db-size",
        type=int,
        help="proposals stored in each database (default --size); beyond the saved index's "
        "documents, vectors are borrowed (bench/matching_db.py)",
    )
    parser.add_argument(
        "--index-from",
        metavar="DIR",
        help="the database part stores this saved index instead of the speed part's",
    )
    parser.add_argument(
        "--merge",
        metavar="JSON",
        help="take the quality and engine figures of an earlier run's --json into the report",
    )
    parser.add_argument("--check-only", action="store_true", help="check the sets and stop")
    parser.add_argument("--no-fresh", action="store_true", help="leave the fresh batch out")
    args = parser.parse_args(argv)
    if args.quick:
        args.size = QUICK_SIZE
    args.databases = [d for d in args.databases.split(",") if d and d != "none"]
    unknown = set(args.databases) - set(matching_db.DATABASES)
    if unknown:
        parser.error(f"unknown databases: {', '.join(sorted(unknown))}")
    if args.databases and args.skip_speed and not args.index_from:
        parser.error("the database part needs the speed part's index or --index-from DIR")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "OMP_NUM_THREADS=1 .venv/bin/python bench/matching.py " + shlex.join(
        sys.argv[1:] if argv is None else argv
    )
    try:
        # Integrity problems stop the run; counts below the minimums are reported.
        evalset = matching_data.load(minimums=False)
        fresh = None if args.no_fresh else matching_fresh.load(evalset)
    except matching_data.DataError as error:
        print(error, file=sys.stderr)
        return 1
    counts = evalset.counts()
    counts["below_minimums"] = matching_data.below_minimums(counts)
    counts.update({"fresh": matching_fresh.counts(fresh)} if fresh else {})
    for text in counts["below_minimums"]:
        print(f"WARNING: evaluation set below the issue's minimum: {text}", file=sys.stderr)
    print(
        f"evaluation set: {counts['proposals']} proposals, {counts['units']} evaluation units",
        file=sys.stderr,
    )
    if args.check_only:
        print(matching_data.counts_table(counts))
        return 0
    engine_module = engine()
    cores = pin_to_one_core(args.core)
    host = matching_report.machine(cores)
    results: dict = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": command,
        "settings": {"size": args.size, "seed": args.seed, "methods": METHODS},
        "host": host,
        "evaluation_set": counts,
    }
    stage_start = time.perf_counter()
    if not args.skip_quality:
        print("quality: indexing and ranking the evaluation set", file=sys.stderr)
        embedder = TimedEmbedder(engine_module.default_embedder())
        results["quality"] = matching_quality.quality(evalset, engine_module, embedder, fresh)
        results["quality"]["wall_seconds"] = time.perf_counter() - stage_start
    index_dir = args.index_from or args.save_index
    scratch = None
    if args.databases and not index_dir:
        scratch = index_dir = tempfile.mkdtemp(prefix="kakehashi-bench-saved-", dir="/tmp")
    if not args.skip_speed:
        results["speed"] = {}
        for key, title, function in SPEED_SECTIONS:
            print(f"speed: {title}, {args.size} proposals", file=sys.stderr)
            start = time.perf_counter()
            save = None if args.index_from else index_dir
            figures = function(engine_module, args.size, args.seed, save_index=save)
            figures["title"] = title
            figures["size"] = args.size
            figures["wall_seconds"] = time.perf_counter() - start
            results["speed"][key] = figures
    if args.databases:
        size = args.db_size or args.size
        results["settings"]["db_size"] = size
        try:
            results["databases"] = matching_db.run_databases(
                index_dir, size=size, databases=args.databases, seed=args.seed, core=args.core
            )
        finally:
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)
    if args.merge:
        merge(results, json.loads(Path(args.merge).read_text(encoding="utf-8")), args.merge)
    results["host"]["load_at_end"] = os.getloadavg()
    results["wall_seconds"] = time.perf_counter() - stage_start

    report = matching_report.write_report(results)
    if args.output == "-":
        print(report)
    elif matching_quality_report.write_alone(Path(args.output), results):
        print(f"report written to {args.output} (its matching quality part)", file=sys.stderr)
    else:
        write_section(Path(args.output), "matching", report)
        print(f"report written to {args.output} (its matching section)", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(
            json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
