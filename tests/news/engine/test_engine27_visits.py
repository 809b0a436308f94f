"""Issue 14, twenty-seventh pass: visitors received by their offices, their names told in
another sentence ("received the mayors of Fukuoka and Saitama" … "Fukuoka Mayor Kenji Takeda
… Saitama Mayor Ishii Kazuhiro"): a visit for each office's holder, when the article names
exactly one holder for each; a host told again by surname and office (岸本 雄一市長 … 岸本市長は)
who travels later. Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import visit_rows

PUBLISHED = dt.date(2026, 12, 16)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Hanoi meets mayors\n\nChairman of the Hanoi People's Committee Nguyen Duc Thanh on "
            "Monday received the mayors of Fukuoka and Saitama to discuss urban railways. "
            "Fukuoka Mayor Kenji Takeda and Saitama Mayor Ishii Kazuhiro each led a delegation.",
            "en",
            [
                ("Kenji Takeda", "Nguyen Duc Thanh", "hanoi", "2026-12-14"),
                ("Ishii Kazuhiro", "Nguyen Duc Thanh", "hanoi", "2026-12-14"),
            ],
        ),
        (
            "Da Nang welcomes governors\n\nDa Nang People's Committee Chairman Luong Nguyen Minh "
            "Triet on Tuesday welcomed the governors of Shizuoka, Gifu and Mie. Shizuoka Governor "
            "Yasutomo Suzuki, Gifu Governor Hajime Furuta and Mie Governor Katsuyuki Ichimi signed "
            "a tourism pledge.",
            "en",
            [
                ("Yasutomo Suzuki", "Luong Nguyen Minh Triet", "da-nang", "2026-12-15"),
                ("Hajime Furuta", "Luong Nguyen Minh Triet", "da-nang", "2026-12-15"),
                ("Katsuyuki Ichimi", "Luong Nguyen Minh Triet", "da-nang", "2026-12-15"),
            ],
        ),
        (
            "Hà Nội tiếp thị trưởng\n\nNgày 14/12, Chủ tịch UBND TP Hà Nội Nguyễn Đức Thành tiếp "
            "Thị trưởng Fukuoka và Saitama. Thị trưởng Fukuoka Kenji Takeda và Thị trưởng Saitama "
            "Ishii Kazuhiro dẫn đầu hai đoàn doanh nghiệp.",
            "vi",
            [
                ("Kenji Takeda", "Nguyễn Đức Thành", "hanoi", "2026-12-14"),
                ("Ishii Kazuhiro", "Nguyễn Đức Thành", "hanoi", "2026-12-14"),
            ],
        ),
    ],
)
def test_each_office_received_is_a_visit_of_its_holder(text, language, expected):
    assert visit_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        # only one of the two mayors is named: no reading of "the mayors"
        "Hanoi meets mayors\n\nChairman of the Hanoi People's Committee Nguyen Duc Thanh on "
        "Monday received the mayors of Fukuoka and Saitama. Fukuoka Mayor Kenji Takeda spoke "
        "first.",
        # two people named for one office
        "Hanoi meets mayors\n\nChairman of the Hanoi People's Committee Nguyen Duc Thanh on "
        "Monday received the mayors of Fukuoka and Saitama. Fukuoka Mayor Kenji Takeda, former "
        "Fukuoka Mayor Ito Jun and Saitama Mayor Ishii Kazuhiro attended.",
    ],
)
def test_no_visit_when_an_office_has_not_exactly_one_holder_named(text):
    assert [row[0] for row in visit_rows(text, "en", PUBLISHED)] == []


def test_a_host_told_again_by_surname_and_office_travels_later():
    text = (
        "泉佐野市\n\nベトナム南部ヴィンロン省のグエン・ティ・キム・チー副委員長ら７人が12月11日、"
        "泉佐野市役所を訪れ、岸本 雄一市長を表敬訪問した。岸本市長は来年３月にヴィンロン省を訪れる"
        "予定で、直行便の実現を働きかける。"
    )
    assert visit_rows(text, "ja", dt.date(2026, 12, 12)) == [
        ("グエン・ティ・キム・チー", "岸本 雄一", "izumisano-city", "2026-12-11"),
        ("岸本 雄一", None, "vinh-long", "2027-03"),
    ]
