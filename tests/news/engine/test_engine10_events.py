"""Events (issue 14, tenth pass): an event held earlier and dated by its era year (令和6年には
…式典が開かれ) or by days counted back ("two days earlier"), and the dates themselves;
sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates

PUBLISHED = dt.date(2026, 11, 20)


def _events(text, language="vi", published=PUBLISHED):
    facts = extract(text, language=language, published=published)["facts"]
    return [(f["name"], f["date"]) for f in facts if f["type"] == "event"]


def _values(text, language):
    return [d.value for d in find_dates(text, language, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("令和6年には式典が開かれた。", "ja", ["2024"]),
        ("平成30年から交流を続けている。", "ja", ["2018"]),
        # a year "during" or a fiscal year of an era is no date of a day told
        ("令和9年中の締結を目指す。", "ja", []),
        ("令和9年度の事業として実施する。", "ja", []),
        ("11月12日に会談した。その3日前に商談会を開いた。", "ja", ["2026-11-12", "2026-11-09"]),
        (
            "On November 12 they met. Two days earlier, a forum was held.",
            "en",
            ["2026-11-12", "2026-11-10"],
        ),
        (
            "Ngày 12/11, hai bên hội đàm. Hai ngày trước đó, tỉnh tổ chức hội nghị.",
            "vi",
            ["2026-11-12", "2026-11-10"],
        ),
    ],
)
def test_dates_counted_back_and_era_years(text, language, values):
    assert _values(text, language) == values


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "市は12月16日にオンラインセミナーを開催します。令和5年には日越交流フォーラムが"
            "ハノイ市で開かれました。",
            "ja",
            [("オンラインセミナー", "2026-12-16"), ("日越交流フォーラム", "2023")],
        ),
        (
            "On November 12, the governor met the mayor in Osaka. Three days earlier, the "
            "delegation attended the Kansai Vietnam Investment Forum in Kobe.",
            "en",
            [("Kansai Vietnam Investment Forum", "2026-11-09")],
        ),
    ],
)
def test_an_event_held_earlier_takes_its_own_day(text, language, expected):
    assert _events(text, language) == expected


def test_a_release_announcing_an_event_dates_it_by_its_particulars():
    text = (
        "「しまね・ベトナム観光セミナー2027」の開催について\n\n"
        "県では、下記のとおりセミナーを開催します。なお、本県は令和4年10月にフエ市と覚書を"
        "締結しており、本セミナーはその取組の一環です。\n"
        "令和6年にはフエ市で交流記念式典が開かれました。\n\n"
        "記\n1　日時　令和9年2月3日（水）14時00分～16時00分\n2　主催　島根県"
    )
    assert _events(text, "ja") == [
        ("しまね・ベトナム観光セミナー2027", "2027-02-03"),
        ("交流記念式典", "2024"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày hội năm nay nằm trong Chương trình xúc tiến thương mại TP.HCM giai đoạn 2026-2030.",
        "Hội thảo lần này thuộc Kế hoạch hợp tác của tỉnh năm 2026.",
    ],
)
def test_the_event_referred_back_to_is_no_new_event(text):
    lead = "Sáng 5/12, Sở Công Thương tổ chức Ngày hội kết nối doanh nghiệp Việt – Nhật. "
    assert [name for name, _ in _events(lead + text)] == [
        "Ngày hội kết nối doanh nghiệp Việt – Nhật"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with "TP.HCM" in it runs past the full stop
        (
            "Sáng 5/12, Sở Công Thương tổ chức Ngày hội việc làm TP.HCM – Nhật Bản 2026 tại "
            "Nhà văn hóa Thanh niên.",
            [("Ngày hội việc làm TP.HCM – Nhật Bản 2026", "2026-12-05")],
        ),
        # an edition after the place ("tại Cần Thơ lần thứ 3") and a date planned after a comma
        (
            "Chiều 19/11, ông Lâm Văn Tài tiếp ông Sato Ken. Hai bên trao đổi về việc tổ chức "
            "Lễ hội Việt – Nhật tại Cần Thơ lần thứ 3, dự kiến diễn ra vào tháng 4/2027.",
            [("Lễ hội Việt – Nhật tại Cần Thơ lần thứ 3", "2027-04")],
        ),
        # the event told by its kind, then named: one event, under its name
        (
            "Sáng 27/11, hơn 100 doanh nghiệp đã dự hội thảo kết nối đầu tư do tỉnh tổ chức. "
            "Hội thảo mang tên “Quảng Ninh – Cửa ngõ mới cho nhà đầu tư Nhật Bản”, do UBND "
            "tỉnh chủ trì.",
            [
                (
                    "Hội thảo mang tên “Quảng Ninh – Cửa ngõ mới cho nhà đầu tư Nhật Bản”",
                    "2026-11-27",
                )
            ],
        ),
        # an opening ceremony of a course is an event; the course is not
        (
            "Sáng 5/11, Sở Nội vụ phối hợp với nhà trường tổ chức Lễ khai giảng lớp tiếng Nhật "
            "cho thực tập sinh. Khóa học kéo dài 6 tháng.",
            [("Lễ khai giảng lớp tiếng Nhật cho thực tập sinh", "2026-11-05")],
        ),
    ],
)
def test_vietnamese_events_named_in_new_ways(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # talked about with no day of its own
        "Chiều 19/11, ông Lâm Văn Tài tiếp ông Sato Ken. Hai bên trao đổi về việc tổ chức "
        "Lễ hội Việt – Nhật tại Cần Thơ lần thứ 3.",
        # a course, not a ceremony
        "Sáng 5/11, tỉnh khai giảng khóa đào tạo tiếng Nhật kéo dài 6 tháng.",
        # "mang tên" of what is no event
        "Ngày 5/11, tỉnh ra mắt cuốn sách mang tên “Hữu nghị Việt – Nhật”.",
    ],
)
def test_vietnamese_sentences_without_an_event(text):
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "県は、11月10日にホーチミン市で「とやま観光セミナー」を、12日と13日に同市内の"
            "百貨店で「とやまフェア in ホーチミン」を開催しました。",
            "ja",
            [("とやま観光セミナー", "2026-11-10"), ("とやまフェア in ホーチミン", "2026-11-12")],
        ),
        (
            "Sáng 5/11, Sở Công Thương tổ chức Hội thảo “Xuất khẩu nông sản sang Nhật Bản”; "
            "chiều 6/11, Sở tổ chức Hội nghị kết nối giao thương Việt – Nhật.",
            "vi",
            [
                ("Hội thảo “Xuất khẩu nông sản sang Nhật Bản”", "2026-11-05"),
                ("Hội nghị kết nối giao thương Việt – Nhật", "2026-11-06"),
            ],
        ),
        (
            "On November 5 the city hosted the Kobe Vietnam Business Forum; on November 6, "
            "the Kobe Vietnam Food Fair opened in Sannomiya.",
            "en",
            [
                ("Kobe Vietnam Business Forum", "2026-11-05"),
                ("Kobe Vietnam Food Fair", "2026-11-06"),
            ],
        ),
        (
            "Startups presented their products on Thursday at the Osaka–Vietnam Startup Pitch "
            "Night, held at the city's incubator.",
            "en",
            [("Osaka–Vietnam Startup Pitch Night", "2026-11-19")],
        ),
    ],
)
def test_several_events_in_one_sentence_each_with_its_day(text, language, expected):
    assert _events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # one day for two names: the second is a place or the event again, not a new event
        (
            "11月10日、県は「とやま観光セミナー」を開催し、「とやまフェア」の準備状況も説明した。",
            "ja",
            [("とやま観光セミナー", "2026-11-10")],
        ),
        (
            "Sáng 5/11, Sở tổ chức Hội thảo “Xuất khẩu nông sản sang Nhật Bản” tại Trung tâm "
            "Hội chợ Triển lãm tỉnh.",
            "vi",
            [("Hội thảo “Xuất khẩu nông sản sang Nhật Bản”", "2026-11-05")],
        ),
    ],
)
def test_a_second_name_without_its_own_day_is_no_new_event(text, language, expected):
    assert _events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event held earlier, "hồi tháng 9": the month of the year told
        (
            "Ngày 18/11, tỉnh tổ chức Hội thảo “Kết nối đầu tư Việt – Nhật”. Tại Hội chợ "
            "Thương mại quốc tế Việt – Nhật hồi tháng 9, doanh nghiệp tỉnh đã ký 5 hợp đồng.",
            [
                ("Hội thảo “Kết nối đầu tư Việt – Nhật”", "2026-11-18"),
                ("Hội chợ Thương mại quốc tế Việt – Nhật", "2026-09"),
            ],
        ),
        # a programme adopted, a festival held every year: no event
        ("Ngày 18/11, tỉnh ban hành Chương trình xúc tiến thương mại năm 2026.", []),
        ("Ngày 18/11, ông An cho biết tỉnh tổ chức Tuần lễ Áo dài Huế hằng năm vào mùa xuân.", []),
        ("Ngày 18/11, Trung tâm sẽ duy trì các phiên giao thương trực tuyến định kỳ hằng quý.", []),
    ],
)
def test_vietnamese_events_held_earlier_and_things_that_are_none(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "県は11月18日、ハノイ市で商談会を開催した。昨年11月の第1回交流祭には約3千人が来場した。",
            "ja",
            [("商談会", "2026-11-18"), ("第1回交流祭", "2025-11")],
        ),
        ("知事は11月18日、交流フェスタを毎年開催したいと述べた。", "ja", []),
        (
            "On Friday, Governor Sato said the Japan Week held every spring in Da Nang drew "
            "30,000 visitors.",
            "en",
            [],
        ),
        (
            "On Friday, the two provinces agreed to hold the Hue–Kyoto Culture Week in February "
            "2027.",
            "en",
            [("Hue–Kyoto Culture Week", "2027-02")],
        ),
    ],
)
def test_japanese_and_english_events_held_earlier_to_come_or_every_year(text, language, expected):
    assert _events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sáng 18/11, Sở Ngoại vụ tổ chức Tọa đàm trực tuyến “Cơ hội việc làm tại Nhật Bản”.",
            [("Tọa đàm trực tuyến “Cơ hội việc làm tại Nhật Bản”", "2026-11-18")],
        ),
        (
            "Sáng 18/11, Bộ tổ chức Hội thảo quốc tế “Hợp tác địa phương: Tầm nhìn mới”.",
            [("Hội thảo quốc tế “Hợp tác địa phương: Tầm nhìn mới”", "2026-11-18")],
        ),
        # a department's announcement: the hour before the day of its particulars
        (
            "Sở Công Thương thông báo tổ chức Hội nghị giao thương trực tuyến Việt – Nhật.\n"
            "Thời gian: 14h00 ngày 17/12/2026.\nĐịa điểm: Trung tâm Hành chính tỉnh.",
            [("Hội nghị giao thương trực tuyến Việt – Nhật", "2026-12-17")],
        ),
    ],
)
def test_vietnamese_titles_after_a_qualifier_and_announced_hours(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "OSAKA — More than 200 care providers gathered in Osaka on Tuesday for a symposium "
            "on recruiting Vietnamese nurses.\n\nThe Kansai–Vietnam Nursing Symposium was "
            "organised by the Osaka Prefectural Government.",
            "en",
            [("Kansai–Vietnam Nursing Symposium", "2026-11-17")],
        ),
        (
            "Hơn 200 doanh nghiệp dự hội nghị xúc tiến đầu tư vào tỉnh Quảng Ngãi tại Tokyo ngày "
            "17/11.\n\nHội nghị “Quảng Ngãi – Điểm đến đầu tư mới” do UBND tỉnh phối hợp với "
            "JETRO tổ chức.",
            "vi",
            [("Hội nghị “Quảng Ngãi – Điểm đến đầu tư mới”", "2026-11-17")],
        ),
        # another day, another kind: two events
        (
            "Hơn 200 doanh nghiệp dự hội nghị xúc tiến đầu tư vào tỉnh Quảng Ngãi ngày 17/11. "
            "Ngày 19/11, Hội nghị “Quảng Ngãi – Điểm đến mới” được tổ chức tại Osaka.",
            "vi",
            [
                ("hội nghị xúc tiến đầu tư vào tỉnh Quảng Ngãi", "2026-11-17"),
                ("Hội nghị “Quảng Ngãi – Điểm đến mới”", "2026-11-19"),
            ],
        ),
        (
            "Hơn 200 doanh nghiệp dự hội nghị xúc tiến đầu tư vào tỉnh Quảng Ngãi ngày 17/11. "
            "Cùng ngày, Hội chợ “Nông sản Quảng Ngãi” được tổ chức tại Osaka.",
            "vi",
            [
                ("hội nghị xúc tiến đầu tư vào tỉnh Quảng Ngãi", "2026-11-17"),
                ("Hội chợ “Nông sản Quảng Ngãi”", "2026-11-17"),
            ],
        ),
    ],
)
def test_an_event_told_by_its_kind_then_by_its_name_is_one(text, language, expected):
    assert _events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wish, with no day of its own: no event
        ("Ngày 18/11, ông Sato mong muốn tỉnh sớm tổ chức Hội chợ hàng Nhật Bản tại Cần Thơ.", []),
        # a wish with its day: one to come
        (
            "Ngày 18/11, ông Sato mong muốn hai bên tổ chức Hội chợ hàng Nhật Bản vào tháng "
            "5/2027.",
            [("Hội chợ hàng Nhật Bản", "2027-05")],
        ),
        # a quarter is told by its year
        (
            "Chiều 18/11, hai bên thống nhất tổ chức Hội thảo về nông nghiệp vào quý I/2027.",
            [("Hội thảo về nông nghiệp", "2027")],
        ),
    ],
)
def test_vietnamese_wishes_and_quarters(text, expected):
    assert _events(text) == expected


def test_a_release_s_results_under_an_event_s_heading_are_that_event_s():
    text = (
        "県は、11月10日にホーチミン市で「とやま観光セミナー・商談会」を、12日と13日に同市内の"
        "百貨店で「とやまフェア in ホーチミン」を開催しました。結果は下記のとおりです。\n"
        "記\n1　観光セミナー・商談会\n　旅行会社20社が参加し、個別商談は計24件となりました。\n"
        "2　とやまフェア in ホーチミン\n　来場者は約3,000人でした。"
    )
    facts = extract(text, language="ja", published=PUBLISHED)["facts"]
    meetings = {f["name"]: f["one_to_one_meetings"] for f in facts if f["type"] == "event"}
    assert meetings == {"とやま観光セミナー・商談会": 24, "とやまフェア in ホーチミン": None}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # agreed on during talks, with no day of its own: not on the day of the talks
        (
            "Chiều 18/11, ông Nguyễn Văn An tiếp ông Sato Ken. Tại buổi làm việc, hai bên thống "
            "nhất phối hợp tổ chức Hội chợ nông sản Việt – Nhật.",
            "vi",
            [],
        ),
        ("On Monday, the two provinces agreed to hold a joint trade fair.", "en", []),
        # with its day told after the name: one to come
        (
            "Chiều 18/11, hai bên thống nhất phối hợp tổ chức Hội chợ nông sản Việt – Nhật vào "
            "tháng 5/2027.",
            "vi",
            [("Hội chợ nông sản Việt – Nhật", "2027-05")],
        ),
        (
            "On Monday, the two provinces agreed to hold a joint trade fair in May 2027.",
            "en",
            [("joint trade fair", "2027-05")],
        ),
    ],
)
def test_an_event_agreed_on_takes_only_a_day_told_for_it(text, language, expected):
    assert _events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "知事は11月18日、委員長と会談し、「日越交流フェスタ」を共同で開催することで合意した。",
            [],
        ),
        (
            "知事は11月18日、委員長と会談した。両者は、交流フェアの開催に向けて協議を進めることで一致した。",
            [],
        ),
        (
            "知事は11月18日、委員長と会談し、来年5月に「日越交流フェスタ」を共同で開催することで合意した。",
            [("日越交流フェスタ", "2027-05")],
        ),
    ],
)
def test_a_japanese_event_agreed_on_takes_only_a_day_told_for_it(text, expected):
    assert _events(text, "ja") == expected
