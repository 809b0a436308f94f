"""Visits told the ways the press tells them (issue 14, eighth pass), on sentences written for
the test: names that end in a place's name (Lê Quang Nam), 姓 名 with a space before the office
(田中 実知事, 長崎 幸太郎知事), 在ホーチミン日本国総領事, the host who 応対した, "was also
received by", the visiting delegation, a trip to a country telling who hosts, visits invited or
hoped for that are none, and the host of a body met named in the next sentence."""

import datetime as dt

import pytest

from tests.news.engine.helpers import facts

PUBLISHED = dt.date(2026, 11, 20)


def _visits(text, language):
    return [
        (f["visitor"], f["host"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in facts(text, language, published=PUBLISHED, kind="visit")
    ]


def _people(text, language):
    return {f["name"]: (f["role"], f["country"]) for f in facts(text, language, kind="person")}


# people -------------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("田中 実知事は、11月20日から23日までベトナムを訪問しました。", "田中 実", "知事"),
        ("チャン・ホン・タイ副委員長は長崎 幸太郎知事と会談した。", "長崎 幸太郎", "知事"),
        ("一行は秋田市役所を訪れ、穂積 志市長を表敬訪問しました。", "穂積 志", "市長"),
        ("佐藤 晴樹在ホーチミン日本国総領事は、タイニン省を訪問した。", "佐藤 晴樹",
         "在ホーチミン日本国総領事"),
    ],
)  # fmt: skip
def test_japanese_names_written_with_a_space_before_the_office(text, name, role):
    assert _people(text, "ja")[name] == (role, "JP")


def test_an_office_after_the_place_s_own_word_is_no_name():
    people = _people("同市 副市長が応対した。本県 知事は歓迎した。", "ja")
    assert people == {}


# Japanese -----------------------------------------------------------------------------------


def test_the_japanese_traveller_meets_ministers_and_chairmen_on_days_of_their_own():
    text = (
        "知事がベトナムを訪問しました\n村井 嘉浩知事は、11月3日から6日までベトナムを訪問しました。"
        "4日にはハノイ市で、ファム・ミン・チン首相を表敬訪問しました。5日にはカマウ省を訪れ、"
        "同省人民委員会のファム・タイン・グー委員長と会談しました。"
    )
    assert _visits(text, "ja") == [
        ("村井 嘉浩", "ファム・ミン・チン", "hanoi", "2026-11-04"),
        ("村井 嘉浩", "ファム・タイン・グー", "ca-mau", "2026-11-05"),
    ]


def test_the_governor_who_travels_is_the_visitor_of_the_minister_he_meets():
    text = (
        "田中 実知事は、11月20日から23日までベトナムを訪問し、"
        "ハノイ市でブイ・タイン・ソン外務大臣と会談しました。"
    )
    assert _visits(text, "ja") == [("田中 実", "ブイ・タイン・ソン", "hanoi", "2026-11-20")]


def test_the_one_who_receives_the_delegation_is_its_host_never_its_visitor():
    text = (
        "ベトナム・ダナン市の代表団が11月18日、横浜市役所を訪問し、平原 敏英副市長が応対しました。"
    )
    assert _visits(text, "ja") == []  # no visitor named
    text += "代表団の団長はルオン・グエン・ミン・チエット委員長です。"
    assert _visits(text, "ja") == [
        ("ルオン・グエン・ミン・チエット", "平原 敏英", "yokohama-city", "2026-11-18")
    ]


def test_a_mayor_called_on_at_a_city_hall_the_directory_does_not_hold():
    text = (
        "10月30日、ゲアン省人民委員会のブイ・ディン・ロン副委員長ら一行5名が秋田市役所を訪れ、"
        "穂積 志市長を表敬訪問しました。一行は同日午後、秋田県立大学を視察しました。"
    )
    found = facts(text, "ja", published=PUBLISHED, kind="visit")
    assert [(f["visitor"], f["host"], f["host_locality"], f["date"]) for f in found] == [
        ("ブイ・ディン・ロン", "穂積 志", {"name": "秋田市", "slug": None}, "2026-10-30")
    ]


def test_a_consul_general_by_the_place_of_the_post_visits_a_province():
    text = (
        "10月27日、佐藤 晴樹在ホーチミン日本国総領事は、タイニン省を訪問し、同省人民委員会の"
        "ファム・ヴァン・ホア副委員長を表敬訪問しました。"
    )
    assert _visits(text, "ja") == [("佐藤 晴樹", "ファム・ヴァン・ホア", "tay-ninh", "2026-10-27")]


@pytest.mark.parametrize(
    "text",
    [
        "県は、来年2月にベトナム・ゲアン省へ訪問団を派遣する予定です。",
        "知事は、ベトナムからの訪問団を歓迎するとともに、来年の訪越に意欲を示しました。",
        "長野県は、ベトナム・ラムドン省からの研修員を受け入れると発表した。",
        "知事は記者会見で、ベトナムとの交流を歓迎すると述べた。",
        "斎藤 元彦知事は、クアンナム省のレー・チー・タイン委員長に来県を要請した。",
        "吉村 洋文知事は、ホーチミン市のファン・ヴァン・マイ委員長に大阪を訪問してほしいと述べた。",
    ],
)
def test_japanese_sentences_that_tell_of_no_visit(text):
    assert _visits(text, "ja") == []


# English ------------------------------------------------------------------------------------


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


# Vietnamese ---------------------------------------------------------------------------------


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


def test_the_one_who_came_to_the_office_or_is_visiting_is_the_visitor():
    text = (
        "11月16日、福岡県の服部 誠太郎知事は、県庁を訪れたベトナム・クアンナム省のレー・ヴァン・"
        "ズン副委員長と面談した。"
    )
    assert _visits(text, "ja") == [
        ("レー・ヴァン・ズン", "服部 誠太郎", "fukuoka-prefecture", "2026-11-16")
    ]
    text = (
        "11月11日、佐賀県の山口 祥義知事は、佐賀県を訪問中のベトナム・タイビン省人民委員会の"
        "グエン・カック・タン委員長と会談した。"
    )
    assert _visits(text, "ja") == [
        ("グエン・カック・タン", "山口 祥義", "saga-prefecture", "2026-11-11")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "愛知県\nビンズオン省との友好提携は今年で10周年を迎えた。大村 秀章知事は、グエン・ヴァン・"
        "ロイ省党委員会書記に祝意を伝えた。",
        "愛知県\nビンズオン省のグエン・ヴァン・ロイ省党委員会書記は、「ぜひ再び愛知県を訪問したい」"
        "と述べた。",
        "愛知県\n大村 秀章知事は、来年ベトナムを訪問する意向を示した。",
        "愛知県\n大村 秀章知事は11月5日、ベトナムの技能実習生と意見交換を行った。",
    ],
)
def test_an_anniversary_a_wish_or_a_meeting_with_no_one_named_is_no_visit(text):
    assert _visits(text, "ja") == []


def test_a_welcome_speech_to_a_delegation_at_a_ceremony_is_a_visit():
    text = (
        "愛知県\n11月5日の交流会では、大村 秀章知事が歓迎のあいさつを述べ、ビンズオン省の"
        "グエン・ヴァン・ロイ省党委員会書記が謝辞を述べた。"
    )
    assert _visits(text, "ja") == [
        ("グエン・ヴァン・ロイ", "大村 秀章", "aichi-prefecture", "2026-11-05")
    ]


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


def test_a_visit_told_as_a_press_release_s_particulars():
    text = (
        "ベトナム・ハナム省人民委員会委員長の知事表敬訪問について\n\n"
        "　ベトナム社会主義共和国ハナム省人民委員会委員長一行が、下記のとおり知事を表敬訪問します"
        "ので、お知らせします。\n\n"
        "1　日時　令和8年11月5日（木曜日）14時00分から14時30分まで\n"
        "2　場所　静岡県庁本館2階　知事応接室\n"
        "3　来訪者　ハナム省人民委員会　委員長　チュオン・クオック・フイ　氏　ほか5名\n"
        "4　対応者　静岡県知事　鈴木 康友\n"
        "5　内容　表敬訪問、意見交換"
    )
    assert _visits(text, "ja") == [
        ("チュオン・クオック・フイ", "鈴木 康友", "shizuoka-prefecture", "2026-11-05")
    ]
    assert "対応者　静岡県" not in _people(text, "ja")


def test_a_call_at_city_hall_told_as_particulars():
    text = (
        "在日ベトナム大使の来庁について\n\n１．日時：11月6日（金）10:00～10:20\n"
        "２．場所：市長応接室\n"
        "３．来庁者：駐日ベトナム社会主義共和国特命全権大使　ファム・クアン・ヒエウ氏\n"
        "４．応対者：大阪市長　横山 英幸"
    )
    assert _visits(text, "ja") == [
        ("ファム・クアン・ヒエウ", "横山 英幸", "osaka-city", "2026-11-06")
    ]


def test_the_visiting_mayor_told_something_is_the_visitor():
    text = (
        "Da Nang's Party Secretary Nguyen Van Quang told visiting Yokohama Mayor Yamanaka "
        "Takeharu on November 8 that the city hoped to attract more Japanese investment."
    )
    assert _visits(text, "en") == [
        ("Yamanaka Takeharu", "Nguyen Van Quang", "da-nang", "2026-11-08")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("鹿児島県\nベトナム南部ビンズオン省の代表団（団長・グエン・ヴァン・ロイ省党委書記）が20日、"
         "県庁を訪れ、副知事の松田 亮氏と意見交換した。",
         ("グエン・ヴァン・ロイ", "松田 亮", "kagoshima-prefecture", "2026-11-20")),
        ("鹿児島県\nベトナム・クアンナム省の一行（団長：レー・チー・タイン人民委員会委員長）が先月28日、"
         "県庁を訪問し、塩田 康一知事と懇談した。",
         ("レー・チー・タイン", "塩田 康一", "kagoshima-prefecture", "2026-10-28")),
        ("鹿児島県\nクアンガイ省の代表団が今月12日、鹿児島県庁を訪れ、松田 亮副知事と会談。"
         "団長のダン・ゴック・フイ副委員長は、農業分野での協力に期待を示した。",
         ("ダン・ゴック・フイ", "松田 亮", "kagoshima-prefecture", "2026-11-12")),
        ("鹿児島県\nダン・ゴック・フイ副委員長をはじめとする代表団が12日、県庁を訪れ、"
         "松田 亮副知事と会談した。",
         ("ダン・ゴック・フイ", "松田 亮", "kagoshima-prefecture", "2026-11-12")),
        ("鹿児島県\nダン・ゴック・フイ副委員長を代表とする訪問団が12日、県庁を訪れ、"
         "知事の塩田 康一氏と会談した。",
         ("ダン・ゴック・フイ", "塩田 康一", "kagoshima-prefecture", "2026-11-12")),
        ("鹿児島県\n12日、ベトナム・クアンガイ省の代表団が県庁を訪れ、松田 亮副知事と会談した。"
         "松田副知事は「人材交流を進めたい」と述べた。代表団を率いるダン・ゴック・フイ副委員長は、"
         "県内企業の進出に期待を示した。",
         ("ダン・ゴック・フイ", "松田 亮", "kagoshima-prefecture", "2026-11-12")),
        ("宮崎県\nベトナム・ニンビン省のファム・クアン・ゴック人民委員会委員長は20日、"
         "河野 俊嗣知事と県庁で会談した。",
         ("ファム・クアン・ゴック", "河野 俊嗣", "miyazaki-prefecture", "2026-11-20")),
        ("宮崎県\nファム・クアン・ゴック委員長らニンビン省の代表団は20日、"
         "河野 俊嗣知事を表敬した。",
         ("ファム・クアン・ゴック", "河野 俊嗣", "miyazaki-prefecture", "2026-11-20")),
    ],
)  # fmt: skip
def test_japanese_delegations_led_by_named_leaders_and_days_of_this_or_last_month(text, expected):
    assert _visits(text, "ja") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("岩屋 毅外相は20日、ハノイでブイ・タイン・ソン副首相兼外相と会談した。",
         ("岩屋 毅", "ブイ・タイン・ソン", "hanoi", "2026-11-20")),
        ("北海道\n鈴木 直道知事は24日、札幌市内のホテルで、来道したベトナム・ラムドン省の"
         "チャン・ホン・タイ人民委員会委員長と会談した。",
         ("チャン・ホン・タイ", "鈴木 直道", "hokkaido", "2026-10-24")),
    ],
)  # fmt: skip
def test_ministers_as_the_press_shortens_them_and_coming_to_hokkaido(text, expected):
    assert _visits(text, "ja") == [expected]


@pytest.mark.parametrize(
    ("text", "language", "visitors"),
    [
        ("Chiều 12/11, Bí thư Tỉnh ủy Quảng Ngãi Đặng Văn Minh đã tiếp Đại sứ Nhật Bản Ito Naoki "
         "và Tổng Lãnh sự Nhật Bản tại Đà Nẵng Yakabe Yoshinori.", "vi",
         ["Ito Naoki", "Yakabe Yoshinori"]),
        ("On November 12, Quang Ngai Party Secretary Dang Van Minh received Japanese Ambassador "
         "Ito Naoki and Consul General Yakabe Yoshinori.", "en",
         ["Ito Naoki", "Yakabe Yoshinori"]),
        ("愛知県\n11月12日、大村 秀章知事は、ベトナム・ビンズオン省のグエン・ヴァン・ロイ"
         "省党委書記とグエン・ロック・ハー副委員長の表敬訪問を受けました。", "ja",
         ["グエン・ヴァン・ロイ", "グエン・ロック・ハー"]),
    ],
)  # fmt: skip
def test_two_officials_received_together_make_two_visits(text, language, visitors):
    found = _visits(text, language)
    assert [v[0] for v in found] == visitors
    assert len({v[1:] for v in found}) == 1  # the same host, place and day


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
        ("Lê Hồng Vinh", "Sato Jun", {"name": "Takasaki", "slug": None}, "2026-11-12"),
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


def test_two_hosts_met_each_in_their_own_city():
    text = (
        "富山県\n新田 八朗知事は11月6日、ハノイ市ではチャン・シー・タイン人民委員会委員長と、"
        "ハイフォン市ではレー・ティエン・チャウ人民委員会委員長とそれぞれ会談した。"
    )
    assert _visits(text, "ja") == [
        ("新田 八朗", "チャン・シー・タイン", "hanoi", "2026-11-06"),
        ("新田 八朗", "レー・ティエン・チャウ", "hai-phong", "2026-11-06"),
    ]


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


def test_a_prefecture_s_release_names_its_governor_s_prefecture_and_a_city_hall_visited():
    text = (
        "ベトナム・ハイズオン省人民委員会副委員長が知事を表敬訪問しました\n\n"
        "令和8年11月12日（木）、ベトナム・ハイズオン省人民委員会のルー・ヴァン・バン副委員長ほか"
        "7名が来庁し、伊原木 隆太知事を表敬訪問しました。\n\n"
        "一行は同日午後、岡山市内の自動車部品工場を視察し、翌13日には倉敷市役所を訪れ、"
        "伊東 香織市長と懇談しました。\n\n【問合せ先】岡山県国際課"
    )
    found = facts(text, "ja", published=PUBLISHED, kind="visit")
    assert [(f["visitor"], f["host"], f["host_locality"], f["date"]) for f in found] == [
        ("ルー・ヴァン・バン", "伊原木 隆太", {"name": "岡山県", "slug": "okayama-prefecture"},
         "2026-11-12"),
        ("ルー・ヴァン・バン", "伊東 香織", {"name": "倉敷市", "slug": None}, "2026-11-13"),
    ]  # fmt: skip
    assert "ベトナム・ハイズオン" not in _people(text, "ja")


def test_the_governor_abroad_meets_a_chairman_and_his_own_ambassador():
    text = (
        "知事がベトナム・タインホア省を訪問しました\n\n　古田 肇知事は、11月3日から6日までの日程で"
        "ベトナムを訪問しました。\n\n　4日にはタインホア省を訪れ、ド・ミン・トゥアン省人民委員会"
        "委員長と会談しました。\n\n　5日には、ハノイ市で在ベトナム日本国大使館の伊藤 直樹大使と"
        "面会し、ベトナムの経済情勢について説明を受けました。"
    )
    assert _visits(text, "ja") == [
        ("古田 肇", "ド・ミン・トゥアン", "thanh-hoa", "2026-11-04"),
        ("古田 肇", "伊藤 直樹", "hanoi", "2026-11-05"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "愛知県\n大村 秀章知事は、訪問介護の分野でもベトナム人材の受入れを進めたいと述べ、"
        "グエン・ロック・ハー副委員長も賛同した。",
        "愛知県\nグエン・ロック・ハー副委員長は、訪日ベトナム人観光客の増加に期待を示し、"
        "大村 秀章知事も協力する考えを示した。",
        "愛知県\nグエン・ロック・ハー副委員長は、来年の知事の訪越を歓迎すると述べた。",
    ],
)
def test_home_care_tourists_and_a_visit_welcomed_are_no_visits(text):
    assert _visits(text, "ja") == []
