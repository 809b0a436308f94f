import pytest

from kakehashi.matching.engine import Context, Document, MatchingIndex, explain
from kakehashi.matching.engine.ranking import KIND_TABLE, WEIGHTS, kind_score
from kakehashi.matching.engine.reasons import sentence_values

from .conftest import TOPICS, subject_documents


@pytest.fixture
def bilingual(embedder):
    index = MatchingIndex(embedder)
    index.add(subject_documents("vi") + subject_documents("ja"))
    return index


def _best(index, query, prefix):
    matches = index.rank(query, k=3, allowed=lambda doc_id: doc_id.startswith(prefix))
    return [m.id for m in matches]


@pytest.mark.parametrize("topic", TOPICS)
def test_a_japanese_query_finds_the_vietnamese_document_on_its_subject(bilingual, topic):
    (query,) = [d for d in subject_documents("ja", prefix="q") if d.id == f"q-{topic}"]
    assert _best(bilingual, query, "vi-")[0] == f"vi-{topic}"


@pytest.mark.parametrize("topic", TOPICS)
def test_a_vietnamese_query_finds_the_japanese_document_on_its_subject(bilingual, topic):
    (query,) = [d for d in subject_documents("vi", prefix="q") if d.id == f"q-{topic}"]
    assert _best(bilingual, query, "ja-")[0] == f"ja-{topic}"


def test_free_text_search_crosses_languages(bilingual):
    assert bilingual.search("下水処理", k=2, allowed=lambda i: i.startswith("vi-"))[0].id == (
        "vi-wastewater"
    )
    assert bilingual.search("xử lý nước thải", language="vi", k=1)[0].id == "vi-wastewater"
    top = bilingual.search("xử lý nước thải", k=2, allowed=lambda i: i.startswith("ja-"))
    assert top[0].id == "ja-wastewater"


def test_scores_are_between_0_and_1_best_first(bilingual):
    query = Document("q", "Kho lạnh", "Cần đối tác chuỗi lạnh", language="vi")
    matches = bilingual.rank(query, k=10)
    assert len(matches) == 10
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    for m in matches:
        assert [r.weight for r in m.reasons] == sorted((r.weight for r in m.reasons), reverse=True)


def test_complementary_kinds_outrank_the_same_kind(lexical):
    text = "Cold chain logistics with refrigerated warehouses for seafood."
    index = MatchingIndex(lexical)
    index.add(
        [
            Document("same", "Cold chain", text, "en", kind="business_request"),
            Document("other", "Cold chain", text, "en", kind="business_offer"),
        ]
    )
    query = Document("q", "Cold chain", text, "en", kind="business_request")
    matches = index.rank(query, k=2)
    assert [m.id for m in matches] == ["other", "same"]
    kinds = next(r for r in matches[0].reasons if r.code == "complementary_kinds")
    assert kinds.weight == WEIGHTS["kind"]
    assert kinds.params == {
        "query_kind": "business_request",
        "kind": "business_offer",
    }
    assert "complementary_kinds" not in {r.code for r in matches[1].reasons}


def test_the_kinds_table_is_symmetric():
    for kind, answers in KIND_TABLE.items():
        for other in answers:
            assert kind in KIND_TABLE[other], (kind, other)
    assert kind_score("investment_project", "organisation") == 1.0
    assert kind_score("research_cooperation", "research_cooperation") == 1.0
    assert kind_score("business_offer", "business_offer") == 0.0
    assert kind_score(None, "business_offer") == 0.5
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_the_query_and_its_own_organisation_are_never_matched(lexical):
    text = "Hydrogen and ammonia fuel for power plants."
    index = MatchingIndex(lexical)
    index.add(
        [
            Document("q", "Hydrogen", text, "en", organisation="org-1"),
            Document("mine", "Hydrogen", text, "en", organisation="org-1"),
            Document("theirs", "Hydrogen", text, "en", organisation="org-2"),
        ]
    )
    query = index.get("q")
    for method in ("full", "bm25", "embedding"):
        assert [m.id for m in index.rank(query, k=5, method=method)] == ["theirs"], method


def test_context_reasons_carry_their_parameters(lexical):
    text = "Cold chain logistics and refrigerated warehouses for seafood exports."
    index = MatchingIndex(lexical)
    index.add(
        [
            Document(
                "osaka-offer",
                "Cold chain",
                text,
                "en",
                kind="business_offer",
                locality="osaka",
                country="JP",
                organisation="org-osaka",
            ),
            Document("plain", "Cold chain", text, "en", kind="business_offer", locality="aichi"),
        ]
    )
    query = Document(
        "hcm-request",
        "Cold chain",
        text,
        "en",
        kind="business_request",
        locality="ho-chi-minh-city",
        country="VN",
        organisation="org-hcm",
        target_countries=frozenset({"JP"}),
    )
    context = Context(
        partnerships=frozenset({frozenset({"ho-chi-minh-city", "osaka"})}),
        priority_partners={"ho-chi-minh-city": frozenset({"osaka"})},
        met_before=frozenset({frozenset({"org-hcm", "org-osaka"})}),
    )
    first, second = index.rank(query, k=2, context=context)
    assert first.id == "osaka-offer" and second.id == "plain"
    reasons = {r.code: r for r in first.reasons}
    assert reasons["priority_partner"].params == {
        "locality": "osaka",
        "partner": "ho-chi-minh-city",
    }
    assert reasons["partner_localities"].params == {
        "locality": "osaka",
        "partner": "ho-chi-minh-city",
    }
    assert reasons["met_before"].params == {"organisation": "org-hcm", "other": "org-osaka"}
    assert reasons["target_country"].params == {"country": "JP"}
    assert reasons["met_before"].weight == WEIGHTS["met_before"]
    assert first.score == pytest.approx(
        second.score
        + WEIGHTS["partner_localities"]
        + WEIGHTS["priority_partner"]
        + WEIGHTS["met_before"]
        + WEIGHTS["target_country"]
        # "plain" has no country: its wanted country and its border are unknown (0.5).
        + WEIGHTS["wanted_country"] / 2
        + WEIGHTS["cross_border"] / 2,
        abs=1e-5,
    )
    names = {"osaka": "Osaka Prefecture", "ho-chi-minh-city": "Ho Chi Minh City"}
    assert (
        explain(reasons["priority_partner"], names=names)
        == "Osaka Prefecture is a priority partner of Ho Chi Minh City."
    )
    assert {r.code for r in second.reasons}.isdisjoint(
        {"priority_partner", "partner_localities", "met_before", "target_country"}
    )


def test_shared_concepts_are_explained_in_the_readers_language(lexical):
    index = MatchingIndex(lexical)
    index.add(subject_documents("vi"))
    query = Document("q", "コールドチェーン", "冷凍倉庫と低温物流", language="ja")
    top = index.rank(query, k=1)[0]
    assert top.id == "vi-cold_chain"
    shared = next(r for r in top.reasons if r.code == "shared_concepts")
    assert shared.params["concepts"][0] == "cold_chain"
    assert explain(shared).startswith("Both are about cold chain")
    # The glossary names the concept in each language (the sentence comes from the catalogue,
    # tests/matching/test_reason_sentences.py).
    assert sentence_values(shared, language="vi")["concepts"].startswith("chuỗi lạnh")
    assert sentence_values(shared, language="ja")["concepts"].startswith("コールドチェーン")


def test_adding_and_removing_take_effect_at_once(lexical):
    index = MatchingIndex(lexical)
    index.add(subject_documents("vi"))
    query = Document("q", "Offshore wind", "Offshore wind farms and turbines", language="en")
    assert "new-wind" not in [m.id for m in index.rank(query, k=3)]
    index.add([Document("new-wind", "Điện gió ngoài khơi", "Dự án điện gió ngoài khơi", "vi")])
    assert index.rank(query, k=1)[0].id == "new-wind"
    assert index.search("điện gió", k=1)[0].id == "new-wind"
    # replacing by id changes what matches
    index.add([Document("new-wind", "Khách sạn", "Khách sạn ven biển", "vi")])
    assert len(index) == len(TOPICS) + 1
    assert index.get("new-wind").title == "Khách sạn"
    assert index.rank(query, k=1)[0].id != "new-wind"
    index.remove(["new-wind", "unknown-id"])
    assert "new-wind" not in index and index.get("new-wind") is None
    assert "new-wind" not in [m.id for m in index.search("Khách sạn ven biển", k=20)]
    assert "new-wind" not in [m.id for m in index.rank(query, k=20, method="bm25")]


def test_the_index_compacts_after_many_removals(lexical):
    index = MatchingIndex(lexical)
    docs = [Document(f"d{i}", f"Rice export {i}", "Gạo xuất khẩu", "vi") for i in range(1500)]
    index.add(docs)
    index.remove(f"d{i}" for i in range(1400))
    assert len(index) == 100 and index.size == 100
    query = Document("q", "Xuất khẩu gạo", "gạo", "vi")
    assert {m.id for m in index.rank(query, k=200)} == {f"d{i}" for i in range(1400, 1500)}


def test_save_and_load_give_identical_rankings(tmp_path, embedder):
    index = MatchingIndex(embedder)
    index.add(subject_documents("vi") + subject_documents("ja"))
    index.remove(["ja-rice"])
    index.save(tmp_path / "index")
    loaded = MatchingIndex.load(tmp_path / "index", embedder=embedder)
    assert len(loaded) == len(index) and "ja-rice" not in loaded
    for query in subject_documents("ja", prefix="q")[:3]:
        for method in ("full", "bm25", "embedding"):
            assert loaded.rank(query, k=10, method=method) == index.rank(query, k=10, method=method)


def test_loading_without_an_embedder_uses_the_one_it_was_built_with(tmp_path, lexical):
    index = MatchingIndex(lexical)
    index.add(subject_documents("vi"))
    index.save(tmp_path / "index")
    loaded = MatchingIndex.load(tmp_path / "index")
    assert loaded.embedder.name == lexical.name
    query = subject_documents("ja", prefix="q")[0]
    assert loaded.rank(query, k=5) == index.rank(query, k=5)


def test_ranking_is_deterministic(lexical):
    docs = subject_documents("vi") + subject_documents("ja")
    a, b = MatchingIndex(lexical), MatchingIndex(lexical)
    a.add(docs)
    b.add(list(reversed(docs)))
    query = Document("q", "Nông nghiệp", "Xuất khẩu gạo và cà phê", "vi")
    assert a.rank(query, k=10) == a.rank(query, k=10) == b.rank(query, k=10)


def test_unknown_method_is_refused(lexical):
    index = MatchingIndex(lexical)
    with pytest.raises(ValueError, match="unknown method"):
        index.rank(Document("q", "x", "y", "en"), method="magic")
    assert index.rank(Document("q", "x", "y", "en")) == []
