"""Processes start from a snapshot of the index and follow the changes stored after it; a
snapshot they cannot use is passed over (and said so in the log); readers of one process
rank at once while changes are applied."""

import json
import logging
import threading
import uuid

import numpy as np
import pytest
from django.db import connection

from kakehashi.matching import live
from kakehashi.matching.engine import Document
from kakehashi.matching.models import IndexClock
from kakehashi.matching.rwlock import ReadersWriterLock
from kakehashi.matching.services import remove_documents, store_documents
from kakehashi.matching.snapshots import snapshots, write_current

TEXTS = [
    ("vi", "Kho lạnh thủy sản", "Cần đối tác công nghệ kho cấp đông cho cá tra và tôm."),
    ("ja", "冷凍倉庫の省エネ技術", "水産物のコールドチェーンを支える冷凍機と温度監視。"),
    ("en", "Rooftop solar for factories", "Solar panels on industrial roofs cut power costs."),
    ("vi", "Điện mặt trời áp mái", "Lắp đặt tấm pin mặt trời trên mái nhà xưởng."),
    ("ja", "介護人材の育成", "高齢者介護の施設で働く介護士を育成します。"),
    ("en", "Nursing care training", "Training caregivers for homes for the elderly."),
    ("vi", "Xử lý nước thải", "Nhà máy xử lý nước thải cho khu công nghiệp."),
    ("ja", "下水処理の技術", "都市の排水処理施設の技術を提供します。"),
]
QUERIES = ["kho lạnh", "cold storage for seafood", "太陽光発電", "caregiver training", "nước thải"]


def documents(start: int, count: int, *, kind: str = "business_offer") -> list[Document]:
    out = []
    for number in range(start, start + count):
        language, title, text = TEXTS[number % len(TEXTS)]
        out.append(
            Document(
                id=f"proposal:{number}",
                title=title,
                text=f"{text} ({number})",
                language=language,
                kind=kind,
                organisation=f"organisation:{number % 5}",
            )
        )
    return out


def results(index) -> list:
    out = [[(m.id, m.score, m.reasons) for m in index.search(q, k=6)] for q in QUERIES]
    for key in ("proposal:1", "proposal:2"):
        if key in index:
            out.append([(m.id, m.score, m.reasons) for m in index.rank(index.get(key), k=6)])
    return out


def from_the_database(settings, tmp_path) -> list:
    """What a process without any snapshot ranks (every entry read from the database)."""
    kept = settings.MATCHING_SNAPSHOT_DIR
    settings.MATCHING_SNAPSHOT_DIR = tmp_path / "none"
    live.forget()
    index = live.live_index()
    assert not isinstance(index._vectors.base, np.memmap)
    figures = results(index)
    settings.MATCHING_SNAPSHOT_DIR = kept
    live.forget()
    return figures


@pytest.mark.django_db
def test_a_process_starts_from_the_snapshot_and_follows_later_changes(settings, tmp_path):
    store_documents(documents(0, 12))
    folder = write_current()
    assert folder is not None and snapshots() == [folder]
    meta = json.loads((folder / "meta.json").read_text())
    clock = IndexClock.objects.get()
    assert (meta["generation"], meta["sequence"]) == (str(clock.generation), clock.sequence)
    assert write_current() is None  # up to date: nothing new to write

    store_documents(documents(12, 4))  # added
    store_documents(documents(1, 1, kind="business_request"))  # replaced
    remove_documents(["proposal:3", "proposal:13"])  # from the snapshot and added after it

    live.forget()  # a new process
    index = live.live_index()
    assert isinstance(index._vectors.base, np.memmap) and len(index._vectors.base) == 12
    assert "proposal:3" not in index and "proposal:13" not in index
    assert index.get("proposal:1").kind == "business_request"
    assert len(index) == 14
    loaded = results(index)
    assert loaded == from_the_database(settings, tmp_path)

    # Changes stored while the process runs are applied on top, as before.
    store_documents(documents(20, 2))
    remove_documents(["proposal:0"])
    following = results(live.live_index())
    assert following == from_the_database(settings, tmp_path)


@pytest.mark.django_db
def test_a_new_generation_starts_without_the_old_snapshot(settings, tmp_path, caplog):
    store_documents(documents(0, 6))
    write_current()
    IndexClock.objects.update(generation=uuid.uuid4())
    live.forget()
    with caplog.at_level(logging.INFO, logger="kakehashi.matching.snapshots"):
        index = live.live_index()
    assert "of another index generation" in caplog.text
    assert not isinstance(index._vectors.base, np.memmap) and len(index) == 6
    # The next snapshot is of the new generation, and it is the one loaded.
    folder = write_current()
    assert json.loads((folder / "meta.json").read_text())["generation"] == str(
        IndexClock.objects.get().generation
    )
    live.forget()
    assert isinstance(live.live_index()._vectors.base, np.memmap)


def damage(folder):
    blob = folder / "analyses.bin"
    blob.write_bytes(blob.read_bytes()[:-5])


def foreign_embedder(folder):
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "embedder": "another-model"}))


def old_format(folder):
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "format": 0}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spoil, said",
    [(damage, "damaged"), (foreign_embedder, "another-model"), (old_format, "format 0")],
)
def test_an_unusable_snapshot_is_ignored_and_the_database_serves(
    settings, tmp_path, caplog, spoil, said
):
    store_documents(documents(0, 10))
    folder = write_current()
    spoil(folder)
    live.forget()
    with caplog.at_level(logging.WARNING, logger="kakehashi.matching.snapshots"):
        index = live.live_index()
    assert f"matching snapshot {folder} ignored" in caplog.text and said in caplog.text
    assert not isinstance(index._vectors.base, np.memmap) and len(index) == 10
    assert results(index) == from_the_database(settings, tmp_path)


@pytest.mark.django_db
def test_a_snapshot_of_an_older_format_is_written_again_though_it_covers_the_same_changes():
    store_documents(documents(0, 10))
    older = write_current()
    meta = json.loads((older / "meta.json").read_text())
    (older / "meta.json").write_text(json.dumps({**meta, "format": meta["format"] - 1}))
    live.forget()
    assert not isinstance(live.live_index()._vectors.base, np.memmap)  # passed over
    newer = write_current()
    assert newer is not None and newer != older
    assert json.loads((newer / "meta.json").read_text())["format"] == meta["format"]
    live.forget()
    assert isinstance(live.live_index()._vectors.base, np.memmap)
    assert write_current() is None  # now up to date


@pytest.mark.django_db
def test_the_newest_two_snapshots_are_kept():
    written = []
    for start in range(0, 12, 4):
        store_documents(documents(start, 4))
        written.append(write_current())
    assert snapshots() == [written[2], written[1]]
    live.forget()
    assert len(live.live_index()._vectors.base) == 12  # the newest one


def test_readers_hold_the_lock_together_and_a_writer_alone():
    lock = ReadersWriterLock()
    readers = 4
    together = threading.Barrier(readers, timeout=30)
    writing = threading.Event()
    seen_writing = []

    def read():
        with lock.reading():
            together.wait()  # every reader holds the lock at the same moment
            with lock.reading():  # nested reading in one thread
                seen_writing.append(writing.is_set())

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with lock.writing():
        writing.set()
        with lock.reading():  # the writer may read
            pass
        writing.clear()
    assert seen_writing == [False] * readers
    with lock.reading(), pytest.raises(RuntimeError):
        with lock.writing():
            pass


@pytest.mark.django_db(transaction=True)
def test_readers_rank_while_changes_are_applied():
    store_documents(documents(0, 10))
    write_current()
    live.forget()
    errors: list[BaseException] = []
    stop = threading.Event()
    rounds = []

    def reader():
        try:
            while not stop.is_set():
                with live.reading() as index:
                    first = [(m.id, m.score) for m in index.search("kho lạnh", k=5)]
                    ranked = index.rank(index.get("proposal:2"), k=5)
                    second = [(m.id, m.score) for m in index.search("kho lạnh", k=5)]
                    # No change comes between two readings of one block.
                    assert first == second
                    assert all(m.id in index for m in ranked)
                rounds.append(1)
        except BaseException as error:  # reported by the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        for start in range(10, 40, 5):
            store_documents(documents(start, 5))
            remove_documents([f"proposal:{start - 3}"])
            live.live_index()  # applied here, while the readers read
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert rounds
    index = live.live_index()
    assert len(index) == 10 + 30 - 6
    assert "proposal:32" not in index and "proposal:39" in index
