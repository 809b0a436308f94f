"""Adding a document again embeds it again only when its embedded text changed."""

import numpy as np

from kakehashi.matching.engine import Document, LexicalEmbedder, MatchingIndex


class CountingEmbedder(LexicalEmbedder):
    """The lexical embedder, keeping the texts it was asked to embed."""

    def __init__(self):
        super().__init__()
        self.embedded: list[str] = []

    def embed(self, texts, *, query, languages=None):
        self.embedded.extend(texts)
        return super().embed(texts, query=query, languages=languages)


def documents(**changes) -> list[Document]:
    base = {
        "cold": Document(id="cold", title="Kho lạnh", text="Kho lạnh thủy sản.", language="vi"),
        "rice": Document(id="rice", title="精米", text="香り米の精米機です。", language="ja"),
        "solar": Document(id="solar", title="Solar", text="Rooftop solar panels.", language="en"),
    }
    base.update(changes)
    return list(base.values())


def test_an_unchanged_document_added_again_is_not_embedded_again():
    embedder = CountingEmbedder()
    index = MatchingIndex(embedder)
    index.add(documents())
    assert len(embedder.embedded) == 3
    before = index.semantic_vectors()[[index._slot_of[i] for i in ("cold", "rice", "solar")]]

    embedder.embedded.clear()
    index.add(
        documents(
            # The same text with other facts: the vector is kept.
            cold=Document(
                id="cold",
                title="Kho lạnh",
                text="Kho lạnh thủy sản.",
                language="vi",
                sectors=frozenset({"agriculture"}),
            ),
            # Another text: embedded again.
            solar=Document(id="solar", title="Solar", text="Solar farms.", language="en"),
        )
    )
    assert embedder.embedded == ["Solar\nSolar farms."]
    after = index.semantic_vectors()[[index._slot_of[i] for i in ("cold", "rice", "solar")]]
    assert np.array_equal(before[:2], after[:2])
    assert not np.array_equal(before[2], after[2])


def test_reused_vectors_rank_as_a_fresh_index_does():
    rice = Document(id="rice", title="精米", text="精米機の輸出。", language="ja")
    changed = documents(rice=rice)
    reused = MatchingIndex(LexicalEmbedder())
    reused.add(documents())
    reused.add(changed)
    fresh = MatchingIndex(LexicalEmbedder())
    fresh.add(changed)
    for query in ("kho lạnh", "精米", "solar"):
        assert reused.search(query, k=3) == fresh.search(query, k=3)
