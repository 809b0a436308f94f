"""Issue 14, twenty-sixth pass: "when the list is reviewed" names no members; another group
("Nhóm đối tác tiềm năng gồm …") is no list named again; a merged unit's list ("a key partner of
the former Binh Phuoc Province") is no list; a host of one visit who travels later makes a visit
of their own ("Long will visit Kitakyushu in April 2027"), to the place the sentence names.
Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows, visit_rows

PUBLISHED = dt.date(2026, 12, 20)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Plan\n\nTuyen Quang will keep Gunma, Tochigi and Yamanashi as its three priority "
            "partners in Japan until 2030. The province also wants to add Nagano Prefecture to "
            "the group when the list is reviewed in 2028.",
            "en",
            [
                (
                    "tuyen-quang",
                    ("gunma-prefecture", "tochigi-prefecture", "yamanashi-prefecture"),
                    3,
                    "2030",
                )
            ],
        ),
        (
            "Tin\n\nTheo Kế hoạch giai đoạn 2026-2030 của tỉnh Lào Cai, các địa phương được chia "
            "thành hai nhóm. Nhóm đối tác ưu tiên gồm hai địa phương: tỉnh Nagano và tỉnh Gunma. "
            "Nhóm đối tác tiềm năng gồm tỉnh Toyama và tỉnh Gifu.",
            "vi",
            [("lao-cai", ("gunma-prefecture", "nagano-prefecture"), 2, None)],
        ),
        (
            "Plan\n\nThe Dong Nai plan does not carry over Saitama Prefecture, a key partner of "
            "the former Binh Phuoc Province until that province merged into Dong Nai.",
            "en",
            [],
        ),
    ],
)
def test_lists(text, language, expected):
    assert list_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "News\n\nOn November 18, Chairman of the Quang Ngai People's Committee Phan Thanh Long "
            "received Okayama Vice Governor Masahiro Kinoshita. Long will visit Kitakyushu in "
            "April 2027 to sign a memorandum.",
            "en",
            [
                ("Masahiro Kinoshita", "Phan Thanh Long", "quang-ngai", "2026-11-18"),
                ("Phan Thanh Long", None, "kitakyushu-city", "2027-04"),
            ],
        ),
        # the host named again, with no trip: no visit of their own
        (
            "News\n\nOn November 18, Chairman of the Quang Ngai People's Committee Phan Thanh Long "
            "received Okayama Vice Governor Masahiro Kinoshita. Long proposed cooperation with "
            "Okayama in farming.",
            "en",
            [("Masahiro Kinoshita", "Phan Thanh Long", "quang-ngai", "2026-11-18")],
        ),
        (
            "発表\n\n12月17日には、ドンナイ省人民委員会のヴォー・タン・ドゥック副委員長が来庁し、"
            "小川真理子副知事を表敬訪問しました。小川副知事は、来年２月にフンイエン省を訪問する予定"
            "です。\n\n【問合せ先】茨城県国際課",
            "ja",
            [
                ("ヴォー・タン・ドゥック", "小川真理子", "ibaraki-prefecture", "2026-12-17"),
                ("小川真理子", None, "hung-yen", "2027-02"),
            ],
        ),
    ],
)
def test_a_host_who_travels_later(text, language, expected):
    assert visit_rows(text, language, PUBLISHED) == expected


def test_a_business_mission_told_again_is_the_visitor():
    text = (
        "News\n\nA business mission from Tochigi Prefecture led by Vice Governor Kazuya Hirose "
        "arrived in Bac Ninh on November 16. On November 17, the mission was received in Viet Tri "
        "by Chairwoman of the Phu Tho Provincial People's Committee Trieu Thi Hong Nhung."
    )
    assert ("Kazuya Hirose", "Trieu Thi Hong Nhung", "phu-tho", "2026-11-17") in visit_rows(
        text, "en", PUBLISHED
    )
