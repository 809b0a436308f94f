"""The blend: how much each component of components.py weighs in a match's score.

WEIGHTS were learned, not chosen: `bench/matching_fit.py` fits them on the train half of the
labelled set (bench/data/matching/, split by `matching_data.split`: by query id, stratified by
language pair, seed SPLIT_SEED) by logistic regression on pairwise preferences (a counterpart
against each other candidate of its query), starting from BASELINE_WEIGHTS, with a small L2
penalty (without it the blend lost same-language recall@10 on held-out folds of the train
half), and writes them to bench/data/matching/fitted_weights.json; they are copied here as
they are (a test checks that the two agree). The test half is never looked at while
fitting; bench/matching.py reports both halves, the test half as the headline. The
components that the labelled set never exercises (the relationship context:
partner_localities, priority_partner, met_before; and keywords) keep their hand-set share,
and target_locality keeps at least the share of matching_fit.FLOORS (0.003: the locality
sought decides between two otherwise identical proposals, a case the set hardly holds).

Each weight multiplies a component in 0..1 and the weights sum to 1, so a score is in 0..1 and
comparable across queries. A component the fit found no use for keeps its place with weight 0
(it is still computed, and still gives its reason when it has one).

BASELINE_WEIGHTS are the hand-set weights the engine used before issue 15 (the new components
at 0): the benchmark measures them in the same run as the baseline.
"""

from __future__ import annotations

from types import MappingProxyType

BASELINE_WEIGHTS = MappingProxyType(
    {
        "kind": 0.25,
        "semantic": 0.27,
        "semantic_cross": 0.0,
        "lexical": 0.08,
        "concepts": 0.20,
        "complementary_concepts": 0.0,
        "sectors": 0.08,
        "keywords": 0.02,
        "partner_localities": 0.03,
        "priority_partner": 0.03,
        "met_before": 0.02,
        "target_locality": 0.01,
        "target_country": 0.01,
        "wanted_locality": 0.0,
        "wanted_country": 0.0,
        "partnership_types": 0.0,
        "direction": 0.0,
        "cross_border": 0.0,
        "latent": 0.0,
    }
)

# Fitted by bench/matching_fit.py on the train half (see the module's docstring).
WEIGHTS = MappingProxyType(
    {
        "kind": 0.077,
        "semantic": 0.119,
        "semantic_cross": 0.072,
        "lexical": 0.069,
        "concepts": 0.137,
        "complementary_concepts": 0.124,
        "sectors": 0.111,
        "keywords": 0.013,
        "partner_localities": 0.019,
        "priority_partner": 0.019,
        "met_before": 0.013,
        "target_locality": 0.003,
        "target_country": 0.006,
        "wanted_locality": 0.0,
        "wanted_country": 0.021,
        "partnership_types": 0.011,
        "direction": 0.029,
        "cross_border": 0.058,
        "latent": 0.099,
    }
)

# Free-text search (`MatchingIndex.search`) keeps the hand-set blend: WEIGHTS were fitted on
# proposals matched with proposals, and there is no labelled set of searches to fit or check
# another blend on (a few words have no kind, country or wants, and their words are what the
# searcher typed, so the lexical part means more there).
SEARCH_WEIGHTS = BASELINE_WEIGHTS
