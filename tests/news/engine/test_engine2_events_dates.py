"""Events and the dates of what is to come (issue 14, second pass); sentences written for the
test."""

import datetime as dt

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates


def _events(text, language, published=None):
    facts = extract(text, language=language, published=published)["facts"]
    return [(f["name"], f["date"]) for f in facts if f["type"] == "event"]


def test_a_head_word_and_its_quoted_title_are_one_name():
    text = "Ngày 9/4, Sở Công Thương tổ chức Hội thảo “Chuyển đổi xanh trong ngành dệt may”."
    assert _events(text, "vi") == [("Hội thảo “Chuyển đổi xanh trong ngành dệt may”", "--04-09")]


def test_a_quoted_festival_in_japanese():
    text = "「浜松ベトナムフェスティバル」が2024年10月5日、浜松市で開かれた。"
    assert _events(text, "ja") == [("浜松ベトナムフェスティバル", "2024-10-05")]


def test_this_years_conference_is_the_one_named_before():
    text = (
        "Ngày 2/3, Bộ Ngoại giao tổ chức Hội nghị xúc tiến đầu tư miền Trung. Hội nghị năm nay "
        "diễn ra tại Đà Nẵng."
    )
    assert _events(text, "vi", dt.date(2024, 3, 3)) == [
        ("Hội nghị xúc tiến đầu tư miền Trung", "2024-03-02")
    ]


def test_what_is_to_come_is_dated_after_publication():
    published = dt.date(2023, 11, 25)
    text = "Tỉnh sẽ tổ chức Hội chợ hàng Việt Nam tại Osaka vào ngày 20/1."
    assert _events(text, "vi", published) == [("Hội chợ hàng Việt Nam", "2024-01-20")]
    past = "Ngày 20/1, tỉnh tổ chức Hội chợ hàng Việt Nam tại Osaka."
    assert _events(past, "vi", dt.date(2024, 2, 1)) == [("Hội chợ hàng Việt Nam", "2024-01-20")]
    english = "The Vietnam Trade Fair will be held in Osaka on January 20."
    assert _events(english, "en", published) == [("Vietnam Trade Fair", "2024-01-20")]


def test_a_japanese_sentence_in_the_non_past_is_to_come():
    published = dt.date(2024, 11, 28)
    (date,) = find_dates("県は2月に「ベトナム商談会」を開く予定だ。", "ja", published)
    assert date.value == "2025-02"
    (date,) = find_dates("県は2月に「ベトナム商談会」を開く。", "ja", published)
    assert date.value == "2025-02"
    (date,) = find_dates("県は2月に「ベトナム商談会」を開いた。", "ja", published)
    assert date.value == "2024-02"


def test_without_publication_the_articles_first_full_date_gives_the_year():
    text = (
        "県は令和6年3月28日、計画を改定した。"
        "県は5月にハノイで「ベトナムフォーラム」を開き、企業を招く。"
    )
    assert _events(text, "ja") == [("ベトナムフォーラム", "2024-05")]
    alone = "県は5月にハノイで「ベトナムフォーラム」を開き、企業を招く。"
    assert _events(alone, "ja") == [("ベトナムフォーラム", "--05")]


def test_a_trip_from_one_day_to_another_starts_on_the_first():
    (date,) = find_dates("Từ ngày 2 đến 6/7/2023, đoàn thăm tỉnh Gifu.", "vi")
    assert date.value == "2023-07-02"
    (date,) = find_dates("Từ ngày 2 đến 6/7, đoàn thăm tỉnh Gifu.", "vi", dt.date(2023, 7, 8))
    assert date.value == "2023-07-02"


def test_more_ways_of_holding_an_event():
    english = "The Hue Japan Festival will take place in Hue on October 19."
    assert _events(english, "en", dt.date(2024, 10, 1)) == [("Hue Japan Festival", "2024-10-19")]
    japanese = "ベトナムフェア2024が2024年8月3日、名古屋市で開幕した。"
    assert _events(japanese, "ja") == [("ベトナムフェア2024", "2024-08-03")]


def test_a_lower_case_event_named_by_a_proper_noun():
    text = "Tháng 10/2024, doanh nghiệp của tỉnh sẽ tham gia hội chợ thương mại Kansai tại Osaka."
    assert _events(text, "vi", dt.date(2024, 6, 1)) == [("hội chợ thương mại Kansai", "2024-10")]
    assert _events("Tỉnh tổ chức một hội thảo về nông nghiệp.", "vi") == []


def test_an_undated_event_to_come_is_not_on_the_day_told_before():
    # nor reported at all: an event with no date is no registry suggestion (docs/news-format.md)
    text = (
        "Ngày 3/5, hai bên tổ chức Hội thảo xúc tiến đầu tư Gifu. Năm sau, tỉnh sẽ tổ chức "
        "Lễ hội Việt Nam tại Gifu."
    )
    assert _events(text, "vi", dt.date(2024, 5, 4)) == [
        ("Hội thảo xúc tiến đầu tư Gifu", "2024-05-03"),
    ]


def test_a_lower_case_name_ends_with_its_proper_noun():
    text = "Ngày 5/9, tỉnh tổ chức lễ hội văn hóa Gifu lần đầu tiên."
    assert _events(text, "vi") == [("lễ hội văn hóa Gifu", "--09-05")]


def test_an_english_weekday_is_read_from_the_publication_date():
    published = dt.date(2024, 11, 28)  # a Thursday
    (date,) = find_dates("The forum opened in Hanoi on Tuesday.", "en", published)
    assert (date.kind, date.value) == ("date", "2024-11-26")
    (date,) = find_dates("The fair will open in Osaka on Monday.", "en", published)
    assert date.value == "2024-12-02"
    assert find_dates("The forum opened in Hanoi on Tuesday.", "en") == []


def test_a_japanese_day_alone_is_in_the_month_of_publication():
    published = dt.date(2024, 7, 12)
    (date,) = find_dates("県は11日、ハノイで「ベトナムセミナー」を開催した。", "ja", published)
    assert date.value == "2024-07-11"
    (date,) = find_dates("県は28日、ハノイで「ベトナムセミナー」を開催した。", "ja", published)
    assert date.value == "2024-06-28"
    assert find_dates("県は11日、ハノイで会議を開いた。", "ja") == []
