"""Issue 14, twenty-ninth pass: a priority list told in words no rule knows, read by what the
sentence means (facts/partner_sense.py): the sentence, its places written "X", embedded with
the multilingual model and read by a logistic regression fitted on labelled sentences
(bench/news_sense.py). Sentences written for the test, none of them in the fit."""

import datetime as dt

import pytest

from kakehashi.matching.engine import embedding
from kakehashi.news.engine.extract import analyse
from kakehashi.news.engine.facts import partner_sense
from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)

LAM_DONG = (
    "Plan\n\nOver 2026-2030, Lam Dong will direct the bulk of its Japan exchanges toward "
    "Shizuoka and Yamanashi, the province said."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            LAM_DONG,
            ("lam-dong", ("shizuoka-prefecture", "yamanashi-prefecture"), None, "2030"),
        ),
        (
            "Plan\n\nGunma's international strategy for fiscal 2027-2031 lists Bac Ninh and Phu "
            "Tho as the Vietnamese provinces it will work with most.",
            ("gunma-prefecture", ("bac-ninh", "phu-tho"), None, "2031"),
        ),
    ],
)
def test_a_list_read_by_its_meaning(text, expected):
    assert list_rows(text, "en", PUBLISHED) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Plan\n\nHai Phong, Da Nang and Quang Ninh sent delegations to Fukuoka last week.",
        "Plan\n\nKumamoto companies have opened factories in Bac Ninh and Thai Nguyen since 2023.",
        # a word of priority: the rules' to read ("priority in land allocation": no list)
        "Plan\n\nBinh Duong has given priority in its land allocation to investors from Osaka "
        "and Aichi prefectures.",
    ],
)
def test_sentences_that_tell_no_choice_are_no_list(text):
    assert list_rows(text, "en", PUBLISHED) == []


def test_the_places_are_written_x():  # (the pronoun that stands for one too)
    ctx = analyse(LAM_DONG, "en", PUBLISHED, None)
    sentence = ctx.text.sentences[-1]
    assert partner_sense.masked(ctx, sentence) == (
        "Over 2026-2030, X will direct the bulk of its Japan exchanges toward X and X, X said."
    )


def test_without_the_model_no_sentence_is_read_so(monkeypatch):
    # the process's embedder is the lexical fallback (as with KAKEHASHI_EMBEDDER=lexical)
    monkeypatch.setattr(embedding, "_shared", [embedding.LexicalEmbedder()])
    partner_sense._model.cache_clear()
    try:
        assert partner_sense.probability("X will direct its exchanges toward X and X.") is None
        assert list_rows(LAM_DONG, "en", PUBLISHED) == []
    finally:
        partner_sense._model.cache_clear()


def test_the_model_is_the_one_the_matching_index_uses():
    # one model in memory for both engines (embedding.shared_embedder)
    partner_sense._model.cache_clear()
    model = partner_sense._model()
    assert model is not None and model[0] is embedding.shared_embedder()
