"""Reason codes, the values that fill their sentences, and the English sentences.

| code | params | sentence (en) |
|---|---|---|
| complementary_kinds | query_kind, kind | "The kinds complement each other: {query_kind} |
|  |  | and {kind}." |
| similar_meaning | level (strong, good, partial), | "Very similar in meaning." / "Similar in |
|  | similarity (0..1) | meaning." / "Partly similar in meaning." |
| shared_concepts | concepts (glossary ids) | "Both are about {concepts}." |
| shared_sectors | sectors (sector codes) | "Both in the sectors {sectors}." |
| shared_keywords | keywords (words as written), | "Shared keywords: {keywords}." |
|  | by_language (language -> words) | (the reader's language's words if any) |
| partner_localities | locality, partner | "{locality} and {partner} have a partnership |
|  |  | agreement." |
| priority_partner | locality, partner | "{locality} is a priority partner of {partner}." |
| met_before | organisation, other | "{organisation} and {other} have met before." |
| target_locality | locality | "{locality} is one of the localities sought." |
| target_country | country | "{country} is one of the countries sought." |

A reason is structured: `sentence_key()` names its sentence (the code, with the level for
`similar_meaning`) and `sentence_values()` gives the values that fill it, as text. The
platform writes the sentences and the kinds' names in the reader's language through its
catalogue (gettext, matching/reasons.py); `explain()` writes the English sentence for the
command line and tools without Django. Concepts are named from the glossary in the language
asked; locality and organisation codes are shown as given unless a `names` mapping turns
them into names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kakehashi.matching.engine.glossary import concept_label
from kakehashi.matching.engine.model import Reason

KIND_LABELS = {
    "business_offer": "business offer",
    "business_request": "business request",
    "technology_offer": "technology offer",
    "technology_request": "technology request",
    "investment_project": "investment project",
    "export_product": "export product",
    "cooperation_programme": "cooperation programme",
    "research_cooperation": "research cooperation",
    "organisation": "organisation",
}

SENTENCES = {
    "complementary_kinds": "The kinds complement each other: {query_kind} and {kind}.",
    "similar_meaning.strong": "Very similar in meaning.",
    "similar_meaning.good": "Similar in meaning.",
    "similar_meaning.partial": "Partly similar in meaning.",
    "similar_meaning.weak": "Hardly similar in meaning.",
    "shared_concepts": "Both are about {concepts}.",
    "shared_sectors": "Both in the sectors {sectors}.",
    "shared_keywords": "Shared keywords: {keywords}.",
    "partner_localities": "{locality} and {partner} have a partnership agreement.",
    "priority_partner": "{locality} is a priority partner of {partner}.",
    "met_before": "{organisation} and {other} have met before.",
    "target_locality": "{locality} is one of the localities sought.",
    "target_country": "{country} is one of the countries sought.",
}
KIND_PARAMS = ("query_kind", "kind")


def sentence_key(reason: Reason) -> str:
    """The key of the reason's sentence: its code, and for `similar_meaning` its level (a
    level, never a percentage: shown.SIMILARITY_LEVELS says why)."""
    if reason.code == "similar_meaning":
        return f"similar_meaning.{reason.params.get('level', 'partial')}"
    return reason.code


def sentence_values(
    reason: Reason,
    *,
    language: str = "en",
    names: Mapping[str, str] | None = None,
    kind_label: Callable[[str], str] = lambda kind: KIND_LABELS.get(kind, kind),
    joiner: str = ", ",
) -> dict[str, str]:
    """The values that fill the reason's sentence, as text: concepts named from the glossary
    in `language`, kinds by `kind_label`, codes by `names` (as given where it has none),
    lists joined with `joiner`."""
    names = names or {}
    values = {}
    for key, value in reason.params.items():
        if key == "by_language":
            continue
        if key == "keywords":
            # Shared keywords in the reader's language when the query has some, else those
            # of the query's own text (shown.py), never mixed.
            value = (reason.params.get("by_language") or {}).get(language) or value
        if key == "concepts":
            value = joiner.join(concept_label(c, language) for c in value)
        elif key in KIND_PARAMS:
            value = kind_label(value)
        elif isinstance(value, list | tuple):
            value = joiner.join(names.get(v, v) for v in value)
        else:
            value = names.get(value, value)
        values[key] = value
    return values


def explain(reason: Reason, names: Mapping[str, str] | None = None) -> str:
    """The reason as one English sentence. `names` maps locality, organisation, country and
    sector codes to display names."""
    template = SENTENCES.get(sentence_key(reason))
    if template is None:
        return f"{reason.code}: {dict(reason.params)}"
    try:
        return template.format(**sentence_values(reason, names=names))
    except KeyError:
        return f"{reason.code}: {dict(reason.params)}"
