"""Validate a result document against its instance, independently of the solver.

check() reads the result defensively: a field of the wrong shape is a `bad_format` violation,
never an exception. Each kind of broken result has its own violation code (listed in
VIOLATION_CODES and in docs/scheduling-format.md); the figures are recomputed from the
assignments, whatever the result claims.

How broken entries are counted, so that one mistake gives one violation:
- an assignment or unscheduled entry of the wrong shape, or naming an unknown meeting, is
  reported and otherwise ignored; so is the second and any later assignment of one meeting;
- an assignment naming an unknown slot, table or interpreter still schedules its meeting (it
  counts for the weight and max_meetings), but the rules that need the unknown thing are not
  checked for it, and without a known slot it takes no part in the idle gaps.
An interpreter given to a meeting that needs none is a violation (`interpreter_not_needed`):
interpreters are scarce, and the seats of a table are counted for interpreted meetings only.
A remote meeting has no table (`"table": null`): a table given to it is `table_not_needed`,
and its interpreter must be one who can join remotely (`interpreter_not_remote`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kakehashi.scheduling import figures as schedule_figures
from kakehashi.scheduling.instance import Instance, Meeting
from kakehashi.scheduling.result import RESULT_FORMAT, Assignment, Status

VIOLATION_CODES = {
    "bad_format": "the document, or one of its fields, does not have the documented shape",
    "unknown_meeting": "an assignment or unscheduled entry names a meeting not in the instance",
    "unknown_slot": "an assignment names a slot not in the instance",
    "unknown_table": "an assignment names a table not in the instance",
    "unknown_interpreter": "an assignment names an interpreter not in the instance",
    "meeting_assigned_twice": "a meeting has more than one assignment",
    "meeting_unscheduled_twice": "a meeting is listed more than once as unscheduled",
    "meeting_missing": "a meeting is neither assigned nor unscheduled",
    "meeting_assigned_and_unscheduled": "a meeting is both assigned and unscheduled",
    "member_unavailable": "a member of a meeting is not available in its slot",
    "member_double_booked": "a participant is in two meetings or more in one slot",
    "over_max_meetings": "a participant has more meetings than max_meetings",
    "table_unavailable": "a table is not available in the slot of its meeting",
    "table_double_booked": "a table holds two meetings or more in one slot",
    "table_too_small": "a table has fewer seats than the members plus the interpreter",
    "table_missing": "a meeting held in person has no table",
    "table_not_needed": "a remote meeting is given a table",
    "interpreter_missing": "a meeting that needs interpreting has no interpreter",
    "interpreter_lacks_language": "an interpreter does not cover both languages of the meeting",
    "interpreter_unavailable": "an interpreter is not available in the slot of the meeting",
    "interpreter_double_booked": "an interpreter is in two meetings or more in one slot",
    "interpreter_not_needed": "an interpreter is given to a meeting that needs none",
    "interpreter_not_remote": "a remote meeting's interpreter cannot join remotely",
    "fixed_meeting_moved": "a fixed meeting is not in its fixed slot and table",
    "fixed_meeting_unscheduled": "a fixed meeting is listed as unscheduled",
    "weight_mismatch": "scheduled_weight is not the total weight of the assigned meetings",
    "bound_below_weight": "upper_bound is less than the weight of the assigned meetings",
    "false_optimal": "status is optimal but the scheduled weight is not the upper bound",
    "idle_gaps_mismatch": "stats.idle_gaps is not the number of idle gaps of the assignments",
}

STATUSES = (Status.OPTIMAL, Status.FEASIBLE)


@dataclass(frozen=True)
class Violation:
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


@dataclass
class Report:
    violations: list[Violation] = field(default_factory=list)
    figures: dict = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.violations

    @property
    def codes(self) -> list[str]:
        return [violation.code for violation in self.violations]

    def add(self, code: str, message: str) -> None:
        assert code in VIOLATION_CODES, code
        self.violations.append(Violation(code, message))


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_id(value) -> bool:
    return isinstance(value, str) and value != ""


def check(instance: Instance, result_document) -> Report:
    """Check every rule of the instance on the result document; recompute its figures."""
    report = Report()
    if not isinstance(result_document, dict):
        report.add("bad_format", "$: the result must be a JSON object")
        return report
    doc = result_document
    if doc.get("format") != RESULT_FORMAT:
        report.add("bad_format", f"format: must be {RESULT_FORMAT!r}, not {doc.get('format')!r}")
    status = doc.get("status")
    if status not in STATUSES:
        report.add("bad_format", f"status: must be one of {list(STATUSES)}, not {status!r}")
    claimed_weight = doc.get("scheduled_weight")
    if not _is_int(claimed_weight):
        report.add("bad_format", "scheduled_weight: must be an integer")
        claimed_weight = None
    upper_bound = doc.get("upper_bound")
    if not _is_int(upper_bound):
        report.add("bad_format", "upper_bound: must be an integer")
        upper_bound = None
    stats = doc.get("stats")
    claimed_gaps = None
    if not isinstance(stats, dict):
        report.add("bad_format", "stats: must be an object")
    elif not _is_int(stats.get("idle_gaps")):
        report.add("bad_format", "stats.idle_gaps: must be an integer")
    else:
        claimed_gaps = stats["idle_gaps"]

    assignments, assigned_ok = _read_assignments(instance, doc.get("assignments"), report)
    unscheduled, unscheduled_ok = _read_unscheduled(instance, doc.get("unscheduled"), report)
    if assigned_ok and unscheduled_ok:
        _check_coverage(instance, assignments, unscheduled, report)
    _check_rules(instance, assignments, report)

    with_slot = [a for _path, a in assignments if a.slot in instance.slot_by_id]
    weight = schedule_figures.scheduled_weight(instance, (a for _path, a in assignments))
    gaps = schedule_figures.idle_gaps(instance, with_slot)
    if claimed_weight is not None and claimed_weight != weight:
        report.add(
            "weight_mismatch",
            f"scheduled_weight: claims {claimed_weight}; the assigned meetings weigh {weight}",
        )
    if upper_bound is not None and upper_bound < weight:
        report.add(
            "bound_below_weight",
            f"upper_bound: {upper_bound} is less than the weight scheduled, {weight}",
        )
    if status == Status.OPTIMAL and upper_bound is not None and upper_bound != weight:
        report.add(
            "false_optimal",
            f"status: optimal, but the weight scheduled ({weight}) is not the upper bound "
            f"({upper_bound})",
        )
    if claimed_gaps is not None and claimed_gaps != gaps:
        report.add(
            "idle_gaps_mismatch",
            f"stats.idle_gaps: claims {claimed_gaps}; the assignments leave {gaps}",
        )
    report.figures = schedule_figures.figures_of(
        instance,
        [a for _path, a in assignments],
        upper_bound=upper_bound,
        unscheduled=len(unscheduled),
        idle_gaps=gaps,
    )
    return report


def _read_assignments(instance: Instance, value, report: Report):
    """Well-formed assignments of known meetings, first one per meeting, with their path;
    and whether the list could be read at all."""
    if not isinstance(value, list):
        report.add("bad_format", "assignments: must be a list")
        return [], False
    good: list[tuple[str, Assignment]] = []
    first: dict[str, str] = {}  # meeting -> path of its first assignment
    for index, item in enumerate(value):
        path = f"assignments[{index}]"
        if not isinstance(item, dict):
            report.add("bad_format", f"{path}: must be an object")
            continue
        wrong = [key for key in ("meeting", "slot") if not _is_id(item.get(key))]
        table = item.get("table")
        if table is not None and not _is_id(table):
            wrong.append("table")
        interpreter = item.get("interpreter")
        if interpreter is not None and not _is_id(interpreter):
            wrong.append("interpreter")
        if wrong:
            report.add(
                "bad_format",
                f"{path}: {', '.join(wrong)} must be "
                + ("an id" if len(wrong) == 1 else "ids")
                + (
                    " (table and interpreter: an id or null)"
                    if "interpreter" in wrong or "table" in wrong
                    else ""
                ),
            )
            continue
        meeting = item["meeting"]
        if meeting not in instance.meeting_by_id:
            report.add("unknown_meeting", f"{path}.meeting: no meeting {meeting!r}")
            continue
        if meeting in first:
            report.add(
                "meeting_assigned_twice",
                f"{path}: meeting {meeting!r} is already assigned in {first[meeting]}",
            )
            continue
        first[meeting] = path
        if item["slot"] not in instance.slot_by_id:
            report.add("unknown_slot", f"{path}.slot: no slot {item['slot']!r}")
        if table is not None and table not in instance.table_by_id:
            report.add("unknown_table", f"{path}.table: no table {table!r}")
        if interpreter is not None and interpreter not in instance.interpreter_by_id:
            report.add("unknown_interpreter", f"{path}.interpreter: no interpreter {interpreter!r}")
        good.append((path, Assignment(meeting, item["slot"], table, interpreter)))
    return good, True


def _read_unscheduled(instance: Instance, value, report: Report):
    """Meeting id -> path of its unscheduled entry; and whether the list could be read."""
    if not isinstance(value, list):
        report.add("bad_format", "unscheduled: must be a list")
        return {}, False
    listed: dict[str, str] = {}
    for index, item in enumerate(value):
        path = f"unscheduled[{index}]"
        if not isinstance(item, dict):
            report.add("bad_format", f"{path}: must be an object")
            continue
        if not _is_id(item.get("meeting")) or not isinstance(item.get("reason"), str):
            report.add("bad_format", f"{path}: needs a meeting id and a reason (a string)")
            continue
        meeting = item["meeting"]
        if meeting not in instance.meeting_by_id:
            report.add("unknown_meeting", f"{path}.meeting: no meeting {meeting!r}")
        elif meeting in listed:
            report.add(
                "meeting_unscheduled_twice",
                f"{path}: meeting {meeting!r} is already unscheduled in {listed[meeting]}",
            )
        else:
            listed[meeting] = path
    return listed, True


def _check_coverage(instance: Instance, assignments, unscheduled: dict, report: Report) -> None:
    assigned = {assignment.meeting: path for path, assignment in assignments}
    for meeting in instance.meetings:
        if meeting.id in assigned and meeting.id in unscheduled:
            report.add(
                "meeting_assigned_and_unscheduled",
                f"{unscheduled[meeting.id]}: meeting {meeting.id!r} is also assigned in "
                f"{assigned[meeting.id]}",
            )
        elif meeting.id in unscheduled and meeting.fixed is not None:
            report.add(
                "fixed_meeting_unscheduled",
                f"{unscheduled[meeting.id]}: meeting {meeting.id!r} is fixed in slot "
                f"{meeting.fixed.slot!r} at table {meeting.fixed.table!r}",
            )
        elif meeting.id not in assigned and meeting.id not in unscheduled:
            report.add(
                "meeting_missing",
                f"meetings: {meeting.id!r} is neither assigned nor unscheduled",
            )


def _check_rules(instance: Instance, assignments, report: Report) -> None:
    member_slot: dict[tuple[str, str], list[str]] = defaultdict(list)
    table_slot: dict[tuple[str, str], list[str]] = defaultdict(list)
    interpreter_slot: dict[tuple[str, str], list[str]] = defaultdict(list)
    count: Counter[str] = Counter()
    for path, assignment in assignments:
        meeting = instance.meeting_by_id[assignment.meeting]
        slot = assignment.slot if assignment.slot in instance.slot_by_id else None
        for member in meeting.participants:
            count[member] += 1
        if meeting.fixed is not None and (assignment.slot, assignment.table) != (
            meeting.fixed.slot,
            meeting.fixed.table,
        ):
            report.add(
                "fixed_meeting_moved",
                f"{path}: meeting {meeting.id!r} is fixed in slot {meeting.fixed.slot!r} at "
                f"table {meeting.fixed.table!r}, not slot {assignment.slot!r} at table "
                f"{assignment.table!r}",
            )
        if slot is not None:
            for member in meeting.participants:
                available = instance.participant_by_id[member].available
                if available is not None and slot not in available:
                    report.add(
                        "member_unavailable",
                        f"{path}: participant {member!r} is not available in slot {slot!r}",
                    )
                member_slot[(member, slot)].append(meeting.id)
        _check_table(instance, path, meeting, assignment, slot, table_slot, report)
        _check_interpreter(instance, path, meeting, assignment, slot, interpreter_slot, report)

    _report_double_bookings("member_double_booked", "participant", member_slot, report)
    _report_double_bookings("table_double_booked", "table", table_slot, report)
    _report_double_bookings("interpreter_double_booked", "interpreter", interpreter_slot, report)
    for participant in instance.participants:
        limit = participant.max_meetings
        if limit is not None and count[participant.id] > limit:
            report.add(
                "over_max_meetings",
                f"participants: {participant.id!r} has {count[participant.id]} meetings; "
                f"max_meetings is {limit}",
            )


def _check_table(instance, path, meeting: Meeting, assignment, slot, table_slot, report) -> None:
    if assignment.table is None:
        if not meeting.remote:
            report.add(
                "table_missing",
                f"{path}: meeting {meeting.id!r} is held in person and has no table",
            )
        return
    if meeting.remote:
        report.add(
            "table_not_needed",
            f"{path}: meeting {meeting.id!r} is remote, but has table {assignment.table!r}",
        )
    table = instance.table_by_id.get(assignment.table)
    if table is None:
        return
    if table.seats < meeting.seats_needed:
        report.add(
            "table_too_small",
            f"{path}: table {table.id!r} has {table.seats} seats; meeting {meeting.id!r} "
            f"needs {meeting.seats_needed}",
        )
    if slot is not None:
        if table.available is not None and slot not in table.available:
            report.add(
                "table_unavailable", f"{path}: table {table.id!r} is not available in slot {slot!r}"
            )
        table_slot[(table.id, slot)].append(meeting.id)


def _check_interpreter(
    instance, path, meeting: Meeting, assignment, slot, interpreter_slot, report
) -> None:
    if assignment.interpreter is None:
        if meeting.interpreting:
            report.add(
                "interpreter_missing",
                f"{path}: meeting {meeting.id!r} needs an interpreter for "
                f"{' and '.join(sorted(meeting.interpreting))}",
            )
        return
    interpreter = instance.interpreter_by_id.get(assignment.interpreter)
    if interpreter is None:
        return
    if not meeting.interpreting:
        report.add(
            "interpreter_not_needed",
            f"{path}: meeting {meeting.id!r} needs no interpreter, but has {interpreter.id!r}",
        )
    elif not interpreter.covers(meeting.interpreting):
        missing = sorted(meeting.interpreting - interpreter.languages)
        report.add(
            "interpreter_lacks_language",
            f"{path}: interpreter {interpreter.id!r} does not speak {' and '.join(missing)}",
        )
    if meeting.interpreting and meeting.remote and not interpreter.remote:
        report.add(
            "interpreter_not_remote",
            f"{path}: meeting {meeting.id!r} is remote; interpreter {interpreter.id!r} cannot "
            "join remotely",
        )
    if slot is not None:
        if interpreter.available is not None and slot not in interpreter.available:
            report.add(
                "interpreter_unavailable",
                f"{path}: interpreter {interpreter.id!r} is not available in slot {slot!r}",
            )
        interpreter_slot[(interpreter.id, slot)].append(meeting.id)


def _report_double_bookings(code: str, noun: str, booked: dict, report: Report) -> None:
    for (who, slot), meetings in booked.items():
        if len(meetings) > 1:
            report.add(
                code,
                f"slot {slot!r}: {noun} {who!r} is in meetings "
                + ", ".join(repr(meeting) for meeting in meetings),
            )
