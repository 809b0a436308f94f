"""Screening of investment projects against the criteria Vietnam uses to select foreign
investment (pure Python: no Django, no database).

Each criterion is rated on a level from 0 (absent) to 4 (exemplary). A locality weighs the
criteria (whole numbers 0–10); the score is

    score = 100 × Σ(weight × level) / (4 × Σ weight)

rounded to one decimal. Each criterion's contribution is its share of that sum, rounded so
that the contributions add up *exactly* to the rounded score (largest-remainder rounding on
tenths of a point), so a page can show the breakdown and the reader can add it up.

DEFAULT_WEIGHTS is what a locality gets until its moderators set their own: technology level
and environmental protection weigh most (they are preconditions in Resolution 50-NQ/TW of
2019 on foreign investment), then added value and supply-chain links, then governance and
spill-over.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

CRITERIA = (
    "technology",
    "governance",
    "added_value",
    "spillover",
    "supply_chain",
    "environment",
)
MAX_LEVEL = 4
MAX_WEIGHT = 10
DEFAULT_WEIGHTS = {
    "technology": 3,
    "governance": 1,
    "added_value": 2,
    "spillover": 1,
    "supply_chain": 2,
    "environment": 3,
}
TENTH = Decimal("0.1")


class ScreeningError(ValueError):
    """Levels or weights out of range, or no weight at all."""


@dataclass(frozen=True)
class Contribution:
    criterion: str
    level: int
    weight: int
    points: Decimal  # on the 0–100 scale, one decimal


@dataclass(frozen=True)
class Screening:
    score: Decimal  # 0–100, one decimal
    contributions: tuple[Contribution, ...]


def _check(levels: Mapping[str, int], weights: Mapping[str, int]) -> None:
    for criterion in CRITERIA:
        level, weight = levels.get(criterion, 0), weights.get(criterion, 0)
        if not (isinstance(level, int) and 0 <= level <= MAX_LEVEL):
            raise ScreeningError(f"level of {criterion} must be 0–{MAX_LEVEL}, not {level!r}")
        if not (isinstance(weight, int) and 0 <= weight <= MAX_WEIGHT):
            raise ScreeningError(f"weight of {criterion} must be 0–{MAX_WEIGHT}, not {weight!r}")
    if not any(weights.get(criterion, 0) for criterion in CRITERIA):
        raise ScreeningError("at least one criterion needs a weight above zero")


def screen(levels: Mapping[str, int], weights: Mapping[str, int] | None = None) -> Screening:
    """The score of a project with these levels under these weights (default: DEFAULT_WEIGHTS).
    A criterion missing from `levels` counts as level 0."""
    weights = DEFAULT_WEIGHTS if weights is None else weights
    _check(levels, weights)
    total_weight = sum(weights.get(criterion, 0) for criterion in CRITERIA)
    # Exact shares in tenths of a point.
    shares = {
        criterion: Fraction(1000 * weights.get(criterion, 0) * levels.get(criterion, 0))
        / (MAX_LEVEL * total_weight)
        for criterion in CRITERIA
    }
    exact_total = sum(shares.values())
    # Round half up to the nearest tenth.
    total_tenths = int(exact_total + Fraction(1, 2))
    floors = {criterion: int(share) for criterion, share in shares.items()}
    missing = total_tenths - sum(floors.values())
    # Hand the remaining tenths to the largest remainders (ties in criterion order).
    order = sorted(CRITERIA, key=lambda c: (-(shares[c] - floors[c]), CRITERIA.index(c)))
    for criterion in order[:missing]:
        floors[criterion] += 1
    contributions = tuple(
        Contribution(
            criterion=criterion,
            level=levels.get(criterion, 0),
            weight=weights.get(criterion, 0),
            points=Decimal(floors[criterion]) * TENTH,
        )
        for criterion in CRITERIA
    )
    return Screening(score=Decimal(total_tenths) * TENTH, contributions=contributions)
