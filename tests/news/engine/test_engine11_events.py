"""Events (issue 14, eleventh pass): a bare head that refers back ("Diễn đàn do … chủ trì",
"Ngày hội thu hút …"), a lower-case event with its year held earlier ("hội nghị năm 2024 tổ
chức vào tháng 6 năm ngoái"), the days told after the name's comma ("…, diễn ra từ ngày 4 đến
6/12"), "phiên giao thương" held, English lower-case events dated by month and year, and a
session held later the same day (同日午後には…を開催); sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates

PUBLISHED = dt.date(2026, 11, 20)


def _events(text, language="vi", published=PUBLISHED):
    facts = extract(text, language=language, published=published)["facts"]
    return [(f["name"], f["date"]) for f in facts if f["type"] == "event"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hội chợ diễn ra vào tháng 9 năm ngoái.", ["2025-09"]),
        ("Hai bên sẽ gặp lại vào tháng 3 năm sau.", ["2027-03"]),
        ("Đoàn sẽ sang vào tháng 5 năm tới.", ["2027-05"]),
        # a month with its own year is not read twice
        ("Hội chợ diễn ra vào tháng 9 năm 2025.", ["2025-09"]),
    ],
)
def test_vietnamese_month_of_the_year_before_or_after(text, values):
    assert [d.value for d in find_dates(text, "vi", PUBLISHED)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare head and what is said of it: the event told before, no second one
        (
            "Sáng 18/11, Sở Công Thương tổ chức Diễn đàn hợp tác nông nghiệp Việt – Nhật. "
            "Diễn đàn do UBND tỉnh chủ trì, thu hút 200 doanh nghiệp.",
            [("Diễn đàn hợp tác nông nghiệp Việt – Nhật", "2026-11-18")],
        ),
        (
            "Ngày 15/11, trường tổ chức “Ngày hội tuyển dụng Nhật Bản năm 2026”. "
            "Ngày hội thu hút hơn 2.000 sinh viên.",
            [("Ngày hội tuyển dụng Nhật Bản năm 2026", "2026-11-15")],
        ),
        (
            "Chiều 16/11, tỉnh khai mạc Hội chợ hàng Việt tại Osaka. "
            "Hội chợ kéo dài ba ngày với 80 gian hàng.",
            [("Hội chợ hàng Việt", "2026-11-16")],
        ),
        # an earlier edition named by its kind and year, dated by "tháng … năm ngoái"
        (
            "Ngày 15/11, trường tổ chức “Ngày hội tuyển dụng Nhật Bản năm 2026”. "
            "So với hội nghị năm 2025 tổ chức vào tháng 6 năm ngoái, số doanh nghiệp tăng.",
            [
                ("Ngày hội tuyển dụng Nhật Bản năm 2026", "2026-11-15"),
                ("hội nghị năm 2025", "2025-06"),
            ],
        ),
        (
            "Ngày 15/11, tỉnh tổ chức Tọa đàm “Kết nối lao động Việt – Nhật”. "
            "Trước đó, ngày hội lần thứ 3 tổ chức hồi tháng 4/2026 đã thu hút 40 doanh nghiệp.",
            [
                ("Tọa đàm “Kết nối lao động Việt – Nhật”", "2026-11-15"),
                ("ngày hội lần thứ 3", "2026-04"),
            ],
        ),
        # the event's days told after a comma, the sentence opening with another day
        (
            "Chiều 10/11, ông A tiếp đoàn tỉnh Gifu sang dự Lễ hội Việt – Nhật lần thứ 5, "
            "diễn ra từ ngày 14 đến 16/11 tại thành phố.",
            [("Lễ hội Việt – Nhật lần thứ 5", "2026-11-14")],
        ),
        # "trong hai ngày 17 và 18/12" after a plan's year told first
        (
            "Thực hiện Kế hoạch năm 2026, Sở tổ chức Hội nghị kết nối cà phê Việt – Nhật "
            "trong hai ngày 17 và 18/12/2026.",
            [("Hội nghị kết nối cà phê Việt – Nhật", "2026-12-17")],
        ),
        # a trade session held by a body
        (
            "Ngày 12/11, Trung tâm Xúc tiến tổ chức phiên giao thương trực tuyến giữa "
            "doanh nghiệp tỉnh và nhà nhập khẩu Nhật Bản.",
            [
                (
                    "phiên giao thương trực tuyến giữa doanh nghiệp tỉnh và nhà nhập khẩu Nhật Bản",
                    "2026-11-12",
                )
            ],
        ),
    ],
)
def test_vietnamese_events(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bare head with its verb, nothing told before: no event named
        "Hội nghị do Sở chủ trì đã thu hút nhiều doanh nghiệp.",
        # a trade session taken part in, not held: no event
        "Ngày 12/11, 16 doanh nghiệp tham gia phiên giao thương với đối tác Nhật Bản.",
        # a festival held every year, its month named: no event
        "Lễ hội được tổ chức hằng năm vào tháng 10.",
    ],
)
def test_vietnamese_no_event(text):
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor recalled that an earlier seminar in Kobe in May 2025 had drawn "
            "forty companies.",
            [("earlier seminar", "2025-05")],
        ),
        (
            "The city will court investors through an investment roadshow in Hanoi and "
            "Da Nang in March 2027, the mayor said.",
            [("investment roadshow", "2027-03")],
        ),
    ],
)
def test_english_lower_case_events_dated_by_month_and_year(text, expected):
    assert _events(text, "en") == expected


def test_english_lower_case_head_without_date_or_verb_is_no_event():
    assert _events("The mayor said a seminar in Kobe would help.", "en") == []


def test_japanese_session_held_later_the_same_day_is_its_own_event():
    text = (
        "県は、令和9年2月10日にホーチミン市内で「ベトナム投資セミナー」を開催します。"
        "セミナーでは専門家が講演します。"
        "同日午後には、県内企業と現地企業による個別商談会を開催し、15件の商談を予定しています。"
    )
    assert _events(text, "ja") == [
        ("ベトナム投資セミナー", "2027-02-10"),
        ("個別商談会", "2027-02-10"),
    ]


def test_japanese_session_after_the_seminar_stays_part_of_it():
    text = (
        "県は、令和9年2月10日にホーチミン市内で「ベトナム投資セミナー」を開催しました。"
        "セミナー後の個別商談会では、12件の商談が行われました。"
    )
    assert _events(text, "ja") == [("ベトナム投資セミナー", "2027-02-10")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Năm ngoái, Ngày hội văn hóa Nhật Bản tại Huế thu hút 10.000 lượt khách.",
            "vi",
            [("Ngày hội văn hóa Nhật Bản", "2025")],
        ),
        (
            "Năm 2024, Hội chợ nông sản Việt tại Osaka thu hút 50 doanh nghiệp.",
            "vi",
            [("Hội chợ nông sản Việt", "2024")],
        ),
        ("In 2025, the Hue Japan Culture Festival drew 10,000 visitors.", "en",
         [("Hue Japan Culture Festival", "2025")]),
    ],
)  # fmt: skip
def test_background_event_opened_by_its_year(text, language, expected):
    assert _events(text, language) == expected


def test_year_inside_the_sentence_without_a_verb_gives_no_event():
    assert _events("Ngày hội văn hóa Nhật Bản thu hút nhiều khách trong năm 2025.") == []


def test_a_places_day_held_in_another_place():
    text = "Tháng 9/2025, thành phố đã tổ chức thành công Ngày Đà Nẵng tại Sakai."
    assert [name for name, _date in _events(text)] == ["Ngày Đà Nẵng"]
    assert _events(text)[0][1] == "2025-09"


def test_held_lower_case_event_keeps_nhan_luc_but_stops_at_nhan_dip():
    text = (
        "Ngày 5/12, Sở Ngoại vụ tổ chức tọa đàm về phát triển nguồn nhân lực nhân dịp "
        "kỷ niệm quan hệ hai nước."
    )
    assert _events(text) == [("tọa đàm về phát triển nguồn nhân lực", "2026-12-05")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Last March, the festival drew crowds.", ["2026-03"]),
        ("It opened last December.", ["2025-12"]),
        ("A similar forum was held in March last year.", ["2025-03"]),
        ("The fair returns in May next year.", ["2027-05"]),
        ("A similar seminar took place last year.", ["2025"]),
    ],
)
def test_english_months_and_years_told_from_publication(text, values):
    assert [d.value for d in find_dates(text, "en", dt.date(2026, 12, 6))] == values


def test_english_event_names_stop_at_a_whole_word_and_before_a_month():
    text = "Osaka Prefecture held the Kansai Food Export Seminar on December 3 in Osaka."
    assert _events(text, "en", dt.date(2026, 12, 6)) == [
        ("Kansai Food Export Seminar", "2026-12-03")
    ]


def test_english_background_event_dated_last_year():
    text = "The prefecture hosted a similar seminar in Hanoi last year."
    assert _events(text, "en", dt.date(2026, 12, 6)) == [("similar seminar", "2025")]


def test_month_right_after_the_name_and_its_place_is_told_for_it():
    text = (
        "Tiếp nối thành công của Tuần lễ Việt Nam tại Kobe tháng 10/2025, tỉnh sẽ mở rộng "
        "hợp tác với tỉnh Hyogo."
    )
    assert _events(text, published=dt.date(2026, 12, 4)) == [("Tuần lễ Việt Nam", "2025-10")]


def test_result_of_an_event_with_no_day_of_its_own_is_no_event():
    text = "Ngày 3/12, ông A cho biết kết quả của Hội chợ Việt Nhật tại Osaka rất khả quan."
    assert _events(text, published=dt.date(2026, 12, 4)) == []
