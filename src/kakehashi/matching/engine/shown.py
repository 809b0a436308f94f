"""What the ranking shows a reader of a match, beside its score: the similarity in meaning as
a level, and the shared keywords as words a reader knows (see docs/matching.md, "Reasons")."""

from __future__ import annotations

from kakehashi.matching.engine.model import Context, Document, Reason
from kakehashi.matching.engine.text import showable_term, surface_forms

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


def keyword_reasons(
    index, query, analysis, slot, weight, context, forms=None
) -> tuple[Reason, ...]:
    """The rarest shared terms a reader can take for keywords (`showable_term`), as the
    query's texts write them ("chế biến", not "chế_biến"; "storage", not its stem "storag"),
    five of each language the query is written in (`by_language`): a reader is shown those
    of their language (a Japanese reader of a Vietnamese proposal, Japanese words, as the
    translated text around them), else `keywords`, those of the query's own text. A term
    no text of the query writes as a word (an English stem) is never shown. `forms`: a
    callable giving `written_forms(query, analysis.language)`, which a ranking computes once
    for all its matches."""
    shared = set(analysis.terms) & set(index._analyses[slot].terms)
    shared = {t for t in shared if showable_term(t, context.unshown_terms)}
    if not shared:
        return ()
    forms = forms() if forms is not None else written_forms(query, analysis.language)
    ranked = sorted(shared, key=lambda t: (-index.terms.idf(t), t))
    shown = [(term, language, form) for term in ranked for language, form in forms.get(term, ())]
    if not shown:
        return ()
    found: dict[str, list[str]] = {}
    for _term, language, form in shown:
        found.setdefault(language, [])
        if form not in found[language]:
            found[language].append(form)
    # A part of a compound shown beside it says nothing more (チェーン beside コールドチェーン).
    by_language = {
        language: [w for w in words if not any(_part_of(w, other, language) for other in words)][:5]
        for language, words in found.items()
    }
    # `keywords` (the command line's, and a reader's whose language the query lacks): those
    # of the query's own text, else of its first translation that has some; never a mix.
    own = by_language.get(analysis.language) or next(iter(by_language.values()))
    return (Reason("shared_keywords", {"keywords": own, "by_language": by_language}, weight),)


def _part_of(word: str, other: str, language: str) -> bool:
    if word == other:
        return False
    if language == "ja":
        return word in other
    return f" {word} " in f" {other} "


def written_forms(query: Document, language: str) -> dict[str, list[tuple[str, str]]]:
    """Each BM25 term of the query's text and of its translations: (language, the word as
    that text writes it), in the order of the texts."""
    texts = [(f"{query.title}\n{query.text}\n{', '.join(query.keywords or ())}", language)]
    texts += [(f"{t.title}\n{t.text}", t.language) for t in query.translations]
    forms: dict[str, list[tuple[str, str]]] = {}
    for text, text_language in texts:
        for term, form in surface_forms(text, text_language).items():
            if all(seen != text_language for seen, _ in forms.get(term, ())):
                forms.setdefault(term, []).append((text_language, form))
    return forms


def explicit_keywords(query: Document, doc: Document, context: Context) -> list[str]:
    """The keywords both authors gave, without place names and markers."""
    shared = keyword_set(query.keywords) & keyword_set(doc.keywords)
    unshown = context.unshown_terms
    return sorted(w for w in shared if w not in unshown and w.replace(" ", "_") not in unshown)
