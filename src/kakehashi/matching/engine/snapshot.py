"""A snapshot of a MatchingIndex: a folder that a process loads in a fraction of a second,
whose large parts stay on disk, memory-mapped read-only, so that every process loading the
same snapshot shares their pages through the operating system's page cache.

    meta.json                  format, embedder and dim, glossary, counts, and what the
                               caller records (e.g. the generation and sequence it covers)
    ids.json                   the document ids, slot by slot
    organisations.npy, kinds.npy, codes.json   int32 (n): each document's organisation and
                               kind as a code into codes.json's lists, -1 for none
                               (slotcodes.py; a snapshot without them has them computed)
    vectors.npy                float32 (n, dim), memory-mapped
    languages.npy              int8 (n): centring.LANGUAGES index, -1 for another language
    semantic.npz               language means and centred norms (the first query's work)
    latent.indices.npy, latent.values.npy   uint16 and float16 (n, 128): each document's
                               latent terms (latent.py), memory-mapped; latent.npz their
                               language means and centred norms
    documents.bin, documents.offsets.npy    JSON of each document, decoded when first used
    analyses.bin, analyses.offsets.npy      JSON of each analysis (with expanded concepts)
    facts.npy, facts.offsets.npy, facts.json   what the ranking reads of a candidate
                               (kind, organisation, places, sectors, keywords, wants,
                               concepts) as codes into facts.json's strings (slotfacts.py):
                               no JSON is decoded for the candidates of a search
    terms.*, concepts.*        the postings as compressed sparse rows: sorted vocabulary
                               (blob + offsets), indptr, slots, tfs, df, lengths
    vectors.usearch            from ann.APPROXIMATE_FROM documents, with usearch installed:
                               the approximate scan's graph of the centred vectors (ann.py),
                               memory-mapped

`write_snapshot` writes into a temporary folder beside the target and renames it at the end,
so a reader never sees half a snapshot. `load_snapshot` raises SnapshotError for a folder that
is damaged, of another format, or made with another embedder or glossary: a snapshot of an
older format (format 1 had no facts, format 2 no latent terms) is passed over and the index is
read from the database as before snapshots, then written again in this format (snapshots.py)."""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np

from kakehashi.matching.engine import ann, latent
from kakehashi.matching.engine.centring import centre
from kakehashi.matching.engine.index import MatchingIndex, semantic_state
from kakehashi.matching.engine.postings import Postings, PostingsBase
from kakehashi.matching.engine.slotcodes import SlotCodes
from kakehashi.matching.engine.slotfacets import SlotFacets
from kakehashi.matching.engine.slotfacts import SlotFacts, encode
from kakehashi.matching.engine.snapshot_records import analysis_record, document_record
from kakehashi.matching.engine.storage import (
    LazySlots,
    Rows,
    SortedStrings,
    encode_blob,
    json_bytes,
)

SNAPSHOT_FORMAT = 3  # 2: with the slots' facts (slotfacts.py); 3: with latent terms
APPENDED_CAPACITY = 64  # rows for documents added after the load, before the first doubling
SCAN_FILE = "vectors.usearch"
SCAN_THREADS = 2  # the worker writes snapshots: both cores build the graph


class SnapshotError(Exception):
    """A snapshot that cannot be used (the message says why)."""


def glossary_fingerprint() -> str:
    """The glossary's checksum: a snapshot holds the broader concepts it expanded."""
    data = resources.files("kakehashi.matching.engine").joinpath("glossary.csv").read_bytes()
    return hashlib.sha256(data).hexdigest()[:16]


# -- writing ----------------------------------------------------------------------------------


def write_snapshot(index: MatchingIndex, folder, meta: dict | None = None) -> Path:
    """Write the live documents of `index` to `folder` (which must not exist), atomically.
    `meta` is recorded beside the snapshot's own facts."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        _write(index, temporary, meta or {})
        os.rename(temporary, folder)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return folder


def _write(index: MatchingIndex, folder: Path, meta: dict) -> None:
    slots = [slot for slot, doc_id in enumerate(index._ids) if doc_id is not None]
    ids = [index._ids[slot] for slot in slots]
    analyses = [index._analyses[slot] for slot in slots]
    vectors = index._vectors.take(slots)
    languages = index._languages[np.asarray(slots, dtype=np.int64)].astype(np.int8)
    n = len(slots)
    np.save(folder / "vectors.npy", vectors)
    np.save(folder / "languages.npy", languages)
    means, norms = semantic_state(
        index.embedder, Rows(vectors.shape[1], 0, base=vectors), np.ones(n, bool), languages, n
    )
    if means is not None:
        np.savez(folder / "semantic.npz", means=means, norms=norms)
    terms = index.latent_terms(slots)
    np.save(folder / "latent.indices.npy", terms.indices)
    np.save(folder / "latent.values.npy", terms.values)
    state = latent.state(terms.indices, terms.values, languages, np.ones(n, bool))
    np.savez(folder / "latent.npz", means=state.means, norms=state.norms)
    if n >= ann.APPROXIMATE_FROM and ann.available():
        chunks = (
            (
                np.arange(start, min(start + ann.CHUNK, n)),
                vectors[start : start + ann.CHUNK]
                if means is None
                else centre(
                    vectors[start : start + ann.CHUNK], languages[start : start + ann.CHUNK], means
                ),
            )
            for start in range(0, n, ann.CHUNK)
        )
        graph = ann.build_graph(vectors.shape[1], chunks, threads=SCAN_THREADS)
        graph.save(str(folder / SCAN_FILE))
    (folder / "ids.json").write_bytes(json_bytes(ids))
    live = np.asarray(slots, dtype=np.int64)
    for name, table in (("organisations", index._organisations), ("kinds", index._kinds)):
        np.save(folder / f"{name}.npy", table.codes[live].astype(np.int32))
    (folder / "codes.json").write_bytes(
        json_bytes({"organisations": index._organisations.names, "kinds": index._kinds.names})
    )
    documents = [index._docs[slot] for slot in slots]
    _write_blob(folder, "documents", [json_bytes(doc.to_json()) for doc in documents])
    write_facts(folder, zip(documents, analyses, strict=True))
    _write_blob(
        folder,
        "analyses",
        [
            json_bytes(
                {
                    "language": a.language,
                    "terms": dict(sorted(a.terms.items())),
                    "concepts": sorted(a.concepts),
                    "expanded": sorted(a.expanded),
                }
            )
            for a in analyses
        ],
    )
    postings = {}
    for name, source, counts in (
        ("terms", index.terms, [a.terms for a in analyses]),
        ("concepts", index.concepts, [Counter(a.expanded) for a in analyses]),
    ):
        lengths = source.lengths[np.asarray(slots, dtype=np.int64)].astype(np.float32)
        _write_postings(folder, name, counts, lengths)
        postings[name] = {
            "k1": source.k1,
            "b": source.b,
            "n_docs": n,
            "total_length": float(np.sum(lengths, dtype=np.float64)),
        }
    facts = {
        "format": SNAPSHOT_FORMAT,
        "embedder": index.embedder.name,
        "dim": int(index.embedder.dim),
        "glossary": glossary_fingerprint(),
        "documents": n,
        "postings": postings,
    }
    (folder / "meta.json").write_text(json.dumps({**meta, **facts}, indent=2), encoding="utf-8")


def _write_blob(folder: Path, name: str, values: list[bytes]) -> None:
    blob, offsets = encode_blob(values)
    (folder / f"{name}.bin").write_bytes(blob)
    np.save(folder / f"{name}.offsets.npy", offsets)


def write_facts(folder: Path, pairs) -> None:
    """facts.npy, facts.offsets.npy and facts.json of (document, analysis) pairs, slot by slot."""
    packed, offsets, names = encode(pairs)
    np.save(folder / "facts.npy", packed)
    np.save(folder / "facts.offsets.npy", offsets)
    (folder / "facts.json").write_bytes(json_bytes(names))


def _write_postings(folder: Path, name: str, counts: list[Counter], lengths) -> None:
    by_term: dict[str, list[tuple[int, float]]] = {}
    for slot, terms in enumerate(counts):
        for term, tf in terms.items():
            by_term.setdefault(term, []).append((slot, float(tf)))
    vocabulary = sorted(by_term)  # str order is the order of the UTF-8 bytes
    indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum([len(by_term[t]) for t in vocabulary], out=indptr[1:])
    slots = np.fromiter(
        (slot for t in vocabulary for slot, _ in by_term[t]), dtype=np.int32, count=indptr[-1]
    )
    tfs = np.fromiter(
        (tf for t in vocabulary for _, tf in by_term[t]), dtype=np.float32, count=indptr[-1]
    )
    _write_blob(folder, f"{name}.vocabulary", [t.encode("utf-8") for t in vocabulary])
    np.save(folder / f"{name}.indptr.npy", indptr)
    np.save(folder / f"{name}.slots.npy", slots)
    np.save(folder / f"{name}.tfs.npy", tfs)
    np.save(folder / f"{name}.df.npy", np.diff(indptr).astype(np.int32))
    np.save(folder / f"{name}.lengths.npy", np.asarray(lengths, dtype=np.float32))


# -- reading ----------------------------------------------------------------------------------


def read_meta(folder) -> dict:
    try:
        meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SnapshotError(f"no readable meta.json ({error})") from error
    if not isinstance(meta, dict):
        raise SnapshotError("meta.json holds no object")
    return meta


def load_snapshot(folder, embedder) -> tuple[MatchingIndex, dict]:
    """The index of a snapshot folder, for `embedder` (which must be the one it was made
    with), and its meta. Raises SnapshotError when the folder cannot be used."""
    folder = Path(folder)
    meta = read_meta(folder)
    if meta.get("format") != SNAPSHOT_FORMAT:
        raise SnapshotError(f"format {meta.get('format')!r}, this version reads {SNAPSHOT_FORMAT}")
    if meta.get("embedder") != embedder.name or meta.get("dim") != embedder.dim:
        raise SnapshotError(
            f"made with {meta.get('embedder')} ({meta.get('dim')} dimensions), "
            f"this process embeds with {embedder.name} ({embedder.dim})"
        )
    if meta.get("glossary") != glossary_fingerprint():
        raise SnapshotError("made with another glossary")
    try:
        return _load(folder, meta, embedder), meta
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        raise SnapshotError(f"damaged: {type(error).__name__}: {error}") from error


def _array(folder: Path, name: str, dtype, length: int | None = None, shape=None) -> np.ndarray:
    """The array of `name`.npy, memory-mapped read-only. Other than the vectors, it comes as
    a plain ndarray over the same mapping: np.memmap's Python-level __getitem__ cost a
    search at 100,000 proposals a few milliseconds (the offsets and vocabulary it reads item
    by item, hundreds of thousands of times)."""
    array = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
    if array.dtype != np.dtype(dtype):
        raise ValueError(f"{name}.npy holds {array.dtype}, not {np.dtype(dtype)}")
    if length is not None and array.shape != (length,):
        raise ValueError(f"{name}.npy has shape {array.shape}, not ({length},)")
    if shape is not None and array.shape != shape:
        raise ValueError(f"{name}.npy has shape {array.shape}, not {shape}")
    return array if name == "vectors" else array.view(np.ndarray)


def _blob(folder: Path, name: str, count: int):
    offsets = _array(folder, f"{name}.offsets", np.int64, count + 1)
    with open(folder / f"{name}.bin", "rb") as f:
        size = os.fstat(f.fileno()).st_size
        blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    if int(offsets[-1]) != size or int(offsets[0]) != 0:
        raise ValueError(f"{name}.bin has {size} bytes, its offsets end at {int(offsets[-1])}")
    return blob, offsets


def _postings(folder: Path, name: str, n: int, facts: dict) -> Postings:
    vocabulary, offsets = _blob(folder, f"{name}.vocabulary", _count(folder, name))
    indptr = _array(folder, f"{name}.indptr", np.int64, len(offsets))
    total = int(indptr[-1])
    base = PostingsBase(
        vocabulary=SortedStrings(vocabulary, offsets),
        indptr=indptr,
        slots=_array(folder, f"{name}.slots", np.int32, total),
        tfs=_array(folder, f"{name}.tfs", np.float32, total),
        df=_array(folder, f"{name}.df", np.int32, len(offsets) - 1),
    )
    lengths = np.zeros(n + APPENDED_CAPACITY, dtype=np.float32)
    lengths[:n] = _array(folder, f"{name}.lengths", np.float32, n)
    return Postings.on_base(
        base,
        lengths,
        int(facts["n_docs"]),
        float(facts["total_length"]),
        k1=float(facts["k1"]),
        b=float(facts["b"]),
    )


def _slot_codes(folder: Path, n: int) -> tuple[SlotCodes, SlotCodes]:
    """The organisation and kind codes of the slots; a snapshot written before they were
    stored has them computed from its documents (once, at load)."""
    capacity = n + APPENDED_CAPACITY
    if not (folder / "codes.json").exists():
        documents = LazySlots(*_blob(folder, "documents", n), document_record)
        organisations, kinds = SlotCodes(capacity), SlotCodes(capacity)
        for slot in range(n):
            doc = documents[slot]
            organisations.set(slot, doc.organisation)
            kinds.set(slot, doc.kind)
        return organisations, kinds
    names = json.loads((folder / "codes.json").read_bytes())
    return tuple(
        SlotCodes.from_arrays(_array(folder, name, np.int32, n), names[name], capacity)
        for name in ("organisations", "kinds")
    )


def _facts(folder: Path, n: int) -> SlotFacts:
    offsets = _array(folder, "facts.offsets", np.int64, n + 1)
    packed = _array(folder, "facts", np.int32)
    if packed.ndim != 1:
        raise ValueError(f"facts.npy has shape {packed.shape}")
    names = json.loads((folder / "facts.json").read_bytes())
    if not isinstance(names, list):
        raise ValueError("facts.json holds no list")
    return SlotFacts(packed, offsets, names)


def _count(folder: Path, name: str) -> int:
    offsets = np.load(folder / f"{name}.vocabulary.offsets.npy", mmap_mode="r")
    return len(offsets) - 1


def _load(folder: Path, meta: dict, embedder) -> MatchingIndex:
    n = int(meta["documents"])
    ids = json.loads((folder / "ids.json").read_bytes())
    if not isinstance(ids, list) or len(ids) != n or len(set(ids)) != n:
        raise ValueError(f"ids.json does not hold {n} distinct ids")
    vectors = _array(folder, "vectors", np.float32, shape=(n, embedder.dim))
    languages = _array(folder, "languages", np.int8, n)
    index = MatchingIndex(embedder)
    index._ids = ids
    index._slot_of = {doc_id: slot for slot, doc_id in enumerate(ids)}
    index._docs = LazySlots(*_blob(folder, "documents", n), document_record)
    index._organisations, index._kinds = _slot_codes(folder, n)
    index._analyses = LazySlots(*_blob(folder, "analyses", n), analysis_record)
    index._facts = _facts(folder, n)
    index._facets = SlotFacets.from_facts(index._facts, n + APPENDED_CAPACITY)
    index._vectors = Rows(embedder.dim, APPENDED_CAPACITY, base=vectors)
    index._alive = np.zeros(n + APPENDED_CAPACITY, dtype=bool)
    index._alive[:n] = True
    index._languages = np.full(n + APPENDED_CAPACITY, -1, dtype=np.int8)
    index._languages[:n] = languages
    shape = (n, latent.TERMS)
    index._latent_indices = Rows(
        latent.TERMS,
        APPENDED_CAPACITY,
        base=_array(folder, "latent.indices", np.uint16, shape=shape),
        dtype=np.uint16,
    )
    index._latent_values = Rows(
        latent.TERMS,
        APPENDED_CAPACITY,
        base=_array(folder, "latent.values", np.float16, shape=shape),
        dtype=np.float16,
    )
    with np.load(folder / "latent.npz", allow_pickle=False) as stored:
        means, norms = stored["means"], stored["norms"]
    if means.shape != (3, latent.FEATURES) or norms.shape != (n,):
        raise ValueError("latent.npz does not fit the latent terms")
    index._latent = latent.LatentState(means, norms)
    index.terms = _postings(folder, "terms", n, meta["postings"]["terms"])
    index.concepts = _postings(folder, "concepts", n, meta["postings"]["concepts"])
    if getattr(embedder, "centres_languages", False):
        with np.load(folder / "semantic.npz", allow_pickle=False) as stored:
            means, norms = stored["means"], stored["norms"]
        if means.shape != (3, embedder.dim) or norms.shape != (n,):
            raise ValueError("semantic.npz does not fit the vectors")
        index._semantic = (means, norms)
    if (folder / SCAN_FILE).exists() and ann.available():
        index.approximate = ann.ApproximateScan.view(folder / SCAN_FILE, embedder.dim, n)
    return index
