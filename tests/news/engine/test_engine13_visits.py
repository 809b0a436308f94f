"""Visits (issue 14, thirteenth pass): a host or visitor told later by a title and the given
name ("ông Khánh", "bà Trang") after the full name with a role is that person; sentences
written for the test."""

import datetime as dt

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 12, 6)


def _visits(text):
    facts = extract(text, language="vi", published=PUBLISHED)["facts"]
    return [(f["visitor"], f["host"], f["date"]) for f in facts if f["type"] == "visit"]


def test_host_told_by_title_and_given_name():
    text = (
        "Sáng 2/12, bà Nguyễn Thị Hồng Lan, Phó Chủ tịch UBND tỉnh Bắc Ninh, dự hội thảo xúc "
        "tiến đầu tư tại tỉnh. Chiều cùng ngày, bà Lan tiếp ông Sato Kenji, Phó Thống đốc tỉnh "
        "Gifu."
    )
    assert _visits(text) == [("Sato Kenji", "Nguyễn Thị Hồng Lan", "2026-12-02")]


def test_given_name_shared_by_two_people_is_no_one():
    text = (
        "Sáng 2/12, bà Nguyễn Thị Hồng Lan, Phó Chủ tịch UBND tỉnh Bắc Ninh, và bà Trần Thị "
        "Lan, Giám đốc Sở Ngoại vụ, dự hội thảo tại tỉnh. Chiều cùng ngày, bà Lan tiếp ông "
        "Sato Kenji, Phó Thống đốc tỉnh Gifu."
    )
    assert all(host != "Nguyễn Thị Hồng Lan" for _, host, _ in _visits(text))


def test_given_name_before_the_full_name_is_no_one():
    text = (
        "Chiều 2/12, bà Lan tiếp ông Sato Kenji. Bà Nguyễn Thị Hồng Lan, Phó Chủ tịch UBND "
        "tỉnh Bắc Ninh, dự hội thảo tại tỉnh."
    )
    assert all(host != "Nguyễn Thị Hồng Lan" for _, host, _ in _visits(text))


def test_a_visit_told_again_by_the_given_name_is_one_visit():
    text = (
        "Sáng 2/12, ông Trịnh Quốc Khánh, Phó Chủ tịch UBND tỉnh Bắc Ninh, tiếp ông Sato Kenji, "
        "Phó Thống đốc tỉnh Gifu. Tại buổi tiếp, ông Khánh đề nghị tỉnh Gifu hỗ trợ đào tạo."
    )
    assert _visits(text) == [("Sato Kenji", "Trịnh Quốc Khánh", "2026-12-02")]


def _en_visits(text):
    facts = extract(text, language="en", published=PUBLISHED)["facts"]
    return [(f["visitor"], f["host"]) for f in facts if f["type"] == "visit"]


def test_a_consul_posted_in_the_host_place_is_the_visitor():
    text = (
        "Fukuoka Prefecture adopted its plan on Thursday. On the same day, Vice Governor Kenji "
        "Sato met Vietnam's Consul General in Fukuoka Tran Van Binh at the prefectural office."
    )
    assert _en_visits(text) == [("Tran Van Binh", "Kenji Sato")]


def test_a_japanese_consul_in_vietnam_calls_on_the_city():
    text = (
        "Da Nang City signed a plan on Monday. On December 2, Vice Chairman Tran Van Binh "
        "received Japan's Consul General in Da Nang Kenji Sato."
    )
    assert _en_visits(text) == [("Kenji Sato", "Tran Van Binh")]
