"""Agreements and milestones in the format the lead settled for issue 14 (type_as_stated, a
planned date, years as a count and a period); sentences written for the test."""

import datetime as dt

from kakehashi.news.engine import extract


def _facts(text, language, kind, published=None):
    facts = extract(text, language=language, published=published)["facts"]
    return [f for f in facts if f["type"] == kind]


def _short(fact):
    parties = sorted(p["slug"] or p["name"] for p in fact["parties"])
    return parties, fact["status"], fact["date"]


def test_the_document_as_written_and_the_platforms_kind():
    text = "Ngày 2/3/2024, tỉnh Quảng Trị và tỉnh Gifu ký Biên bản ghi nhớ hợp tác về du lịch."
    (fact,) = _facts(text, "vi", "agreement")
    assert fact["type_as_stated"] == "Biên bản ghi nhớ hợp tác"
    assert fact["agreement_type"] == "field_mou"
    assert _short(fact) == (["gifu-prefecture", "quang-tri"], "signed", "2024-03-02")


def test_a_planned_agreement_keeps_its_planned_date():
    text = "Hai tỉnh Quảng Trị và Gifu sẽ ký Thỏa thuận hợp tác hữu nghị vào cuối năm 2025."
    (fact,) = _facts(text, "vi", "agreement", dt.date(2025, 3, 1))
    assert _short(fact) == (["gifu-prefecture", "quang-tri"], "planned", "2025")
    english = "Quang Tri and Gifu Prefecture would work towards a memorandum of understanding."
    (fact,) = _facts(english, "en", "agreement")
    assert _short(fact) == (["gifu-prefecture", "quang-tri"], "planned", None)


def test_one_agreement_told_twice_is_one_fact():
    text = (
        "Quảng Trị và tỉnh Gifu ký kết biên bản ghi nhớ\n\n"
        "Ngày 2/3/2024, UBND tỉnh Quảng Trị và chính quyền tỉnh Gifu đã ký kết Biên bản ghi nhớ "
        "về du lịch. Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng cùng ông Ishida Akira ký văn bản."
    )
    facts = _facts(text, "vi", "agreement")
    assert [_short(f) for f in facts] == [
        (["gifu-prefecture", "quang-tri"], "signed", "2024-03-02")
    ]


def test_the_city_named_as_a_city_is_the_city():
    text = (
        "Huế và Kyoto gia hạn hợp tác. Ngày 8/4, thành phố Huế và thành phố Kyoto đã ký gia hạn "
        "Biên bản ghi nhớ về bảo tồn di sản. Hai bên đã ký gia hạn văn kiện tại Kyoto."
    )
    facts = _facts(text, "vi", "agreement", dt.date(2024, 4, 9))
    assert [_short(f) for f in facts] == [(["hue", "kyoto-city"], "renewed", "2024-04-08")]


def test_a_renewal_names_the_earlier_signing():
    text = (
        "On March 3, Gifu Vice Governor Akira Ishida met Quang Tri Provincial People's Committee "
        "Chairman Vo Van Hung in Quang Tri. On the same occasion, the two sides renewed the "
        "memorandum of understanding on tourism that Gifu had signed with Quang Binh in 2019."
    )
    facts = _facts(text, "en", "agreement", dt.date(2025, 3, 4))
    assert [_short(f) for f in facts] == [
        (["gifu-prefecture", "quang-tri"], "renewed", "2025-03-03"),
        (["gifu-prefecture", "quang-binh-before-2025"], "signed", "2019"),
    ]


def test_an_anniversary_of_ties_and_an_agreement_without_parties_are_no_agreements():
    text = "Năm 2025, Quảng Trị và Gifu sẽ kỷ niệm 10 năm thiết lập quan hệ hữu nghị."
    assert _facts(text, "vi", "agreement") == []
    (milestone,) = _facts(text, "vi", "milestone")
    assert (milestone["years"], milestone["period"]) == (10, None)
    japanese = "県はベトナムの三つの地域と覚書を結んでいる。"
    assert _facts(japanese, "ja", "agreement") == []


def test_a_milestone_is_a_count_with_its_period():
    text = (
        "Năm nay kỷ niệm 50 năm quan hệ ngoại giao Việt Nam – Nhật Bản (1973-2023).\n\n"
        "Hai nước kỷ niệm 50 năm quan hệ ngoại giao."
    )
    (milestone,) = _facts(text, "vi", "milestone")
    assert (milestone["years"], milestone["period"]) == (50, "1973-2023")
