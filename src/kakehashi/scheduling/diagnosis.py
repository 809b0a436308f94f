"""Why a meeting was left out, as data: a code, plain parameters (ids and counts) and the
producer that left it out. The platform renders it in the reader's language with names; the
English `reason` of the result document is written from it here (`describe`), so the two
always say the same thing.

Codes and their parameters (docs/scheduling-format.md has the same list):

- `participant_busy`: every possible slot is taken, most by the busiest member's other
  meetings (TAKEN below).
- `no_table`: `variant` `"in_use"`: the slots are taken, most because every table big
  enough is in use (TAKEN); `"too_small"`: no table has `seats` seats (`largest`: the most
  any table has).
- `no_interpreter`: `variant` `"busy"`: the slots are taken, most because no interpreter for
  `languages` is free (TAKEN); `"none"`: no interpreter covers `languages`; `"none_remote"`:
  the meeting is remote and no interpreter who covers `languages` can join remotely.
- `max_meetings_reached`: the `participants` already have `max_meetings` meetings (same
  order); all 0: they accept none.
- `fixed_meetings_block`: the fixed `meetings` take every slot (`slots`) it could have.
- `impossible`: `cause` `"no_common_slot"`: the `participants` share no available slot;
  `"no_resources"`: no slot has them, a table of `seats` seats and (for `languages`) an
  interpreter all available.
- `unexplained`: left out of a schedule that was not filled up (does not happen).

TAKEN, the parameters of a meeting whose candidate slots are all taken: `candidate_slots`
(how many), `member_busy_slots`, `no_table_slots`, `no_interpreter_slots` (slot ids, each
candidate slot in the first that applies), `members_busy` (`{"participant", "slots"}`, the
most busy first), `seats`, `languages` (or null); for `participant_busy` also `participant`
(the busiest member), `busy_slots` (how many of the candidate slots it is busy in),
`slots`, `meetings` (its meetings in those slots) and `partners` (the other members of those
meetings). The binding cause is the one covering the most candidate slots: the busiest
member's slots, the slots without a table, the slots without an interpreter; a tie goes to
the member.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# How each producer came to leave a meeting out, appended to the reason.
CONTEXT = {
    "fcfs": "when its request came up (first come, first served)",
    "priority": "once meetings of higher priority were placed",
    "optimal": (
        "in a schedule whose total weight is proven the greatest possible, so fitting it in "
        "would drop meetings of at least the same weight"
    ),
    "best_found": "in the best schedule found within the time limit",
}
CODES = (
    "participant_busy",
    "no_table",
    "no_interpreter",
    "max_meetings_reached",
    "fixed_meetings_block",
    "impossible",
    "unexplained",
)
SHOWN_SLOTS = 4


@dataclass(frozen=True)
class Diagnosis:
    code: str
    params: dict = field(default_factory=dict)
    context: str | None = None  # fcfs, priority, optimal or best_found; None before solving

    def with_context(self, context: str) -> Diagnosis:
        return Diagnosis(self.code, self.params, context)

    def to_json(self) -> dict:
        return {"code": self.code, "params": self.params, "context": self.context}


def _slot_list(slots: list[str]) -> str:
    more = f", and {len(slots) - SHOWN_SLOTS} more" if len(slots) > SHOWN_SLOTS else ""
    count = f"{len(slots)} slot" + ("s" if len(slots) != 1 else "")
    return f"{count} ({', '.join(slots[:SHOWN_SLOTS])}{more})"


def _taken(params: dict, context: str | None) -> str:
    parts = []
    if params["member_busy_slots"]:
        busy = params["members_busy"]
        if len(busy) == 1:
            names = repr(busy[0]["participant"])
        else:
            names = ", ".join(f"{b['participant']!r} in {b['slots']}" for b in busy) + " of them"
        slots = _slot_list(params["member_busy_slots"])
        parts.append(f"in {slots} a member is in another meeting ({names})")
    if params["no_table_slots"]:
        slots = _slot_list(params["no_table_slots"])
        parts.append(f"in {slots} every table with {params['seats']} seats or more is in use")
    if params["no_interpreter_slots"]:
        languages = " and ".join(params["languages"])
        slots = _slot_list(params["no_interpreter_slots"])
        parts.append(f"in {slots} no interpreter for {languages} is free")
    return "each possible slot is taken: " + "; ".join(parts) + f" — {CONTEXT[context]}"


def describe(diagnosis: Diagnosis) -> str:
    """The reason in English, for the command line and the result document."""
    code, params = diagnosis.code, diagnosis.params
    if code == "impossible":
        if params["cause"] == "no_common_slot":
            return "its members share no available slot"
        return "no slot has the members, a large enough table and an interpreter all available"
    if code == "no_table" and params["variant"] == "too_small":
        return f"no table has {params['seats']} seats"
    if code == "no_interpreter" and params["variant"] == "none":
        return f"no interpreter covers {' and '.join(params['languages'])}"
    if code == "no_interpreter" and params["variant"] == "none_remote":
        return f"no interpreter for {' and '.join(params['languages'])} can join remotely"
    if code == "max_meetings_reached":
        if not any(params["max_meetings"]):
            return "a member accepts no meetings (max_meetings is 0)"
        names = ", ".join(repr(p) for p in params["participants"])
        verb = "has" if len(params["participants"]) == 1 else "have"
        return f"{names} already {verb} as many meetings as max_meetings allows"
    if code == "fixed_meetings_block":
        return (
            "every slot its members share with a suitable table and interpreter is taken by "
            "fixed meetings (a member's, or the last suitable table or interpreter)"
        )
    if code in ("participant_busy", "no_table", "no_interpreter"):
        return _taken(params, diagnosis.context)
    return f"not placed {CONTEXT[diagnosis.context]}"
