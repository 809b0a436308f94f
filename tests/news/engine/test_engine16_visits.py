"""Visits (issue 14, sixteenth pass): talks held at a place told between the verb and the host
("held talks in Nha Trang with …", "met at the provincial office with …"), and the host's body
told after the name ("Vice Chairwoman X of the Khanh Hoa Provincial People's Committee") is
where the host is. Sentences written for the test, with a look-alike."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

LEAD = "Shizuoka Vice Governor Ryo Matsuda led a delegation to Dong Nai and Khanh Hoa. "


def _visits(text):
    facts = extract(text, language="en", published=dt.date(2026, 12, 2))["facts"]
    return [
        (f["visitor"], f["host"], f["host_locality"]["slug"] if f["host_locality"] else None)
        for f in facts
        if f["type"] == "visit"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Nov. 26, he held talks in Nha Trang with Vice Chairwoman Nguyen Thi Lan of the Khanh "
        "Hoa Provincial People's Committee.",
        "On Nov. 26, Matsuda held talks at the provincial headquarters with Vice Chairwoman "
        "Nguyen Thi Lan of the Khanh Hoa Provincial People's Committee.",
        "On Nov. 26, Matsuda met in Nha Trang with Nguyen Thi Lan, Vice Chairwoman of the Khanh "
        "Hoa Provincial People's Committee.",
    ],
)
def test_talks_held_at_a_place_with_the_host(sentence):
    assert ("Ryo Matsuda", "Nguyen Thi Lan", "khanh-hoa") in _visits(LEAD + sentence)


def test_the_host_body_after_the_name_is_the_host_place():
    text = (
        LEAD + "On Nov. 24, Matsuda was received by Chairman Vo Tan Duc of the Dong Nai "
        "Provincial People's Committee. On Nov. 26, he held talks with Vice Chairwoman Nguyen "
        "Thi Lan of the Khanh Hoa Provincial People's Committee."
    )
    assert ("Ryo Matsuda", "Nguyen Thi Lan", "khanh-hoa") in _visits(text)


def test_talks_with_ones_own_staff_are_no_visit():
    text = "Vice Governor Ryo Matsuda held talks in Nha Trang with his staff about the schedule."
    assert _visits(text) == []
