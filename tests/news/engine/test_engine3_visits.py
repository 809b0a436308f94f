"""Visits told the ways the press tells them (issue 14, third pass): the delegation received
"the following day", a delegation or a role alone standing for the visitor told before, the
host of a visitor from abroad, a visit on the day of the event it preceded, a headline's visit
told again; sentences written for the test."""

import datetime as dt

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2025, 6, 20)


def _visits(text, language, published=PUBLISHED):
    facts = extract(text, language=language, published=published)["facts"]
    return [
        (f["visitor"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in facts
        if f["type"] == "visit"
    ]


def test_the_delegation_received_the_following_day_is_its_leader_s_visit():
    text = (
        "A delegation from Hue led by Nguyen Van Hai, Vice Chairman of the provincial People's "
        "Committee, visited Aichi Prefecture from June 3 to 6. On June 4, the delegation paid "
        "a courtesy call on Aichi Vice Governor Ito Kenta. The following day, the delegation "
        "was received by Nagoya Vice Mayor Sato Jun."
    )
    assert _visits(text, "en") == [
        ("Nguyen Van Hai", "aichi-prefecture", "2025-06-04"),
        ("Nguyen Van Hai", "nagoya-city", "2025-06-05"),
    ]


def test_the_delegation_of_a_later_sentence_is_the_visitor_told_before():
    text = (
        "来日したフエ市人民委員会のグエン・ヴァン・ハイ副委員長は6月3日、名古屋市役所を表敬訪問"
        "し、佐藤 潤 副市長と会談した。代表団は翌4日に愛知県庁を訪れ、県の担当者と意見を交わした。"
    )
    assert _visits(text, "ja") == [
        ("グエン・ヴァン・ハイ", "nagoya-city", "2025-06-03"),
        ("グエン・ヴァン・ハイ", "aichi-prefecture", "2025-06-04"),
    ]


def test_a_role_alone_is_the_person_of_that_role_told_before():
    text = (
        "岐阜県の伊藤 健太 副知事は6月3日、フエ市人民委員会を表敬訪問し、グエン・ヴァン・ハイ"
        "副委員長と会談した。翌4日には、副知事がダナン市を訪れ、同市人民委員会のレ・ヴァン・ナム"
        "副委員長と意見を交わした。"
    )
    assert _visits(text, "ja") == [
        ("伊藤 健太", "hue", "2025-06-03"),
        ("伊藤 健太", "da-nang", "2025-06-04"),
    ]


def test_the_host_of_a_visitor_from_abroad_is_of_the_article_s_place():
    text = (
        "Quang Ngai courts Japanese investors\n\n"
        "QUANG NGAI — Quang Ngai province wants more Japanese investment. On June 3, "
        "provincial People's Committee Chairman Tran Van Binh received Japanese Ambassador "
        "Ito Naoki."
    )
    assert _visits(text, "en") == [("Ito Naoki", "quang-ngai", "2025-06-03")]


def test_a_visit_before_the_event_opened_is_on_the_event_s_day():
    text = (
        "Sáng 12/6, UBND tỉnh Quảng Ngãi tổ chức Hội nghị xúc tiến đầu tư Nhật Bản. Tỉnh đã "
        "hoàn thành việc sáp nhập từ ngày 1/7 năm ngoái. Trước khi hội nghị khai mạc, Chủ tịch "
        "UBND tỉnh Quảng Ngãi Trần Văn Bình đã tiếp ông Ito Naoki, Đại sứ Nhật Bản tại Việt Nam."
    )
    assert _visits(text, "vi") == [("Ito Naoki", "quang-ngai", "2025-06-12")]


def test_a_headline_s_undated_visit_told_again_in_the_article_is_one_visit():
    text = (
        "伊藤副知事がフエ市を訪問\n\n"
        "岐阜県の伊藤 健太 副知事は6月3日、フエ市を訪問し、グエン・ヴァン・ハイ副委員長と会談した。"
    )
    assert _visits(text, "ja") == [("伊藤 健太", "hue", "2025-06-03")]


def test_two_visits_of_one_delegation_on_one_day():
    text = (
        "Sáng 5/6, đoàn công tác tỉnh Nghệ An do Phó Chủ tịch UBND tỉnh Lê Văn An dẫn đầu đã "
        "làm việc với UBND tỉnh Aichi. Chiều cùng ngày, đoàn đến thăm và làm việc với UBND TP. "
        "Nagoya."
    )
    assert _visits(text, "vi") == [
        ("Lê Văn An", "aichi-prefecture", "2025-06-05"),
        ("Lê Văn An", "nagoya-city", "2025-06-05"),
    ]


def test_a_delegation_received_by_a_prefecture_it_came_to():
    text = (
        "岐阜県、ゲアン省と交流\n\n"
        "ゲアン省のレ・ヴァン・アン副委員長ら8人の代表団が6月5日に来県し、田中 一郎 副知事を"
        "表敬訪問した。"
    )
    assert _visits(text, "ja") == [("レ・ヴァン・アン", "gifu-prefecture", "2025-06-05")]


def test_a_host_of_a_place_the_directory_lacks_keeps_the_place_as_written():
    text = (
        "On June 5, a delegation from Hue led by Vice Chairman Nguyen Van Hai was received "
        "by Matsumoto Mayor Sato Kenji."
    )
    facts = extract(text, language="en", published=PUBLISHED)["facts"]
    assert [f["host_locality"] for f in facts if f["type"] == "visit"] == [
        {"name": "Matsumoto", "slug": None}
    ]


def test_a_headline_s_surname_is_the_person_named_in_full_below():
    text = (
        "伊藤副知事がフエ市を訪問\n\n"
        "岐阜県の伊藤 健太 副知事は6月3日、フエ市を訪問し、グエン・ヴァン・ハイ副委員長と会談した。"
    )
    facts = extract(text, language="ja", published=PUBLISHED)["facts"]
    assert [f["name"] for f in facts if f["type"] == "person"] == [
        "伊藤 健太",
        "グエン・ヴァン・ハイ",
    ]


def test_a_consul_posted_in_vietnam_serves_japan():
    text = (
        "Ngày 12/6, lãnh đạo UBND tỉnh Quảng Ngãi đã tiếp Tổng Lãnh sự Nhật Bản tại Đà Nẵng "
        "Mori Taro."
    )
    facts = extract(text, language="vi", published=PUBLISHED)["facts"]
    assert [(f["name"], f["country"]) for f in facts if f["type"] == "person"] == [
        ("Mori Taro", "JP")
    ]
    assert _visits(text, "vi") == [("Mori Taro", "quang-ngai", "2025-06-12")]


def test_hoi_kien_is_a_meeting_the_delegation_s_leader_visits():
    text = (
        "Đoàn Quảng Ngãi thăm Nhật Bản\n\n"
        "Từ ngày 10 đến 14/6, đoàn công tác tỉnh Quảng Ngãi do Chủ tịch UBND tỉnh Trần Văn Bình "
        "dẫn đầu thăm Nhật Bản. Ngày 11/6, đoàn đã hội kiến Thống đốc tỉnh Gifu Mori Taro."
    )
    assert _visits(text, "vi") == [("Trần Văn Bình", "gifu-prefecture", "2025-06-11")]


def test_without_a_place_the_side_of_the_article_s_place_hosts():
    text = (
        "Ngày 12/6, Phó Chủ tịch UBND tỉnh Quảng Ngãi Trần Văn Bình đã có buổi làm việc với "
        "ông Mori Taro, Chủ tịch Hiệp hội Hữu nghị Nhật - Việt tỉnh Gifu."
    )
    assert _visits(text, "vi") == [("Mori Taro", "quang-ngai", "2025-06-12")]


def test_a_delegation_received_unnamed_is_led_by_the_guest_named_next():
    text = (
        "Sáng 12/6, Phó Chủ tịch UBND tỉnh Quảng Ngãi Trần Văn Bình đã tiếp đoàn công tác tỉnh "
        "Gifu. Tiếp đoàn, Phó Chủ tịch Trần Văn Bình chúc mừng Phó Thống đốc tỉnh Gifu Mori "
        "Taro nhân chuyến thăm đầu tiên."
    )
    assert _visits(text, "vi") == [("Mori Taro", "quang-ngai", "2025-06-12")]
