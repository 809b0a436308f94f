"""Snapshots of the matching index on disk, so that a process starts from a file instead of
reading every entry from the database (engine/snapshot.py has the format).

The folder is `settings.MATCHING_SNAPSHOT_DIR` (KAKEHASHI_MATCHING_SNAPSHOT_DIR, by default
var/matching-snapshots). Workers write into it (`kakehashi snapshot_index`, `kakehashi
daily`, the end of a rebuild, the `write_index_snapshot` task); each app server reads it when a
process first uses the index (live.py). A snapshot records the generation and the change
number it covers: a process loads the newest one of the current generation made with its
embedder and applies the entries changed after it. The newest KEEP snapshots are kept."""

from __future__ import annotations

import logging
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from kakehashi.matching.engine import MatchingIndex
from kakehashi.matching.engine.snapshot import (
    SNAPSHOT_FORMAT,
    SnapshotError,
    load_snapshot,
    read_meta,
    write_snapshot,
)

logger = logging.getLogger(__name__)
KEEP = 2
PREFIX = "index-"
STALE_TEMPORARY_SECONDS = 3600  # a half-written folder older than this is a crashed writer's


def snapshot_dir() -> Path:
    return Path(settings.MATCHING_SNAPSHOT_DIR)


def snapshots() -> list[Path]:
    """The snapshot folders, newest first (their names start with the time of writing)."""
    folder = snapshot_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_dir() and p.name.startswith(PREFIX)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def load_newest(generation, embedder) -> tuple[MatchingIndex, int] | None:
    """The index of the newest usable snapshot of `generation` for `embedder`, and the change
    number it covers; None when there is none. Each snapshot passed over is logged."""
    for folder in snapshots():
        try:
            meta = read_meta(folder)
            if meta.get("generation") != str(generation):
                logger.info("matching snapshot %s is of another index generation", folder)
                continue
            index, meta = load_snapshot(folder, embedder)
            sequence = int(meta["sequence"])
        except (SnapshotError, KeyError, TypeError, ValueError) as error:
            logger.warning("matching snapshot %s ignored: %s", folder, error)
            continue
        logger.info("matching index loaded from %s (%d documents)", folder, len(index))
        return index, sequence
    return None


def write_current() -> Path | None:
    """Write this process's live index, brought up to date, as a snapshot, unless the newest
    snapshot covers the same state already; then drop all but the newest KEEP. Returns the
    new folder, or None."""
    from kakehashi.matching import live

    with live.reading_position() as (index, generation, sequence):
        if generation is None:
            return None  # nothing was ever indexed
        newest = _newest_meta()
        if (
            newest.get("generation") == str(generation)
            and newest.get("sequence") == sequence
            and newest.get("embedder") == index.embedder.name
            # A snapshot of an older format is passed over at every start: it is written
            # again in this one even when it covers the same changes.
            and newest.get("format") == SNAPSHOT_FORMAT
        ):
            return None
        started = time.perf_counter()
        name = f"{PREFIX}{time.time_ns():020d}-{sequence}"
        folder = write_snapshot(
            index,
            snapshot_dir() / name,
            {
                "generation": str(generation),
                "sequence": sequence,
                "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            },
        )
    logger.info(
        "matching snapshot %s written: %d documents in %.1f s",
        folder,
        len(index),
        time.perf_counter() - started,
    )
    prune()
    return folder


def _newest_meta() -> dict:
    for folder in snapshots():
        try:
            return read_meta(folder)
        except SnapshotError:
            continue
    return {}


def prune(keep: int = KEEP) -> None:
    """Remove all but the newest `keep` snapshots, and temporary folders left by writers that
    stopped half-way. (A process that mapped a removed snapshot keeps reading it: the files
    go when the last mapping does.)"""
    for folder in snapshots()[keep:]:
        shutil.rmtree(folder, ignore_errors=True)
    folder = snapshot_dir()
    if folder.is_dir():
        for temporary in folder.glob(f".{PREFIX}*"):
            if time.time() - temporary.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                shutil.rmtree(temporary, ignore_errors=True)
