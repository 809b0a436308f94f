"""`kakehashi schedule`: solve and check schedules on the JSON formats of
docs/scheduling-format.md. Pure Python: Django is never set up here.

    kakehashi schedule solve INSTANCE.json [--time-limit SECONDS] [--seed N] > RESULT.json
    kakehashi schedule check INSTANCE.json RESULT.json

Exit codes: 0 success (for check: the result is valid); 1 the result breaks a rule (check);
2 bad input or usage (unreadable file, invalid JSON, an instance with problems, a bad option).
Error messages go to stderr, the result JSON and the figures to stdout."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

from kakehashi.cli_support import UsageError, read_utf8, whole_number
from kakehashi.scheduling.check import Report, check
from kakehashi.scheduling.instance import Instance, InstanceError, parse_instance

PROG = "kakehashi schedule"
MAX_SEED = 2**31 - 1


def _time_limit(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds ≥ 0, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Schedule one-to-one meetings over slots, tables and interpreters.",
        epilog="The file formats are described in docs/scheduling-format.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    solve = commands.add_parser(
        "solve",
        help="schedule an instance; print the result JSON on stdout",
        description="Schedule an instance and print the result JSON on stdout "
        "(progress on stderr).",
    )
    solve.add_argument("instance", metavar="INSTANCE.json")
    solve.add_argument(
        "--time-limit",
        type=_time_limit,
        default=60.0,
        metavar="SECONDS",
        help="stop searching after this many seconds (default: 60)",
    )
    solve.add_argument(
        "--seed",
        type=whole_number(0, MAX_SEED),
        default=0,
        metavar="N",
        help="random seed; the same input and seed give the same result (default: 0)",
    )
    check = commands.add_parser(
        "check",
        help="validate a result against its instance and print its figures",
        description="Validate a result against its instance, independently of the solver, "
        "and print its figures. Exit code 0 if valid, 1 if it breaks a rule.",
    )
    check.add_argument("instance", metavar="INSTANCE.json")
    check.add_argument("result", metavar="RESULT.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    # --time-limit is wall time from here: reading and parsing the instance count against it.
    started = time.perf_counter()
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:  # --help, or a usage error already printed by argparse
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        if args.command == "solve":
            return _solve(args, started=started)
        return _check(args)
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def read_json(path: str):
    text = read_utf8(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{path}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None


def read_instance(path: str) -> Instance:
    data = read_json(path)
    try:
        return parse_instance(data)
    except InstanceError as error:
        count = len(error.problems)
        lines = [f"{path}: the instance has {count} problem{'s' if count != 1 else ''}:"]
        lines += [f"  {problem}" for problem in error.problems]
        raise UsageError("\n".join(lines)) from None


def write_text(stream, text: str) -> None:
    """Write UTF-8 whatever the locale of the stream."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and hasattr(stream, "buffer"):
        stream.flush()
        stream.buffer.write(text.encode("utf-8"))
        stream.buffer.flush()
    else:
        stream.write(text)
        stream.flush()


def _progress(*args, **kwargs) -> None:
    """Progress reports of the solver, one line each on stderr, whatever their shape."""
    parts = [str(arg) for arg in args] + [f"{key}={value}" for key, value in kwargs.items()]
    print(" ".join(parts), file=sys.stderr, flush=True)


def _solve(args, *, started: float) -> int:
    instance = read_instance(args.instance)
    try:
        # Imported here: the solver is the heavy part (OR-Tools), and `check` does without it.
        from kakehashi.scheduling.solve import solve
    except ModuleNotFoundError as error:
        if error.name != "kakehashi.scheduling.solve":
            raise
        raise UsageError("the solver (kakehashi.scheduling.solve) is not installed") from None
    result = solve(
        instance,
        time_limit=args.time_limit,
        seed=args.seed,
        progress=_progress,
        started=started,
    )
    print(
        f"{result.status}: weight {result.scheduled_weight} of bound {result.upper_bound}, "
        f"{len(result.assignments)} meetings scheduled, {len(result.unscheduled)} unscheduled, "
        f"{result.stats['idle_gaps']} idle gaps (at least {result.stats['idle_gap_bound']} "
        f"with the same meetings per participant and day), "
        f"{time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    write_text(sys.stdout, json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    return 0


def _check(args) -> int:
    instance = read_instance(args.instance)
    report = check(instance, read_json(args.result))
    write_text(sys.stdout, format_report(report))
    return 0 if report.valid else 1


def format_report(report: Report) -> str:
    figures = report.figures
    lines = []
    if figures:
        share = figures["share_of_upper_bound"]
        bound = figures["upper_bound"]
        lines.append(
            f"scheduled weight: {figures['scheduled_weight']}"
            + (f" of upper bound {bound}" if bound is not None else "")
            + (f" ({share:.2%})" if share is not None else "")
        )
        unscheduled = figures["meetings_unscheduled"]
        lines.append(
            f"meetings: {figures['meetings_scheduled']} scheduled, "
            f"{'?' if unscheduled is None else unscheduled} unscheduled, "
            f"{figures['meetings']} in the instance"
        )
        lines.append(f"idle gaps: {figures['idle_gaps']}")
        per = figures["meetings_per_participant"]
        if per["min"] is not None:
            lines.append(
                f"meetings per participant: min {per['min']}, median {per['median']:g}, "
                f"max {per['max']}"
            )
        worst = figures["worst_served"]
        if worst is not None:
            lines.append(
                f"worst-served participant: {worst['participant']} "
                f"({worst['scheduled']} of {worst['requested']} meetings)"
            )
    if report.valid:
        lines.append("valid: no violations")
    else:
        count = len(report.violations)
        lines.append(f"invalid: {count} violation{'s' if count != 1 else ''}")
        lines += [f"  {violation}" for violation in report.violations]
    return "\n".join(lines) + "\n"
