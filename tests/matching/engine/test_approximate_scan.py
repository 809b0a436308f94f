"""The approximate scan (ann.py) gives the rankings of the exact scan on small hand-built
indexes, and the exact scan runs below its threshold, when it is stale or under a filter
that rejects what it found."""

import numpy as np
import pytest

from kakehashi.matching.engine import Document, LexicalEmbedder, MatchingIndex, ann
from tests.matching.engine.conftest import subject_documents

pytestmark = pytest.mark.skipif(not ann.available(), reason="usearch is not installed")


def corpus() -> list[Document]:
    docs = []
    for copy in range(6):
        for language in ("vi", "ja"):
            for doc in subject_documents(language, prefix=f"{language}{copy}"):
                docs.append(
                    Document(
                        id=doc.id,
                        title=doc.title,
                        text=f"{doc.text} ({copy})",
                        language=language,
                        organisation=f"org-{copy}",
                    )
                )
    return docs


def pair(monkeypatch, threshold=0):
    monkeypatch.setattr(ann, "APPROXIMATE_FROM", threshold)
    exact, approximate = MatchingIndex(LexicalEmbedder()), MatchingIndex(LexicalEmbedder())
    for index in (exact, approximate):
        index.add(corpus())
    approximate.build_approximate_scan()
    return exact, approximate


QUERIES = [("kho lạnh thủy sản", "vi"), ("太陽光パネル", "ja"), ("phần mềm", "vi")]


def assert_same_ranking(found, expected):
    """`found` is `expected` but for which documents tied at its last score fill the last
    places: the exact scan scores every document and breaks that tie by id, the graph
    returns some of the equally distant ones (which, when it is built on two threads as a
    snapshot's is, varies from build to build)."""
    assert len(found) == len(expected)
    if not expected:
        return
    last = expected[-1].score
    assert [m for m in found if m.score > last] == [m for m in expected if m.score > last]
    assert all(m.score == last for m in found if m.score <= last)


def test_the_approximate_scan_ranks_as_the_exact_scan(monkeypatch):
    exact, approximate = pair(monkeypatch)
    probe = approximate.semantic_query(exact.query_parts(corpus()[0], as_query=False)[1], "vi")
    assert approximate.candidate_cosines(probe, 10) is not None  # it is used
    for text, language in QUERIES:
        assert_same_ranking(
            approximate.search(text, language=language, k=20),
            exact.search(text, language=language, k=20),
        )
    for doc in corpus()[::7]:
        assert_same_ranking(approximate.rank(doc, k=10), exact.rank(doc, k=10))


def test_its_cosines_are_those_of_the_exact_scan(monkeypatch):
    exact, approximate = pair(monkeypatch)
    vector = exact.semantic_query(exact.query_parts(corpus()[3], as_query=False)[1], "vi")
    found = approximate.candidate_cosines(vector, 20)
    kept = np.isfinite(found)
    assert kept.sum() >= 20
    assert np.allclose(found[kept], exact.semantic_cosines(vector)[kept], atol=1e-5)


def test_below_the_threshold_the_exact_scan_runs(monkeypatch):
    exact, approximate = pair(monkeypatch, threshold=len(corpus()) + 1)
    vector = np.ones(approximate.embedder.dim, dtype=np.float32)
    assert approximate.approximate is not None
    assert approximate.candidate_cosines(vector, 10) is None


def test_added_documents_are_scanned_and_removed_ones_left_out(monkeypatch):
    exact, approximate = pair(monkeypatch)
    new = Document(
        id="new", title="Kho lạnh mới", text="Kho lạnh thủy sản đông lạnh.", language="vi"
    )
    gone = "vi0-cold_chain"
    for index in (exact, approximate):
        index.add([new])
        index.remove([gone])
    found = approximate.search("kho lạnh thủy sản", language="vi", k=10)
    assert_same_ranking(found, exact.search("kho lạnh thủy sản", language="vi", k=10))
    assert "new" in [m.id for m in found] and gone not in [m.id for m in found]


def test_a_stale_scan_gives_way_to_the_exact_one(monkeypatch):
    exact, approximate = pair(monkeypatch)
    extra = [
        Document(id=f"extra-{i}", title="Du lịch", text=f"Khách sạn ven biển {i}.", language="vi")
        for i in range(int(ann.STALE_SHARE * approximate.size) + 1)
    ]
    approximate.add(extra)
    vector = np.ones(approximate.embedder.dim, dtype=np.float32)
    assert approximate.candidate_cosines(vector, 10) is None


def test_a_filter_that_rejects_what_it_found_falls_back_to_the_exact_scan(monkeypatch):
    exact, approximate = pair(monkeypatch)
    # The scan returns 8 slots; neither holds the two documents the filter lets through.
    monkeypatch.setattr("kakehashi.matching.engine.ranking.APPROXIMATE_FACTOR", 1)
    monkeypatch.setattr("kakehashi.matching.engine.ranking.MIN_CANDIDATES", 2)
    monkeypatch.setattr("kakehashi.matching.engine.candidates.MIN_CANDIDATES", 2)
    only = {"ja5-tourism", "vi5-tourism"}.__contains__
    found = approximate.search("kho lạnh", language="vi", k=2, allowed=only)
    assert found == exact.search("kho lạnh", language="vi", k=2, allowed=only)
    assert sorted(m.id for m in found) == ["ja5-tourism", "vi5-tourism"]


def test_compaction_drops_the_scan(monkeypatch):
    exact, approximate = pair(monkeypatch)
    approximate._compact()
    assert approximate.approximate is None


def test_a_snapshot_carries_the_scan_and_ranks_as_the_exact_index(monkeypatch, tmp_path):
    from kakehashi.matching.engine.snapshot import SCAN_FILE, load_snapshot, write_snapshot

    exact, approximate = pair(monkeypatch)
    write_snapshot(exact, tmp_path / "snap")
    assert (tmp_path / "snap" / SCAN_FILE).exists()
    loaded, _ = load_snapshot(tmp_path / "snap", LexicalEmbedder())
    assert loaded.approximate is not None and loaded.approximate.covered == len(corpus())
    new = Document(id="new", title="Kho lạnh", text="Kho lạnh cho tôm.", language="vi")
    for index in (exact, loaded):
        index.add([new])
        index.remove(["ja1-solar"])
    for text, language in QUERIES:
        assert_same_ranking(
            loaded.search(text, language=language, k=20),
            exact.search(text, language=language, k=20),
        )


def test_a_small_snapshot_has_no_scan(monkeypatch, tmp_path):
    from kakehashi.matching.engine.snapshot import SCAN_FILE, load_snapshot, write_snapshot

    exact, _ = pair(monkeypatch, threshold=len(corpus()) + 1)
    write_snapshot(exact, tmp_path / "snap")
    assert not (tmp_path / "snap" / SCAN_FILE).exists()
    assert load_snapshot(tmp_path / "snap", LexicalEmbedder())[0].approximate is None
