"""The result document (`"format": "kakehashi-schedule-result/1"`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kakehashi.scheduling.diagnosis import Diagnosis

RESULT_FORMAT = "kakehashi-schedule-result/1"


class Status:
    OPTIMAL = "optimal"  # the scheduled weight equals the proven upper bound
    FEASIBLE = "feasible"  # a valid schedule; the bound was not reached in the time given


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: str | None  # None for a remote meeting
    interpreter: str | None = None


@dataclass(frozen=True)
class Unscheduled:
    meeting: str
    reason: str  # in English, written from the diagnosis
    diagnosis: Diagnosis | None = None


@dataclass
class Result:
    status: str
    scheduled_weight: int
    upper_bound: int
    assignments: list[Assignment]
    unscheduled: list[Unscheduled]
    stats: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "format": RESULT_FORMAT,
            "status": self.status,
            "scheduled_weight": self.scheduled_weight,
            "upper_bound": self.upper_bound,
            "assignments": [
                {
                    "meeting": a.meeting,
                    "slot": a.slot,
                    "table": a.table,
                    "interpreter": a.interpreter,
                }
                for a in self.assignments
            ],
            "unscheduled": [_unscheduled(u) for u in self.unscheduled],
            "stats": self.stats,
        }


def _unscheduled(item: Unscheduled) -> dict:
    entry = {"meeting": item.meeting, "reason": item.reason}
    if item.diagnosis is not None:
        entry["diagnosis"] = item.diagnosis.to_json()
    return entry
