"""One algorithm on one instance, in a Python process of its own (for bench/scheduling.py).

    python bench/scheduling_worker.py ALGORITHM INSTANCE.json OUTPUT.json
        [--time-limit SECONDS] [--seed N] [--bound N]

ALGORITHM is bound, fcfs, greedy or solve. The worker reads the instance JSON, then times
parse_instance plus the algorithm, and writes {parse_seconds, run_seconds, wall_seconds} with
either upper_bound or result (the result document) to OUTPUT.json. run_worker() starts it and
adds the process's peak RSS and CPU time from os.wait4.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def worker(
    algorithm: str,
    instance_path: str,
    output_path: str,
    *,
    time_limit: float,
    seed: int,
    bound: int | None,
) -> None:
    from kakehashi.scheduling.instance import parse_instance

    if algorithm == "bound":
        from kakehashi.scheduling.bounds import upper_bound

        run = upper_bound
    elif algorithm in ("fcfs", "greedy"):
        from kakehashi.scheduling import baselines

        baseline = {
            "fcfs": baselines.first_come_first_served,
            "greedy": baselines.priority_greedy,
        }[algorithm]
        # The baselines compute the bound unless given it; time the greedy alone.
        given = {}
        if bound is not None and "upper_bound" in inspect.signature(baseline).parameters:
            given["upper_bound"] = bound

        def run(instance):
            return baseline(instance, **given)
    elif algorithm == "solve":
        from kakehashi.scheduling.solve import solve

        def run(instance):
            # The time limit counts from before parsing, as on the command line.
            return solve(instance, time_limit=time_limit, seed=seed, started=started)
    else:
        raise SystemExit(f"unknown algorithm {algorithm!r}")

    with open(instance_path, encoding="utf-8") as source:
        document = json.load(source)
    started = time.perf_counter()
    instance = parse_instance(document)
    parsed = time.perf_counter()
    outcome = run(instance)
    finished = time.perf_counter()
    record = {
        "parse_seconds": parsed - started,
        "run_seconds": finished - parsed,
        "wall_seconds": finished - started,
    }
    if algorithm == "bound":
        record["upper_bound"] = int(outcome)
    else:
        record["result"] = outcome.to_json()
    with open(output_path, "w", encoding="utf-8") as sink:
        json.dump(record, sink)


def run_worker(
    algorithm: str,
    instance_path: Path,
    workdir: Path,
    *,
    time_limit: float,
    seed: int,
    deadline: float,
    bound: int | None = None,
) -> dict:
    """Run one worker process; return its record plus peak RSS and CPU time, or a failure."""
    stem = workdir / f"{algorithm}-{time.monotonic_ns()}"
    output, log_path = stem.with_suffix(".json"), stem.with_suffix(".log")
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        algorithm,
        str(instance_path),
        str(output),
        "--time-limit",
        repr(time_limit),
        "--seed",
        str(seed),
    ]
    if bound is not None:
        command += ["--bound", str(bound)]
    started = time.monotonic()
    timed_out = False
    # Output goes to a file: a pipe nobody reads would block a talkative solver.
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > deadline:
                timed_out = True
                process.send_signal(signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    record = {
        "process_seconds": time.monotonic() - started,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }
    if timed_out:
        record["failure"] = f"killed after {deadline:.0f} s"
    elif process.returncode != 0 or not output.exists():
        tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-6:]
        record["failure"] = f"exit status {process.returncode}: " + " | ".join(tail)
    else:
        record.update(json.loads(output.read_text(encoding="utf-8")))
        output.unlink()
    log_path.unlink(missing_ok=True)
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("algorithm", choices=("bound", "fcfs", "greedy", "solve"))
    parser.add_argument("instance")
    parser.add_argument("output")
    parser.add_argument("--time-limit", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bound", type=int, help="the upper bound, given to the baselines")
    args = parser.parse_args(argv)
    worker(
        args.algorithm,
        args.instance,
        args.output,
        time_limit=args.time_limit,
        seed=args.seed,
        bound=args.bound,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
