"""The whole MIP on small events, on the second core: closes the last units of weight that
the neighbourhood search does not find, and proves the weight optimal.

On a small event (a few thousand to twenty thousand variables) the search gets within a few
units of the LP bound in a second or two and then stalls: the last units need exchanges over
the whole day at once. The exact model of the whole event (bounds.SlotLP with integral x,
weight only, submip.SubMIP) closes them, but its root LP alone is a few seconds of dual
simplex on a degenerate LP, so it runs on the second core while the search goes on on the
first (solve.py):

* it starts from the search's schedule at that moment (a MIP start), with HiGHS' presolve
  and heuristics on (RINS from the incumbent is what finds the last units);
* its objective is the weight first, then submip's compactness tie-break — mostly "stay
  where the search put it", worth less than one unit of weight altogether: its schedule
  keeps most of the search's compact agendas, and on the small benchmark events it closes
  the gap three to four times faster than the weight alone. It stops as soon as its bound,
  read in units of weight, is down to the weight of its best schedule (the weight is then
  proven; the tie-break need not be);
* it stops at a deterministic limit: a number of HiGHS' own limit checks (`SubMIP.check_limit`,
  about WORK_PER_CHECK work units each) and of nodes, never the clock — the clock is only the
  safety net of the time limit, as everywhere in the solver;
* the search joins it at a fixed point of its own budget (never "when it finishes"), so the
  outcome does not depend on which core is faster. If its schedule has more weight, it
  replaces the search's (`adopt`), and the idle-gap phase goes on from it; if not, only its
  bound is kept. The join waits until the run's deadline at most: a whole MIP still in
  HiGHS then (which notices a cancel only at its next limit check) is cancelled and left to
  end on its own, and nothing of it is used (Plan._join_exact, Plan.close).

Its dual bound is a proof: every schedule is a solution of the MIP (the interpreters are
exact up to compiled.EXACT_PAIRS pairs; beyond, the MIP relaxes them and its bound still
holds), and its objective is unit × weight plus a tie-break that is never negative, so the
weight of any schedule is at most the bound divided by unit; weights are integers, so its
floor is a bound too. The weight is optimal when it reaches that bound.
"""

from __future__ import annotations

import math
import threading

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.compiled import Compiled
from kakehashi.scheduling.submip import WEIGHT_COMPACT, SubMIP

# Work units per limit check of HiGHS, roughly (on the small benchmark events a check comes
# after each round of cuts or a few nodes, from 0.1 to 0.7 s of one core; the root LP falls
# between two checks). The checks are what is deterministic, not their cost.
WORK_PER_CHECK = 0.2
MIN_CHECKS = 4
NODE_LIMIT = 5_000


class WholeMIP(threading.Thread):
    """The whole MIP from the current schedule, solved on a thread of its own."""

    def __init__(self, c: Compiled, occ: Occupancy, *, work: float, deadline: float):
        # Not a daemon: the interpreter waits for it before it exits (Plan.close).
        super().__init__(name="kakehashi-whole-mip", daemon=False)
        self.c = c
        allowed = {
            m: c.candidate_mask[m]
            for m in range(c.num_meetings)
            if c.fixed_slot[m] < 0 and c.candidates[m]
        }
        self.sub = SubMIP(
            c,
            occ,
            allowed,
            objective=WEIGHT_COMPACT,
            weight_proof=True,
            node_limit=NODE_LIMIT,
            deadline=deadline,
            presolve=True,
            check_limit=max(MIN_CHECKS, int(work / WORK_PER_CHECK)),
            seconds=math.inf,  # the deadline only
        )
        self.start_weight = self.sub.old_weight
        self.error: BaseException | None = None
        # Set once the outcome is known: before, nothing of it may be read (Plan._join_exact).
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.sub.run()
        except Exception as error:  # the search's schedule and the LP bound still hold
            self.error = error
        finally:
            self.done.set()

    def cancel(self) -> None:
        """Stop at HiGHS' next limit check (its result is then not used)."""
        self.sub.cancelled = True

    @property
    def work(self) -> float:
        sub = self.sub
        return sub.build_work + sub.run_work + WORK_PER_CHECK * sub.checks

    def weight(self) -> int:
        return sum(self.c.weight[m] for m in self.sub.new)

    def bound(self) -> int | None:
        """A proven bound on the total weight (fixed meetings included), or None."""
        sub = self.sub
        if self.error is not None or sub.dual_bound is None:
            return None
        fixed = sum(self.c.weight[m] for slot in self.c.fixed_at for m in slot)
        return fixed + math.floor(sub.dual_bound + 1e-6)

    def stats(self) -> dict:
        sub = self.sub
        entry = {
            "start_weight": self.start_weight,
            "weight": self.weight(),
            "bound": self.bound(),
            "proven_optimal": sub.proven,
            "checks": sub.checks,
            "nodes": sub.nodes,
            "simplex_iterations": sub.iterations,
            "work_units": round(self.work, 2),
        }
        if self.error is not None:
            entry["error"] = f"{type(self.error).__name__}: {self.error}"
        return entry


def adopt(occ: Occupancy, schedule: dict[int, int]) -> bool:
    """Replace every movable meeting's slot with `schedule` (meeting → slot); False, and the
    occupancy unchanged, if it does not fit (the MIP relaxes interpreters beyond
    EXACT_PAIRS pairs, see compiled.py)."""
    old = occ.movable_slots()
    for m in old:
        occ.remove(m)
    placed = []
    for m in sorted(schedule):
        t = schedule[m]
        if not occ.fits(m, t):
            break
        occ.place(m, t)
        placed.append(m)
    else:
        return True
    for m in placed:
        occ.remove(m)
    for m, t in sorted(old.items()):
        occ.place(m, t)
    return False
