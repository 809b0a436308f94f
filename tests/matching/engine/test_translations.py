"""A document's translations are indexed with it: a reader's words in another language find
it through its translation, lexically and by concept, and translations survive JSON and
snapshots."""

import pytest

from kakehashi.matching.engine import Document, LexicalEmbedder, MatchingIndex, Translation
from kakehashi.matching.engine.index import analyse
from kakehashi.matching.engine.snapshot import load_snapshot, write_snapshot
from tests.matching.engine.conftest import subject_documents

# A Vietnamese request whose Japanese translation names 倉庫 (warehouse) and 冷凍 (freezing),
# words its Vietnamese text can only reach through meaning.
TRANSLATION = Translation(
    language="ja",
    title="水産物向け省エネ冷凍倉庫の技術を求めています",
    text="ホーチミン市の物流企業が、冷凍倉庫の電力を削減する技術の移転を希望しています。",
)


def _request(translations=()) -> Document:
    return Document(
        id="vi-request",
        title="Tìm công nghệ kho cấp đông tiết kiệm điện cho thủy sản",
        text="Doanh nghiệp logistics tại TP.HCM cần chuyển giao công nghệ giảm điện năng.",
        language="vi",
        kind="technology_request",
        translations=tuple(translations),
    )


def test_the_analysis_reads_each_translation_in_its_language():
    plain, translated = analyse(_request()), analyse(_request([TRANSLATION]))
    assert translated.language == "vi"
    japanese_terms = set(translated.terms) - set(plain.terms)
    assert {"冷凍", "倉庫"} <= japanese_terms
    assert set(plain.terms) <= set(translated.terms)
    assert plain.concepts <= translated.concepts


def _index(translations) -> MatchingIndex:
    index = MatchingIndex(LexicalEmbedder())
    index.add([*subject_documents("vi"), _request(translations)])
    return index


def test_a_japanese_query_finds_a_vietnamese_document_by_the_words_of_its_translation():
    query = Document(id="q", title="冷凍倉庫", text="冷凍倉庫の省エネ技術", language="ja")
    with_translation = _index([TRANSLATION]).rank(query, k=20, method="bm25")
    assert with_translation[0].id == "vi-request"
    without = _index([]).rank(query, k=20, method="bm25")
    assert "vi-request" not in [m.id for m in without]  # not one word in common


def test_the_search_scores_a_document_higher_with_its_translation():
    def found(translations):
        return {m.id: m.score for m in _index(translations).search("冷凍倉庫", language="ja")}

    with_translation, without = found([TRANSLATION]), found([])
    assert with_translation["vi-request"] > without.get("vi-request", 0)
    # the two Vietnamese texts about cold storage come first
    assert set(list(with_translation)[:2]) == {"vi-request", "vi-cold_chain"}


def test_translations_survive_json_and_snapshots(tmp_path):
    doc = _request([TRANSLATION])
    assert Document.from_json(doc.to_json()) == doc
    assert "translations" not in _request().to_json()  # documents without any stay as they were

    index = MatchingIndex(LexicalEmbedder())
    index.add([doc, *subject_documents("ja")])
    write_snapshot(index, tmp_path / "snap", {"sequence": 1})
    loaded, _meta = load_snapshot(tmp_path / "snap", index.embedder)
    assert loaded.get("vi-request") == doc
    assert [m.id for m in loaded.search("冷凍倉庫", k=3)] == [
        m.id for m in index.search("冷凍倉庫", k=3)
    ]


@pytest.mark.parametrize(
    "translations, reason",
    [
        ("ja", '"translations" must be a list'),
        (["ja"], "must be a JSON object"),
        ([{"language": "fr", "title": "x", "text": ""}], "unknown translation language"),
        ([{"language": "ja", "title": 3, "text": ""}], "must be strings"),
    ],
)
def test_a_document_with_malformed_translations_is_refused_with_the_reason(translations, reason):
    data = _request().to_json() | {"translations": translations}
    with pytest.raises(ValueError, match=reason):
        Document.from_json(data)
