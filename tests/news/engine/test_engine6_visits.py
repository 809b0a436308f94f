"""Visits told the ways the press tells them (issue 14, sixth pass): another meeting the same
day (cùng ngày, trước đó, "the same day") with a government body or a second host, "UBND tỉnh"
naming a Vietnamese province, a ministry met in Tokyo, the visitor told before as the subject
again (…委員長は知事と意見交換した), who travels abroad (訪越) and a pronoun for the visitor;
sentences written for the test."""

import datetime as dt

from tests.news.engine.helpers import facts

PUBLISHED = dt.date(2026, 5, 20)


def _visits(text, language):
    return [
        (f["visitor"], f["host"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in facts(text, language, published=PUBLISHED, kind="visit")
    ]


def test_a_second_meeting_the_same_day_with_a_body_is_its_own_visit():
    text = (
        "Sáng 9/5, ông Lê Văn Tùng, Chủ tịch UBND tỉnh Bình Định đã tiếp bà Nomura Aiko, Tổng "
        "Lãnh sự Nhật Bản tại Đà Nẵng. Bà Nomura Aiko cho biết Tổng Lãnh sự quán sẽ tổ chức "
        "một chương trình giao lưu vào ngày 30/6 tới. Trước đó, chiều cùng ngày, Tổng Lãnh sự "
        "đã có buổi làm việc với Ban Quản lý Khu kinh tế tỉnh về môi trường đầu tư."
    )
    found = _visits(text, "vi")
    assert ("Nomura Aiko", "Lê Văn Tùng", "binh-dinh-before-2025", "2026-05-09") in found
    # dated by the day told before, not by the day to come named in between
    assert ("Nomura Aiko", None, "binh-dinh-before-2025", "2026-05-09") in found
    assert len(found) == 2


def test_the_same_body_told_twice_without_another_occasion_is_one_visit():
    text = (
        "Ngày 8/5, ông Ueda Koji, Tổng Lãnh sự Nhật Bản tại Đà Nẵng đã tiếp xúc với ông Hồ "
        "Quang Bửu, Phó Chủ tịch UBND tỉnh Quảng Nam. Tổng Lãnh sự đã làm việc với UBND tỉnh "
        "Quảng Nam về đào tạo nhân lực."
    )
    assert _visits(text, "vi") == [
        ("Ueda Koji", "Hồ Quang Bửu", "quang-nam-before-2025", "2026-05-08")
    ]


def test_ubnd_tinh_names_a_vietnamese_province_not_the_japanese_one_named_last():
    text = (
        "Tỉnh Quảng Trị và tỉnh Shiga tăng cường hợp tác.\n\nSáng 7/5, tại trụ sở UBND tỉnh, "
        "ông Phan Minh Tâm, Chủ tịch UBND tỉnh Quảng Trị đã hội đàm với đoàn công tác tỉnh "
        "Shiga do ông Mori Daisuke, Phó Thống đốc tỉnh Shiga dẫn đầu."
    )
    assert _visits(text, "vi") == [("Mori Daisuke", "Phan Minh Tâm", "quang-tri", "2026-05-07")]


def test_a_ministry_met_in_tokyo():
    text = (
        "Ngày 13/5, tại Tokyo, đoàn công tác tỉnh Thái Nguyên do ông Nguyễn Huy Dũng, Phó Chủ "
        "tịch UBND tỉnh Thái Nguyên dẫn đầu đã có buổi làm việc với Bộ Kinh tế, Thương mại và "
        "Công nghiệp Nhật Bản."
    )
    assert _visits(text, "vi") == [("Nguyễn Huy Dũng", None, "tokyo-metropolis", "2026-05-13")]


def test_a_government_body_met_in_english():
    text = (
        "On May 14, Japanese Consul General in Da Nang Ueda Koji held a working session with "
        "the Department of Industry and Trade of Quang Tri Province."
    )
    assert _visits(text, "en") == [("Ueda Koji", None, "quang-tri", "2026-05-14")]


def test_a_community_met_is_no_visit():
    text = (
        "On May 14, Vice Chairman of the Nghe An People's Committee Bui Dinh Long met with the "
        "Vietnamese community in Osaka."
    )
    assert _visits(text, "en") == []


def test_a_pronoun_stands_for_the_visitor_told_before():
    text = (
        "On May 17, Aichi Vice Governor Hattori Yuko met Chairman of the Hai Phong People's "
        "Committee Nguyen Van Tung in Hai Phong. The same day, she also called on Nguyen Thi "
        "Hoa, Vice Chairwoman of the Hai Duong People's Committee."
    )
    found = _visits(text, "en")
    assert ("Hattori Yuko", "Nguyen Van Tung", "hai-phong", "2026-05-17") in found
    assert ("Hattori Yuko", "Nguyen Thi Hoa", "hai-duong-before-2025", "2026-05-17") in found


def test_the_visitor_told_before_meets_the_governor_again_as_the_subject():
    text = (
        "ベトナム・ニンビン省のファム・クアン・ゴック委員長が5日、県庁を訪れ、知事を表敬訪問した。"
        "ゴック委員長は知事と意見交換した。"
    )
    visitors = {v for v, _h, _where, _day in _visits(text, "ja")}
    assert visitors == {"ファム・クアン・ゴック"}


def test_who_travels_abroad_is_the_visitor():
    text = (
        "鈴木 一郎知事は10日から訪越し、11日にハノイ市人民委員会のチャン・シー・タイン委員長と"
        "会談した。"
    )
    found = _visits(text, "ja")
    assert [(v, h, where) for v, h, where, _day in found] == [
        ("鈴木 一郎", "チャン・シー・タイン", "hanoi")
    ]


def test_a_courtesy_call_received_and_the_same_day_in_japanese():
    text = (
        "知事は8日、県庁で、来県したベトナム・ハイフォン市人民委員会のグエン・ヴァン・トゥン委員長の"
        "表敬訪問を受けた。"
    )
    assert [v for v, *_ in _visits(text, "ja")] == ["グエン・ヴァン・トゥン"]


def test_a_part_of_the_name_alone_stands_for_the_visitor_told_before():
    text = (
        "Osaka Vice Governor Morishita Hiroshi met Chairman of the Ho Chi Minh City People's "
        "Committee Phan Van Mai in Ho Chi Minh City on May 14. The previous day, Morishita "
        "called on Dong Nai Province."
    )
    found = _visits(text, "en")
    assert ("Morishita Hiroshi", "Phan Van Mai", "ho-chi-minh-city", "2026-05-14") in found
    assert ("Morishita Hiroshi", None, "dong-nai", "2026-05-13") in found


def test_the_host_who_received_the_visitor_in_the_next_japanese_sentence():
    text = (
        "駐日ベトナム大使のファム・クアン・ヒエウ氏が17日、県庁を訪れた。"
        "応対した知事の田中 伸一氏は、ベトナムとの経済交流の拡大に意欲を示した。"
    )
    assert [(v, h, day) for v, h, _where, day in _visits(text, "ja")] == [
        ("ファム・クアン・ヒエウ", "田中 伸一", "2026-05-17")
    ]


def test_a_next_sentence_that_does_not_tell_of_receiving_names_no_host():
    text = (
        "駐日ベトナム大使のファム・クアン・ヒエウ氏が17日、県庁を訪れた。"
        "知事の田中 伸一氏は同日、記者会見を開いた。"
    )
    assert [h for _v, h, _where, _day in _visits(text, "ja")] in ([], [None])


def test_talks_between_two_people_of_the_two_sides():
    text = (
        "On May 10, talks were held in Hanoi between Chairman of the Hanoi People's Committee "
        "Tran Sy Thanh and Fukuoka Governor Hattori Seitaro."
    )
    assert _visits(text, "en") == [("Hattori Seitaro", "Tran Sy Thanh", "hanoi", "2026-05-10")]
    text = (
        "Ngày 10/5, tại Hà Nội đã diễn ra cuộc hội đàm giữa Chủ tịch UBND thành phố Hà Nội Trần "
        "Sỹ Thanh và Thống đốc tỉnh Fukuoka Hattori Seitaro."
    )
    assert _visits(text, "vi") == [("Hattori Seitaro", "Trần Sỹ Thanh", "hanoi", "2026-05-10")]


def test_he_was_received_by_is_the_traveller_told_before():
    text = (
        "Kyoto Governor Nishiwaki Takatoshi arrived in Hue on May 14 at the start of a four-day "
        "working trip to Vietnam. He was received by Chairman of the Hue City People's Committee "
        "Nguyen Van Phuong at the city's administrative centre."
    )
    assert _visits(text, "en") == [
        ("Nishiwaki Takatoshi", "Nguyen Van Phuong", "hue", "2026-05-14")
    ]


def test_the_traveller_of_a_trip_to_a_country_meets_hosts_on_later_days():
    text = (
        "山田 花子副知事は5月9日から12日まで、ベトナムを訪問した。10日には、ハノイ市人民委員会を"
        "表敬訪問し、ズオン・ドゥック・トゥアン副委員長と懇談した。11日はバクニン省を訪れ、同省人民"
        "委員会のヴオン・クオック・トゥアン委員長と会談した。"
    )
    assert _visits(text, "ja") == [
        ("山田 花子", "ズオン・ドゥック・トゥアン", "hanoi", "2026-05-10"),
        ("山田 花子", "ヴオン・クオック・トゥアン", "bac-ninh", "2026-05-11"),
    ]


def test_receiving_what_is_no_guest_is_no_visit():
    texts = [
        (
            "On May 5, Aichi Governor Omura Hideaki welcomed the proposal of Chairman of the "
            "Nghe An People's Committee Nguyen Duc Trung.",
            "en",
        ),
        (
            "Chairman of the Nghe An People's Committee Nguyen Duc Trung said the province "
            "hosted 40 Japanese firms last year, and Aichi Governor Omura Hideaki praised it.",
            "en",
        ),
        (
            "Ông Nguyễn Đức Trung, Chủ tịch UBND tỉnh Nghệ An cho biết tỉnh đã đón hơn 2.000 "
            "lượt khách Nhật Bản, Thống đốc tỉnh Aichi Omura Hideaki đánh giá cao.",
            "vi",
        ),
        (
            "大村 秀章知事は5日、ゲアン省のグエン・ドゥック・チュン委員長からの提案を歓迎した。",
            "ja",
        ),
    ]
    for text, language in texts:
        assert _visits(text, language) == [], text


def test_a_guest_welcomed_is_still_a_visit():
    found = _visits(
        "On May 5, Aichi Governor Omura Hideaki welcomed Chairman of the Nghe An People's "
        "Committee Nguyen Duc Trung at the prefectural office.",
        "en",
    )
    assert [(v, h) for v, h, _where, _day in found] == [("Nguyen Duc Trung", "Omura Hideaki")]
    found = _visits(
        "大村 秀章知事は5日、来県したゲアン省のグエン・ドゥック・チュン委員長を歓迎した。", "ja"
    )
    assert [v for v, *_ in found] == ["グエン・ドゥック・チュン"]


def test_a_ministry_of_the_other_country_visited_is_in_its_capital():
    text = "ベトナム内務省のチュオン・ハイ・ロン次官は15日、総務省を訪問し、意見交換を行った。"
    assert _visits(text, "ja") == [("チュオン・ハイ・ロン", None, "tokyo-metropolis", "2026-05-15")]
    text = (
        "ベトナム内務省のチュオン・ハイ・ロン次官は15日、東京の総務省を訪問し、意見交換を行った。"
    )
    found = facts(text, "ja", published=PUBLISHED, kind="visit")
    assert [f["host_locality"] for f in found] == [{"name": "東京", "slug": "tokyo-metropolis"}]


def test_a_working_trip_to_a_country_names_the_visitor_of_the_next_sentence():
    text = (
        "Chairman of the Khanh Hoa People's Committee Nguyen Tan Tuan is on a five-day working "
        "trip to Japan. On May 11, he met Governor of Wakayama Prefecture Kishimoto Shuhei in "
        "Wakayama."
    )
    assert _visits(text, "en") == [
        ("Nguyen Tan Tuan", "Kishimoto Shuhei", "wakayama-prefecture", "2026-05-11")
    ]


def test_a_visit_and_a_working_session_with_a_body_after_the_meeting():
    text = (
        "Sáng 14/5, Chủ tịch UBND tỉnh Tây Ninh Nguyễn Văn Út đã tiếp ông Ono Masuo, Tổng Lãnh "
        "sự Nhật Bản tại TP.HCM. Sau buổi làm việc, Tổng Lãnh sự đã đến thăm và làm việc với Ban "
        "Quản lý các khu công nghiệp tỉnh."
    )
    assert _visits(text, "vi") == [
        ("Ono Masuo", "Nguyễn Văn Út", "tay-ninh", "2026-05-14"),
        ("Ono Masuo", None, "tay-ninh", "2026-05-14"),
    ]


def test_a_weekday_with_its_date_in_brackets_is_that_date():
    text = (
        "On Tuesday (May 5), Japanese Ambassador Ito Naoki called on Chairman of the Nghe An "
        "People's Committee Nguyen Duc Trung."
    )
    assert [day for *_rest, day in _visits(text, "en")] == ["2026-05-05"]
