"""A priority list told in words no rule knows, read by what the sentence means: "The city will
give top priority to cooperation with Osaka and Hyogo prefectures in the years ahead", "Tay
Ninh has identified Osaka, Hyogo, Kyoto and Nara as the Japanese prefectures with which it will
deepen cooperation first and foremost through 2030".

A sentence that names two places or more of one country (partner_shape.members_of), has no
word of priority (the rules have read those) and is no signing is embedded, its places written
"X", with the matching engine's multilingual model; a logistic regression over the vector says
whether it tells a choice of partners. The weights (partner_sense.npy) are fitted by
bench/news_sense.py on sentences of the dev half of the labelled set and of the blind snippet
rounds, labelled by a reader; never on the held-out half. The list so read is then built as
any other (partners._list_in), its chooser told in the sentence. Without the model (the
lexical fallback embedder) no sentence is read so.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

import numpy as np

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.partner_shape import FOCUS, members_of, not_shaped

WEIGHTS = Path(__file__).with_name("partner_sense.npy")
# the probability from which a sentence tells a list: chosen on the snippet rounds left out of
# the fit (bench/news_sense.py)
THRESHOLD = 0.9
_EMPTY = re.compile("")
PRIORITY_WORD = re.compile(r"(?i:priorit\w*|ưu tiên|trọng điểm)|優先|重点")
_lock = threading.Lock()


@cache
def _model():
    """(embedder, weights) or None when the multilingual model is not there."""
    from kakehashi.matching.engine.embedding import shared_embedder  # (the matching's model)

    weights = np.load(WEIGHTS)
    embedder = shared_embedder()
    if getattr(embedder, "dim", None) != len(weights) - 1 or embedder.name.startswith("lexical"):
        return None
    return embedder, weights


def probability(text: str) -> float | None:
    """How likely the sentence tells a choice of partners (None without the model)."""
    with _lock:
        model = _model()
    if model is None:
        return None
    embedder, weights = model
    vector = embedder.embed([text], query=True)[0]
    score = float(vector @ weights[:-1] + weights[-1])
    return 1 / (1 + np.exp(-score))


def masked(ctx: Context, sentence) -> str:
    """The sentence with each place the directory knows written "X": the wording, not the
    names, tells a list ("X has identified X, X and X as the prefectures …")."""
    out, last = [], sentence.start
    places = ctx.in_span(sentence.start, sentence.end, ("locality",))
    for m in sorted(places, key=lambda m: m.start):
        if m.slug and m.start >= last:
            out += [ctx.norm[last : m.start], "X"]
            last = m.end
    return "".join(out) + ctx.norm[last : sentence.end]


def sense_trigger(ctx: Context, sentence):
    """(an empty match before the first member, the members' country) when the sentence reads
    as a list, else None."""
    lang = ctx.language
    if PRIORITY_WORD.search(sentence.text) or lang in FOCUS and not_shaped(lang, sentence.text):
        return None  # a word of priority: the rules have read it, and found no list in it
        # ("has given priority in its land allocation to investors from Osaka and Aichi")
    found = members_of(ctx, sentence)
    if found is None:
        return None
    chance = probability(masked(ctx, sentence))
    if chance is None or chance < THRESHOLD:
        return None
    country, places = found
    return _EMPTY.match(sentence.text, places[0].start - sentence.start), country
