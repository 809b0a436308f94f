"""Writes of the matching app: keeping the stored index in step with the records, rebuilding
it, saved searches and follows.

Embedding (tens of milliseconds a document) happens before the transaction that stores the
entries, so the clock row is locked only for the writes."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable

import numpy as np
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from kakehashi.directory.models import Organisation
from kakehashi.matching.documents import (
    organisation_document,
    organisation_key,
    proposal_key,
)
from kakehashi.matching.engine import (
    Document,
    LatentTerms,
    analyse,
    analysis_to_json,
    document_text,
    embed_documents_latent,
)
from kakehashi.matching.live import embedder
from kakehashi.matching.models import (
    FollowedProposal,
    IndexClock,
    IndexEntry,
    MissedIndexUpdate,
    RebuildRun,
    RebuildStatus,
    SavedSearch,
)

REBUILD_BATCH = 64
logger = logging.getLogger(__name__)


def _locked_clock() -> IndexClock:
    """The clock row, locked until the transaction ends (so change numbers are given out in
    commit order)."""
    clock = IndexClock.objects.select_for_update().order_by("pk").first()
    if clock is None:
        try:
            with transaction.atomic():
                IndexClock.objects.create(pk=1)
        except IntegrityError:
            pass  # created by a concurrent writer
        clock = IndexClock.objects.select_for_update().get(pk=1)
    return clock


def embedded_text_hash(document: Document, language: str) -> str:
    """What a stored vector was made from: the document's embedded text and its language."""
    return hashlib.sha256(f"{language}\n{document_text(document)}".encode()).hexdigest()


def _vectors(model, documents: list[Document], analyses):
    """(vectors, latent terms or None, text hashes) of the documents. A document whose stored
    entry was made by this embedder from the same text keeps its vector and latent terms: only
    changed texts are embedded (a rebuild of an unchanged index runs the model on nothing).
    An entry stored without latent terms by an embedder that reads them is embedded again."""
    hashes = [embedded_text_hash(d, a.language) for d, a in zip(documents, analyses, strict=True)]
    reads_terms = hasattr(model, "embed_latent")
    stored = {
        key: (text_hash, vector, terms)
        for key, text_hash, vector, terms in IndexEntry.objects.filter(
            key__in=[d.id for d in documents], removed=False, embedder=model.name
        ).values_list("key", "text_hash", "vector", "latent")
    }
    vectors = np.empty((len(documents), model.dim), dtype=np.float32)
    terms = LatentTerms.empty(len(documents)) if reads_terms else None
    changed = []
    for i, (document, text_hash) in enumerate(zip(documents, hashes, strict=True)):
        known = stored.get(document.id)
        if (
            known is not None
            and known[0] == text_hash
            and known[1] is not None
            and (known[2] is not None or not reads_terms)
        ):
            vectors[i] = np.frombuffer(bytes(known[1]), dtype=np.float32)
            if reads_terms:
                row = LatentTerms.from_bytes([known[2]])
                terms.indices[i], terms.values[i] = row.indices[0], row.values[0]
        else:
            changed.append(i)
    if changed:
        found, found_terms = embed_documents_latent(
            model, [documents[i] for i in changed], [analyses[i] for i in changed]
        )
        vectors[changed] = found
        if terms is not None and found_terms is not None:
            terms.indices[changed] = found_terms.indices
            terms.values[changed] = found_terms.values
    return vectors, terms, hashes


def store_documents(documents: list[Document]) -> None:
    """Embed the documents whose text changed and store them as index entries (insert or
    replace)."""
    if not documents:
        return
    model = embedder()
    analyses = [analyse(document) for document in documents]
    vectors, terms, hashes = _vectors(model, documents, analyses)
    with transaction.atomic():
        clock = _locked_clock()
        rows = zip(documents, analyses, vectors, hashes, strict=True)
        for i, (document, analysis, vector, text_hash) in enumerate(rows):
            clock.sequence += 1
            IndexEntry.objects.update_or_create(
                key=document.id,
                defaults={
                    "document": document.to_json(),
                    "analysis": analysis_to_json(analysis),
                    "vector": vector.tobytes(),
                    "latent": None if terms is None else terms.to_bytes(i),
                    "embedder": model.name,
                    "text_hash": text_hash,
                    "removed": False,
                    "sequence": clock.sequence,
                },
            )
        clock.save(update_fields=["sequence"])


@transaction.atomic
def remove_documents(keys: Iterable[str]) -> None:
    """Mark the entries removed (kept, so that every process learns to drop them)."""
    keys = list(keys)
    present = [
        pk
        for start in range(0, len(keys), 500)
        for pk in IndexEntry.objects.filter(
            key__in=keys[start : start + 500], removed=False
        ).values_list("pk", flat=True)
    ]
    if not present:
        return
    clock = _locked_clock()
    for pk in present:
        clock.sequence += 1
        IndexEntry.objects.filter(pk=pk).update(
            removed=True,
            vector=None,
            latent=None,
            analysis=None,
            sequence=clock.sequence,
            updated_at=timezone.now(),
        )
    clock.save(update_fields=["sequence"])


def index_organisation(organisation_id: int) -> None:
    """Index a published organisation's profile; drop an unpublished or deleted one."""
    organisation = (
        Organisation.objects.filter(pk=organisation_id, is_published=True)
        .select_related("locality__successor")
        .prefetch_related("sectors", "translations")
        .first()
    )
    if organisation is None:
        remove_documents([organisation_key(organisation_id)])
    else:
        store_documents([organisation_document(organisation)])
    MissedIndexUpdate.objects.filter(key=organisation_key(organisation_id)).delete()


def index_proposal(proposal_id: int) -> None:
    """Index a published proposal; drop one that is no longer published."""
    from kakehashi.matching.proposal_documents import proposal_document, published_proposal

    proposal = published_proposal(proposal_id)
    if proposal is None:
        remove_documents([proposal_key(proposal_id)])
    else:
        store_documents([proposal_document(proposal)])
    MissedIndexUpdate.objects.filter(key=proposal_key(proposal_id)).delete()


def note_missed_update(*, key: str, error: str) -> None:
    """Remember that the index upkeep of `key` ("proposal:12") could not be queued, so that
    the readiness check shows the index as stale and the daily job indexes it."""
    MissedIndexUpdate.objects.update_or_create(
        key=key, defaults={"error": error[:200], "missed_at": timezone.now()}
    )


def index_missed() -> int:
    """Index every record whose upkeep could not be queued (each row is removed once its
    record is indexed); the number indexed. One that fails again stays listed."""
    indexers = {"organisation": index_organisation, "proposal": index_proposal}
    done = 0
    for key in list(MissedIndexUpdate.objects.values_list("key", flat=True)):
        kind, _, pk = key.partition(":")
        try:
            indexers[kind](int(pk))
        except Exception:  # the others still get their turn; this one stays listed
            logger.exception("Could not index %s", key)
        else:
            done += 1
    return done


def rebuild_index(
    *, resume: bool = False, progress: Callable[[RebuildRun], None] | None = None
) -> RebuildRun:
    """Index every published organisation and proposal again, in key order, in batches, and
    drop entries whose record is gone; then write a snapshot of the index (snapshots.py). With
    `resume`, an unfinished run goes on from the last batch it stored."""
    from kakehashi.matching.proposal_documents import (
        proposal_document,
        published_proposals,
    )

    run = None
    if resume:
        run = RebuildRun.objects.filter(status=RebuildStatus.RUNNING).first()
    organisations = Organisation.objects.filter(is_published=True)
    proposals = published_proposals()
    if run is None:
        run = RebuildRun.objects.create(
            status=RebuildStatus.RUNNING, total=organisations.count() + proposals.count()
        )
    source, _, last = run.last_key.partition(":")
    last_pk = int(last) if last else 0

    sources = [
        (
            "organisation",
            organisations.select_related("locality__successor").prefetch_related(
                "sectors", "translations"
            ),
            organisation_document,
        ),
        ("proposal", proposals, proposal_document),
    ]
    skipping = bool(source)
    for name, queryset, to_document in sources:
        start_after = 0
        if skipping:
            if name != source:
                continue  # finished before the interruption
            skipping = False
            start_after = last_pk
        batch = []
        for record in queryset.filter(pk__gt=start_after).order_by("pk").iterator(chunk_size=500):
            batch.append(record)
            if len(batch) == REBUILD_BATCH:
                _store_batch(run, name, batch, to_document, progress)
                batch = []
        if batch:
            _store_batch(run, name, batch, to_document, progress)

    live_keys = {organisation_key(pk) for pk in organisations.values_list("pk", flat=True)}
    live_keys |= {proposal_key(pk) for pk in proposals.values_list("pk", flat=True)}
    stored = set(IndexEntry.objects.filter(removed=False).values_list("key", flat=True))
    remove_documents(sorted(stored - live_keys))
    run.status = RebuildStatus.FINISHED
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "finished_at"])
    # The rebuild read every record after it started: what was missed before is indexed.
    MissedIndexUpdate.objects.filter(missed_at__lte=run.started_at).delete()
    if progress:
        progress(run)
    _write_snapshot()
    return run


def _write_snapshot() -> None:
    """A snapshot of the rebuilt index, so that processes start from it. The rebuild is done
    whatever happens here: a snapshot that cannot be written is logged, and the next daily
    run writes one."""
    from kakehashi.matching.snapshots import write_current

    try:
        write_current()
    except Exception:
        logger.exception("no matching snapshot written after the rebuild")


def _store_batch(run, name, records, to_document, progress) -> None:
    store_documents([to_document(record) for record in records])
    run.done += len(records)
    run.last_key = f"{name}:{records[-1].pk}"
    run.save(update_fields=["done", "last_key"])
    if progress:
        progress(run)


# --- saved searches and follows ------------------------------------------------------


def save_search(*, user, data: dict, now) -> SavedSearch:
    """Keep a search (text and filters); proposals published from now on are reported."""
    filters = {
        name: getattr(value, "key", None) or getattr(value, "slug", None) or value
        for name, value in data.items()
        if name != "q" and value
    }
    return SavedSearch.objects.create(
        user=user, query=data["q"].strip(), filters=filters, reported_until=now
    )


def delete_saved_search(*, search: SavedSearch, by) -> None:
    if search.user_id != by.pk:
        raise PermissionDenied
    search.delete()


def follow_proposal(*, user, proposal, now) -> FollowedProposal:
    follow, _ = FollowedProposal.objects.get_or_create(
        user=user, proposal=proposal, defaults={"reported_until": now}
    )
    return follow


def unfollow_proposal(*, user, proposal) -> None:
    FollowedProposal.objects.filter(user=user, proposal=proposal).delete()
