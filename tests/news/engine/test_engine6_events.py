"""Japanese events and people (issue 14, sixth pass): the bodies listed before 主催/共催, a count
of 個別相談 given to the event told before it, 来年3月, a body (会議所) that is no meeting, a name
before its place and office (森 武岐阜県知事), an envoy by the country served, and a Vietnamese
person called by the given name; sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.people import _ja_short_form

PUBLISHED = dt.date(2026, 10, 30)


def _facts(text, kind, language="ja"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == kind]


def _events(text):
    return [
        (f["name"], f["date"], [o["name"] for o in f["organisers"]], f["one_to_one_meetings"])
        for f in _facts(text, "event")
    ]


@pytest.mark.parametrize(
    ("text", "organisers"),
    [
        # 、 and 及び, the prefecture written "県"; the opening words are no body
        (
            "10月20日午前、県、静岡県貿易協会及びジェトロ静岡の共催により、「ホーチミン市"
            "投資説明会」を開催しました。",
            ["県", "静岡県貿易協会", "ジェトロ静岡"],
        ),
        # と between two bodies, after the topic; が共催した
        (
            "知事は10月21日、県と富山県国際交流協会、富山県商工会議所連合会が共催した"
            "「ベトナム技能人材セミナー」で講演した。",
            ["県", "富山県国際交流協会", "富山県商工会議所連合会"],
        ),
        # との共催: the topic holds it too; the 後援 is no organiser
        (
            "県は、10月22日から23日までの2日間、公益財団法人ひろしま産業振興機構との共催、"
            "ジェトロ広島の後援により、「広島県・ベトナム食品商談会」を開催しました。",
            ["県", "公益財団法人ひろしま産業振興機構"],
        ),
        # と共同で
        (
            "福井県は、福井市、ジェトロ福井と共同で、10月24日に「ダナン市ビジネス交流会」を"
            "開催します。",
            ["福井県", "福井市", "ジェトロ福井"],
        ),
        # the topic alone, after a phrase that is no body
        (
            "計画の一環として、県は10月25日に「ベトナム観光セミナー」を開いた。",
            ["県"],
        ),
    ],
)
def test_listed_organisers(text, organisers):
    assert [event[2] for event in _events(text)] == [organisers]


def test_a_body_named_chamber_is_no_meeting():
    text = (
        "10月26日、奈良県商工会議所連合会の主催により、「ベトナム進出説明会」を奈良市内で"
        "開催しました。"
    )
    assert _events(text) == [("ベトナム進出説明会", "2026-10-26", ["奈良県商工会議所連合会"], None)]


def test_consultations_belong_to_the_event_told_before():
    text = (
        "10月20日、大使は知事と会談した。大使は、来年3月に東京で開かれる日越経済フォーラムへの"
        "知事の参加を要請した。"
        "同日午後、県と鳥取県国際交流財団の共催により「ベトナム人材セミナー」を開催し、"
        "セミナー後には18件の個別相談が行われた。"
    )
    events = _events(text)
    assert ("日越経済フォーラム", "2027-03", [], None) in events
    seminar = next(e for e in events if e[0] == "ベトナム人材セミナー")
    assert seminar[2:] == (["県", "鳥取県国際交流財団"], 18)


def test_a_count_after_the_session():
    text = (
        "10月15日、県は「ベトナム食品商談会」を開催した。会場では県内企業6社による個別商談も"
        "行われ、計19件に上った。"
    )
    assert [e[3] for e in _events(text)] == [19]


def test_next_year_month_needs_a_publication_date():
    text = "来年3月に大阪で開かれる日越地方協力フォーラムに参加する。"
    dated = extract(text, language="ja", published=PUBLISHED)["mentions"]
    assert [m["key"] for m in dated if m["kind"] == "date"] == ["2027-03"]
    undated = extract(text, language="ja")["mentions"]
    assert [m["key"] for m in undated if m["kind"] == "date"] == []  # not a year-less 3月


def _people(text):
    return [
        (p["name"], p["role"], (p["organisation"] or {}).get("name"))
        for p in _facts(text, "person")
    ]


def test_name_before_place_and_office():
    text = "10月20日、クアンナム省の代表団が来庁し、林 明富山県知事を表敬訪問しました。"
    assert ("林 明", "知事", "富山県") in _people(text)


def test_envoy_by_the_country_served_and_the_short_mentions():
    text = (
        "川村大使のクアンチ省訪問\n"
        "10月20日、川村 直人 駐ベトナム日本国特命全権大使は、クアンチ省人民委員会を訪問し、"
        "グエン・ヴァン・フン委員長と会談しました。フン委員長からは、港湾開発への協力の要請が"
        "ありました。"
    )
    people = _people(text)
    assert [p[:2] for p in people] == [
        ("川村 直人", "駐ベトナム日本国特命全権大使"),
        ("グエン・ヴァン・フン", "委員長"),
    ]


def test_a_short_form_is_the_surname_or_the_last_part_of_a_katakana_name():
    assert _ja_short_form("山下", "山下健一")
    assert _ja_short_form("タム", "ホアン・ミン・タム")
    assert not _ja_short_form("ミン", "ホアン・ミン・タム")
    assert not _ja_short_form("健一", "山下健一")


@pytest.mark.parametrize(
    ("text", "language", "name", "meetings"),
    [
        # a venue named after a fair is no event
        (
            "Ngày 22/10, tại Trung tâm Hội chợ triển lãm Quốc tế, Sở Công Thương tỉnh Nghệ An tổ "
            "chức Ngày hội kết nối cung cầu Nghệ An – Nhật Bản, với hơn 40 cuộc giao thương.",
            "vi",
            "Ngày hội kết nối cung cầu Nghệ An – Nhật Bản",
            40,
        ),
        (
            "On October 22, Toyama Prefecture held the Toyama Vietnam Business Forum at the Hanoi "
            "International Exhibition Center. Organisers said 35 one-on-one business meetings "
            "had been arranged.",
            "en",
            "Toyama Vietnam Business Forum",
            35,
        ),
        (
            "A webinar on seafood exports was held on October 23 by the Kagawa Prefectural "
            "Government. The organisers said 9 online business meetings were arranged.",
            "en",
            "webinar on seafood exports",
            9,
        ),
    ],
)
def test_venues_and_counts_of_meetings(text, language, name, meetings):
    events = [(f["name"], f["one_to_one_meetings"]) for f in _facts(text, "event", language)]
    assert events == [(name, meetings)]


def test_a_headline_count_yields_to_the_body():
    text = (
        "Over 30 one-on-one meetings at Vietnam–Japan seafood forum\n"
        "On October 24, Kagoshima Prefecture held the Vietnam–Japan Seafood Forum in Ca Mau. "
        "In the afternoon, 34 one-on-one meetings took place between the two sides' companies."
    )
    assert [f["one_to_one_meetings"] for f in _facts(text, "event", "en")] == [34]


def test_an_office_after_the_role_is_no_name():
    text = (
        "On October 20, the delegation was led by Hiroshi Tanaka, Director General of the "
        "Toyama Prefectural Commerce Department."
    )
    assert [p["name"] for p in _facts(text, "person", "en")] == ["Hiroshi Tanaka"]


def _named(text, language):
    return [
        (f["name"], f["date"], [o["name"] for o in f["organisers"]])
        for f in _facts(text, "event", language)
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "do … tổ chức" after the name; the place where it is held is no organiser
        (
            "Sáng 21/10, tại Đà Nẵng đã diễn ra hội thảo “Kết nối chuỗi cung ứng với doanh "
            "nghiệp Nhật Bản” do Sở Công Thương tỉnh Quảng Nam tổ chức.",
            "vi",
            (
                "hội thảo “Kết nối chuỗi cung ứng với doanh nghiệp Nhật Bản”",
                "2026-10-21",
                ["Sở Công Thương tỉnh Quảng Nam"],
            ),
        ),
        # two days joined by "và": the first
        (
            "Trong hai ngày 17 và 18/10, tỉnh Khánh Hòa tổ chức Tuần lễ Du lịch Nhật Bản tại "
            "thành phố Nha Trang.",
            "vi",
            ("Tuần lễ Du lịch Nhật Bản", "2026-10-17", ["tỉnh Khánh Hòa"]),
        ),
        # "giữa A và B": both sides belong to the name
        (
            "Tối 19/10, hai bên tổ chức Lễ kỷ niệm 5 năm quan hệ hữu nghị giữa tỉnh Bến Tre và "
            "tỉnh Kochi.",
            "vi",
            ("Lễ kỷ niệm 5 năm quan hệ hữu nghị giữa tỉnh Bến Tre và tỉnh Kochi", "2026-10-19", []),
        ),
        # "Sự kiện" opening the sentence, then held
        (
            "Sự kiện kết nối giao thương giữa doanh nghiệp Cần Thơ và Kumamoto diễn ra ngày 20/10.",
            "vi",
            ("Sự kiện kết nối giao thương giữa doanh nghiệp Cần Thơ và Kumamoto", "2026-10-20", []),
        ),
        # a tour in its quotes, held (実施) by the topic
        (
            "県は、10月5日から9日まで、県内企業8社を対象に「ベトナム北部視察ツアー」を実施しました。",
            "ja",
            ("ベトナム北部視察ツアー", "2026-10-05", ["県"]),
        ),
        # the organisers in the next sentence, "と" before a name in hiragana
        (
            "10月16日、ハノイ市内でベトナム・福井交流会が開かれました。主催は県とさかい観光協会で、"
            "約60人が参加しました。",
            "ja",
            ("ベトナム・福井交流会", "2026-10-16", ["県", "さかい観光協会"]),
        ),
        # （主催：…） after the name; the city where it is held is no organiser
        (
            "10月17日、ダナン市内で日越観光交流会（主催：福井県）が開かれた。",
            "ja",
            ("日越観光交流会", "2026-10-17", ["福井県"]),
        ),
    ],
)
def test_names_dates_and_organisers(text, language, expected):
    assert _named(text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # two places joined by a dash are one word of the name
        (
            "The Binh Dinh–Gifu Business Matching Day took place in Quy Nhon on October 14.",
            "en",
            ("Binh Dinh–Gifu Business Matching Day", "2026-10-14", []),
        ),
        (
            "The Lao Cai–Nagano Friendship Exchange was held on October 15 in Sa Pa.",
            "en",
            ("Lao Cai–Nagano Friendship Exchange", "2026-10-15", []),
        ),
        # "attended by" gives the guests, not the organisers
        (
            "On October 16, Hyogo Prefecture held a seminar on nursing care training in Hanoi, "
            "attended by 30 vocational schools.",
            "en",
            ("seminar on nursing care training", "2026-10-16", ["Hyogo Prefecture"]),
        ),
        (
            "Tối 17/10, UBND tỉnh Hòa Bình tổ chức Liên hoan văn hóa các dân tộc Việt – Nhật.",
            "vi",
            ("Liên hoan văn hóa các dân tộc Việt – Nhật", "2026-10-17", ["UBND tỉnh Hòa Bình"]),
        ),
    ],
)
def test_more_event_names(text, language, expected):
    assert _named(text, language) == [expected]


def test_a_city_office_and_a_party_secretary():
    text = (
        "10月21日、タイビン省のグエン・ヴァン・ドン省党委書記が来日し、高橋一郎岡山市長と会談した。"
    )
    assert _people(text) == [
        ("グエン・ヴァン・ドン", "省党委書記", "タイビン省"),
        ("高橋一郎", "市長", "岡山市"),
    ]


def test_the_committee_visited_is_its_chairman_s():
    text = "10月22日、知事はタイビン省人民委員会を訪問し、グエン・ヴァン・ドン委員長と会談した。"
    assert ("グエン・ヴァン・ドン", "委員長", "タイビン省人民委員会") in _people(text)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the prefectural office the sentence visits is its vice-governor's
        (
            "10月23日、クアンビン省の代表団が鳥取県庁を訪れ、平井 正 副知事と会談した。",
            "ja",
            ("平井 正", "副知事", "鳥取県"),
        ),
        # a section named before its head
        (
            "10月24日、県観光交流課の中島 涼 課長が説明を行った。",
            "ja",
            ("中島 涼", "課長", "県観光交流課"),
        ),
        # a people's committee written without its place
        (
            "Ngày 25/10, Phó Chủ tịch UBND tỉnh Trần Văn Bình đã tiếp đoàn doanh nghiệp "
            "tỉnh Niigata.",
            "vi",
            ("Trần Văn Bình", "Phó Chủ tịch", "UBND tỉnh"),
        ),
        # the place of the delegation a person leads
        (
            "Ngày 26/10, UBND tỉnh Hà Nam tiếp đoàn công tác tỉnh Nara do Thống đốc Yamada "
            "Shingo dẫn đầu.",
            "vi",
            ("Yamada Shingo", "Thống đốc", "tỉnh Nara"),
        ),
    ],
)
def test_the_organisation_from_the_sentence(text, language, expected):
    people = [
        (p["name"], p["role"], (p["organisation"] or {}).get("name"))
        for p in _facts(text, "person", language)
    ]
    assert expected in people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "vào" before a sector is part of the name; who attends is no organiser
        (
            "Chiều 27/10, Phó Chủ tịch UBND tỉnh Ninh Thuận Lê Văn An đã dự Hội thảo xúc tiến "
            "đầu tư vào ngành điện gió tại Osaka.",
            ("Hội thảo xúc tiến đầu tư vào ngành điện gió", "2026-10-27", []),
        ),
        # "chính thức khai mạc" ends the name
        (
            "Tối 28/10, tại TP Quy Nhơn, Lễ hội ẩm thực Nhật Bản lần thứ hai chính thức khai mạc.",
            ("Lễ hội ẩm thực Nhật Bản lần thứ hai", "2026-10-28", []),
        ),
        # a year in the name does not date the event; the day after it does
        (
            "Hội nghị kết nối cung cầu Việt Nam – Nhật Bản năm 2026 được tổ chức vào ngày 29/10 "
            "tại TP Vinh.",
            ("Hội nghị kết nối cung cầu Việt Nam – Nhật Bản năm 2026", "2026-10-29", []),
        ),
        # "tại <place> <year>" belongs to the name
        (
            "Nhân dịp này, đoàn đã tham dự Lễ hội Việt Nam tại Chiba 2026 diễn ra từ ngày 30 đến "
            "31/10.",
            ("Lễ hội Việt Nam tại Chiba 2026", "2026-10-30", []),
        ),
    ],
)
def test_vietnamese_names_and_dates(text, expected):
    assert _named(text, "vi") == [expected]


def test_the_particulars_of_an_announcement():
    text = (
        "「ベトナム市場開拓セミナー」を開催します\n"
        "県では、ベトナムへの輸出を検討する県内企業を対象に、セミナーを開催します。\n"
        "１　日時　令和8年12月9日（水）13時30分～15時\n"
        "２　場所　県民会館\n"
        "３　主催　香川県、ジェトロ香川\n"
    )
    assert _events(text) == [
        ("ベトナム市場開拓セミナー", "2026-12-09", ["香川県", "ジェトロ香川"], None)
    ]


def test_a_partner_before_a_generic_name():
    text = "ナムディン省との交流懇談会を10月18日に開催しました。"
    assert [e[:2] for e in _events(text)] == [("交流懇談会", "2026-10-18")]
