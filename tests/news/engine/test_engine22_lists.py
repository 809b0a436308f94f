"""Priority partners (issue 14, twenty-second pass): members that leave a list are none of it;
members put first among a place's partners ("at the top of its list of partners", "first among
its partners", 最優先の交流相手, "lên đầu danh sách đối tác"); a list given priority "in its
cooperation"; a group named again in the next sentence ("Those five are the partners the city
will prioritise until 2030"); a Japanese list widened with "…と合わせて３省となり". Sentences
written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language):
    return list_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the chooser told to leave: no list at all
        (
            "Plan\n\nHiroshima Prefecture, a priority partner under the province's 2021-2025 plan, "
            "did not make the new list, though it will keep training Quang Ninh's pilots.",
            "en",
            [],
        ),
        (
            "Plan\n\nNagano Prefecture, one of Lai Chau's priority partners until 2025, was "
            "dropped from the list this year.",
            "en",
            [],
        ),
        ("Plan\n\nKobe City is no longer among Hue's priority partners.", "en", []),
        (
            "Tin\n\nTỉnh Nagano không còn là đối tác ưu tiên của tỉnh Lai Châu từ năm nay.",
            "vi",
            [],
        ),
        (
            "発表\n\nこれまで重点パートナーとしてきたラムドン省は、今回の決定により重点パートナーから"
            "外れますが、高原野菜の分野での交流は引き続き進めます。",
            "ja",
            [],
        ),
        # the members that stay, beside the one that leaves in a clause of its own
        (
            "Plan\n\nShizuoka and Kagoshima prefectures remain Lai Chau's priority partners until "
            "2030, while Nagano Prefecture was dropped from the list.",
            "en",
            [("lai-chau", ("kagoshima-prefecture", "shizuoka-prefecture"), None, "2030")],
        ),
        (
            "Tin\n\nTỉnh Lai Châu giữ tỉnh Shizuoka và tỉnh Kagoshima là đối tác ưu tiên đến năm "
            "2030, trong khi tỉnh Nagano bị đưa ra khỏi danh sách.",
            "vi",
            [("lai-chau", ("kagoshima-prefecture", "shizuoka-prefecture"), None, "2030")],
        ),
        # a member that "no longer exists as a province" is no member that leaves
        (
            "Plan\n\nNara Prefecture has named Da Nang, which no longer borders a separate Quang "
            "Nam Province, and Hue as its priority partners until 2030.",
            "en",
            [("nara-prefecture", ("da-nang", "hue"), None, "2030")],
        ),
    ],
)
def test_members_that_leave_the_list(text, language, expected):
    assert _lists(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Plan\n\nQuang Ninh has placed Yamaguchi, Fukuoka and Kitakyushu at the top of its "
            "list of Japanese partners for 2026-2030, the People's Committee said.",
            "en",
            [
                (
                    "quang-ninh",
                    ("fukuoka-prefecture", "kitakyushu-city", "yamaguchi-prefecture"),
                    None,
                    "2030",
                )
            ],
        ),
        # a dateline before the chooser: the place before the verb of putting chooses
        (
            "Plan\n\nDA NANG — Japan's port city of Yokohama will put Da Nang and Hai Phong first "
            "among its Vietnamese partners until 2030, under a council resolution.",
            "en",
            [("yokohama-city", ("da-nang", "hai-phong"), None, "2030")],
        ),
        (
            "Plan\n\nHANOI — Kanagawa Prefecture has put Hanoi, Hue and Da Nang at the top of its "
            "list of Vietnamese partners until 2030.",
            "en",
            [("kanagawa-prefecture", ("da-nang", "hanoi", "hue"), None, "2030")],
        ),
        (
            "Tin\n\nTỉnh Quảng Ninh đưa tỉnh Yamaguchi, tỉnh Fukuoka và thành phố Kitakyushu lên "
            "đầu danh sách đối tác Nhật Bản giai đoạn 2026-2030.",
            "vi",
            [
                (
                    "quang-ninh",
                    ("fukuoka-prefecture", "kitakyushu-city", "yamaguchi-prefecture"),
                    None,
                    "2030",
                )
            ],
        ),
        (
            "発表\n\n横浜市は、ダナン市及びハイフォン市を2030年度までの最優先の交流相手とすることを"
            "決めた。",
            "ja",
            [("yokohama-city", ("da-nang", "hai-phong"), None, "2030")],
        ),
        (
            "Plan\n\nRepresentatives of Miyazaki, Kochi and Saga, the Japanese prefectures Dong "
            "Thap has given priority in its cooperation until 2030, met provincial leaders.",
            "en",
            [
                (
                    "dong-thap",
                    ("kochi-prefecture", "miyazaki-prefecture", "saga-prefecture"),
                    None,
                    "2030",
                )
            ],
        ),
    ],
)
def test_members_put_first_among_the_partners(text, language, expected):
    assert _lists(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Plan\n\nHue City is at the top of Kobe's list of partners for cultural exchanges.", "en"),
        (
            "Plan\n\nQuang Ninh put tourism first among its priorities with Japanese partners such "
            "as Yamaguchi.",
            "en",
        ),
        (
            "Tin\n\nThành phố Hà Nội đứng đầu danh sách đối tác của tỉnh Kanagawa về thương mại.",
            "vi",
        ),
        ("発表\n\n横浜市にとって、ダナン市は最優先の交流相手の一つだ。", "ja"),
        # priority given in something other than the cooperation: no list
        (
            "Plan\n\nJapanese investors from Osaka and Aichi will be given priority in the "
            "allocation of land in Binh Duong, the chairman said.",
            "en",
        ),
        (
            "Plan\n\nBinh Duong has given priority in its land allocation to investors from Osaka "
            "and Aichi prefectures.",
            "en",
        ),
    ],
)
def test_look_alikes_of_members_put_first(text, language):
    assert _lists(text, language) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plan\n\nOsaka and Aichi, because of the investment they bring, then Chiba, Yokohama "
            "and Fukuoka City, for ports and start-ups. Those five are the partners Ho Chi Minh "
            "City will prioritise until 2030.",
            [
                (
                    "ho-chi-minh-city",
                    (
                        "aichi-prefecture",
                        "chiba-prefecture",
                        "fukuoka-city",
                        "osaka-prefecture",
                        "yokohama-city",
                    ),
                    5,
                    "2030",
                )
            ],
        ),
        (
            "Plan\n\nHue will work most closely with Kyoto, Nara and Kobe City. Those three are "
            "the partners the city will prioritise until 2030.",
            [("hue", ("kobe-city", "kyoto-prefecture", "nara-prefecture"), 3, "2030")],
        ),
        (
            "Plan\n\nKumamoto and Kagoshima prefectures sent the largest delegations. These two "
            "are the partners Can Tho plans to prioritise in its farm exports until 2030.",
            [("can-tho", ("kagoshima-prefecture", "kumamoto-prefecture"), 2, "2030")],
        ),
        # a group named again with no list
        (
            "Plan\n\nKumamoto and Kagoshima prefectures sent the largest delegations to Can Tho. "
            "Those two were the first to arrive at the fair.",
            [],
        ),
        (
            "Plan\n\nThe city has ties with Osaka, Kobe and Sakai. All three are important, the "
            "mayor said, but the city has not chosen priority partners.",
            [],
        ),
    ],
)
def test_a_group_named_again_in_the_next_sentence(text, expected):
    assert _lists(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "発表\n\n岩手県は、ハティン省を県の重点交流先に加えると発表した。重点交流先はゲアン省、"
            "タイグエン省と合わせて３省となり、期間は令和11年度まで。",
            [("iwate-prefecture", ("ha-tinh", "nghe-an", "thai-nguyen"), 3, "2029")],
        ),
        (
            "発表\n\n三重県は、ダナン市を重点交流先に加えた。重点交流先はハノイ市と合わせて２地域と"
            "なり、期間は令和12年度まで。",
            [("mie-prefecture", ("da-nang", "hanoi"), 2, "2030")],
        ),
        (
            "発表\n\n三重県は、ダナン市を重点交流先に加えた。これまでのハノイ市と合わせ、重点交流先は"
            "２地域となる。",
            [("mie-prefecture", ("da-nang", "hanoi"), 2, None)],
        ),
    ],
)
def test_a_japanese_list_widened_together_with_its_members(text, expected):
    assert _lists(text, "ja") == expected
