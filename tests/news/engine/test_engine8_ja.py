"""Visits and people told the ways the Japanese press tells them (issue 14, eighth pass), on
sentences written for the test: 姓 名 with a space before the office (田中 実知事, 長崎 幸太郎知事),
在ホーチミン日本国総領事, the host who 応対した, who is visiting (訪問中の, 県庁を訪れた), a
release's particulars (来訪者, 対応者), delegations led by (をはじめとする, を代表とする), 先月28日,
ministers as the press shortens them (外相), and sentences that tell of no visit."""

import datetime as dt

import pytest

from tests.news.engine.helpers import facts, people_roles, visit_rows

PUBLISHED = dt.date(2026, 11, 20)


def _visits(text, language):
    return visit_rows(text, language, PUBLISHED)


_people = people_roles


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


def test_two_hosts_met_each_in_their_own_city():
    text = (
        "富山県\n新田 八朗知事は11月6日、ハノイ市ではチャン・シー・タイン人民委員会委員長と、"
        "ハイフォン市ではレー・ティエン・チャウ人民委員会委員長とそれぞれ会談した。"
    )
    assert _visits(text, "ja") == [
        ("新田 八朗", "チャン・シー・タイン", "hanoi", "2026-11-06"),
        ("新田 八朗", "レー・ティエン・チャウ", "hai-phong", "2026-11-06"),
    ]


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


def test_a_katakana_run_with_a_country_word_is_a_place_or_a_firm_not_a_person():
    assert "イオン・ベトナム" not in _people("イオン・ベトナム社長の田中 一郎氏が発言した。", "ja")
    people = _people(
        "ベトナム・ハノイ市長に相当する人民委員会委員長のチャン・シー・タイン氏が来日した。", "ja"
    )
    assert list(people) == ["チャン・シー・タイン"]


def test_a_meeting_before_a_conference_is_hosted_by_the_side_of_the_article_s_place():
    text = (
        "11月12日、ハノイ市で日越地方協力会議が開催された。会議に先立ち、愛知県の江崎 禎英副知事は"
        "ハノイ市人民委員会のハー・ミン・ハイ副委員長と会談した。"
    )
    assert _visits(text, "ja") == [("江崎 禎英", "ハー・ミン・ハイ", "hanoi", "2026-11-12")]


def test_this_city_in_a_city_s_release_is_the_city_it_names():
    text = (
        "堺市\n10月3日、ビンズオン省のグエン・ロック・ハー副委員長ら一行8名が本市を訪れ、"
        "高橋 健副市長を表敬訪問しました。"
    )
    assert _visits(text, "ja") == [("グエン・ロック・ハー", "高橋 健", "sakai-city", "2026-10-03")]
