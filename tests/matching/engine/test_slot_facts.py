"""A snapshot stores what the ranking reads of each candidate as codes (slotfacts.py): they
read back as the very fields of the document and analysis they were taken from, a snapshot
of the format before them is refused, and damaged ones are refused rather than misread."""

import json

import numpy as np
import pytest

from kakehashi.matching.engine import Document, MatchingIndex, Translation
from kakehashi.matching.engine.slotfacts import Facts, SlotFacts, encode
from kakehashi.matching.engine.snapshot import (
    SNAPSHOT_FORMAT,
    SnapshotError,
    load_snapshot,
    write_snapshot,
)
from tests.matching.engine.test_snapshot import _corpus

FULL = Document(
    id="full",
    title="Kho lạnh",
    text="Kho lạnh bảo quản thủy sản, chuỗi lạnh cho cá tra",
    language="vi",
    kind="business_request",
    sectors=frozenset({"agriculture", "logistics"}),
    keywords=("Kho lạnh", "thủy sản", "kho lạnh", " Kho lạnh "),
    locality="ho-chi-minh-city",
    country="VN",
    organisation="organisation:7",
    partnership_types=frozenset({"commercial", "investment"}),
    target_countries=frozenset({"JP"}),
    target_localities=frozenset({"osaka-prefecture", "ho-chi-minh-city"}),
    translations=(Translation("ja", "冷凍倉庫", "水産物の冷凍保管"),),
)
BARE = Document(id="bare", title="", text="Only a text")


def _index(lexical) -> MatchingIndex:
    index = MatchingIndex(lexical)
    index.add([*_corpus(), FULL, BARE])
    index.remove(["d-004"])
    return index


def _expected(index, doc_id) -> Facts:
    slot = index._slot_of[doc_id]
    return Facts.of(index._docs[slot], index._analyses[slot])


def test_every_slots_facts_read_back_as_its_document_and_analysis(lexical, tmp_path):
    index = _index(lexical)
    write_snapshot(index, tmp_path / "snap")
    loaded, _ = load_snapshot(tmp_path / "snap", lexical)
    assert loaded._facts is not None and loaded._facts.size == len(index)
    for doc_id in index.ids():
        document, analysis = loaded.facts(loaded._slot_of[doc_id])
        assert document is analysis  # one record of both, decoded from the codes
        assert document == _expected(index, doc_id)
        assert Facts.of(document, analysis) == Facts.of(
            loaded.get(doc_id), loaded._analyses[loaded._slot_of[doc_id]]
        )
    record = loaded.facts_of("full")
    assert record.keywords == FULL.keywords  # as given: order and duplicates kept
    assert record.target_localities == FULL.target_localities
    bare = loaded.facts_of("bare")
    assert (bare.kind, bare.locality, bare.sectors, bare.keywords) == (None, None, frozenset(), ())


def test_slots_added_after_the_load_are_read_from_their_documents(lexical, tmp_path):
    write_snapshot(_index(lexical), tmp_path / "snap")
    loaded, _ = load_snapshot(tmp_path / "snap", lexical)
    added = Document(id="added", title="Solar", text="Rooftop solar", kind="business_offer")
    loaded.add([added])
    loaded.remove(["full"])
    assert loaded.facts_of("added") == added
    assert loaded.facts_of("full") is None
    assert loaded.facts_of("never-indexed") is None


def test_a_snapshot_of_the_format_before_the_facts_is_refused(lexical, tmp_path):
    folder = write_snapshot(_index(lexical), tmp_path / "snap")
    for name in ("facts.npy", "facts.offsets.npy", "facts.json"):
        (folder / name).unlink()
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "format": 1}))
    with pytest.raises(SnapshotError, match=f"format 1, this version reads {SNAPSHOT_FORMAT}"):
        load_snapshot(folder, lexical)


@pytest.mark.parametrize(
    "damage",
    [
        lambda folder: (folder / "facts.json").unlink(),
        lambda folder: np.save(folder / "facts.npy", np.load(folder / "facts.npy")[:-3]),
        lambda folder: np.save(
            folder / "facts.npy", np.load(folder / "facts.npy").astype(np.int64)
        ),
        lambda folder: np.save(
            folder / "facts.offsets.npy", np.load(folder / "facts.offsets.npy")[:-1]
        ),
        lambda folder: (folder / "facts.json").write_text('{"kind": 1}'),
    ],
    ids=["no strings", "codes cut short", "another type", "offsets cut short", "not a list"],
)
def test_damaged_facts_are_refused(lexical, tmp_path, damage):
    folder = write_snapshot(_index(lexical), tmp_path / "snap")
    damage(folder)
    with pytest.raises(SnapshotError, match="damaged"):
        load_snapshot(folder, lexical)


def test_a_record_that_does_not_end_at_its_offset_is_refused():
    packed, offsets, names = encode([(FULL, _analysis())])
    facts = SlotFacts(np.append(packed, 0).astype(np.int32), np.array([0, len(packed) + 1]), names)
    with pytest.raises(ValueError, match="do not end"):
        facts.record(0)


def _analysis():
    from kakehashi.matching.engine import analyse

    return analyse(FULL)
