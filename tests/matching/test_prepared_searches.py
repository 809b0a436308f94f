"""The recent search texts are kept analysed and embedded (search.prepared_search): the same
text again is not embedded again and gets the very vector a new embedding gives, the number
kept is bounded, and the least recently used goes first."""

import numpy as np
import pytest

from kakehashi.matching import search
from kakehashi.matching.engine import prepare_search
from kakehashi.matching.live import embedder


@pytest.fixture(autouse=True)
def _nothing_kept():
    search.forget_prepared()
    yield
    search.forget_prepared()


def _kept() -> list[tuple[str, str | None]]:
    return [(text, language) for _model, text, language in search._prepared]


def test_the_same_text_again_reuses_the_vector_a_new_embedding_gives():
    first = search.prepared_search("kho lạnh thủy sản", None)
    again = search.prepared_search("kho lạnh thủy sản", None)
    assert again is first  # not analysed nor embedded again
    fresh = prepare_search(embedder(), "kho lạnh thủy sản", None)
    assert np.array_equal(first.vector, fresh.vector)
    assert first.analysis == fresh.analysis
    assert not first.vector.flags.writeable  # shared between searches: nobody changes it


def test_another_language_is_another_entry():
    vi = search.prepared_search("cold storage", "vi")
    en = search.prepared_search("cold storage", "en")
    assert vi is not en
    assert _kept() == [("cold storage", "vi"), ("cold storage", "en")]


def test_the_texts_kept_are_bounded_and_the_least_recently_used_goes_first(monkeypatch):
    monkeypatch.setattr(search, "PREPARED_KEPT", 3)
    for text in ("one", "two", "three"):
        search.prepared_search(text, None)
    search.prepared_search("one", None)  # used again: now the most recent
    search.prepared_search("four", None)
    assert _kept() == [("three", None), ("one", None), ("four", None)]
    for number in range(10):
        search.prepared_search(f"text {number}", None)
    assert len(_kept()) == 3
