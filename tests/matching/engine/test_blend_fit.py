"""bench/matching_fit.py: the L2 penalty only on the components the labelled set exercises,
and the cross-validation inside the train half (issue 15, third pass). Synthetic units: no
index, no embedder."""

import sys
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"
sys.path.insert(0, str(BENCH))
import matching_fit  # noqa: E402

NAMES = ["semantic", "lexical", "met_before"]
START = {"semantic": 0.3, "lexical": 0.3, "met_before": 0.4}


def _unit(counterpart, others):
    features = np.array([counterpart, *others], dtype=np.float64)
    relevant = np.zeros(len(features), dtype=bool)
    relevant[0] = True
    return features, relevant


def _units():
    # semantic separates the counterpart, lexical misleads, met_before is never exercised.
    return [
        _unit([0.9, 0.1, 0.0], [[0.2, 0.8, 0.0], [0.4, 0.5, 0.0]]),
        _unit([0.7, 0.2, 0.0], [[0.3, 0.9, 0.0], [0.1, 0.1, 0.0]]),
    ]


def test_the_penalty_leaves_a_component_the_set_never_exercises_as_it_starts():
    free = matching_fit.fit(NAMES, _units(), START, l2=0.0)
    penalised = matching_fit.fit(NAMES, _units(), START, l2=0.05)
    assert sum(free.values()) == pytest.approx(1.0)
    assert sum(penalised.values()) == pytest.approx(1.0)
    # The exercised components shrink, so the untouched one takes a larger share.
    assert penalised["met_before"] > free["met_before"]
    assert penalised["semantic"] > penalised["lexical"]
    assert matching_fit.fit(NAMES, _units(), START, l2=0.05) == penalised  # deterministic


def test_a_misleading_component_is_not_given_weight():
    weights = matching_fit.fit(NAMES, _units(), START, l2=0.0)
    assert weights["lexical"] < weights["semantic"]


def test_the_cross_validation_reports_held_out_figures_per_pair():
    units = _units() * 2
    keys = [("q1", "vi->ja"), ("q2", "ja->vi"), ("q3", "vi->ja"), ("q4", "ja->vi")]
    found = matching_fit.cross_validate(NAMES, units, keys, START, l2=0.001)
    assert set(found) == {"vi->ja", "ja->vi", "cross-lingual", "all"}
    mrr, recall, count = found["all"]
    assert count == 4
    assert mrr == pytest.approx(1.0)
    assert recall == pytest.approx(1.0)
