"""Priority lists and visits (issue 14, eleventh pass): a partner the directory does not hold
kept when the stated size wants it, the prefecture told in brackets after a city left out, and
"Trước đó một ngày" dating a visit; sentences written for the test."""

import datetime as dt

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 11, 20)


def _facts(text, kind, language="vi"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == kind]


def _partners(fact):
    return [(p["name"], p["slug"]) for p in fact["partners"]]


def test_partner_unknown_to_the_directory_kept_when_the_size_wants_it():
    text = (
        "Tỉnh Quảng Ninh xác định 3 đối tác ưu tiên giai đoạn 2026-2030 gồm tỉnh Aichi, "
        "tỉnh Gifu và thành phố Kanazawa."
    )
    (fact,) = _facts(text, "priority_partners")
    assert _partners(fact) == [
        ("tỉnh Aichi", "aichi-prefecture"),
        ("tỉnh Gifu", "gifu-prefecture"),
        ("thành phố Kanazawa", None),
    ]
    assert fact["list_size"] == 3


def test_no_unknown_partner_when_the_known_ones_fill_the_list():
    text = "Tỉnh Quảng Ninh xác định 2 đối tác ưu tiên là tỉnh Aichi và tỉnh Gifu."
    (fact,) = _facts(text, "priority_partners")
    assert _partners(fact) == [("tỉnh Aichi", "aichi-prefecture"), ("tỉnh Gifu", "gifu-prefecture")]


def test_prefecture_in_brackets_after_a_city_is_no_partner():
    text = (
        "UBND tỉnh Bắc Ninh xác định 3 đối tác ưu tiên là tỉnh Iwate, tỉnh Gunma và "
        "thành phố Sagamihara (tỉnh Kanagawa)."
    )
    (fact,) = _facts(text, "priority_partners")
    assert [p["slug"] for p in fact["partners"]] == [
        "iwate-prefecture",
        "gunma-prefecture",
        "sagamihara-city",
    ]


def test_visit_dated_the_day_before_with_the_count_after():
    text = (
        "Ngày 18/11, ông Trần Văn Nam, Phó Chủ tịch UBND tỉnh Nam Định dự hội nghị tại Tokyo. "
        "Trước đó một ngày, ông Trần Văn Nam đã có buổi làm việc với ông Suzuki Jiro, "
        "Phó Thống đốc tỉnh Chiba."
    )
    (visit,) = _facts(text, "visit")
    assert visit["date"] == "2026-11-17"
