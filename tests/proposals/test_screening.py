from decimal import Decimal
from itertools import product

import pytest

from kakehashi.proposals.screening import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    ScreeningError,
    screen,
)


def test_all_top_levels_score_100_and_nothing_scores_0():
    assert screen(dict.fromkeys(CRITERIA, 4)).score == Decimal("100.0")
    assert screen({}).score == Decimal("0.0")


def test_the_default_weights_give_the_documented_score():
    # technology 3×4 + environment 3×2 + added value 2×1 = 20 of 4 × 12 = 48 → 41.666… → 41.7
    result = screen({"technology": 4, "environment": 2, "added_value": 1})
    assert result.score == Decimal("41.7")
    points = {c.criterion: c.points for c in result.contributions}
    assert points == {
        "technology": Decimal("25.0"),
        "governance": Decimal("0.0"),
        "added_value": Decimal("4.2"),
        "spillover": Decimal("0.0"),
        "supply_chain": Decimal("0.0"),
        "environment": Decimal("12.5"),
    }
    assert sum(points.values()) == result.score


def test_contributions_add_up_exactly_for_every_level_combination_under_awkward_weights():
    weights = {"technology": 7, "governance": 3, "added_value": 1, "spillover": 9,
               "supply_chain": 2, "environment": 5}  # fmt: skip
    for levels in product(range(5), repeat=3):
        result = screen(
            dict(zip(("technology", "spillover", "environment"), levels, strict=True)), weights
        )
        assert sum(c.points for c in result.contributions) == result.score
        assert all(c.points >= 0 for c in result.contributions)


def test_weights_change_the_ranking():
    green = {"environment": 4, "technology": 1}
    hightech = {"technology": 4, "environment": 1}
    environment_first = {**dict.fromkeys(CRITERIA, 0), "environment": 5, "technology": 1}
    technology_first = {**dict.fromkeys(CRITERIA, 0), "environment": 1, "technology": 5}
    assert screen(green, environment_first).score > screen(hightech, environment_first).score
    assert screen(hightech, technology_first).score > screen(green, technology_first).score


def test_a_criterion_with_weight_zero_contributes_nothing():
    weights = {**DEFAULT_WEIGHTS, "governance": 0}
    result = screen({"governance": 4}, weights)
    assert result.score == Decimal("0.0")


@pytest.mark.parametrize(
    ("levels", "weights"),
    [
        ({"technology": 5}, None),
        ({"technology": -1}, None),
        ({}, dict.fromkeys(CRITERIA, 0)),
        ({}, {**DEFAULT_WEIGHTS, "technology": 11}),
    ],
)
def test_out_of_range_levels_and_weights_are_refused(levels, weights):
    with pytest.raises(ScreeningError):
        screen(levels, weights)
