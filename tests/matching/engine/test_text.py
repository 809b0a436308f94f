import pytest

from kakehashi.matching.engine import concepts_in, detect_language, tokenise
from kakehashi.matching.engine.text import stem


def test_vietnamese_words_span_several_syllables():
    tokens = tokenise("Nông nghiệp công nghệ cao và chế biến thủy sản ở Đồng Nai", "vi")
    assert "nông_nghiệp" in tokens
    assert "chế_biến" in tokens
    assert "đồng_nai" in tokens
    # stop words are gone, everything is lower case
    assert "và" not in tokens and "ở" not in tokens
    assert all(t == t.lower() for t in tokens)


def test_vietnamese_tone_mark_placement_is_normalised():
    assert tokenise("thuỷ sản", "vi") == tokenise("thủy sản", "vi")
    assert concepts_in("tự động hoá", "vi") == {"automation"}
    assert concepts_in("TỰ ĐỘNG HOÁ", "vi") == {"automation"}


def test_japanese_without_spaces_gives_normalised_content_words():
    tokens = tokenise("大阪府はベトナムの取引先を探しています。", "ja")
    # 探し -> 探す; particles (は, の, を) and auxiliaries are not content words
    assert tokens == ["大阪府", "取引先", "探す"]
    # orthographic variants meet on the normalised form
    assert tokenise("コンピュータ", "ja") == tokenise("コンピューター", "ja")


def test_english_words_are_lower_cased_and_stemmed():
    assert tokenise("Processing the Machines and processed parts", "en") == [
        "process",
        "machin",
        "process",
        "part",
    ]
    assert stem("digitalization") == stem("digitalisation")
    assert stem("batteries") == stem("battery")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        tokenise("bonjour", "fr")


@pytest.mark.parametrize(
    "text, language",
    [
        ("Tìm đối tác Nhật Bản trong lĩnh vực nông nghiệp", "vi"),
        ("nong nghiep cong nghe cao", "vi"),
        ("水産加工の協力先を探しています", "ja"),
        ("AIとIoTの共同研究", "ja"),
        ("We are looking for a partner in cold chain logistics", "en"),
        ("Smart city", "en"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_japanese_is_tokenised_by_several_threads_at_once():
    """Tasks run in threads (the in-process backend, a worker's threads): each thread has
    its own SudachiPy tokenizer, which may not be shared. Distinct texts, past the cache."""
    from concurrent.futures import ThreadPoolExecutor

    base = "大阪府の中小企業はベトナムの工業団地への投資と技能実習生の受け入れを検討している。" * 40
    texts = [f"{base}第{n}号。" for n in range(240)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda text: tokenise(text, "ja"), texts))
    assert all("大阪府" in tokens and str(n) in tokens for n, tokens in enumerate(results))
