"""The two baselines the solver is measured against, and the greedy that seeds it.

* first come, first served: requests in the order they were accepted (input order), each in
  its earliest slot where every member, a table and (if needed) an interpreter are free — what
  self-booking tools do.
* priority greedy: heaviest meetings first (ties: fewest possible slots, then input order),
  each in the free slot that keeps its members' agendas compact: the slot that adds the fewest
  idle gaps (filling a gap counts as removing one), then the one next to most of the members'
  meetings, then the earliest.

Both obey every rule; both are deterministic."""

from __future__ import annotations

import time

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.compiled import Compiled, compile_instance
from kakehashi.scheduling.instance import Instance
from kakehashi.scheduling.report import build_result
from kakehashi.scheduling.result import Result


def first_come_first_served(instance: Instance, *, upper_bound: int | None = None) -> Result:
    """Baseline: each meeting, in input order, in its earliest free slot. `upper_bound` saves
    computing the bound again when the caller has it; solve_seconds counts the greedy only."""
    started = time.perf_counter()
    compiled = compile_instance(instance)
    occupancy = Occupancy(compiled)
    c = compiled
    in_time_order = c.time_rank == sorted(c.time_rank)
    for m in range(c.num_meetings):
        if c.fixed_slot[m] >= 0 or not c.candidates[m]:
            continue
        slots = occupancy.feasible_slots(m)
        if slots:
            occupancy.place(
                m, slots[0] if in_time_order else min(slots, key=c.time_rank.__getitem__)
            )
    return _result(compiled, occupancy, "fcfs", "first-come-first-served", started, upper_bound)


def priority_order(compiled: Compiled) -> list[int]:
    c = compiled
    return sorted(
        (m for m in range(c.num_meetings) if c.fixed_slot[m] < 0 and c.candidates[m]),
        key=lambda m: (-c.weight[m], len(c.candidates[m]), m),
    )


def compact_slot(compiled: Compiled, occupancy: Occupancy, m: int, slots: list[int]) -> int:
    """Among free slots, the one that keeps the members' agendas most compact."""
    c = compiled
    best_key, best = None, slots[0]
    members = c.members[m]
    for t in slots:
        day_mask = c.day_mask[c.day_of[t]]
        added = 0
        adjacent = 0
        for p in members:
            used = occupancy.busy[p] & day_mask
            if not used:
                continue
            first = (used & -used).bit_length() - 1
            last = used.bit_length() - 1
            if t < first:
                added += first - t - 1
            elif t > last:
                added += t - last - 1
            else:
                added -= 1
            if used >> (t + 1) & 1 or (t and used >> (t - 1) & 1):
                adjacent += 1
        key = (added, -adjacent, t)
        if best_key is None or key < best_key:
            best_key, best = key, t
    return best


def place_by_priority(compiled: Compiled, occupancy: Occupancy) -> None:
    for m in priority_order(compiled):
        slots = occupancy.feasible_slots(m)
        if slots:
            occupancy.place(m, compact_slot(compiled, occupancy, m, slots))


def priority_greedy(instance: Instance, *, upper_bound: int | None = None) -> Result:
    """Baseline (and the solver's starting point): heaviest first, compact agendas."""
    started = time.perf_counter()
    compiled = compile_instance(instance)
    occupancy = Occupancy(compiled)
    place_by_priority(compiled, occupancy)
    return _result(compiled, occupancy, "priority", "priority-greedy", started, upper_bound)


def _result(compiled, occupancy, context, solver, started, upper_bound) -> Result:
    seconds = time.perf_counter() - started
    if upper_bound is None:
        from kakehashi.scheduling.bounds import compiled_upper_bound

        upper_bound = compiled_upper_bound(compiled)
    return build_result(
        compiled,
        occupancy,
        upper_bound=upper_bound,
        context=context,
        solver=solver,
        seconds=seconds,
    )
