"""Visits and people told the ways the Vietnamese and English press tell them (issue 14, eighth
pass), on sentences written for the test: names that end in a place's name (Lê Quang Nam), "was
also received by", the visiting delegation, a trip to a country telling who hosts, visits
invited or hoped for that are none, the host of a body met named in the next sentence, two
officials received together, Japan's prefectures in news-agency English. Japanese: see
test_engine8_ja.py."""

import datetime as dt

import pytest

from tests.news.engine.helpers import facts, people_roles, visit_rows

PUBLISHED = dt.date(2026, 11, 20)


def _visits(text, language):
    return visit_rows(text, language, PUBLISHED)


_people = people_roles


@pytest.mark.parametrize(
    ("text", "language", "name", "role"),
    [
        ("Đoàn do ông Lê Quang Nam, Phó Chủ tịch UBND thành phố dẫn đầu đã đến Nhật Bản.", "vi",
         "Lê Quang Nam", "Phó Chủ tịch"),
        ("Phó Chủ tịch UBND tỉnh Nguyễn Hà Nam đã tiếp Đại sứ Ito Naoki.", "vi",
         "Nguyễn Hà Nam", "Phó Chủ tịch"),
        ("Ngày 18/11, ông Nguyễn Thái Bình, Giám đốc Sở Ngoại vụ tỉnh Hải Dương đã tiếp đoàn.",
         "vi", "Nguyễn Thái Bình", "Giám đốc"),
        ("Hai Duong Vice Chairman Tran Hai Duong met the delegation on Monday.", "en",
         "Tran Hai Duong", "Vice Chairman"),
    ],
)  # fmt: skip
def test_a_vietnamese_name_may_end_in_a_place_s_name(text, language, name, role):
    assert _people(text, language)[name][0] == role


def test_a_place_after_a_role_is_still_the_place_not_a_name():
    people = _people("Phó Chủ tịch UBND tỉnh Thái Bình Nguyễn Khắc Thận phát biểu.", "vi")
    assert list(people) == ["Nguyễn Khắc Thận"]


def test_the_delegation_also_received_the_same_day_is_the_leader_s_visit_that_day():
    text = (
        "Quang Ninh Vice Chairwoman Vu Thi Thu Ha held talks with Hiroshima Vice Governor Takeshi "
        "Ogawa in Hiroshima on October 27. On October 28, the delegation joined a business "
        "matching day organised by Hiroshima Prefecture. The delegation was also received by "
        "Hiroshima City Deputy Mayor Kenji Nakamoto the same day."
    )
    assert _visits(text, "en") == [
        ("Vu Thi Thu Ha", "Takeshi Ogawa", "hiroshima-prefecture", "2026-10-27"),
        ("Vu Thi Thu Ha", "Kenji Nakamoto", "hiroshima-city", "2026-10-28"),
    ]


def test_the_visiting_delegation_is_no_verb_of_visiting():
    text = (
        "The visiting delegation, headed by Okayama Governor Ibaraki Ryuta, was received by "
        "Vietnamese President Luong Cuong in Hanoi on November 9."
    )
    assert _visits(text, "en") == [("Ibaraki Ryuta", "Luong Cuong", "hanoi", "2026-11-09")]


def test_a_vice_minister_for_a_portfolio_and_the_host_who_receives_him_next():
    text = (
        "Japan's Vice Minister for Internal Affairs Kawai Takanori held a working session with "
        "leaders of Can Tho City on November 17. Receiving him, Can Tho Chairman Tran Van Lau "
        "thanked Japan for its support."
    )
    assert _visits(text, "en") == [("Kawai Takanori", "Tran Van Lau", "can-tho", "2026-11-17")]


@pytest.mark.parametrize(
    "text",
    [
        "Osaka Mayor Yokoyama Hideyuki invited Ho Chi Minh City leaders to visit Osaka during "
        "the Expo.",
        "The Tochigi governor welcomed the proposal to expand cooperation in agriculture.",
        "Hung Yen Province plans to send a delegation to Tochigi next year.",
        "Governor Omura Hideaki said he hoped Nguyen Van Tung would visit Aichi next spring.",
    ],
)
def test_english_sentences_that_tell_of_no_visit(text):
    assert _visits(text, "en") == []


def test_at_the_invitation_of_is_a_visit_made():
    text = (
        "At the invitation of Aichi Governor Omura Hideaki, Binh Duong Chairman Vo Van Minh "
        "visited Aichi Prefecture on November 3."
    )
    assert [v[0] for v in _visits(text, "en")] == ["Vo Van Minh"]


def test_a_trip_to_japan_tells_who_hosts_the_meeting():
    text = (
        "Trong khuôn khổ chuyến công tác tại Nhật Bản, ngày 14/11, Phó Chủ tịch UBND TP.HCM Võ "
        "Văn Hoan đã có buổi làm việc với Thống đốc tỉnh Kanagawa Kuroiwa Yuji."
    )
    assert _visits(text, "vi") == [
        ("Võ Văn Hoan", "Kuroiwa Yuji", "kanagawa-prefecture", "2026-11-14")
    ]


def test_the_body_visited_and_its_host_named_next():
    text = (
        "Ngày 9/11, đoàn công tác tỉnh Shizuoka do Phó Thống đốc Morimoto Koji dẫn đầu đã đến "
        "thăm và làm việc với UBND tỉnh Quảng Nam. Tiếp đoàn có ông Trần Anh Tuấn, Phó Chủ tịch "
        "UBND tỉnh."
    )
    assert _visits(text, "vi") == [
        ("Morimoto Koji", "Trần Anh Tuấn", "quang-nam-before-2025", "2026-11-09")
    ]


def test_a_trip_with_its_meetings_in_the_next_sentences():
    text = (
        "Đoàn công tác TP. Đà Nẵng do ông Lê Quang Nam, Phó Chủ tịch UBND thành phố dẫn đầu vừa "
        "kết thúc chuyến công tác tại Nhật Bản từ ngày 1 đến 5/12. Ngày 4/12, đoàn đến thăm và "
        "làm việc tại tỉnh Ehime. Tiếp đoàn, ông Nakagawa Makoto, Thống đốc tỉnh Ehime cho biết "
        "tỉnh đang tìm kiếm thị trường. Ngày 5/12, tại Tokyo, đoàn có buổi làm việc với Bộ Kinh "
        "tế, Thương mại và Công nghiệp Nhật Bản (METI). Tiếp đoàn, ông Hayashi Daisuke, Vụ "
        "trưởng Vụ Hợp tác thương mại quốc tế đánh giá cao môi trường đầu tư của Đà Nẵng."
    )
    assert _visits(text, "vi") == [
        ("Lê Quang Nam", "Nakagawa Makoto", "ehime-prefecture", "2026-12-04"),
        ("Lê Quang Nam", "Hayashi Daisuke", "tokyo-metropolis", "2026-12-05"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "UBND tỉnh Đồng Nai mong muốn đón đoàn doanh nghiệp tỉnh Chiba sang thăm trong thời "
        "gian tới.",
        "Chủ tịch UBND tỉnh Lâm Đồng mời Thống đốc tỉnh Yamanashi Nagasaki Kotaro sang thăm Đà "
        "Lạt vào năm 2027.",
        "Tỉnh Bình Định đã đón hơn 300.000 lượt khách Nhật Bản trong năm 2025.",
        "Chủ tịch UBND tỉnh Thái Bình Nguyễn Khắc Thận đánh giá cao đề xuất của tỉnh Saitama về "
        "hợp tác đào tạo nguồn nhân lực.",
    ],
)
def test_vietnamese_sentences_that_tell_of_no_visit(text):
    assert _visits(text, "vi") == []


def test_an_invitation_accepted_is_a_visit_to_come():
    text = (
        "Nhận lời mời của Thống đốc tỉnh Ehime, Chủ tịch UBND TP Đà Nẵng Lương Nguyễn Minh Triết "
        "sẽ thăm tỉnh Ehime vào tháng 12."
    )
    assert _visits(text, "vi") == [("Lương Nguyễn Minh Triết", None, "ehime-prefecture", "2026-12")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Yokohama Mayor Yamanaka Takeharu will host Da Nang Chairman Luong Nguyen Minh Triet "
         "on December 2.", "en",
         [("Luong Nguyen Minh Triet", "Yamanaka Takeharu", "yokohama-city", "2026-12-02")]),
        ("Osaka Governor Yoshimura Hirofumi received a courtesy visit from Ho Chi Minh City "
         "Chairman Nguyen Van Duoc on November 5.", "en",
         [("Nguyen Van Duoc", "Yoshimura Hirofumi", "osaka-prefecture", "2026-11-05")]),
        ("Sáng 7/11, Phó Chủ tịch UBND TP. Hải Phòng Hoàng Minh Cường đã hội đàm trực tuyến "
         "với Phó Thống đốc tỉnh Fukuoka Ezaki Toshiro.", "vi",
         [("Ezaki Toshiro", "Hoàng Minh Cường", "hai-phong", "2026-11-07")]),
        ("Nhân chuyến công tác tại Nhật Bản, chiều 9/11 (giờ địa phương), Bí thư Tỉnh ủy Bình "
         "Dương Nguyễn Văn Lợi đã đến chào xã giao Thống đốc tỉnh Saitama Ono Motohiro.", "vi",
         [("Nguyễn Văn Lợi", "Ono Motohiro", "saitama-prefecture", "2026-11-09")]),
    ],
)  # fmt: skip
def test_visits_to_come_courtesy_visits_received_and_online_talks(text, language, expected):
    assert _visits(text, language) == expected


def test_the_visiting_mayor_told_something_is_the_visitor():
    text = (
        "Da Nang's Party Secretary Nguyen Van Quang told visiting Yokohama Mayor Yamanaka "
        "Takeharu on November 8 that the city hoped to attract more Japanese investment."
    )
    assert _visits(text, "en") == [
        ("Yamanaka Takeharu", "Nguyen Van Quang", "da-nang", "2026-11-08")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ho Chi Minh City Chairman Nguyen Van Duoc said he had met Osaka Governor Yoshimura "
         "Hirofumi several times since 2023.", "en"),
        ("Ông Nguyễn Văn Được cho biết đã nhiều lần gặp Thống đốc tỉnh Osaka Yoshimura "
         "Hirofumi.", "vi"),
        ("The forum was attended by Aichi Vice Governor Esaki Yoshikazu and Binh Duong Vice "
         "Chairman Nguyen Loc Ha.", "en"),
        ("Quang Ninh Chairman Cao Tuong Huy sent a letter to Yamaguchi Governor Muraoka "
         "Tsugumasa inviting him to the Ha Long Carnival.", "en"),
    ],
)  # fmt: skip
def test_meetings_told_as_a_habit_attendance_and_letters_are_no_visits(text, language):
    assert _visits(text, language) == []


def test_a_trip_report_with_a_ministry_a_prefecture_a_city_the_directory_does_not_hold():
    text = (
        "Từ ngày 9 đến 14/11, đoàn công tác tỉnh Nghệ An do ông Lê Hồng Vinh, Phó Bí thư Tỉnh "
        "ủy, Chủ tịch UBND tỉnh làm trưởng đoàn đã có chuyến công tác tại Nhật Bản.\n\n"
        "Ngày 10/11, tại Tokyo, đoàn đã tổ chức Hội nghị xúc tiến đầu tư tỉnh Nghệ An.\n\n"
        "Cùng ngày, Chủ tịch UBND tỉnh Lê Hồng Vinh đã hội kiến Thứ trưởng Bộ Ngoại giao Nhật "
        "Bản Miyaji Takuma.\n\nNgày 11/11, đoàn đến thăm và làm việc tại tỉnh Gunma. Tiếp đoàn, "
        "Thống đốc tỉnh Gunma Yamamoto Ichita bày tỏ mong muốn mở rộng hợp tác.\n\n"
        "Sáng 12/11, đoàn làm việc với lãnh đạo thành phố Takasaki. Phó Thị trưởng Sato Jun cho "
        "biết thành phố sẵn sàng tiếp nhận thêm thực tập sinh.\n\nTrước đó, ngày 9/11, đoàn đã "
        "đến chào Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu tại Đại sứ quán."
    )
    found = facts(text, "vi", published=PUBLISHED, kind="visit")
    assert [(f["visitor"], f["host"], f["host_locality"], f["date"]) for f in found] == [
        (
            "Lê Hồng Vinh",
            "Miyaji Takuma",
            {"name": "Bộ Ngoại giao Nhật Bản", "slug": "tokyo-metropolis"},
            "2026-11-10",
        ),
        (
            "Lê Hồng Vinh",
            "Yamamoto Ichita",
            {"name": "tỉnh Gunma", "slug": "gunma-prefecture"},
            "2026-11-11",
        ),
        ("Lê Hồng Vinh", "Sato Jun", {"name": "thành phố Takasaki", "slug": None}, "2026-11-12"),
    ]  # fmt: skip  (the ambassador of one's own side is no host at home)


def test_staff_of_a_japanese_agency_named_with_its_office_are_japanese():
    text = (
        "JICA Vietnam Chief Representative Takuya Ishida paid a courtesy call on Khanh Hoa "
        "People's Committee Chairman Ho Van Nam on Thursday."
    )
    assert _people(text, "en")["Takuya Ishida"] == ("Chief Representative", "JP")
    assert _people("JETRO Ho Chi Minh City Chief Representative Takeya Kazuhiro spoke.", "en")[
        "Takeya Kazuhiro"
    ] == ("Chief Representative", "JP")


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND tỉnh Bắc Ninh Vương Quốc Tuấn cho biết vốn đầu tư trực tiếp của Nhật Bản "
        "vào tỉnh tăng mạnh, theo ông Ono Masaru, Tổng Lãnh sự Nhật Bản.",
        "Năm thứ ba liên tiếp, Thống đốc tỉnh Aichi Omura Hideaki dự hội nghị với Chủ tịch UBND "
        "tỉnh Bình Dương Võ Văn Minh.",
        "Phó Chủ tịch UBND tỉnh Lâm Đồng Nguyễn Văn Lộc đề nghị tỉnh Yamanashi tiếp tục hỗ trợ "
        "đào tạo nhân lực nông nghiệp.",
        "Tham dự hội nghị có ông Trần Văn Lâu, Chủ tịch UBND TP. Cần Thơ và ông Yamada Taro, "
        "Phó Thống đốc tỉnh Okayama.",
        "Dịp này, Thống đốc tỉnh Chiba Kumagai Toshihito trao tặng Chủ tịch UBND tỉnh Đồng Nai "
        "Võ Tấn Đức bức tranh kỷ niệm.",
    ],
)
def test_direct_investment_consecutive_years_attendance_and_gifts_are_no_visits(text):
    assert _visits(text, "vi") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HCM City – Vo Van Hoan, vice chairman of the HCM City People's Committee, received a "
         "delegation from Japan's Osaka Prefecture led by its vice governor Yamaguchi Nobuhiko "
         "on November 5.",
         ("Yamaguchi Nobuhiko", "Vo Van Hoan", "ho-chi-minh-city", "2026-11-05")),
        ("Hanoi (VNA) – Permanent Vice Chairman of the Hanoi People's Committee Le Hong Son "
         "hosted a reception in Hanoi on November 6 for Governor of Japan's Ibaraki Prefecture "
         "Oigawa Kazuhiko.",
         ("Oigawa Kazuhiko", "Le Hong Son", "hanoi", "2026-11-06")),
        ("Can Tho (VNA) - Chairman of the Can Tho municipal People's Committee Tran Viet Truong "
         "on November 7 had a working session with a delegation from Japan's Kochi Prefecture "
         "headed by Governor Hamada Seiji.",
         ("Hamada Seiji", "Tran Viet Truong", "can-tho", "2026-11-07")),
    ],
)  # fmt: skip
def test_news_agency_english_with_roles_of_japan_s_prefectures(text, expected):
    assert _visits(text, "en") == [expected]
