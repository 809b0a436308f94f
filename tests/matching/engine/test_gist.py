"""Glossary-assisted reading (engine/gist.py): which terms of a text are marked, where, and
what the reader's language calls them."""

from kakehashi.matching.engine.gist import GIST_MAX_CHARS, gist_terms, load_equivalents
from kakehashi.matching.engine.glossary import glossary, load_concepts
from kakehashi.matching.engine.text import LANGUAGES, concept_stream


def marks(text, language, reader):
    return [(t.text, t.equivalent) for t in gist_terms(text, language, reader)]


def test_a_vietnamese_text_for_a_japanese_reader_in_any_case():
    text = "Chúng tôi vận hành ba Kho Lạnh 12.000 tấn; kho lạnh thứ tư sẽ xây năm sau."
    found = gist_terms(text, "vi", "ja")
    assert [(t.start, t.end, t.text, t.concept, t.equivalent) for t in found] == [
        (22, 30, "Kho Lạnh", "cold_chain", "冷凍倉庫"),
        (43, 51, "kho lạnh", "cold_chain", "冷凍倉庫"),
    ]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_vietnamese_diacritics_matter_and_old_tone_placement_is_met():
    # "tra" is not "trà" (tea); "thuỷ sản" (old placement) is "thủy sản".
    assert marks("Kiểm tra chất lượng", "vi", "ja") == []
    assert marks("Uống trà và xuất khẩu thuỷ sản", "vi", "en") == [
        ("trà", "tea"),
        ("xuất khẩu", "export"),
        ("thuỷ sản", "fisheries"),
    ]


def test_the_longest_term_wins_and_terms_do_not_overlap():
    assert marks("Phát triển cảng hàng không quốc tế", "vi", "ja") == [("cảng hàng không", "空港")]
    assert marks("cold chain logistics", "en", "ja") == [
        ("cold chain", "コールドチェーン"),
        ("logistics", "物流"),
    ]
    # Vietnamese writes "logistics" too: left unmarked.
    assert marks("cold chain logistics", "en", "vi") == [("cold chain", "chuỗi lạnh")]


def test_english_terms_match_whole_words_only():
    assert marks("We support exporters", "en", "ja") == [("exporters", "輸出企業")]
    assert marks("Port development and ports", "en", "ja") == [
        ("Port development", "港湾"),
        ("ports", "港"),
    ]
    assert marks("passport", "en", "vi") == []


def test_vietnamese_terms_match_whole_syllables_only():
    # "tôm" (shrimp) is no part of "tômm", "pin" (battery) no part of "pinyin".
    assert marks("tômm pinyin", "vi", "ja") == []


def test_a_term_stays_inside_one_phrase():
    assert marks("We keep it cold. Chain stores buy it.", "en", "ja") == []
    assert marks("kho\nlạnh", "vi", "ja") == []
    assert marks("industry 4.0 and e-commerce", "en", "ja") == [
        ("industry 4.0", "スマート工場"),
        ("e-commerce", "電子商取引"),
    ]


def test_japanese_without_word_boundaries():
    text = "大型冷凍倉庫の建設と資金調達、港区の港湾整備。"
    assert marks(text, "ja", "vi") == [
        ("冷凍倉庫", "kho lạnh"),  # the longest term, not 倉庫 alone
        ("建設", "xây dựng"),
        ("港湾整備", "cảng"),
    ]
    # 調達 (procurement) is not found inside 資金調達, nor 港 (port) inside 港区.
    assert marks("資金調達", "ja", "en") == []
    assert marks("港区", "ja", "en") == []
    assert marks("調達と港", "ja", "en") == [("調達", "procurement"), ("港", "port")]


def test_japanese_spans_are_those_of_the_text_as_written():
    # Half-width katakana and full-width letters are normalised to match, but the span is the
    # author's own characters.
    text = "ｺｰﾙﾄﾞﾁｪｰﾝとＩｏＴ、コールド・チェーン"
    found = gist_terms(text, "ja", "vi")
    assert [(text[t.start : t.end], t.equivalent) for t in found] == [
        ("ｺｰﾙﾄﾞﾁｪｰﾝ", "chuỗi lạnh"),
        ("コールド・チェーン", "chuỗi lạnh"),
    ]


def test_decomposed_vietnamese_keeps_its_offsets():
    text = "kho la\u0323nh"  # "ạ" as a + combining dot below
    [term] = gist_terms(text, "vi", "ja")
    assert (term.start, term.end, term.text) == (0, len(text), text)


def test_a_term_the_reader_writes_alike_is_not_marked():
    assert marks("Ứng dụng AI và IoT cho logistics", "vi", "en") == []
    assert marks("Ứng dụng AI và IoT cho logistics", "vi", "ja") == [("logistics", "物流")]


def test_the_equivalent_is_the_direct_one_else_the_concepts_first_term():
    assert marks("kho lạnh", "vi", "en") == [("kho lạnh", "cold storage")]
    assert marks("chuỗi lạnh", "vi", "ja") == [("chuỗi lạnh", "コールドチェーン")]
    assert marks("冷蔵倉庫", "ja", "vi") == [("冷蔵倉庫", "kho lạnh")]
    assert marks("定温物流", "ja", "en") == [("定温物流", "cold chain logistics")]


def test_no_marks_in_the_readers_own_language_or_an_unknown_one():
    assert gist_terms("kho lạnh", "vi", "vi") == ()
    assert gist_terms("kho lạnh", "fr", "ja") == ()
    assert gist_terms("", "vi", "ja") == ()


def test_a_long_text_is_read_up_to_the_cap_without_cutting_a_word():
    # Beyond the cap, nothing is read.
    assert marks("x" * GIST_MAX_CHARS + " kho lạnh", "vi", "ja") == []
    # "Portugal" cut as "Port|ugal" would be read as "port".
    text = "cold storage " + "a" * (GIST_MAX_CHARS - 18) + " Portugal and more"
    assert text[GIST_MAX_CHARS - 4 : GIST_MAX_CHARS] == "Port"
    assert marks(text, "en", "ja") == [("cold storage", "冷凍倉庫")]


def test_results_are_deterministic():
    text = "Doanh nghiệp logistics lạnh cần kho lạnh, chuỗi cung ứng lạnh và cảng biển."
    assert gist_terms(text, "vi", "ja") == gist_terms(text + "", "vi", "ja")
    assert marks(text, "vi", "ja") == [
        ("logistics", "物流"),
        ("kho lạnh", "冷凍倉庫"),
        ("chuỗi cung ứng lạnh", "低温物流"),
        ("cảng biển", "港湾"),
    ]


def test_every_glossary_term_alone_is_marked_unless_written_alike():
    lost = []
    for concept in load_concepts():
        for language in LANGUAGES:
            for term in concept.terms[language]:
                readers = [r for r in LANGUAGES if r != language]
                found = [gist_terms(term, language, r) for r in readers]
                if any(f and (f[0].concept, f[0].text) == (concept.id, term) for f in found):
                    continue
                alike = all(
                    any(term.casefold() == t.casefold() for t in concept.terms[r]) for r in readers
                )
                if not alike:
                    lost.append((concept.id, language, term))
    assert lost == []


def test_every_row_of_equivalents_names_a_concept_and_one_of_its_terms():
    concepts = glossary().concepts
    stale = []
    for row in load_equivalents():
        concept = concepts.get(row.concept)
        if concept is None:
            stale.append((row.concept, "unknown concept"))
            continue
        known = any(
            concept_stream(term, language)
            in {concept_stream(t, language) for t in concept.terms[language]}
            for language in LANGUAGES
            for term in row.terms[language]
        )
        if not known:
            stale.append((row.concept, row.terms["en"]))
    assert stale == []
