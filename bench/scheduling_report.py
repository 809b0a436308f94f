"""The machine description and the Markdown report of bench/scheduling.py."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import math
import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMITS = {"small": 10.0, "medium": 30.0, "large": 60.0, "huge": 120.0}
SHARE_TARGETS = {"medium": 0.995, "large": 0.99, "huge": 0.99}
MEMORY_TARGET_MB = {"large": 4096}
NAMES = {"fcfs": "FCFS", "greedy": "priority greedy", "solve": "solver"}


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


def machine() -> dict:
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
            if line.startswith("MemTotal:")
        ),
        0,
    )
    quota = _read("/sys/fs/cgroup/cpu.max").split()
    cpu_quota = None
    if len(quota) == 2 and quota[0] != "max":
        cpu_quota = int(quota[0]) / int(quota[1])
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src", "bench"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if dirty:
            commit += " with uncommitted changes"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)),
        "cpu_quota": cpu_quota,
        "ram_gb": memory_kb / 1024 / 1024,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "highspy": _version("highspy"),
        "numpy": _version("numpy"),
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %z"),
        "load_at_start": os.getloadavg(),
        "commit": commit,
    }


# --- targets -------------------------------------------------------------------------------


def targets(entry: dict) -> list[tuple[str, bool, str]]:
    """(target, met, what was measured) for one instance."""
    size = entry["size"]
    rows = entry["summary"]["algorithms"]
    solver, greedy, fcfs = rows.get("solve"), rows.get("greedy"), rows.get("fcfs")
    bound = entry["summary"]["best_bound"]
    limit = TIME_LIMITS[size]
    out = []
    if solver is None:
        out.append((f"{size}: the solver gives a valid schedule", False, "the solver failed"))
        return out
    wall, memory, share = solver["wall_seconds"], solver["peak_rss_mb"], solver["share"]
    timing = (
        f"{wall:.1f} s (parse {solver['parse_seconds']:.1f} s + run {solver['run_seconds']:.1f} s)"
    )
    if not solver["valid"]:
        out.append((f"{size}: a valid schedule", False, "the checker found violations"))
    if size == "small":
        out.append(
            (
                "small: proven optimal",
                solver.get("all_optimal", solver["status"] == "optimal")
                and solver["weight"] == bound,
                f"status {'/'.join(solver['statuses'])} over {solver['runs']} run(s), weight "
                f"{_int(solver['weight'])} of bound {_int(bound)} ({_pct(share)})",
            )
        )
    else:
        out.append(
            (
                f"{size}: ≥ {SHARE_TARGETS[size] * 100:g} % of the bound",
                share is not None and share >= SHARE_TARGETS[size],
                f"{_pct(share)} ({_int(solver['weight'])} of {_int(bound)})",
            )
        )
    out.append((f"{size}: in ≤ {limit:.0f} s", wall <= limit, timing))
    if size in MEMORY_TARGET_MB:
        out.append(
            (
                f"{size}: within {MEMORY_TARGET_MB[size] // 1024} GB",
                memory <= MEMORY_TARGET_MB[size],
                f"peak RSS {memory:,.0f} MB",
            )
        )
    if greedy is not None:
        out.append(
            (
                "never worse than the priority greedy",
                solver["weight"] >= greedy["weight"],
                f"weight {_int(solver['weight'])} vs {_int(greedy['weight'])}",
            )
        )
    baseline_gaps = [row["idle_gaps"] for row in (fcfs, greedy) if row is not None]
    if baseline_gaps:
        gaps = solver["idle_gaps"]
        out.append(
            (
                "fewer idle gaps than both baselines",
                gaps == 0 or gaps < min(baseline_gaps),
                f"{_int(gaps)} vs FCFS {_int(fcfs and fcfs['idle_gaps'])}, "
                f"greedy {_int(greedy and greedy['idle_gaps'])} (the solver's idle-gap bound: "
                f"{_int(solver.get('idle_gap_bound'))})",
            )
        )
    return out


def _time_note(entries: list[dict], missed: list[str], settings: dict) -> str:
    """Whether the solver itself overran its limit, or parsing made the difference."""
    own = []
    for entry in entries:
        solver = entry["summary"]["algorithms"].get("solve")
        if _name(entry) in missed and solver is not None:
            limit = TIME_LIMITS[entry["size"]] * settings["time_limit_scale"]
            if solver["run_seconds"] <= limit + 1.0:
                own.append(_name(entry))
    if not own:
        return "The solver's own run overran its limit by more than a second in each."
    count = f"all {len(own)}" if len(own) == len(missed) else f"{len(own)}"
    return (
        f"In {count} of them the solver's own run ended within a second of its time limit "
        "and parsing the instance made the difference: the solver spends its whole limit, "
        "so parse + solve exceeds it."
    )


def _name(entry: dict) -> str:
    return f"{entry['size']}/{entry.get('label', entry['variant'])}"


def _kind(target: str) -> str:
    """The family of a size-specific target, for the summary."""
    if "valid schedule" in target:
        return "valid schedules (checked)"
    if target.startswith("in ≤"):
        return "time limit (parse + solve within the issue's limit)"
    if target.startswith("within"):
        return "memory (large within 4 GB)"
    return "quality (small proven optimal; medium ≥ 99.5 %, large and huge ≥ 99 % of the bound)"


# --- formatting ----------------------------------------------------------------------------


def _pct(value, digits: int = 2) -> str:
    """A percentage rounded down, so that 99.996 % is not shown as 100.00 %."""
    if value is None:
        return "–"
    scale = 10**digits
    return f"{math.floor(value * 100 * scale + 1e-9) / scale:.{digits}f} %"


def _int(value) -> str:
    return "–" if value is None else f"{round(value):,}"


def _seconds(value) -> str:
    return "–" if value is None else f"{value:.1f}"


def write_report(entries: list[dict], host: dict, settings: dict) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/scheduling.py`); do not edit by hand — run it again.",
        "A quick subset (a minute or two): `.venv/bin/python bench/scheduling.py --sizes small "
        "--output /tmp/bench.md` (add `--time-limit-scale 0.2` for shorter solver runs, "
        "`--repeats 3` for medians). See `bench/README.md`.",
        "",
        "## Machine",
        "",
        f"- CPU: {host['cpu']}, {host['cores']} cores available to the run"
        + (f" (cgroup quota {host['cpu_quota']:g} CPUs)" if host.get("cpu_quota") else ""),
        f"- RAM: {host['ram_gb']:.1f} GB; Linux {host['kernel']}",
        f"- Python {host['python']}, highspy {host['highspy']}, numpy {host['numpy']}",
        f"- Date: {host['date']}; code: commit {host['commit']}",
        f"- Command: `{settings['command'].strip()}`; the whole run took "
        f"{settings['elapsed_seconds'] / 60:.1f} min",
        "- Load average (1/5/15 min) at the start: "
        + " / ".join(f"{value:.2f}" for value in host["load_at_start"])
        + "; at the end: "
        + " / ".join(f"{value:.2f}" for value in settings["load_at_end"])
        + " (other work on the machine slows the runs down)",
        "",
        *(["## Notes", "", *settings["notes"], ""] if settings.get("notes") else []),
        "## Inputs",
        "",
        "Instances from `kakehashi.scheduling.generator` (`python -m "
        "kakehashi.scheduling.generator SIZE VARIANT --seed N`), seed "
        f"{settings['seed']}; solver seed {settings['solver_seed']}; "
        f"{settings['repeats']} run(s) of each algorithm"
        + (", figures are medians" if settings["repeats"] > 1 else "")
        + ". Solver time limits: "
        + ", ".join(
            f"{size} {limit * settings['time_limit_scale']:g} s"
            for size, limit in TIME_LIMITS.items()
        )
        + (
            f" (the issue's limits × {settings['time_limit_scale']:g}; targets are still "
            "judged against the issue's limits)"
            if settings["time_limit_scale"] != 1
            else ""
        )
        + ".",
        "",
        "- **two-sided**: Vietnamese vs Japanese participants, two-person meetings of weight 1, "
        "no availability windows, no interpreting; as many tables (80 % two-seat) as meetings "
        "requested per slot.",
        "- **realistic**: plenary sessions and half-day or one-day attendance windows, "
        "3–4-person delegations, about 40 % of meetings needing a vi–ja interpreter, "
        "interpreters with windows, weights 1–3 (3 = must meet), some `max_meetings`; "
        "2/4/6-seat tables for 70 % of the meetings requested per slot.",
        "- **tight**: as realistic, with tables for half the meetings requested per slot and "
        "interpreters for 35 % of the interpreted meetings per slot.",
        "- **remote**: the realistic meetings, but 25 % of the Japanese participants and 10 % of "
        "the Vietnamese ones join by video (a delegation together): a meeting with one of them "
        'is remote (`"remote": true`), takes no table and, if interpreted, needs an '
        "interpreter who can join remotely (half of them can); tables for 70 % of the "
        "in-person meetings requested per slot.",
        "- Demand is skewed: 5 % of the Japanese participants are asked about 2.5 times per slot "
        "of the event, 3 % of the Vietnamese ones 1.5 times.",
        "",
        "| size | variant | participants | meetings | slots (days) | tables 2/4/6 seats | "
        "interpreters (remote) | interpreted | remote meetings | delegation meetings | "
        "with windows | most requested | "
        "requested weight | upper bound (bounds.py, s) | best bound |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for entry in entries:
        facts, bound = entry["instance"], entry["bound"]
        # keys are numbers, or strings once read back from --json
        seats = "/".join(
            str(facts["seats"].get(n, facts["seats"].get(str(n), 0))) for n in (2, 4, 6)
        )
        remote_interpreters = facts.get("remote_interpreters", 0)
        bound_text = (
            f"{bound['upper_bound']:,} ({bound['run_seconds']:.1f} s)"
            if "upper_bound" in bound
            else "failed"
        )
        lines.append(
            f"| {entry['size']} | {entry.get('label', entry['variant'])} | "
            f"{facts['participants']:,} | "
            f"{facts['meetings']:,} | {facts['slots']} ({facts['days']}) | "
            f"{facts['tables']:,} ({seats}) | {facts['interpreters']:,}"
            + (f" ({remote_interpreters:,})" if remote_interpreters else "")
            + f" | {facts['interpreted_meetings']:,} | {facts.get('remote_meetings', 0):,} | "
            f"{facts['delegation_meetings']:,} | "
            f"{facts['with_windows']:,} | {facts['most_requested']} | "
            f"{facts['requested_weight']:,} | {bound_text} | "
            f"{_int(entry['summary']['best_bound'])} |"
        )
    lines += [
        "",
        "*Best bound*: the smaller of bounds.py's bound and the bound the solver proved; the "
        "shares below are of this bound. *Most requested*: the largest number of meetings one "
        "participant was asked for. *Interpreters (remote)*: how many, and in brackets how "
        "many can join remote meetings.",
        "",
        "## Results",
        "",
        "| size | variant | algorithm | status | weight | share of bound | meetings | "
        "worst served | left without a meeting | 90 % got ≥ | idle gaps | idle-gap bound | "
        "wall (s) | parse (s) | peak RSS (MB) |",
        "|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for entry in entries:
        for algorithm in ("fcfs", "greedy", "solve"):
            row = entry["summary"]["algorithms"].get(algorithm)
            prefix = (
                f"| {entry['size']} | {entry.get('label', entry['variant'])} | {NAMES[algorithm]} |"
            )
            if row is None:
                lines.append(prefix + " **failed** |" + " |" * 11)
                continue
            status = "/".join(row["statuses"]) + ("" if row["valid"] else " **INVALID**")
            worst = (
                f"{_int(row['worst_scheduled'])}/{_int(row['worst_requested'])}"
                f" ({_pct(row['worst_share'])})"
            )
            meetings = _int(row["meetings_scheduled"])
            if entry["instance"].get("remote_meetings"):
                meetings += f" ({_int(row.get('remote_scheduled'))} remote)"
            lines.append(
                f"{prefix} {status} | {_int(row['weight'])} | {_pct(row['share'])} | "
                f"{meetings} | {worst} | "
                f"{_int(row['left_without_meeting'])} | {_pct(row.get('share_p10'), 0)} | "
                f"{_int(row['idle_gaps'])} | {_int(row.get('idle_gap_bound'))} | "
                f"{_seconds(row['wall_seconds'])} | {_seconds(row['parse_seconds'])} | "
                f"{_int(row['peak_rss_mb'])} |"
            )
    lines += [
        "",
        "- *FCFS*: first come, first served — each accepted request, in order, gets its "
        "earliest free slot, as self-booking tools do. *Priority greedy*: the baseline of "
        "`baselines.py`. *Solver*: `solve.solve` with the time limit above.",
        "- *Meetings*: how many were scheduled; for an instance with remote meetings, how many "
        "of them were remote in brackets.",
        "- *Weight*: the total weight scheduled, recomputed by `check.check`, which validated "
        "every result (any violation fails the benchmark and is marked INVALID).",
        "- *Worst served*: the participant with the smallest share of their requested meetings "
        "scheduled (then the fewest meetings), among participants who requested at least one: "
        "scheduled/requested (share) — the checker's `worst_served`. *Left without a meeting*: "
        "participants who requested at least one meeting and got none — the checker's "
        "`without_meeting`; the solver lowers it last, never at the cost of weight "
        "(`fairness.py`). *90 % got ≥*: the "
        "share of their requested meetings that 90 % of those participants got at least (the "
        "10th percentile).",
        "- *Idle gaps*: empty slots between a participant's first and last meeting of a day, "
        "summed over participants and days. *Idle-gap bound*: the fewest idle gaps any "
        "schedule can have that gives every participant the same number of meetings each day "
        "as this one (`gapbound.py`: per participant and day, from that count, the slots "
        "their meetings could take and their fixed meetings); it only sees each participant's "
        "own slots, so where everyone could meet all day it is 0 and the gaps above it come "
        "from partners' agendas, tables and interpreters.",
        "- *Status*: `optimal` only with a proof — the weight reaches the LP bound, or the "
        "whole MIP (`exact.py`, small events) closed its gap; with several solver seeds, every "
        "status seen is listed and the figures are medians.",
        "- *Wall*: parsing the instance plus running the algorithm, inside a fresh process "
        "(Python start-up and imports excluded); *parse* is the parsing part of it. *Peak RSS*: "
        "the process's maximum resident memory (`os.wait4`), which includes the interpreter, "
        "the JSON document and the parsed instance.",
        "",
        "## Targets",
        "",
    ]
    met_all, missed_all = [], []
    by_kind: dict[str, list[str]] = {}  # kind of target -> instances where it was missed
    tally: dict[str, int] = {}
    for entry in entries:
        name = _name(entry)
        for target, met, measured in targets(entry):
            (met_all if met else missed_all).append(f"{name} — {target}: {measured}")
            kind = target.split(": ", 1)[-1]
            kind = kind if entry["size"] not in target else _kind(kind)
            tally[kind] = tally.get(kind, 0) + 1
            by_kind.setdefault(kind, [])
            if not met:
                by_kind[kind].append(name)
    lines.append("In short:")
    lines.append("")
    for kind, missed in by_kind.items():
        if missed:
            lines.append(
                f"- {kind}: missed on {len(missed)} of {tally[kind]} ({', '.join(missed)})."
            )
            if kind.startswith("time"):
                lines[-1] += " " + _time_note(entries, missed, settings)
        else:
            lines.append(f"- {kind}: met on all {tally[kind]}.")
    lines.append("")
    lines.append(f"**Met ({len(met_all)})**" + (":" if met_all else ": none."))
    lines += ["", *[f"- {line}" for line in met_all], ""] if met_all else [""]
    lines.append(f"**Missed ({len(missed_all)})**" + (":" if missed_all else ": none."))
    lines += ["", *[f"- {line}" for line in missed_all], ""] if missed_all else [""]
    failures = [failure for entry in entries for failure in entry["failures"]]
    if failures:
        lines += ["## Failures", "", *[f"- **{failure}**" for failure in failures], ""]
    return "\n".join(lines).rstrip() + "\n"
