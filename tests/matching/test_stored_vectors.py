"""Storing a document again reuses its stored vector while its embedded text is the same."""

import numpy as np
import pytest

from kakehashi.matching import live
from kakehashi.matching.engine import Document
from kakehashi.matching.models import IndexEntry
from kakehashi.matching.services import embedded_text_hash, store_documents
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
