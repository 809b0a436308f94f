"""Benchmarks of the meeting scheduler: `make bench`, or

    .venv/bin/python bench/scheduling.py [--sizes small,medium] [--variants tight]
        [--repeats 3] [--time-limit-scale 0.1] [--output docs/benchmarks.md] [--json FILE]

For every size × variant × instance seed (--seeds, default 1), one instance is generated
(kakehashi.scheduling.generator), then each of these runs in a fresh Python process of its own:
the upper bound (bounds.upper_bound), the first-come-first-served baseline, the priority greedy
and the solver (solve.solve with the time limit of the issue: small 10 s, medium 30 s, large
60 s, huge 120 s, times --time-limit-scale). Each process reads the instance JSON, parses it
and runs one algorithm; "wall" is parse + run inside that process (what an organiser waits
for, without Python's start-up and imports), "peak RSS" is the process's maximum resident set
(os.wait4), the honest memory figure for CP-SAT's threads and native allocations.

Every result is checked with check.check in this process; a violation, a crash or a time-out
fails the benchmark: it is printed loudly, recorded in the report, and the exit status is 1.
With --repeats N > 1 the figures are the medians over the N runs. The report (machine, inputs,
table, targets met and missed) goes to --output, docs/benchmarks.md by default.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

from report_sections import write_section  # noqa: E402 (bench/ is put on the path above)
from scheduling_worker import run_worker  # noqa: E402

SIZES = ("small", "medium", "large", "huge")
VARIANTS = ("two-sided", "realistic", "tight", "remote")
TIME_LIMITS = {"small": 10.0, "medium": 30.0, "large": 60.0, "huge": 120.0}
ALGORITHMS = ("fcfs", "greedy", "solve")
ALGORITHM_NAMES = {"fcfs": "FCFS", "greedy": "priority greedy", "solve": "solver"}
INSTANCE_SEED = 1
SOLVER_SEED = 0


# --- the benchmark -------------------------------------------------------------------------


def describe_instance(document: dict, instance) -> dict:
    meetings = document["meetings"]
    requested = Counter(member for meeting in meetings for member in meeting["participants"])
    return {
        "participants": len(document["participants"]),
        "meetings": len(meetings),
        "slots": len(document["slots"]),
        "days": len({slot.day for slot in instance.slots}),
        "tables": len(document["tables"]),
        "seats": dict(sorted(Counter(table["seats"] for table in document["tables"]).items())),
        "interpreters": len(document["interpreters"]),
        "interpreted_meetings": sum(1 for meeting in meetings if meeting.get("interpreting")),
        "remote_meetings": sum(1 for meeting in meetings if meeting.get("remote")),
        "remote_interpreters": sum(1 for i in document["interpreters"] if i.get("remote")),
        "delegation_meetings": sum(1 for meeting in meetings if len(meeting["participants"]) > 2),
        "with_windows": sum(1 for p in document["participants"] if p["available"] is not None),
        "requested_weight": sum(meeting.get("weight", 1) for meeting in meetings),
        "most_requested": max(requested.values()),
        "impossible": len(instance.impossible),
    }


def figures(instance, report, result: dict) -> dict:
    """The row figures of a checked result (the checker's own figures, plus a few)."""
    from kakehashi.scheduling import figures as schedule_figures
    from kakehashi.scheduling.result import Assignment

    checked = report.figures
    assignments = [
        Assignment(a["meeting"], a["slot"], a["table"], a.get("interpreter"))
        for a in result["assignments"]
    ]
    counts = schedule_figures.meetings_per_participant(instance, assignments)
    requested = Counter(member for meeting in instance.meetings for member in meeting.participants)
    shares = [counts[member] / asked for member, asked in requested.items()]
    worst = checked.get("worst_served") or {}
    remote = {meeting.id for meeting in instance.meetings if meeting.remote}
    return {
        "status": result["status"],
        "weight": checked["scheduled_weight"],
        "claimed_bound": result["upper_bound"],
        "meetings_scheduled": checked["meetings_scheduled"],
        "remote_scheduled": sum(1 for a in assignments if a.meeting in remote),
        "idle_gaps": checked["idle_gaps"],
        # gapbound.py: the fewest idle gaps with the same meetings per participant and day
        "idle_gap_bound": result["stats"].get("idle_gap_bound"),
        "target_mip": result["stats"].get("target_mip"),
        "whole_mip": result["stats"].get("whole_mip"),
        "solver_stopped": result["stats"].get("stopped"),
        "worst_served": worst.get("participant"),
        "worst_scheduled": worst.get("scheduled"),
        "worst_requested": worst.get("requested"),
        "worst_share": (worst["scheduled"] / worst["requested"]) if worst else None,
        "left_without_meeting": checked["without_meeting"],
        # 90 % of the participants who asked for meetings got at least this share of them
        "share_p10": statistics.quantiles(shares, n=10, method="inclusive")[0],
    }


def bench_instance(size: str, variant: str, seed: int, args, workdir: Path, log) -> dict:
    from kakehashi.scheduling.check import check
    from kakehashi.scheduling.generator import generate
    from kakehashi.scheduling.instance import parse_instance

    started = time.perf_counter()
    document = generate(size, variant, seed)
    generate_seconds = time.perf_counter() - started
    instance_path = workdir / f"{size}-{variant}-{seed}.json"
    instance_path.write_text(json.dumps(document), encoding="utf-8")
    instance = parse_instance(document)
    entry = {
        "size": size,
        "variant": variant,
        "seed": seed,
        "label": variant + (f", seed {seed}" if len(args.seeds) > 1 else ""),
        "generate_seconds": generate_seconds,
        "instance": describe_instance(document, instance),
        "time_limit": TIME_LIMITS[size] * args.time_limit_scale,
        "failures": [],
        "runs": {},
    }
    del document
    name = f"{size}/{variant}" + (f" seed {seed}" if len(args.seeds) > 1 else "")
    log(f"{name}: {entry['instance']['meetings']} meetings, bound ...")
    bound = run_worker("bound", instance_path, workdir, time_limit=0, seed=0, deadline=600)
    entry["bound"] = bound
    if "failure" in bound:
        entry["failures"].append(f"upper bound: {bound['failure']}")
        log(f"FAILED {size}/{variant} upper bound: {bound['failure']}")
    else:
        log(f"  bound {bound['upper_bound']} in {bound['run_seconds']:.1f} s")

    # The baselines are given the bound, so that their time is the greedy's alone; if the
    # bound failed, the requested weight (a trivial bound) stands in.
    baseline_bound = bound.get("upper_bound", entry["instance"]["requested_weight"])
    for algorithm in ALGORITHMS:
        limit = entry["time_limit"] if algorithm == "solve" else 0.0
        deadline = 3 * limit + 600
        runs = []
        # The solver once per solver seed (and repeat); the baselines take no seed.
        seeds = args.solver_seeds if algorithm == "solve" else args.solver_seeds[:1]
        for repeat, solver_seed in [(r, s) for s in seeds for r in range(args.repeats)]:
            record = run_worker(
                algorithm,
                instance_path,
                workdir,
                time_limit=limit,
                seed=solver_seed,
                deadline=deadline,
                bound=None if algorithm == "solve" else baseline_bound,
            )
            record["solver_seed"] = solver_seed
            run_name = f"{name} {ALGORITHM_NAMES[algorithm]} (seed {solver_seed}, run {repeat + 1})"
            if "failure" in record:
                entry["failures"].append(f"{run_name}: {record['failure']}")
                log(f"FAILED {run_name}: {record['failure']}")
                runs.append(record)
                continue
            result = record.pop("result")
            checked_at = time.perf_counter()
            report = check(instance, result)
            record["check_seconds"] = time.perf_counter() - checked_at
            record["violations"] = [str(violation) for violation in report.violations]
            if report.violations:
                entry["failures"].append(
                    f"{run_name}: {len(report.violations)} violation(s), e.g. "
                    + "; ".join(record["violations"][:3])
                )
                log(f"FAILED {run_name}: {len(report.violations)} VIOLATIONS")
                for violation in record["violations"][:10]:
                    log(f"    {violation}")
            record.update(figures(instance, report, result))
            runs.append(record)
            log(
                f"  {ALGORITHM_NAMES[algorithm]:>15}: weight {record['weight']}, "
                f"{record['meetings_scheduled']} meetings, {record['idle_gaps']} gaps "
                f"(bound {record['idle_gap_bound']}), "
                f"{record['wall_seconds']:.1f} s, {record['peak_rss_mb']:.0f} MB, "
                f"{record['status']}" + (f" (seed {solver_seed})" if len(seeds) > 1 else "")
            )
        entry["runs"][algorithm] = runs
    entry["summary"] = summarise(entry)
    return entry


NUMERIC = (
    "weight",
    "claimed_bound",
    "meetings_scheduled",
    "remote_scheduled",
    "idle_gaps",
    "idle_gap_bound",
    "worst_share",
    "worst_scheduled",
    "worst_requested",
    "left_without_meeting",
    "share_p10",
    "parse_seconds",
    "run_seconds",
    "wall_seconds",
    "peak_rss_mb",
    "cpu_seconds",
    "check_seconds",
)


def summarise(entry: dict) -> dict:
    """Medians over repeats for each algorithm; the best proven bound of the instance."""
    bounds = []
    if "upper_bound" in entry["bound"]:
        bounds.append(entry["bound"]["upper_bound"])
    summary = {}
    for algorithm, runs in entry["runs"].items():
        good = [run for run in runs if "failure" not in run]
        if not good:
            summary[algorithm] = None
            continue
        row = {"runs": len(good), "valid": all(not run["violations"] for run in good)}
        for key in NUMERIC:
            values = [run[key] for run in good if run.get(key) is not None]
            row[key] = statistics.median(values) if values else None
        row["status"] = Counter(run["status"] for run in good).most_common(1)[0][0]
        row["statuses"] = sorted({run["status"] for run in good})
        row["all_optimal"] = all(run["status"] == "optimal" for run in good)
        row["worst_served"] = good[0]["worst_served"]
        summary[algorithm] = row
        if algorithm == "solve":
            bounds.extend(run["claimed_bound"] for run in good if not run["violations"])
    best = min(bounds) if bounds else None
    for row in summary.values():
        if row is not None:
            row["share"] = (row["weight"] / best) if best else None
    return {"best_bound": best, "algorithms": summary}


def parse_list(value: str, allowed: tuple[str, ...]) -> list[str]:
    if value == "all":
        return list(allowed)
    chosen = [item.strip() for item in value.split(",") if item.strip()]
    for item in chosen:
        if item not in allowed:
            raise argparse.ArgumentTypeError(f"{item!r} is not one of {', '.join(allowed)}")
    return chosen


def parse_seeds(value: str) -> list[int]:
    try:
        seeds = [int(item) for item in value.split(",") if item.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a list of whole numbers") from None
    if not seeds:
        raise argparse.ArgumentTypeError("give at least one seed")
    return seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="all",
        type=lambda v: parse_list(v, SIZES),
        help="comma-separated: small,medium,large,huge (default all)",
    )
    parser.add_argument(
        "--variants",
        default="all",
        type=lambda v: parse_list(v, VARIANTS),
        help="comma-separated: two-sided,realistic,tight,remote (default all)",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="runs of each algorithm; the report gives medians (default 1)",
    )
    parser.add_argument(
        "--time-limit-scale",
        type=float,
        default=1.0,
        help="multiply the solver's time limits (default 1)",
    )
    parser.add_argument(
        "--seeds",
        "--seed",
        type=parse_seeds,
        default=[INSTANCE_SEED],
        help="instance seeds, comma-separated (default 1)",
    )
    parser.add_argument(
        "--solver-seeds",
        "--solver-seed",
        type=parse_seeds,
        default=[SOLVER_SEED],
        help="solver seeds, comma-separated: the solver runs once with each (default 0)",
    )
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "benchmarks.md"),
        help="the Markdown report ('-' for stdout)",
    )
    parser.add_argument("--json", help="also write every run's raw figures to this file")
    parser.add_argument(
        "--from-json", help="write the report from a file saved with --json, without running"
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    from scheduling_report import machine, write_report

    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        text = write_report(saved["entries"], saved["machine"], saved["settings"])
        if args.output == "-":
            sys.stdout.write(text)
        else:
            write_section(Path(args.output), "scheduling", text, first=True)
        return 0

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    host = machine()
    log(f"{host['cpu']} × {host['cores']}, Python {host['python']}, highspy {host['highspy']}")
    entries = []
    with tempfile.TemporaryDirectory(prefix="kakehashi-bench-") as tmp:
        for size in args.sizes:
            for variant in args.variants:
                for seed in args.seeds:
                    entries.append(bench_instance(size, variant, seed, args, Path(tmp), log))
    elapsed = time.perf_counter() - started
    settings = {
        "seed": ", ".join(str(seed) for seed in args.seeds),
        "solver_seed": ", ".join(str(seed) for seed in args.solver_seeds),
        "repeats": args.repeats,
        "time_limit_scale": args.time_limit_scale,
        "elapsed_seconds": elapsed,
        "load_at_end": os.getloadavg(),
        "command": "bench/scheduling.py " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    text = write_report(entries, host, settings)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_section(Path(args.output), "scheduling", text, first=True)
        log(f"report written to {args.output}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"machine": host, "settings": settings, "entries": entries}, indent=1),
            encoding="utf-8",
        )
    failures = [failure for entry in entries for failure in entry["failures"]]
    if failures:
        log(f"BENCHMARK FAILED: {len(failures)} failure(s)")
        for failure in failures:
            log(f"  {failure}")
        return 1
    log(f"done in {elapsed / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
