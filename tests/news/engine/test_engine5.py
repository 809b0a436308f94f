"""Visits and events told the ways the press tells them (issue 14, fifth pass): a role named
alone for the person named before with it, the unnamed 知事 of a prefecture's release, "the
previous day", "làm trưởng đoàn", 来県したX, 駐日…大使, a Japanese visit with only a place and a
day, a mayor's city, events named by a generic noun and a topic and held after it; sentences
written for the test."""

import datetime as dt

from tests.news.engine.helpers import facts

PUBLISHED = dt.date(2026, 5, 20)


def _facts(text, language, kind):
    return facts(text, language, published=PUBLISHED, kind=kind)


def _visits(text, language):
    return [
        (f["visitor"], f["host"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in _facts(text, language, "visit")
    ]


def _events(text, language):
    return [(f["name"], f["date"]) for f in _facts(text, language, "event")]


def test_a_role_named_alone_is_the_person_named_before_with_it():
    text = (
        "Ngày 12/5, Tổng Lãnh sự Nhật Bản tại TP.HCM Ono Masaru đã đến thăm và làm việc tại "
        "tỉnh Đồng Nai. Trước đó, sáng cùng ngày, Bí thư Tỉnh ủy Đồng Nai Nguyễn Hồng Lĩnh đã "
        "tiếp xã giao Tổng Lãnh sự."
    )
    assert ("Ono Masaru", "Nguyễn Hồng Lĩnh", "dong-nai", "2026-05-12") in _visits(text, "vi")
    people = [f["name"] for f in _facts(text, "vi", "person")]
    assert people.count("Ono Masaru") == 1  # the role alone is no new person


def test_the_ambassador_in_english_is_the_ambassador_named_before():
    text = (
        "On May 12, Japanese Ambassador to Vietnam Ito Naoki called on Quang Nam Province. "
        "Earlier that day, the Ambassador met with Party Secretary Luong Nguyen Minh Triet."
    )
    visits = _visits(text, "en")
    assert ("Ito Naoki", "Luong Nguyen Minh Triet", "quang-nam-before-2025", "2026-05-12") in (
        visits
    )


def test_the_governor_named_by_the_office_alone_hosts_for_the_prefecture():
    text = (
        "愛媛県は5月12日、知事がベトナム・ドンナイ省のボー・タン・ドゥック人民委員会委員長の"
        "表敬訪問を受けたと発表した。"
    )
    facts = _facts(text, "ja", "visit")
    assert [
        (f["visitor"], f["host"], f["host_role"], f["host_locality"]["slug"]) for f in facts
    ] == [("ボー・タン・ドゥック", None, "知事", "ehime-prefecture")]
    assert all(f["name"] != "知事" for f in _facts(text, "ja", "person"))


def test_a_role_alone_with_nobody_of_that_role_before_is_nobody():
    text = "Ngày 12/5, Đại sứ đã đến thăm tỉnh Đồng Nai."
    assert _visits(text, "vi") == []


def test_the_previous_day_is_the_day_before_the_one_told():
    text = (
        "On May 14, Chairman of the Da Nang People's Committee Luong Nguyen Minh Triet held "
        "talks with Governor of Fukuoka Prefecture Hattori Seitaro in Fukuoka. The previous "
        "day, Triet paid a courtesy call on Osaka Governor Yoshimura Hirofumi."
    )
    visits = _visits(text, "en")
    assert ("Luong Nguyen Minh Triet", "Hattori Seitaro", "fukuoka-prefecture", "2026-05-14") in (
        visits
    )
    assert any(v[1] == "Yoshimura Hirofumi" and v[3] == "2026-05-13" for v in visits)


def test_hom_truoc_and_zenjitsu_are_the_day_before():
    from kakehashi.news.engine.dates import find_dates

    vi = find_dates("Ngày 14/5 đoàn tới Osaka. Hôm trước, đoàn ở Kyoto.", "vi", PUBLISHED)
    assert [d.value for d in vi] == ["2026-05-14", "2026-05-13"]
    ja = find_dates("5月14日に大阪を訪れた。前日は京都にいた。", "ja", PUBLISHED)
    assert [d.value for d in ja] == ["2026-05-14", "2026-05-13"]


def test_lam_truong_doan_names_the_delegation_leader():
    text = (
        "Từ ngày 10 đến 14/5, đoàn công tác tỉnh Bình Định do ông Lê Văn Nam, Phó Chủ tịch "
        "UBND tỉnh, làm trưởng đoàn đã có chuyến công tác tại Nhật Bản. Ngày 11/5, đoàn đã "
        "chào xã giao Thống đốc tỉnh Shizuoka Suzuki Yasutomo."
    )
    assert _visits(text, "vi") == [
        ("Lê Văn Nam", "Suzuki Yasutomo", "shizuoka-prefecture", "2026-05-11")
    ]


def test_the_person_a_clause_of_coming_qualifies_is_the_visitor():
    text = (
        "山梨県の長田誠一副知事は5月12日、"
        "来県したグエン・ドゥック・ミン駐日ベトナム大使と面談した。"
    )
    assert _visits(text, "ja") == [
        ("グエン・ドゥック・ミン", "長田誠一", "yamanashi-prefecture", "2026-05-12")
    ]
    people = {f["name"]: f["role"] for f in _facts(text, "ja", "person")}
    assert people["グエン・ドゥック・ミン"] == "駐日ベトナム大使"


def test_a_japanese_visit_with_a_place_and_a_day_only_is_the_travellers():
    text = (
        "5月14日、佐竹敬久知事はハノイ市を訪問し、チャン・シー・タイン人民委員会委員長と会談した。"
        "翌15日にはフンイエン省を訪れ、同省の幹部と意見交換を行った。"
    )
    assert ("佐竹敬久", None, "hung-yen", "2026-05-15") in _visits(text, "ja")


def test_a_place_and_a_visit_verb_without_a_day_is_no_new_visit():
    text = (
        "5月14日、佐竹敬久知事はハノイ市を訪問し、チャン・シー・タイン人民委員会委員長と会談した。"
        "フンイエン省には多くの観光客が訪れる。"
    )
    assert [v[2] for v in _visits(text, "ja")] == ["hanoi"]


def test_a_mayor_named_with_a_prefectures_name_is_of_the_city():
    text = (
        "Nagasaki Mayor Suzuki Shiro welcomed a delegation from Hai Phong led by Vice Chairman "
        "Le Khac Nam on May 16."
    )
    facts = _facts(text, "en", "visit")
    assert [(f["visitor"], f["host_locality"]) for f in facts] == [
        ("Le Khac Nam", {"name": "Nagasaki", "slug": None})
    ]


def test_a_governor_named_with_a_prefectures_name_is_of_the_prefecture():
    text = (
        "Chiba Governor Kumagai Toshihito received Dong Nai Vice Chairman Nguyen Thi Hoang on "
        "May 13."
    )
    assert _visits(text, "en") == [
        ("Nguyen Thi Hoang", "Kumagai Toshihito", "chiba-prefecture", "2026-05-13")
    ]


def test_vietnamese_events_named_by_a_generic_noun_and_held_after_it():
    text = (
        "Ngày 15/5, chương trình giao lưu văn hóa Việt Nam – Nhật Bản đã được tổ chức tại Nam Định."
    )
    assert _events(text, "vi") == [
        ("chương trình giao lưu văn hóa Việt Nam – Nhật Bản", "2026-05-15")
    ]
    text = "Chiều 14/5, tại Hà Nội đã diễn ra hội nghị xúc tiến đầu tư vào tỉnh Nagano."
    assert _events(text, "vi") == [("hội nghị xúc tiến đầu tư vào tỉnh Nagano", "2026-05-14")]


def test_a_generic_noun_without_a_verb_of_holding_after_it_is_no_event():
    text = "Ngày 15/5, hội nghị đã thống nhất nhiều nội dung hợp tác."
    assert _events(text, "vi") == []


def test_english_events_named_by_a_generic_noun_then_held():
    text = "A webinar on food exports to Japan took place on May 14, with 120 participants."
    assert _events(text, "en") == [("webinar on food exports to Japan", "2026-05-14")]
    text = "On May 15, a networking reception for Japanese and Vietnamese firms was held in Hue."
    assert _events(text, "en") == [
        ("networking reception for Japanese and Vietnamese firms", "2026-05-15")
    ]


def test_a_japanese_business_matching_and_its_meetings_counted_after():
    text = "5月13日、県とジェトロの共催でビジネスマッチングが開かれ、個別商談は30件に上った。"
    facts = _facts(text, "ja", "event")
    assert [(f["name"], f["date"], f["one_to_one_meetings"]) for f in facts] == [
        ("ビジネスマッチング", "2026-05-13", 30)
    ]


def test_more_english_ways_of_meeting_and_visiting():
    text = (
        "Vietnam's Ambassador to Japan Pham Quang Hieu paid a courtesy visit to Toyama Governor "
        "Nitta Hachiro on May 11."
    )
    assert _visits(text, "en") == [
        ("Pham Quang Hieu", "Nitta Hachiro", "toyama-prefecture", "2026-05-11")
    ]
    text = (
        "Vice Chairman of the Binh Thuan People's Committee Nguyen Van Phuoc held a working "
        "session with Wakayama Vice Governor Shimono Takashi in Wakayama on May 15."
    )
    assert _visits(text, "en") == [
        ("Nguyen Van Phuoc", "Shimono Takashi", "wakayama-prefecture", "2026-05-15")
    ]


def test_at_a_meeting_with_someone_the_two_meet():
    text = (
        "At a meeting with Vice Governor of Shiga Prefecture Ebihara Kenji in Otsu on May 12, "
        "Vice Chairman of the Quang Ngai People's Committee Tran Phuoc Hien proposed flights."
    )
    assert [(v[0], v[1], v[3]) for v in _visits(text, "en")] == [
        ("Tran Phuoc Hien", "Ebihara Kenji", "2026-05-12")
    ]


def test_a_visit_to_come_on_a_day():
    text = (
        "Vice Chairman of the Lam Dong People's Committee Vo Ngoc Hiep will visit Yamanashi "
        "Prefecture on June 2."
    )
    assert _visits(text, "en") == [("Vo Ngoc Hiep", None, "yamanashi-prefecture", "2026-06-02")]


def test_on_and_a_weekday_at_the_start_of_a_sentence():
    text = (
        "On Tuesday, Vice Governor of Kochi Prefecture Inoue Koji was received by Chairman of "
        "the Quang Nam People's Committee Le Van Dung."
    )
    assert [v[3] for v in _visits(text, "en")] == ["2026-05-19"]  # published on a Wednesday


def test_a_place_the_directory_does_not_hold_before_a_name_is_no_part_of_it():
    text = (
        "Ngày 12/5, Phó Chủ tịch UBND tỉnh Quảng Trị Hoàng Nam đã làm việc với Thị trưởng "
        "thành phố Kanazawa Murayama Taku tại Kanazawa."
    )
    people = [f["name"] for f in _facts(text, "vi", "person")]
    assert "Murayama Taku" in people
    text = "Ngày 12/5, ông Lê Văn A đã tiếp Phó Chủ tịch UBND tỉnh Trần Song Tùng."
    assert "Trần Song Tùng" in [f["name"] for f in _facts(text, "vi", "person")]


def test_a_japanese_city_the_directory_does_not_hold_is_the_mayors():
    text = (
        "ベトナム・ゲアン省のグエン・ヴァン・アン人民委員会副委員長は5月12日、"
        "能代市役所を訪問し、佐藤一郎副市長と会談した。"
    )
    facts = _facts(text, "ja", "visit")
    assert [(f["host"], f["host_locality"]) for f in facts] == [
        ("佐藤一郎", {"name": "能代市", "slug": None})
    ]


def test_vietnamese_events_held_by_someone_after_their_name():
    text = (
        "Chiều 17/5, hội thảo về tự động hóa trong ngành chế biến gỗ do Sở Công Thương tỉnh "
        "Bình Định và JETRO Hà Nội phối hợp tổ chức đã thu hút 80 doanh nghiệp."
    )
    assert _events(text, "vi") == [
        ("hội thảo về tự động hóa trong ngành chế biến gỗ", "2026-05-17")
    ]
    text = "Ngày 15/5, Sở Ngoại vụ tỉnh Quảng Ninh tổ chức buổi tọa đàm về hợp tác lao động."
    assert _events(text, "vi") == [("tọa đàm về hợp tác lao động", "2026-05-15")]


def test_an_english_event_then_who_hosts_it():
    text = (
        "A seminar on cold-chain logistics, co-hosted by JETRO Hanoi and Hai Duong Province, "
        "drew 50 firms on May 12."
    )
    assert _events(text, "en") == [("seminar on cold-chain logistics", "2026-05-12")]


def test_a_japanese_relative_clause_is_no_part_of_the_events_name():
    text = "5月15日に開催された商談会では、個別商談は45件に上った。"
    assert _events(text, "ja") == [("商談会", "2026-05-15")]


def test_a_body_after_a_role_is_no_name():
    text = (
        "Ngày 12/5, đoàn do ông Ueda Kenji, Cục trưởng Cục Xúc tiến Thương mại tỉnh Fukui, "
        "dẫn đầu đã thăm tỉnh Ninh Bình."
    )
    assert [(f["name"], f["role"]) for f in _facts(text, "vi", "person")] == [
        ("Ueda Kenji", "Cục trưởng")
    ]


def test_the_one_to_one_session_of_an_event_is_part_of_it():
    text = (
        "5月12日、県は仙台市内で「ベトナム食品輸出セミナー」を開催した。"
        "セミナー後の個別商談会では、20件の商談が行われた。"
    )
    assert _events(text, "ja") == [("ベトナム食品輸出セミナー", "2026-05-12")]


def test_a_session_on_a_day_of_its_own_later_is_an_event():
    text = (
        "5月12日、県は仙台市内で「ベトナム食品輸出セミナー」を開催した。"
        "約40社が参加した。県は9月に同省で商談会を実施する予定だ。"
    )
    assert _events(text, "ja") == [
        ("ベトナム食品輸出セミナー", "2026-05-12"),
        ("商談会", "2026-09"),
    ]


def test_an_unnamed_office_is_no_visitor():
    text = (
        "5月18日、副知事はベトナム・ラムドン省を訪問し、"
        "同省人民委員会のトラン・ホン・タイ委員長と会談した。"
    )
    assert _visits(text, "ja") == []


def test_the_place_of_an_envoys_post_is_not_where_they_meet():
    text = (
        "Chiều 14/5, Chủ tịch UBND tỉnh Khánh Hòa Nguyễn Tấn Tuân đã có cuộc gặp với Tổng Lãnh "
        "sự Nhật Bản tại TP.HCM Ono Masuo."
    )
    assert _visits(text, "vi") == [("Ono Masuo", "Nguyễn Tấn Tuân", "khanh-hoa", "2026-05-14")]


def test_an_envoy_serves_the_country_named_before_the_role():
    text = (
        "Japanese Consul General in Da Nang Mori Takero on May 18 paid a courtesy call on Quang "
        "Tri provincial leaders."
    )
    people = {f["name"]: f["country"] for f in _facts(text, "en", "person")}
    assert people == {"Mori Takero": "JP"}
    assert _visits(text, "en") == [("Mori Takero", None, "quang-tri", "2026-05-18")]


def test_tinh_uy_is_the_party_committee_not_the_province_again():
    text = (
        "Đoàn công tác tỉnh Quảng Ngãi do Bí thư Tỉnh ủy Bùi Thị Quỳnh Vân dẫn đầu đã thăm và "
        "làm việc tại tỉnh Nara từ ngày 15 đến 17/5. Ngày 16/5, Thống đốc tỉnh Nara Yamashita "
        "Makoto đã tiếp đoàn."
    )
    assert ("Bùi Thị Quỳnh Vân", "Yamashita Makoto", "nara-prefecture", "2026-05-16") in _visits(
        text, "vi"
    )


def test_two_hosts_of_one_visitor_in_one_sentence():
    text = (
        "Ngày 12/5, đoàn công tác tỉnh Quảng Trị do Chủ tịch UBND tỉnh Võ Văn Hưng dẫn đầu đã "
        "chào xã giao Thống đốc tỉnh Ishikawa Hase Hiroshi và làm việc với Thị trưởng thành phố "
        "Kanazawa Murayama Taku."
    )
    assert [(v[0], v[1], v[3]) for v in _visits(text, "vi")] == [
        ("Võ Văn Hưng", "Hase Hiroshi", "2026-05-12"),
        ("Võ Văn Hưng", "Murayama Taku", "2026-05-12"),
    ]
    text = (
        "クアンチ省のボー・ヴァン・フン人民委員会委員長は5月12日、馳浩知事を表敬訪問し、"
        "その後、金沢市役所で村山卓市長と面談した。"
    )
    assert [f["host_locality"] for f in _facts(text, "ja", "visit")][1] == {
        "name": "金沢市",
        "slug": None,
    }


def test_two_visitors_received_together_are_no_second_host():
    text = (
        "Ngày 12/5, Phó Chủ tịch UBND tỉnh Hà Tĩnh Nguyễn Hồng Lĩnh tiếp ông Sato Yuki, Phó "
        "Thống đốc tỉnh Ehime và ông Kato Jun, Giám đốc Sở Thương mại tỉnh Ehime."
    )
    assert [v[1] for v in _visits(text, "vi")] == ["Nguyễn Hồng Lĩnh"]


def test_the_next_morning_and_the_previous_evening():
    from kakehashi.news.engine.dates import find_dates

    text = "On May 11 they arrived. The next morning, they met. The previous evening they dined."
    assert [d.value for d in find_dates(text, "en", PUBLISHED)] == [
        "2026-05-11",
        "2026-05-12",
        "2026-05-11",
    ]


def test_two_people_of_the_two_sides_who_talk():
    text = (
        "Ambassador Ito Naoki and Hai Phong Party Secretary Le Tien Chau discussed port "
        "cooperation in Hai Phong on May 17."
    )
    assert _visits(text, "en") == [("Ito Naoki", "Le Tien Chau", "hai-phong", "2026-05-17")]
    text = (
        "Ngày 12/5, Phó Chủ tịch UBND tỉnh Nghệ An Bùi Thanh An và Phó Thống đốc tỉnh Akita "
        "Sato Ken đã hội đàm tại Nghệ An."
    )
    assert _visits(text, "vi") == [("Sato Ken", "Bùi Thanh An", "nghe-an", "2026-05-12")]


def test_two_people_of_one_side_who_talk_are_no_visit():
    text = (
        "Chairman of the Hai Phong People's Committee Le Anh Quan and Party Secretary Le Tien "
        "Chau discussed port plans on May 17."
    )
    assert _visits(text, "en") == []


def test_vietnamese_events_attended_opened_or_with_a_number_in_the_name():
    text = "Ngày 12/5, ông Bùi Thanh An tham dự hội nghị xúc tiến đầu tư tại tỉnh Akita."
    assert _events(text, "vi") == [("hội nghị xúc tiến đầu tư", "2026-05-12")]
    text = (
        "Sáng 13/5, Chương trình kết nối doanh nghiệp Đà Nẵng – Nhật Bản năm 2026 đã chính "
        "thức khai mạc."
    )
    assert _events(text, "vi") == [
        ("Chương trình kết nối doanh nghiệp Đà Nẵng – Nhật Bản năm 2026", "2026-05-13")
    ]
    text = "Ngày 15/5, tỉnh Bắc Ninh tổ chức lễ kỷ niệm 10 năm hợp tác với tỉnh Kumamoto."
    assert _events(text, "vi") == [("lễ kỷ niệm 10 năm hợp tác", "2026-05-15")]


def test_japanese_events_named_by_what_they_are_after_a_clause():
    text = "県は、12月15日にホーチミン市で開催される観光フェアに出展する。"
    assert _events(text, "ja") == [("観光フェア", "2026-12-15")]
    text = "5月13日には、ダナン市で県産品のプロモーションイベントを実施した。"
    assert _events(text, "ja") == [("県産品のプロモーションイベント", "2026-05-13")]


def test_meeting_people_at_a_place_is_no_visit_to_its_government():
    text = (
        "Ngày 12/5, đoàn công tác tỉnh Quảng Bình do ông Trần Phong, Chủ tịch UBND tỉnh, dẫn "
        "đầu đã gặp gỡ cộng đồng người Việt Nam tại tỉnh Tottori."
    )
    assert _visits(text, "vi") == []
    text = (
        "Ngày 12/5, đoàn công tác tỉnh Quảng Bình do ông Trần Phong, Chủ tịch UBND tỉnh, dẫn "
        "đầu đã làm việc với UBND tỉnh Tottori."
    )
    assert _visits(text, "vi") == [("Trần Phong", None, "tottori-prefecture", "2026-05-12")]


def test_a_vietnamese_name_in_katakana_named_again_by_its_last_part():
    text = (
        "ベトナム・カマウ省のホー・タイン・トゥン人民委員会委員長は5月11日に来県した。"
        "12日にはトゥン委員長が仙台市役所を訪問し、郡和子市長と会談した。"
    )
    assert _visits(text, "ja") == [("ホー・タイン・トゥン", "郡和子", "sendai-city", "2026-05-12")]


def test_a_host_named_again_alone_visits_nobody():
    text = (
        "愛媛県の八木理恵副知事は、5月9日から13日までベトナムを訪問した。10日には、ダナン市"
        "人民委員会を訪問し、レ・タン・フオン副委員長と会談した。フオン副委員長は、"
        "県との意見交換で観光分野の協力を提案した。"
    )
    assert [v[0] for v in _visits(text, "ja")] == ["八木理恵"]


def test_the_host_of_a_visit_named_in_the_next_sentence():
    text = (
        "Japanese Ambassador Kenichiro Nagai visited Ninh Binh on May 12. Receiving him, "
        "provincial Chairman Pham Quang Ngoc said Ninh Binh wanted more Japanese tourists."
    )
    assert _visits(text, "en") == [
        ("Kenichiro Nagai", "Pham Quang Ngoc", "ninh-binh", "2026-05-12")
    ]


def test_a_vice_minister_of_the_same_country_visits_a_province():
    text = (
        "Ngày 12/5, Thứ trưởng Bộ Ngoại giao Lê Thị Thu Hằng đã làm việc với UBND tỉnh Bình "
        "Dương về công tác đối ngoại địa phương."
    )
    assert _visits(text, "vi") == [
        ("Lê Thị Thu Hằng", None, "binh-duong-before-2025", "2026-05-12")
    ]
    text = (
        "Deputy Foreign Minister Le Thi Thu Hang worked with Binh Duong provincial leaders on "
        "May 12."
    )
    assert _visits(text, "en") == [
        ("Le Thi Thu Hang", None, "binh-duong-before-2025", "2026-05-12")
    ]


def test_an_official_of_a_province_meeting_its_own_government_is_no_visit():
    text = (
        "Ngày 12/5, Giám đốc Sở Ngoại vụ tỉnh Bình Dương Nguyễn Văn A đã làm việc với UBND tỉnh "
        "Bình Dương."
    )
    assert _visits(text, "vi") == []


def test_a_role_alone_is_not_the_deputys():
    text = (
        "On May 12, Aichi Vice Governor Ito Yuko received Vice Chairman of the Hue People's "
        "Committee Phan Quy Phuong. The Governor later met Hue Party Secretary Le Truong Luu."
    )
    visits = _visits(text, "en")
    assert ("Phan Quy Phuong", "Ito Yuko", "aichi-prefecture", "2026-05-12") in visits
    assert all(v[1] != "Le Truong Luu" and v[0] != "Le Truong Luu" for v in visits)


def test_a_japanese_delegation_meeting_someone_is_led_by_the_leader_named_next():
    text = (
        "ドンナイ省代表団は5月16日、神奈川県庁を訪問し、首藤健治副知事と意見交換した。"
        "代表団の団長はヴォー・タン・ドゥック人民委員会委員長。"
    )
    assert _visits(text, "ja") == [
        ("ヴォー・タン・ドゥック", "首藤健治", "kanagawa-prefecture", "2026-05-16")
    ]
    text = "ドンナイ省代表団は5月16日、神奈川県庁を訪問し、首藤健治副知事と意見交換した。"
    assert _visits(text, "ja") == []  # the host is not the visitor
