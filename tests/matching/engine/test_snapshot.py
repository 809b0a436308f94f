"""A snapshot loads into an index that ranks exactly as the index it was written from, stays
memory-mapped, takes changes on top, and refuses a folder it cannot trust."""

import json

import numpy as np
import pytest

from kakehashi.matching.engine import Document, LexicalEmbedder, MatchingIndex, Translation
from kakehashi.matching.engine.snapshot import (
    SNAPSHOT_FORMAT,
    SnapshotError,
    load_snapshot,
    write_snapshot,
)
from tests.matching.engine.conftest import subject_documents
from tests.matching.engine.test_ranking_equivalence import CONTEXT, _documents

QUERIES = ["shrimp cold chain", "kho lạnh thủy sản", "太陽光発電", "nursing care training"]


def _corpus() -> list[Document]:
    return _documents(60, seed=1) + subject_documents("vi") + subject_documents("ja")


def _rankings(index, queries):
    """Every way of ranking, with ids, scores and reasons, for a list of documents and the
    free-text queries."""
    out = []
    for query in queries:
        for method in ("full", "bm25", "embedding"):
            out.append([(m.id, m.score, m.reasons) for m in index.rank(query, k=12, method=method)])
        out.append([(m.id, m.score, m.reasons) for m in index.rank(query, k=8, context=CONTEXT)])
    for text in QUERIES:
        out.append([(m.id, m.score, m.reasons) for m in index.search(text, k=15)])
    return out


def test_a_loaded_snapshot_ranks_as_the_index_it_was_written_from(embedder, tmp_path):
    index = MatchingIndex(embedder)
    index.add(_corpus())
    index.remove(["d-003", "vi-rice"])  # freed slots are left out of the snapshot
    queries = _documents(6, seed=2, prefix="q") + [index.get("ja-solar")]

    write_snapshot(index, tmp_path / "snap", {"sequence": 7})
    loaded, meta = load_snapshot(tmp_path / "snap", embedder)

    assert meta["sequence"] == 7 and meta["format"] == SNAPSHOT_FORMAT
    assert meta["embedder"] == embedder.name and meta["documents"] == len(index)
    assert loaded.ids() == index.ids() and len(loaded) == len(index)
    assert loaded.get("vi-solar") == index.get("vi-solar")
    assert _rankings(loaded, queries) == _rankings(index, queries)
    # The vectors are read from the file, not copied into the process.
    assert isinstance(loaded._vectors.base, np.memmap)
    assert not loaded._vectors.base.flags.writeable


def test_changes_on_a_snapshot_rank_as_a_fresh_index_of_the_same_documents(embedder, tmp_path):
    corpus = _corpus()
    index = MatchingIndex(embedder)
    index.add(corpus)
    write_snapshot(index, tmp_path / "snap")
    loaded, _ = load_snapshot(tmp_path / "snap", embedder)
    base = loaded._vectors.base

    added = _documents(30, seed=4, prefix="e")
    replaced = Document(
        id="d-010", title="Solar energy", text="We build rooftop solar energy.", language="en"
    )
    loaded.add(added)
    loaded.add([replaced])
    loaded.remove(["d-000", "ja-rice", "e-005"])  # from the base and from the added part

    final = [d for d in corpus + added if d.id not in ("d-000", "ja-rice", "e-005", "d-010")]
    fresh = MatchingIndex(embedder)
    fresh.add(final + [replaced])
    queries = _documents(6, seed=5, prefix="q") + [replaced]
    assert loaded.ids() == fresh.ids()
    assert _rankings(loaded, queries) == _rankings(fresh, queries)
    assert loaded._vectors.base is base  # the mapped base was neither copied nor written


def test_a_snapshot_of_a_loaded_and_changed_index_loads_again(lexical, tmp_path):
    index = MatchingIndex(lexical)
    index.add(_corpus())
    write_snapshot(index, tmp_path / "one")
    loaded, _ = load_snapshot(tmp_path / "one", lexical)
    loaded.add(_documents(10, seed=6, prefix="e"))
    loaded.remove(["d-001"])
    write_snapshot(loaded, tmp_path / "two")
    again, _ = load_snapshot(tmp_path / "two", lexical)
    queries = _documents(4, seed=7, prefix="q")
    assert _rankings(again, queries) == _rankings(loaded, queries)


def test_an_empty_index_makes_a_snapshot_too(lexical, tmp_path):
    write_snapshot(MatchingIndex(lexical), tmp_path / "empty")
    loaded, _ = load_snapshot(tmp_path / "empty", lexical)
    assert len(loaded) == 0 and loaded.search("solar") == []
    loaded.add(_documents(3, seed=1))
    assert len(loaded) == 3 and loaded.search("solar energy", k=3) is not None


@pytest.fixture
def snapshot(lexical, tmp_path):
    index = MatchingIndex(lexical)
    index.add(_documents(20, seed=1))
    return write_snapshot(index, tmp_path / "snap")


def test_a_damaged_snapshot_is_refused(lexical, snapshot):
    blob = snapshot / "documents.bin"
    blob.write_bytes(blob.read_bytes()[:-10])
    with pytest.raises(SnapshotError, match="damaged"):
        load_snapshot(snapshot, lexical)


def test_a_snapshot_without_its_vectors_is_refused(lexical, snapshot):
    (snapshot / "vectors.npy").unlink()
    with pytest.raises(SnapshotError, match="damaged"):
        load_snapshot(snapshot, lexical)


def test_a_snapshot_of_another_embedder_or_format_is_refused(lexical, snapshot):
    class OtherEmbedder(LexicalEmbedder):
        name = "other-model"

    with pytest.raises(SnapshotError, match="other-model"):
        load_snapshot(snapshot, OtherEmbedder())
    meta = json.loads((snapshot / "meta.json").read_text())
    (snapshot / "meta.json").write_text(json.dumps({**meta, "format": SNAPSHOT_FORMAT - 1}))
    with pytest.raises(SnapshotError, match="format"):
        load_snapshot(snapshot, lexical)


def test_writing_over_an_existing_snapshot_fails_and_leaves_no_temporary_folder(lexical, snapshot):
    index = MatchingIndex(lexical)
    index.add(_documents(5, seed=9))
    (snapshot / "extra").write_text("x")  # a folder that is not empty cannot be replaced
    with pytest.raises(OSError):
        write_snapshot(index, snapshot)
    assert sorted(p.name for p in snapshot.parent.iterdir()) == ["snap"]
    assert load_snapshot(snapshot, lexical)[1]["documents"] == 20


def test_organisation_and_kind_codes_are_stored_or_computed_for_an_older_snapshot(
    lexical, tmp_path
):
    """A ranking reads each candidate's organisation and kind from per-slot codes, not from
    its document; a snapshot written before they were stored has them computed at load, and
    both rank as the index they came from."""
    index = MatchingIndex(lexical)
    index.add(_corpus())
    index.remove(["d-004"])
    write_snapshot(index, tmp_path / "snap")
    loaded, _ = load_snapshot(tmp_path / "snap", lexical)
    for name in ("organisations.npy", "kinds.npy", "codes.json"):
        (tmp_path / "snap" / name).unlink()
    older, _ = load_snapshot(tmp_path / "snap", lexical)

    for table in (loaded, older):
        slots = range(len(table.ids()))
        assert [table._organisations.value(s) for s in slots] == [
            table._docs[s].organisation for s in slots
        ]
        assert [table._kinds.value(s) for s in slots] == [table._docs[s].kind for s in slots]
    queries = _documents(6, seed=8, prefix="q") + [index.get("d-007")]
    assert _rankings(older, queries) == _rankings(loaded, queries) == _rankings(index, queries)


def test_every_document_reads_back_from_a_snapshot_as_written(lexical, tmp_path):
    # The snapshot's documents are decoded without Document.from_json's checks: the very
    # same documents, every field included.
    full = Document(
        id="full",
        title="Kho lạnh",
        text="Kho lạnh bảo quản thủy sản",
        language="vi",
        kind="business_request",
        sectors=frozenset({"agriculture", "logistics"}),
        keywords=("kho lạnh", "thủy sản"),
        locality="ho-chi-minh-city",
        country="VN",
        organisation="organisation:7",
        partnership_types=frozenset({"trade", "investment"}),
        target_countries=frozenset({"JP"}),
        target_localities=frozenset({"osaka-prefecture", "osaka-city"}),
        translations=(
            Translation("ja", "冷凍倉庫", "水産物の冷凍保管"),
            Translation("en", "", "Cold storage"),
        ),
    )
    bare = Document(id="bare", title="", text="Only a text")
    corpus = [*_corpus(), full, bare]
    index = MatchingIndex(lexical)
    index.add(corpus)
    write_snapshot(index, tmp_path / "snap")
    loaded, _ = load_snapshot(tmp_path / "snap", lexical)
    for document in corpus:
        assert loaded.get(document.id) == document
        assert loaded.get(document.id) == Document.from_json(document.to_json(), strict=False)
