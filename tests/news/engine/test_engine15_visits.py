"""Visits (issue 14, fifteenth pass), on sentences written for the test: the Vietnamese passive
with the host between "được" and "tiếp"/"đón" ("đoàn được Phó Thống đốc tỉnh Saga X tiếp"),
and a trip's span of days with the meeting's own day in the same sentence (the day, not the
span's first). And look-alikes that give no visit."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 12, 3)
LEAD = (
    "Đoàn công tác của tỉnh Quảng Ninh do ông Bùi Văn Khang, Phó Chủ tịch UBND tỉnh, dẫn đầu "
    "đã sang Nhật Bản.\n\n"
)


def _visits(text, language="vi"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == "visit"]


@pytest.mark.parametrize(
    ("sentence", "host", "place", "date"),
    [
        (
            "Ngày 26/11, đoàn được Phó Thống đốc tỉnh Saga Ishii Yumiko tiếp tại trụ sở chính "
            "quyền tỉnh.",
            "Ishii Yumiko",
            "saga-prefecture",
            "2026-11-26",
        ),
        (
            "Chiều 25/11, đoàn được Thống đốc tỉnh Nagasaki Oishi Kenji đón tiếp tại Nagasaki.",
            "Oishi Kenji",
            "nagasaki-prefecture",
            "2026-11-25",
        ),
        (
            "Sáng 27/11, ông Khang được ông Tanaka Ichiro, Phó Thị trưởng thành phố Fukuoka, "
            "tiếp xã giao.",
            "Tanaka Ichiro",
            "fukuoka-city",
            "2026-11-27",
        ),
    ],
)
def test_received_in_the_vietnamese_passive(sentence, host, place, date):
    found = [v for v in _visits(LEAD + sentence) if v["host"]]
    assert len(found) == 1, found
    visit = found[0]
    assert visit["visitor"] == "Bùi Văn Khang"
    assert visit["host"] == host
    assert visit["host_locality"]["slug"] == place
    assert visit["date"] == date


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 26/11, đoàn được Bộ Công Thương tiếp nhận hồ sơ đăng ký tham gia hội chợ.",
        "Ngày 26/11, lao động Quảng Ninh được Nhật Bản tiếp tục tuyển dụng trong ngành chế biến.",
    ],
)
def test_passive_look_alikes_give_no_received_visit(sentence):
    assert [v for v in _visits(LEAD + sentence) if v["host"]] == []


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        (
            "vi",
            LEAD + "Trong chuyến công tác từ ngày 23 đến 28/11, ngày 24/11, đoàn đã làm việc "
            "với Thống đốc tỉnh Yamaguchi Nishida Kazuo.",
            "2026-11-24",
        ),
        (
            "vi",
            LEAD + "Trong chuyến thăm từ 23 đến 28/11, ông Khang đã hội đàm với Thống đốc tỉnh "
            "Yamaguchi Nishida Kazuo vào ngày 25/11.",
            "2026-11-25",
        ),
        (
            "en",
            "Quang Ninh delegation in Japan\n\nDuring a trip from November 23 to 28, "
            "Quang Ninh Vice Chairman Bui Van Khang met "
            "Yamaguchi Governor Kazuo Nishida in Yamaguchi on November 24.",
            "2026-11-24",
        ),
    ],
)
def test_the_meetings_day_inside_a_trips_span(language, text, date):
    (visit,) = _visits(text, language)
    assert visit["host_locality"]["slug"] == "yamaguchi-prefecture"
    assert visit["date"] == date


def test_a_trips_span_alone_dates_the_visit_by_its_first_day():
    text = (
        LEAD + "Từ ngày 23 đến 28/11, đoàn đã làm việc với Thống đốc tỉnh Yamaguchi Nishida Kazuo."
    )
    (visit,) = _visits(text)
    assert visit["date"] == "2026-11-23"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Hyogo courts Vietnam\n\nHyogo Vice Governor Kenji Mori visited Dong Nai in November "
            "and held talks with Nguyen Thanh Tam, chairman of the Dong Nai People's Committee.",
            "2026-11",
        ),
        (
            "Hanoi and Nagoya\n\nIn July, Tran Thi Huong, vice chairwoman of the Hanoi People's "
            "Committee, called on the mayor of Nagoya during a visit to Nagoya.",
            "2026-07",
        ),
        (
            "Hung Yen in Japan\n\nDuring October, Hung Yen Vice Chairman Dao Quang Vinh called on "
            "the governor of Aichi Prefecture in Nagoya.",
            "2026-10",
        ),
    ],
)
def test_a_month_told_alone_dates_the_visit(text, date):
    (visit,) = _visits(text, "en")
    assert visit["date"] == date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fair opens in March 2027.", "2027-03"),
        # "In May, 12 people …": a count after the month is no day (sixteenth pass)
        ("In May 12 people joined the programme.", "2026-05"),
    ],
)
def test_a_month_with_a_year_or_a_day_is_read_as_before(text, value):
    from kakehashi.news.engine.dates import find_dates

    (found,) = find_dates(text, "en", PUBLISHED)
    assert found.value == value


def test_a_month_name_without_in_is_no_date():
    from kakehashi.news.engine.dates import find_dates

    assert find_dates("The May Day holiday and the March of progress.", "en", PUBLISHED) == []
