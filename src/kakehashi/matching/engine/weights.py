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
partner_localities, priority_partner, met_before; and keywords) keep their hand-set share.

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
        "kind": 0.102,
        "semantic": 0.126,
        "semantic_cross": 0.077,
        "lexical": 0.072,
        "concepts": 0.189,
        "sectors": 0.116,
        "keywords": 0.013,
        "partner_localities": 0.019,
        "priority_partner": 0.019,
        "met_before": 0.013,
        "target_locality": 0.003,
        "target_country": 0.006,
        "wanted_locality": 0.0,
        "wanted_country": 0.023,
        "partnership_types": 0.013,
        "direction": 0.034,
        "cross_border": 0.065,
        "latent": 0.11,
    }
)

# Free-text search (`MatchingIndex.search`) keeps the hand-set blend: WEIGHTS were fitted on
# proposals matched with proposals, and there is no labelled set of searches to fit or check
# another blend on (a few words have no kind, country or wants, and their words are what the
# searcher typed, so the lexical part means more there).
SEARCH_WEIGHTS = BASELINE_WEIGHTS
