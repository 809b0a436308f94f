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


def _chosen(text, language):
    facts = extract(text, language=language, published=dt.date(2025, 2, 1))["facts"]
    return [
        (f["locality"] and f["locality"]["name"], f["locality"] and f["locality"]["slug"],
         sorted(p["slug"] for p in f["partners"]))
        for f in facts
        if f["type"] == "priority_partners"
    ]  # fmt: skip


THREE = ["aichi-prefecture", "osaka-city", "osaka-prefecture"]


@pytest.mark.parametrize(
    ("text", "chooser"),
    [
        # the city that chose is the subject before the verb, "Thành phố" standing for it
        (
            "Đà Nẵng đẩy mạnh hợp tác với Nhật Bản. Thành phố đã chọn tỉnh Aichi, thành phố "
            "Osaka và tỉnh Osaka là đối tác ưu tiên.",
            ("Thành phố", "da-nang"),
        ),
        # "Thành phố" after a Japanese city: the article's city all the same
        (
            "Đoàn Đà Nẵng thăm thành phố Osaka\n\nĐoàn Đà Nẵng đã đến thành phố Osaka. Thành "
            "phố đã lựa chọn tỉnh Aichi, thành phố Osaka và tỉnh Osaka là đối tác ưu tiên.",
            ("Thành phố", "da-nang"),
        ),
        # the mirror forms: the list first, the chooser after "được" or "của"
        (
            "Đà Nẵng làm việc với JICA. Tỉnh Aichi, thành phố Osaka và tỉnh Osaka được Thành "
            "phố chọn là đối tác ưu tiên.",
            ("Thành phố", "da-nang"),
        ),
        (
            "Đà Nẵng làm việc với JICA. Tỉnh Aichi, thành phố Osaka và tỉnh Osaka là các đối "
            "tác ưu tiên của Thành phố.",
            ("Thành phố", "da-nang"),
        ),
        (
            "Tại buổi làm việc với tỉnh Aichi, Đà Nẵng đã chọn tỉnh Aichi, thành phố Osaka và "
            "tỉnh Osaka là đối tác ưu tiên.",
            ("Đà Nẵng", "da-nang"),
        ),
    ],
)
def test_the_chooser_is_not_read_as_a_partner(text, chooser):
    assert _chosen(text, "vi") == [(*chooser, THREE)]


def test_the_chooser_unnamed_in_the_article_is_left_empty_not_taken_from_the_list():
    text = "Thành phố đã chọn tỉnh Aichi, thành phố Osaka và tỉnh Osaka là đối tác ưu tiên."
    assert _chosen(text, "vi") == [(None, None, THREE)]


@pytest.mark.parametrize(
    ("text", "language", "chooser"),
    [
        (
            "大阪市を訪れたダナン市の代表団。同市は愛知県、大阪市、大阪府を優先交流先とした。",
            "ja",
            ("同市", "da-nang"),
        ),
        (
            "A delegation from Da Nang visited Osaka City. The city has selected Aichi "
            "Prefecture, Osaka City and Osaka Prefecture as its priority partners.",
            "en",
            ("The city", "da-nang"),
        ),
        (
            "Aichi Prefecture, Osaka City and Osaka Prefecture are the priority partners of "
            "Da Nang.",
            "en",
            ("Da Nang", "da-nang"),
        ),
    ],
)
def test_the_chooser_in_japanese_and_english(text, language, chooser):
    assert _chosen(text, language) == [(*chooser, THREE)]
