"""Events (issue 14, ninth pass): what looks like an event and is none (a programme over a
period, a plan, a festival held every year, a heading that lists a visit, an idea), the day an
event is told for when the sentence opens with another, and names told in new ways (交流の夕べ,
chương trình giới thiệu, "staged", "co-hosted a …"); sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates

PUBLISHED = dt.date(2026, 11, 20)


def _events(text, language="vi", published=PUBLISHED):
    facts = extract(text, language=language, published=published)["facts"]
    return [(f["name"], f["date"]) for f in facts if f["type"] == "event"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a programme or plan that runs over a period
        ("Ngày 18/11, tỉnh triển khai Chương trình xúc tiến thương mại giai đoạn 2026-2030.", "vi"),
        (
            "Ngày 18/11, tỉnh thông qua Kế hoạch tổ chức Hội chợ thương mại Việt – Nhật năm 2027.",
            "vi",
        ),
        # a festival held every year, mentioned in passing
        (
            "Ngày 18/11, ông Trần Minh cho biết Lễ hội Việt Nam tại Osaka được tổ chức hằng năm.",
            "vi",
        ),
        (
            "On November 18, the governor said the Vietnam Festival in Osaka is held every year.",
            "en",
        ),
        ("県は11月18日、毎年開催している「ベトナムフェスタ」について説明した。", "ja"),
        # an idea, not an event
        ("On November 18, officials discussed plans for a tourism roadshow next year.", "en"),
        # spoken of, reviewed or invited to, with no day of its own
        ("Ngày 18/11, hai bên trao đổi về việc tham gia Lễ hội hoa anh đào của tỉnh.", "vi"),
        ("Ngày 18/11, hai bên đánh giá cao kết quả của Hội nghị hợp tác địa phương.", "vi"),
        ("Ngày 18/11, Thống đốc mời lãnh đạo tỉnh sang dự Lễ hội mùa hè của tỉnh Gifu.", "vi"),
        ("Ngày 18/11, tỉnh tổng kết Chương trình giao lưu thanh niên Việt – Nhật năm 2026.", "vi"),
        # a quoted remark that speaks of a forum is no forum's title
        (
            "Ngày 18/11, ông Trần Minh nói: “Chúng tôi sẽ tổ chức Diễn đàn đầu tư vào năm sau "
            "để thu hút doanh nghiệp Nhật Bản”.",
            "vi",
        ),
        # a heading that lists a visit and an event: the event is told below it
        ("（2）商工省への表敬訪問及びセミナーの開催（3日）", "ja"),
    ],
)
def test_what_looks_like_an_event_and_is_none(text, language):
    assert _events(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the day the sides agreed is not the forum's day
        (
            "Ngày 18/11, hai bên thống nhất sẽ phối hợp tổ chức Diễn đàn hợp tác địa phương "
            "Việt Nam – Nhật Bản vào năm 2027.",
            "vi",
            [("Diễn đàn hợp tác địa phương Việt Nam – Nhật Bản", "2027")],
        ),
        # an event held earlier, dated by the year told in its clause
        (
            "Ngày 18/11, ông Trần Minh cho biết năm 2025 tỉnh đã tổ chức Diễn đàn đầu tư với "
            "Nhật Bản.",
            "vi",
            [("Diễn đàn đầu tư", "2025")],
        ),
        # the name stops at "tổ chức", and the year after it is the event's
        (
            "Ngày 18/11, ông Trần Minh nhắc tới Diễn đàn hợp tác địa phương Việt Nam – Nhật Bản "
            "lần thứ nhất tổ chức năm 2023.",
            "vi",
            [("Diễn đàn hợp tác địa phương Việt Nam – Nhật Bản lần thứ nhất", "2023")],
        ),
        (
            "県は11月18日、来年3月に「ベトナム投資セミナー」を開催する計画を発表した。",
            "ja",
            [("ベトナム投資セミナー", "2027-03")],
        ),
        # invited to one that has its own day: an event to come
        (
            "Tỉnh mời tỉnh Gifu tham dự Lễ hội Hoa phượng đỏ vào tháng 5/2027.",
            "vi",
            [("Lễ hội Hoa phượng đỏ", "2027-05")],
        ),
        # a quoted title that opens with what it is
        (
            "Ngày 18/11, tỉnh tổ chức chương trình “Ngày hội giao lưu văn hóa Việt – Nhật”.",
            "vi",
            [("chương trình “Ngày hội giao lưu văn hóa Việt – Nhật”", "2026-11-18")],
        ),
        # the year of the day told first says no more than that day
        (
            "On November 18, the province held a conference on digital trade in 2026.",
            "en",
            [("conference on digital trade", "2026-11-18")],
        ),
        # still the sentence's day when nothing else dates the event
        (
            "Ngày 18/11, tỉnh đã tổ chức thành công Ngày hội văn hóa Nhật Bản.",
            "vi",
            [("Ngày hội văn hóa Nhật Bản", "2026-11-18")],
        ),
    ],
)
def test_the_day_an_event_is_told_for(text, language, expected):
    assert _events(text, language) == expected


def test_a_reception_for_the_visitors_is_an_event():
    text = "11月18日、県はベトナム訪問団歓迎レセプションを開催した。"
    assert _events(text, "ja") == [("ベトナム訪問団歓迎レセプション", "2026-11-18")]


def test_a_year_in_the_name_leaves_the_day_told_before():
    text = (
        "Sáng 2/12, Đại sứ làm việc với UBND tỉnh Hưng Yên. Chiều cùng ngày, Đại sứ dự Chương "
        "trình kết nối doanh nghiệp Hưng Yên – Nhật Bản năm 2026 do Sở Công Thương tổ chức."
    )
    assert _events(text, published=dt.date(2026, 12, 3)) == [
        ("Chương trình kết nối doanh nghiệp Hưng Yên – Nhật Bản năm 2026", "2026-12-02")
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Tối 4/12, Sở Du lịch thành phố phối hợp với tỉnh Ehime tổ chức chương trình giới "
            "thiệu du lịch Hội An tại TP. Matsuyama.",
            "vi",
            [("chương trình giới thiệu du lịch Hội An", "2026-12-04")],
        ),
        (
            "11月17日夜には、県及び県国際交流協会の共催による「しまね・ベトナム交流の夕べ」が"
            "松江市内で開かれました。",
            "ja",
            [("しまね・ベトナム交流の夕べ", "2026-11-17")],
        ),
        (
            "The province will also stage a Japan food fair in Nagoya from March 15 to 19, 2027.",
            "en",
            [("Japan food fair", "2027-03-15")],
        ),
        (
            "On December 3, JETRO and Vietnam Airlines co-hosted a Hue–Japan tourism networking "
            "reception in Hue.",
            "en",
            [("Hue–Japan tourism networking reception", "2026-12-03")],
        ),
        (
            "On October 28, the delegation joined the Osaka–Vietnam business matching day.",
            "en",
            [("Osaka–Vietnam business matching day", "2026-10-28")],
        ),
    ],
)
def test_events_named_in_new_ways(text, language, expected):
    assert _events(text, language, published=dt.date(2026, 12, 5)) == expected


def test_a_year_after_a_range_of_days_is_the_first_days_year():
    dates = find_dates("from March 15 to 19, 2027, and on January 14-15, 2027.", "en")
    assert [(d.kind, d.value) for d in dates] == [("date", "2027-03-15"), ("date", "2027-01-14")]
    # without a year after it, the range's end is no date of its own
    dates = find_dates("from November 26 to 27", "en")
    assert [d.value for d in dates] == ["--11-26"]


def test_the_same_event_named_again_is_one_event():
    text = (
        "Ngày 18/11, tỉnh khai mạc Ngày hội văn hóa Việt – Nhật lần thứ 3. Trong khuôn khổ Ngày "
        "hội văn hóa Việt – Nhật, nhiều hoạt động giao lưu đã diễn ra."
    )
    assert _events(text) == [("Ngày hội văn hóa Việt – Nhật lần thứ 3", "2026-11-18")]
