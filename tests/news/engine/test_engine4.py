"""Events and visits told the ways the press tells them (issue 14, fourth pass): a lower-case
head before a quoted title, a "chương trình kết nối" held, "for a conference on", a フェスタ,
a day "tới" (to come), an event with no day (not reported), the host of a trip named in the
next sentence ("Tiếp đoàn, ..."), a planned courtesy call on a province; sentences written
for the test."""

import datetime as dt

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2025, 8, 20)  # a Wednesday


def _facts(text, language, kind, published=PUBLISHED):
    return [
        f
        for f in extract(text, language=language, published=published)["facts"]
        if f["type"] == kind
    ]


def _events(text, language, published=PUBLISHED):
    return [(f["name"], f["date"]) for f in _facts(text, language, "event", published)]


def _visits(text, language, published=PUBLISHED):
    return [
        (f["visitor"], f["host"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in _facts(text, language, "visit", published)
    ]


def test_a_lower_case_head_before_a_quoted_title_is_an_event():
    text = (
        "Sáng 12/8, Sở Công Thương tỉnh Nghệ An phối hợp với JETRO Hà Nội tổ chức tọa đàm "
        "“Cơ hội đầu tư vào công nghiệp hỗ trợ” với sự tham gia của 40 doanh nghiệp."
    )
    assert _events(text, "vi") == [("tọa đàm “Cơ hội đầu tư vào công nghiệp hỗ trợ”", "2025-08-12")]


def test_a_business_connection_programme_held_is_an_event_with_both_names():
    text = (
        "Chiều 14/8, Trung tâm Xúc tiến Đầu tư tỉnh Khánh Hòa tổ chức chương trình kết nối "
        "doanh nghiệp du lịch Khánh Hòa – Fukuoka tại trụ sở tỉnh."
    )
    assert _events(text, "vi") == [
        ("chương trình kết nối doanh nghiệp du lịch Khánh Hòa – Fukuoka", "2025-08-14")
    ]


def test_a_day_followed_by_toi_is_to_come():
    text = (
        "Hai bên thống nhất phối hợp tổ chức Lễ hội ẩm thực Việt – Nhật vào ngày 10/8 tới "
        "tại công viên trung tâm."
    )
    assert _events(text, "vi") == [("Lễ hội ẩm thực Việt – Nhật", "2026-08-10")]


def test_toi_between_two_days_is_a_range_not_the_future():
    text = "Hội chợ Hàng Nhật Bản diễn ra từ ngày 2 tới 6/8 tại Hải Phòng."
    assert _events(text, "vi") == [("Hội chợ Hàng Nhật Bản", "2025-08-02")]


def test_gathered_for_a_conference_on_is_an_event():
    text = (
        "About 200 officials gathered in Hue on Monday for a conference on heritage tourism, "
        "co-organised by the provincial People's Committee and JNTO."
    )
    assert _events(text, "en") == [("conference on heritage tourism", "2025-08-18")]


def test_a_festa_in_brackets_is_an_event():
    text = "静岡県は8月9日、静岡市内で「しずおかベトナムフェスタ2025」を開いた。"
    assert _events(text, "ja") == [("しずおかベトナムフェスタ2025", "2025-08-09")]


def test_an_event_with_no_day_in_the_article_is_not_reported():
    text = (
        "Tỉnh Bắc Ninh thường niên tổ chức Lễ hội Văn hóa Nhật Bản tại thành phố. "
        "Ông Trần Văn Minh, Phó Chủ tịch UBND tỉnh Bắc Ninh, cho biết tỉnh muốn mở rộng hợp tác."
    )
    assert _events(text, "vi", published=None) == []
    assert _events("JETRO will hold a Vietnam Business Forum in Osaka.", "en") == []


def test_the_host_of_a_trip_is_named_in_the_next_sentence():
    text = (
        "Sáng 4/8, tại Hà Nội, Thứ trưởng Bộ Công Thương Phan Minh Đức đã tiếp Phó Thống đốc "
        "tỉnh Shiga Tanaka Ichiro cùng đoàn công tác của tỉnh. Ngày 6/8, đoàn đến thăm và làm "
        "việc tại tỉnh Bắc Ninh. Tiếp đoàn, Phó Chủ tịch UBND tỉnh Bắc Ninh Lê Thị Hoa giới "
        "thiệu các khu công nghiệp của tỉnh."
    )
    visits = _visits(text, "vi")
    assert ("Tanaka Ichiro", "Lê Thị Hoa", "bac-ninh", "2025-08-06") in visits
    assert visits[0][:2] == ("Tanaka Ichiro", "Phan Minh Đức")


def test_a_trip_with_no_host_named_next_stays_out_when_its_leader_met_someone():
    text = (
        "Sáng 4/8, tại Hà Nội, Thứ trưởng Bộ Công Thương Phan Minh Đức đã tiếp Phó Thống đốc "
        "tỉnh Shiga Tanaka Ichiro cùng đoàn công tác của tỉnh. Ngày 6/8, đoàn đến thăm và làm "
        "việc tại tỉnh Bắc Ninh. Tỉnh Bắc Ninh có 12 khu công nghiệp."
    )
    assert [v[2] for v in _visits(text, "vi")] == ["hanoi"]


def test_a_planned_courtesy_call_on_a_province_is_a_visit_with_no_host_person():
    text = (
        "Quang Tri Vice Chairman Ho Van Nam on Monday received a delegation from Tottori led "
        "by Vice Governor Kenji Mori. The Tottori delegation will call on Hue City on Friday."
    )
    visits = _visits(text, "en")
    assert ("Kenji Mori", None, "hue", "2025-08-22") in visits
    assert ("Kenji Mori", "Ho Van Nam", "quang-tri", "2025-08-18") in visits


def test_a_japanese_name_does_not_start_with_the_tail_of_a_particle():
    text = "8月5日には、県内企業と台湾企業による個別商談会も開かれた。"
    assert _events(text, "ja") == [("個別商談会", "2025-08-05")]


def test_the_traveller_told_before_is_the_visitor_of_a_call_with_no_subject():
    text = (
        "富山県の森田健一副知事は、8月4日から7日までベトナムを訪問した。"
        "5日には、フエ市人民委員会を訪問し、グエン・ヴァン・ナム副委員長と会談した。"
        "6日にはダナン市に移動し、ダナン市人民委員会のチャン・ティ・ラン副委員長を表敬訪問した。"
    )
    assert _visits(text, "ja") == [
        ("森田健一", "グエン・ヴァン・ナム", "hue", "2025-08-05"),
        ("森田健一", "チャン・ティ・ラン", "da-nang", "2025-08-06"),
    ]


def test_earlier_in_the_day_is_the_day_of_the_visit_told_before_and_a_city_not_listed():
    text = (
        "Tran Van Long, Consul General of Vietnam in Fukuoka, paid a courtesy call on Kenta "
        "Abe, Vice Governor of Kochi Prefecture, on Monday. The two sides will co-host a "
        "trade seminar in Kochi on September 9. Earlier in the day, Long held talks with "
        "Aiko Sato, Deputy Mayor of Kochi City, at the city hall."
    )
    facts = _facts(text, "en", "visit")
    assert [(f["host"], f["date"]) for f in facts] == [
        ("Kenta Abe", "2025-08-18"),
        ("Aiko Sato", "2025-08-18"),
    ]
    assert facts[1]["host_locality"] == {"name": "Kochi City", "slug": None}


def test_a_prefecture_s_name_before_city_is_a_city_the_directory_does_not_hold():
    text = "Ms. Aiko Sato, Deputy Mayor of Nara City, met Nguyen Van Binh on Monday."
    people = {f["name"]: f for f in _facts(text, "en", "person")}
    assert "Aiko Sato" in people and "Nara City" not in people
