"""Events (issue 14, sixteenth pass): an event named as the one a trip is for, dated by its bare
head told with a day in the next sentences; a lower-case head with its edition "tổ chức tại X
vào …" held earlier; an English month before a count ("In May 12 companies …") is the month,
not a day. Sentences written for the test, with look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows

PUBLISHED = dt.date(2026, 11, 27)


def _events(text, language, published=PUBLISHED):
    return event_rows(text, language, published)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Đoàn sang Thanh Hóa để dự Diễn đàn hợp tác địa phương Thanh Hóa – Gifu lần thứ hai. "
            "Sáng 26/11, diễn đàn do UBND tỉnh Thanh Hóa và Chính quyền tỉnh Gifu đồng tổ chức "
            "đã diễn ra tại Trung tâm Hội nghị tỉnh.",
            "vi",
            ("Diễn đàn hợp tác địa phương Thanh Hóa – Gifu lần thứ hai", "2026-11-26"),
        ),
        (
            "Đoàn sang Nhật Bản để dự Hội thảo xúc tiến đầu tư Đà Nẵng tại Osaka. Chiều 12/11, "
            "hội thảo do Sở Tài chính phối hợp tổ chức đã thu hút 150 doanh nghiệp.",
            "vi",
            ("Hội thảo xúc tiến đầu tư Đà Nẵng", "2026-11-12"),
        ),
        (
            "The governor travelled to Osaka to attend the Kansai-Vietnam Business Forum. On "
            "November 12, the forum opened with a keynote on logistics.",
            "en",
            ("Kansai-Vietnam Business Forum", "2026-11-12"),
        ),
        (
            "The delegation will attend the Kansai-Vietnam Business Forum. The forum took place "
            "on November 12 in Osaka.",
            "en",
            ("Kansai-Vietnam Business Forum", "2026-11-12"),
        ),
    ],
)
def test_an_event_attended_takes_the_day_its_bare_head_tells(text, language, expected):
    assert expected in _events(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the next sentence tells another kind of gathering, or a meeting
        (
            "Đoàn sang Nhật Bản để dự Hội thảo xúc tiến đầu tư Đà Nẵng tại Osaka. Chiều 12/11, "
            "đoàn làm việc với tỉnh Osaka.",
            "vi",
        ),
        (
            "The governor travelled to Osaka to attend the Kansai-Vietnam Business Forum. On "
            "November 12, the seminar opened with a keynote on logistics.",
            "en",
        ),
    ],
)
def test_no_day_from_another_kind_of_gathering(text, language):
    assert _events(text, language) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chủ tịch nhắc lại quan hệ giữa hai tỉnh; diễn đàn lần thứ nhất tổ chức tại Gifu vào "
            "tháng 10/2024 đã mở ra nhiều cơ hội.",
            ("diễn đàn lần thứ nhất", "2024-10"),
        ),
        (
            "Ông cho biết hội thảo xúc tiến đầu tư tổ chức ở Osaka hồi tháng 3 đã thu hút nhiều "
            "doanh nghiệp.",
            ("hội thảo xúc tiến đầu tư", "2026-03"),
        ),
        (
            "Ngày hội lần thứ hai tổ chức tại thành phố Huế trong hai ngày 5 và 6/10/2025 thu "
            "hút đông đảo người dân.",
            ("Ngày hội lần thứ hai", "2025-10-05"),
        ),
    ],
)
def test_a_lower_case_head_held_at_a_place_and_a_time(text, expected):
    assert _events(text, "vi") == [expected]


def test_held_at_a_place_with_no_head_is_no_event():
    text = "Các hội thảo tổ chức tại Gifu vào tháng 10/2024 đều thành công."
    assert _events(text, "vi") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In May 12 companies from Aichi joined the Vietnam Expo in Hanoi.", "2026-05"),
        ("In November 40 firms took part in the Kobe Vietnam Fair.", "2026-11"),
        ("The Vietnam Expo was held in Hanoi on May 12, drawing 300 firms.", "2026-05-12"),
        ("The Vietnam Expo opened in Hanoi in November.", "2026-11"),
    ],
)
def test_an_english_month_before_a_count_is_the_month(text, expected):
    dates = [date for _name, date in _events(text, "en")]
    assert dates == [expected]


def test_a_month_held_every_year_gives_no_event():
    text = "The Kansai-Vietnam Business Forum, held every November in Osaka, drew 300 companies."
    assert _events(text, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tối 2/12, Lễ hội văn hóa Việt – Nhật khai mạc tại công viên Biển Đông.",
            ("Lễ hội văn hóa Việt – Nhật", "2026-12-02"),
        ),
        (
            "Ngày 5/12, Hội chợ Nhật Bản 2026 bế mạc sau ba ngày.",
            ("Hội chợ Nhật Bản 2026", "2026-12-05"),
        ),
        (
            "Sáng 4/12, Diễn đàn Hợp tác Mekong – Nhật Bản quy tụ 200 đại biểu.",
            ("Diễn đàn Hợp tác Mekong – Nhật Bản", "2026-12-04"),
        ),
    ],
)
def test_the_verb_after_a_name_ends_it(text, expected):
    assert _events(text, "vi") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last year's edition of the Japan-Vietnam Festival attracted 100,000 visitors.",
            ("Japan-Vietnam Festival", "2025"),
        ),
        (
            "Exports rose sharply in November last year, and the Da Nang Investment Conference "
            "will be held on March 3.",
            ("Da Nang Investment Conference", "2027-03-03"),
        ),
        ("On May 12 the Vietnam Expo opened in Hanoi.", ("Vietnam Expo", "2026-05-12")),
        ("On Nov. 3 the Kobe Vietnam Fair opened.", ("Kobe Vietnam Fair", "2026-11-03")),
    ],
)
def test_an_english_name_starts_at_its_own_words(text, expected):
    assert _events(text, "en", published=dt.date(2026, 12, 5)) == [expected]
