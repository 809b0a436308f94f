"""What the ranking shows a reader of a match, beside its score: the similarity in meaning as
a level, and the shared keywords as words a reader knows (see docs/matching.md, "Reasons")."""

from __future__ import annotations

from kakehashi.matching.engine.model import Context, Document, Reason
from kakehashi.matching.engine.text import own_terms, showable_term, surface_forms

# The similarity in meaning (the semantic component, 0..1) is shown as a level, never as a
# percentage: a cosine mapped to 0..1 is no share of anything, and "100 %" between two texts
# that merely read alike misleads. Each embedder has its thresholds (`similarity_levels`,
# measured with bench/matching_levels.py: docs/matching.md); below the last, no "similar in
# meaning" reason is given. These are for an embedder that states none.
SIMILARITY_LEVELS: tuple[tuple[str, float], ...] = (
    ("strong", 0.80),
    ("good", 0.65),
    ("partial", 0.50),
)


def similarity_levels(index) -> tuple[tuple[str, float], ...]:
    return getattr(index.embedder, "similarity_levels", SIMILARITY_LEVELS)


def similarity_level(index, value: float) -> str | None:
    """The level ("strong", "good", "partial") of a semantic similarity in 0..1, or None."""
    for level, threshold in similarity_levels(index):
        if value >= threshold:
            return level
    return None


def keyword_set(keywords) -> set[str]:
    return {w.casefold().strip() for w in keywords}


def keyword_reasons(index, query, analysis, slot, weight, context) -> tuple[Reason, ...]:
    """The rarest shared terms a reader can take for keywords (`showable_term`), as the
    query's text writes them ("chế biến", not "chế_biến"). Only the terms of the query's own
    text: a term that only its translations have would be shown in another language than the
    query's, or as a bare stem ("temperatur")."""
    text = f"{query.title}\n{query.text}"
    own = own_terms(text, analysis.language)
    shared = set(analysis.terms) & set(index._analyses[slot].terms) & own
    shared = {t for t in shared if showable_term(t, context.unshown_terms)}
    if not shared:
        return ()
    best = sorted(shared, key=lambda t: (-index.terms.idf(t), t))[:5]
    forms = surface_forms(text, analysis.language)
    return (
        Reason(
            "shared_keywords",
            {"keywords": [forms.get(t, t.replace("_", " ")) for t in best]},
            weight,
        ),
    )


def explicit_keywords(query: Document, doc: Document, context: Context) -> list[str]:
    """The keywords both authors gave, without place names and markers."""
    shared = keyword_set(query.keywords) & keyword_set(doc.keywords)
    unshown = context.unshown_terms
    return sorted(w for w in shared if w not in unshown and w.replace(" ", "_") not in unshown)
