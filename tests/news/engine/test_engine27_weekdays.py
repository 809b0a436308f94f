"""Issue 14, twenty-seventh pass: an English weekday as the press writes it. The weekday alone
("received the delegation Tuesday", "Tuesday's talks", "Late Monday") is a day like "on
Tuesday"; its tense is that of the verb nearest to it (a relative clause or an apposition in
the past does not make the weekday of a later verb past, nor a "will" elsewhere in the
sentence make a past weekday to come); a weekday to come may be the day of publication itself.
Vietnamese: the words of the future count before the date, or after it in the clause of its own
verb. Sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine.dates import find_dates
from tests.news.engine.helpers import visit_rows

WEDNESDAY = dt.date(2026, 12, 9)


def _days(text, published=WEDNESDAY):
    return [(d.text, d.value) for d in find_dates(text, "en", published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor received the delegation Tuesday.", [("Tuesday", "2026-12-08")]),
        ("Tuesday's talks in Hanoi focused on seaports.", [("Tuesday", "2026-12-08")]),
        ("Late Monday, the mayor met the chairman.", [("Monday", "2026-12-07")]),
        ("The chairman received the mayor Friday afternoon.", [("Friday", "2026-12-04")]),
    ],
)
def test_a_weekday_without_on_is_a_day(text, expected):
    assert _days(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The fair opens to visitors on Mondays.",
        "The market is held every Monday in the old town.",
        "Retailers in Osaka reported strong Black Friday sales.",
    ],
)
def test_a_weekday_of_every_week_or_a_holiday_is_no_day(text):
    assert _days(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb nearest the weekday is past: a "will" elsewhere in the sentence is of
        # another verb
        (
            "The two sides, which will mark ten years of ties next year, met on Monday.",
            [("next year", "2027"), ("Monday", "2026-12-07")],
        ),
        (
            "The forum, held on Monday, will be followed by a trade fair.",
            [("Monday", "2026-12-07")],
        ),
        (
            "Officials said on Tuesday the mayor would visit in March.",
            [("Tuesday", "2026-12-08"), ("March", "2027-03")],
        ),
        (
            "On Monday, the governor received a delegation that will stay until Friday.",
            [("Monday", "2026-12-07"), ("Friday", "2026-12-11")],
        ),
        # one past, one to come
        (
            "The mayor, who arrived on Sunday, will meet the chairman on Monday.",
            [("Sunday", "2026-12-06"), ("Monday", "2026-12-14")],
        ),
        # to come: "will", "is set to", a participle after "be"
        (
            "On Monday the mayor will travel to Hue, the city said.",
            [("Monday", "2026-12-14")],
        ),
        ("The mayor is set to meet the chairman on Thursday.", [("Thursday", "2026-12-10")]),
        (
            "Nhan will be received by the vice governor on Thursday.",
            [("Thursday", "2026-12-10")],
        ),
        # the day of publication itself: the wires name today by its weekday
        ("The mayor will visit Hue on Wednesday.", [("Wednesday", "2026-12-09")]),
    ],
)
def test_the_tense_of_a_weekday_is_that_of_its_nearest_verb(text, expected):
    assert _days(text) == expected


def test_a_visit_on_a_weekday_without_on():
    text = (
        "Hue hosts Sendai delegation\n\nHue People's Committee Chairman Tran Minh Khoa received "
        "Sendai Deputy Mayor Kenji Sato Tuesday to discuss flood forecasting."
    )
    assert visit_rows(text, "en", WEDNESDAY) == [
        ("Kenji Sato", "Tran Minh Khoa", "hue", "2026-12-08")
    ]


def test_a_visit_whose_sentence_speaks_of_the_future_elsewhere_is_past():
    text = (
        "Osaka and Hai Phong\n\nOsaka Vice Governor Yamada Taro, whose prefecture will host "
        "the Hai Phong trade fair next year, met Hai Phong Chairman Le Tien Chau on Monday."
    )
    assert [row[3] for row in visit_rows(text, "en", WEDNESDAY)] == ["2026-12-07"]


def test_a_year_in_a_relative_clause_leaves_the_day_told_before():
    text = (
        "Hue deepens ties with Sendai\n\nHUE, Dec. 8 — Hue received a delegation from Sendai on "
        "Monday. Sendai Deputy Mayor Kenji Sato, who first visited Hue in 2019, was received by "
        "Hue Chairman Tran Minh Khoa at the People's Committee."
    )
    assert visit_rows(text, "en", WEDNESDAY) == [
        ("Kenji Sato", "Tran Minh Khoa", "hue", "2026-12-07")
    ]


def test_a_day_in_a_relative_clause_comes_after_the_day_of_the_sentence():
    text = (
        "Hue deepens ties with Sendai\n\nSendai Deputy Mayor Kenji Sato, who arrived in Hue on "
        "Sunday, was received by Hue Chairman Tran Minh Khoa on Monday."
    )
    assert visit_rows(text, "en", WEDNESDAY) == [
        ("Kenji Sato", "Tran Minh Khoa", "hue", "2026-12-07")
    ]


def test_a_year_alone_in_a_relative_clause_is_no_date_of_the_sentence():
    text = (
        "Hue deepens ties with Sendai\n\nSendai Deputy Mayor Kenji Sato, who led the mission "
        "in 2019, was received by Hue Chairman Tran Minh Khoa."
    )
    assert [row[3] for row in visit_rows(text, "en", None)] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "sẽ" of another clause after the main verb leaves the date in the past
        (
            "Ngày 5/12, Chủ tịch UBND tỉnh tiếp Đại sứ Nhật Bản, hai bên sẽ tăng cường hợp tác.",
            "2026-12-05",
        ),
        # "kế hoạch" of someone else's plan, after the date
        (
            "Ngày 5/12, tỉnh tiếp đoàn doanh nghiệp Nhật Bản đang có kế hoạch đầu tư vào tỉnh.",
            "2026-12-05",
        ),
        # the date alone before a comma: the verb after it is its own
        ("Ngày 5/3, đoàn sẽ sang Nhật Bản.", "2027-03-05"),
        ("Vào sáng ngày 5/3, đoàn sẽ sang Nhật Bản.", "2027-03-05"),
        ("Ngày 5/3 tới, đoàn sang Nhật Bản.", "2027-03-05"),
        ("Dự kiến ngày 5/3, đoàn sang Nhật Bản.", "2027-03-05"),
    ],
)
def test_a_vietnamese_date_is_to_come_by_the_words_of_its_own_verb(text, expected):
    (date,) = find_dates(text, "vi", dt.date(2026, 12, 10))
    assert date.value == expected


def test_an_english_date_is_to_come_by_the_verb_before_it():
    text = (
        "The city and JETRO will hold the webinar on January 27 for companies interested in "
        "projects in Vietnam."
    )
    (date,) = find_dates(text, "en", dt.date(2027, 2, 3))
    assert date.value == "2028-01-27"
    (date,) = find_dates(
        "The webinar held on January 27 will be repeated.", "en", dt.date(2027, 2, 3)
    )
    assert date.value == "2027-01-27"
