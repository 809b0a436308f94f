from kakehashi.matching.engine import concept_label, concepts_in
from kakehashi.matching.engine.glossary import glossary, load_concepts

LANGUAGES = ("en", "vi", "ja")


def test_the_glossary_covers_the_domain():
    concepts = load_concepts()
    assert len(concepts) >= 150
    ids = {c.id for c in concepts}
    assert len(ids) == len(concepts), "concept ids are unique"
    for expected in (
        "cold_chain",
        "seafood_processing",
        "semiconductors",
        "semiconductor_packaging",
        "technical_intern",
        "japanese_language",
        "sister_city",
        "wastewater",
        "hydrogen",
        "lng",
        "elderly_care",
        "fintech",
    ):
        assert expected in ids


def test_every_concept_has_terms_in_all_three_languages():
    missing = [
        (c.id, language) for c in load_concepts() for language in LANGUAGES if not c.terms[language]
    ]
    assert missing == []


def test_broader_concepts_exist():
    ids = {c.id for c in load_concepts()}
    unknown = [(c.id, b) for c in load_concepts() for b in c.broader if b not in ids]
    assert unknown == []


def test_every_term_is_found_in_its_own_language():
    """Tokenisation and glossary agree: each term, analysed alone, gives its concept."""
    lost = [
        (c.id, language, term, sorted(concepts_in(term, language)))
        for c in load_concepts()
        for language in LANGUAGES
        for term in c.terms[language]
        if c.id not in concepts_in(term, language)
    ]
    assert lost == []


def test_no_term_maps_to_two_concepts():
    assert glossary().conflicts == []


def test_longest_term_wins_and_terms_are_found_inside_sentences():
    assert concepts_in("Phát triển cảng hàng không quốc tế", "vi") == {"airports"}
    assert concepts_in("Phát triển cảng biển nước sâu", "vi") == {"ports"}
    assert concepts_in("関西国際空港の近くの港湾", "ja") == {"airports", "ports"}
    assert concepts_in("We run cold-chain logistics for seafood exporters.", "en") == {
        "cold_chain",
        "logistics",
        "seafood_processing",
        "trade",
    }
    assert concepts_in("技能実習生の受け入れと日本語教育", "ja") == {
        "technical_intern",
        "japanese_language",
    }


def test_broader_concepts_are_expanded():
    assert glossary().expand({"shrimp"}) == {"shrimp", "aquaculture", "fisheries"}


def test_concept_label_in_each_language():
    assert concept_label("cold_chain", "en") == "cold chain"
    assert concept_label("cold_chain", "vi") == "chuỗi lạnh"
    assert concept_label("cold_chain", "ja") == "コールドチェーン"
    assert concept_label("no_such_concept", "en") == "no_such_concept"
