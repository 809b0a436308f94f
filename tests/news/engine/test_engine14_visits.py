"""Visits (issue 14, fourteenth pass), on sentences written for the test: the delegation's
leader named in apposition ("ông A, Phó Chủ tịch UBND tỉnh, trưởng đoàn, …", "A, … and head of
the delegation", "A, …, who led the delegation") is the visitor of what the delegation did;
"On the same day" takes the day told before even when no meeting was told before it, and "said
Wednesday" is a day. And look-alikes that keep their sides."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 11, 26)  # a Thursday


def _visits(text, language):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == "visit"]


@pytest.mark.parametrize(
    ("language", "text", "visitor", "host"),
    [
        (
            "vi",
            "Theo ông Lê Đức Giang, Phó Chủ tịch UBND tỉnh Thanh Hóa, trưởng đoàn, đoàn đã làm "
            "việc với Phó Thống đốc tỉnh Shizuoka Mori Takashi ngày 17/11.",
            "Lê Đức Giang",
            "Mori Takashi",
        ),
        (
            "vi",
            "Ông Lê Đức Giang, Phó Chủ tịch UBND tỉnh Thanh Hóa, trưởng đoàn, cho biết đoàn đã "
            "làm việc với Phó Thống đốc tỉnh Shizuoka Mori Takashi ngày 17/11.",
            "Lê Đức Giang",
            "Mori Takashi",
        ),
        (
            "en",
            "Le Duc Giang, vice chairman of the Thanh Hoa People's Committee and head of the "
            "delegation, said the delegation had met Shizuoka Vice Governor Takashi Mori on "
            "November 17.",
            "Le Duc Giang",
            "Takashi Mori",
        ),
        (
            "en",
            "Le Duc Giang, vice chairman of the Thanh Hoa People's Committee, who led the "
            "delegation, said the group met Shizuoka Vice Governor Takashi Mori on November 17.",
            "Le Duc Giang",
            "Takashi Mori",
        ),
        (
            "en",
            "Shizuoka Vice Governor Takashi Mori received Le Duc Giang, vice chairman of the Thanh "
            "Hoa People's Committee, on November 17.",
            "Le Duc Giang",
            "Takashi Mori",
        ),
    ],
)
def test_the_leader_in_apposition_is_the_visitor(language, text, visitor, host):
    (visit,) = _visits(text, language)
    assert (visit["visitor"], visit["host"]) == (visitor, host)
    assert visit["date"] == "2026-11-17"


def test_two_hosts_of_the_leader_in_apposition_are_two_visits():
    text = (
        "Theo ông Lê Đức Giang, Phó Chủ tịch UBND tỉnh Thanh Hóa, trưởng đoàn, đoàn đã làm việc "
        "với Phó Thống đốc tỉnh Shizuoka Mori Takashi ngày 17/11 và với Thị trưởng thành phố "
        "Hamamatsu Suzuki Yuji ngày 18/11."
    )
    visits = _visits(text, "vi")
    assert [(v["host"], v["host_locality"]["slug"], v["date"]) for v in visits] == [
        ("Mori Takashi", "shizuoka-prefecture", "2026-11-17"),
        ("Suzuki Yuji", "hamamatsu-city", "2026-11-18"),
    ]


@pytest.mark.parametrize(
    "first",
    [
        "Mie Prefecture has picked Thanh Hoa as a priority partner, the prefectural government "
        "said Wednesday.",
        "The prefecture announced Wednesday that it had picked Thanh Hoa as a priority partner.",
        "Mie Prefecture adopted its new overseas strategy on Wednesday.",
    ],
)
def test_on_the_same_day_takes_the_day_told_before(first):
    text = (
        first + " The strategy names three provinces. On the same day, Mie Governor Kazuhiko "
        "Sugimoto received Le Thi Thu Ha, vice chairwoman of the Thanh Hoa People's Committee, "
        "at the prefectural office."
    )
    (visit,) = _visits(text, "en")
    assert visit["date"] == "2026-11-25"


def test_said_with_no_weekday_gives_no_day():
    text = (
        "Mie Prefecture has picked Thanh Hoa as a priority partner, officials said. On the same "
        "day, Mie Governor Kazuhiko Sugimoto received Le Thi Thu Ha, vice chairwoman of the Thanh "
        "Hoa People's Committee, at the prefectural office."
    )
    (visit,) = _visits(text, "en")
    assert visit["date"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Ông Lê Đức Giang, Phó Chủ tịch UBND tỉnh Thanh Hóa, trưởng đoàn, phát biểu.",
        "Bà Trần Thị Hoa, Giám đốc Sở Ngoại vụ tỉnh Nghệ An, trưởng đoàn, phát biểu.",
        "Ông Lê Văn Nam, Chủ tịch UBND thành phố Đà Nẵng, Trưởng đoàn, phát biểu.",
    ],
)
def test_the_end_of_a_places_name_before_a_role_is_no_person(text):
    facts = extract(text, language="vi", published=PUBLISHED)["facts"]
    names = [f["name"] for f in facts if f["type"] == "person"]
    assert len(names) == 1
