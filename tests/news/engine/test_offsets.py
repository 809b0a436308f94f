import datetime as dt
import unicodedata

import pytest

from kakehashi.news.engine import extract

ARTICLES = {
    "vi": (
        "Chiều 25/11, Bộ Ngoại giao phối hợp với Đại sứ quán Nhật Bản tổ chức Hội nghị gặp gỡ "
        "Nhật Bản với 40 cuộc gặp song phương. Phó Chủ tịch UBND TP.HCM Võ Văn Hoan tiếp Thứ "
        "trưởng Bộ Ngoại giao Nhật Bản Yamada Kenji. TP xác định 7 địa phương Nhật Bản là đối tác "
        "ưu tiên đến năm 2025, gồm tỉnh Osaka, Kanagawa và TP. Osaka."
    ),
    "ja": (
        "ホーチミン市人民委員会のボー・バン・ホアン副委員長は１１月２５日、山田健二外務副大臣と"
        "会談した。同市は大阪府など７つの日本の自治体を優先交流先としている。"
    ),
    "en": (
        "On Nov. 25, Aichi Governor Omura Hideaki visited Binh Duong province and signed a "
        "memorandum of understanding on human resources development."
    ),
}


@pytest.mark.parametrize("language", ["vi", "ja", "en"])
def test_every_mention_and_span_slices_the_text_given(language):
    text = ARTICLES[language]
    doc = extract(text, language=language, published=dt.date(2023, 11, 26))
    assert doc["mentions"] and doc["facts"]
    for mention in doc["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for fact in doc["facts"]:
        start, end = fact["span"]
        assert text[start:end] == fact["evidence"]
        assert 0 < fact["confidence"] <= 1


def test_offsets_of_decomposed_vietnamese_point_into_the_original():
    text = unicodedata.normalize("NFD", ARTICLES["vi"])
    doc = extract(text, language="vi", published=dt.date(2023, 11, 26))
    kinds = {m["kind"] for m in doc["mentions"]}
    assert {"locality", "organisation", "person", "date"} <= kinds
    for mention in doc["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    [visit] = [f for f in doc["facts"] if f["type"] == "visit"]
    assert visit["visitor"] == unicodedata.normalize("NFD", "Yamada Kenji")
    assert visit["host"] == unicodedata.normalize("NFD", "Võ Văn Hoan")


def test_mentions_name_slugs_keys_and_successors():
    text = "Tỉnh Bình Dương và JETRO ký kết hợp tác về chuyển đổi số ngày 3/4/2024."
    doc = extract(text, language="vi")
    assert [
        (m["kind"], m["text"], m["slug"], m["key"], m["successor"]) for m in doc["mentions"]
    ] == [
        ("locality", "Tỉnh Bình Dương", "binh-duong-before-2025", None, "ho-chi-minh-city"),
        ("organisation", "JETRO", None, "jetro", None),
        ("sector", "chuyển đổi số", None, "digital_transformation", None),
        ("date", "3/4/2024", None, "2024-04-03", None),
    ]


def test_language_is_detected_and_an_unknown_one_refused():
    assert extract(ARTICLES["ja"])["language"] == "ja"
    assert extract(ARTICLES["en"])["language"] == "en"
    assert extract(ARTICLES["vi"])["language"] == "vi"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        extract("Bonjour", language="fr")
