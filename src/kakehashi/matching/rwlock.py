"""A readers-writer lock: any number of threads read at once; a writer waits for the readers
to finish and has the lock alone, and readers that come while a writer waits let it go first
(so a steady flow of readers cannot starve it). A thread may nest readings, and a writer may
read; a reader that asks to write is refused (two such readers would wait for each other)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ReadersWriterLock:
    def __init__(self):
        self._condition = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0
        self._local = threading.local()

    def reads_here(self) -> bool:
        """Whether this thread holds the lock, for reading or writing."""
        return getattr(self._local, "reads", 0) > 0 or getattr(self._local, "writes", False)

    @contextmanager
    def reading(self) -> Iterator[None]:
        if self.reads_here():
            self._local.reads = getattr(self._local, "reads", 0) + 1
            try:
                yield
            finally:
                self._local.reads -= 1
            return
        with self._condition:
            while self._writing or self._writers_waiting:
                self._condition.wait()
            self._readers += 1
        self._local.reads = 1
        try:
            yield
        finally:
            self._local.reads = 0
            with self._condition:
                self._readers -= 1
                if not self._readers:
                    self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        if getattr(self._local, "writes", False):
            yield
            return
        if getattr(self._local, "reads", 0):
            raise RuntimeError("a thread that reads cannot start writing")
        with self._condition:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    self._condition.wait()
            finally:
                self._writers_waiting -= 1
            self._writing = True
        self._local.writes = True
        try:
            yield
        finally:
            self._local.writes = False
            with self._condition:
                self._writing = False
                self._condition.notify_all()
