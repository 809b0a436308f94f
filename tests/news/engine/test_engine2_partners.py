"""Priority partners and partnership counts stated the ways the press states them (issue 14,
second pass); sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract


def _lists(text, language):
    facts = extract(text, language=language, published=dt.date(2025, 2, 1))["facts"]
    return [
        (
            f["locality"]["slug"],
            sorted(p["slug"] for p in f["partners"]),
            f["list_size"],
            f["until"],
        )
        for f in facts
        if f["type"] == "priority_partners"
    ]


NGHE_AN = ("nghe-an", ["aichi-prefecture", "gunma-prefecture", "shizuoka-prefecture"], 3, "2030")


@pytest.mark.parametrize(
    "text",
    [
        "UBND tỉnh Nghệ An xác định ưu tiên hợp tác với 3 địa phương Nhật Bản đến năm 2030 "
        "gồm tỉnh Gunma, tỉnh Shizuoka và tỉnh Aichi.",
        "Tỉnh Nghệ An chọn 3 địa phương Nhật Bản ưu tiên hợp tác đến năm 2030 là tỉnh Gunma, "
        "tỉnh Shizuoka và tỉnh Aichi.",
        "Nghệ An xác định 3 đối tác trọng điểm đến năm 2030: tỉnh Gunma, tỉnh Shizuoka và "
        "tỉnh Aichi.",
    ],
)
def test_vietnamese_priority_lists(text):
    assert _lists(text, "vi") == [NGHE_AN]


@pytest.mark.parametrize(
    "text",
    [
        "ゲアン省は群馬県、静岡県、愛知県の3県を2030年までの重点交流先に位置づけた。",
        "ゲアン省は2030年まで、群馬県、静岡県、愛知県の3県を重点パートナーとする。",
    ],
)
def test_japanese_priority_lists(text):
    assert _lists(text, "ja") == [NGHE_AN]


@pytest.mark.parametrize(
    "text",
    [
        "Nghe An named Gunma Prefecture, Shizuoka Prefecture and Aichi Prefecture as its three "
        "priority Japanese partners until 2030.",
        "Nghe An has chosen three key partners in Japan until 2030: Gunma Prefecture, "
        "Shizuoka Prefecture and Aichi Prefecture.",
    ],
)
def test_english_priority_lists(text):
    assert _lists(text, "en") == [NGHE_AN]


def test_a_headline_and_its_lead_are_one_list():
    text = (
        "Nghe An names three priority Japanese partners to 2030\n\n"
        "Nghe An named Gunma Prefecture, Shizuoka Prefecture and Aichi Prefecture as its three "
        "priority Japanese partners until 2030."
    )
    assert _lists(text, "en") == [NGHE_AN]


def test_a_country_as_a_priority_partner_is_no_list():
    text = "Tỉnh Nghệ An coi Nhật Bản là đối tác ưu tiên trong thu hút đầu tư."
    assert _lists(text, "vi") == []


def test_a_count_told_twice_is_one_fact_and_an_office_is_no_antecedent():
    text = (
        "Nghệ An có quan hệ hợp tác với 4 địa phương Nhật Bản\n\n"
        "Ngày 3/1, Chủ tịch UBND tỉnh Nghệ An Lê Hồng Vinh tiếp ông Sato Ken, Trưởng đại diện "
        "JETRO Hà Nội. Ông Lê Hồng Vinh cho biết tỉnh hiện có quan hệ hợp tác với 4 địa phương "
        "Nhật Bản."
    )
    facts = extract(text, language="vi")["facts"]
    counts = [f for f in facts if f["type"] == "partnership_count"]
    assert [(f["locality"]["slug"], f["count"]) for f in counts] == [("nghe-an", 4)]


def test_japanese_count_of_regions():
    text = "大阪府はベトナムの3つの地域と友好交流の覚書を結んでいる。"
    facts = extract(text, language="ja")["facts"]
    counts = [f for f in facts if f["type"] == "partnership_count"]
    assert [(f["locality"]["slug"], f["country"], f["count"]) for f in counts] == [
        ("osaka-prefecture", "VN", 3)
    ]
