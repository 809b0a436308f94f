"""Priority partners (issue 14, twenty-third pass): two places that choose each other make a list
each ("agreed to treat each other as priority partners", 互いを重点交流先とする, "coi nhau là
đối tác ưu tiên"); "priority status" and its owner after it ("in Da Nang's plan"); members told
one sentence after another up to a stated size; a group named again in Vietnamese ("Bốn địa
phương này là …"); a period told with the list named again (この２地域); 重点的に交流を進める
ベトナムの地域. Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language):
    return list_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Plan\n\nDONG HOI — Quang Tri Province and Japan's Tottori Prefecture agreed on Monday "
            "to treat each other as priority partners until 2030, in a joint statement.",
            "en",
            [
                ("quang-tri", ("tottori-prefecture",), None, "2030"),
                ("tottori-prefecture", ("quang-tri",), None, "2030"),
            ],
        ),
        (
            "Quang Tri and Tottori become each other's priority partners\n\nThe two signed a "
            "statement on Monday.",
            "en",
            [
                ("quang-tri", ("tottori-prefecture",), None, None),
                ("tottori-prefecture", ("quang-tri",), None, None),
            ],
        ),
        (
            "Tin\n\nTỉnh Quảng Trị và tỉnh Tottori thống nhất coi nhau là đối tác ưu tiên đến năm "
            "2030.",
            "vi",
            [
                ("quang-tri", ("tottori-prefecture",), None, "2030"),
                ("tottori-prefecture", ("quang-tri",), None, "2030"),
            ],
        ),
        (
            "発表\n\n会談後、両者は、令和12年度までの間、本県とラムドン省が互いを重点交流先とする"
            "覚書に署名しました。\n\n【問合せ先】山形県国際室",
            "ja",
            [
                ("lam-dong", ("yamagata-prefecture",), None, "2030"),
                ("yamagata-prefecture", ("lam-dong",), None, "2030"),
            ],
        ),
        # "each other" about something else in the sentence: no list returned
        (
            "Plan\n\nHue and Kyoto Prefecture have visited each other every year since 2015, and "
            "Hue named Kyoto Prefecture as its priority partner until 2030.",
            "en",
            [("hue", ("kyoto-prefecture",), None, "2030")],
        ),
        ("Tin\n\nTỉnh Lạng Sơn và tỉnh Shimane đã thăm lẫn nhau nhiều lần từ năm 2015.", "vi", []),
        ("発表\n\n本県とフエ市は、互いに職員を派遣しています。", "ja", []),
    ],
)
def test_places_that_choose_each_other(text, language, expected):
    assert _lists(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # members one sentence after another, each opening its sentence, up to the size
        (
            "Plan\n\nIn his speech, the Chairman of Ninh Binh said three Japanese localities would "
            "enjoy priority status in the province's external relations until 2030. Nara "
            "Prefecture would lead the group, he said. Kyoto City would help design walking "
            "routes. Yamanashi Prefecture had been included for its fruit processing.",
            [
                (
                    "ninh-binh",
                    ("kyoto-city", "nara-prefecture", "yamanashi-prefecture"),
                    3,
                    "2030",
                )
            ],
        ),
        # the owner after the words of the list
        (
            "Plan\n\nSakai, Yokohama, Kobe and Fukuoka City, which have held priority-partner "
            "status in Da Nang's external relations plan since January for the period to 2030, "
            "invested US$380 million.",
            [
                (
                    "da-nang",
                    ("fukuoka-city", "kobe-city", "sakai-city", "yokohama-city"),
                    None,
                    "2030",
                )
            ],
        ),
        # priority status for something that is no place
        ("Plan\n\nNinh Binh gave priority status to rice exports from Nam Dinh in its plan.", []),
        # a sentence after the size is reached, or one that opens with no place, adds nothing
        (
            "Plan\n\nThe Chairman of Ninh Binh said two Japanese localities would enjoy priority "
            "status in the province's external relations until 2030. Nara Prefecture would lead "
            "the group. Kyoto City would help. Osaka Prefecture sent a delegation too.",
            [("ninh-binh", ("kyoto-city", "nara-prefecture"), 2, "2030")],
        ),
    ],
)
def test_priority_status_and_members_told_one_by_one(text, expected):
    assert _lists(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Tin\n\nUBND tỉnh Lạng Sơn đã giao Sở Công Thương làm đầu mối hợp tác với tỉnh "
            "Shimane, Sở Ngoại vụ với thành phố Sagamihara. Hai địa phương này là các đối tác ưu "
            "tiên của tỉnh đến năm 2030.",
            "vi",
            [("lang-son", ("sagamihara-city", "shimane-prefecture"), 2, "2030")],
        ),
        (
            "発表\n\n中島部長は、県が重点的に交流を進めるベトナムの地域として、フエ市と、"
            "ディエンビエン省の２地域を挙げた。その上で「令和12年度までは、この２地域に人と予算を"
            "集中させたい」と答弁した。\n\n【問合せ先】石川県国際交流課",
            "ja",
            [("ishikawa-prefecture", ("dien-bien", "hue"), 2, "2030")],
        ),
        # the next sentence's period belongs to something that does not name the list again
        (
            "発表\n\n中島部長は、県が重点的に交流を進めるベトナムの地域として、フエ市と、"
            "ディエンビエン省の２地域を挙げた。令和12年度までに、県は新しい事務所を開く。"
            "\n\n【問合せ先】石川県国際交流課",
            "ja",
            [("ishikawa-prefecture", ("dien-bien", "hue"), 2, None)],
        ),
    ],
)
def test_a_list_named_again(text, language, expected):
    assert _lists(text, language) == expected
