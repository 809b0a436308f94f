"""Priority partners (issue 14, seventeenth pass), English lists above all: a list whose size
is stated first and whose members are named over the next sentences ("… on four priority
partners. "A and B …," he said. "C and D complete the four.""), a place that joins the members
just told ("From this year D joins them, and the four will be …"), the prefecture a member city
is told in ("Takayama City in Gifu") that is no member, the list's one year told between the
focus and its members ("its cooperation in 2027 on …"), and a partner's own list ("its own
priority partners"). Sentences written for the test, with look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows_in_order

PUBLISHED = dt.date(2026, 11, 20)


def _lists(text, language="en", published=PUBLISHED):
    return list_rows_in_order(text, language, published)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Chairman Le Van Nam said Can Tho would give priority to three Japanese partners "
            'until 2030. "Fukuoka Prefecture has been with us the longest," he said. "Kumamoto '
            'and Saga complete the three."',
            "en",
            ("can-tho", ["fukuoka-prefecture", "kumamoto-prefecture", "saga-prefecture"], 3),
        ),
        (
            "Hai Phong will focus its Japan cooperation on four key partners until 2030. Two of "
            "them, Kobe and Osaka Prefecture, are port cities. The other two are Kitakyushu and "
            "Niigata City.",
            "en",
            (
                "hai-phong",
                ["kitakyushu-city", "kobe-city", "niigata-city", "osaka-prefecture"],
                4,
            ),
        ),
        (
            "Thành phố Đà Nẵng xác định 3 đối tác ưu tiên đến năm 2030. Đứng đầu là tỉnh "
            "Wakayama. Hai đối tác còn lại là thành phố Sakai và tỉnh Kagawa.",
            "vi",
            ("da-nang", ["kagawa-prefecture", "sakai-city", "wakayama-prefecture"], 3),
        ),
    ],
)
def test_a_stated_size_is_completed_by_the_next_sentences(text, language, expected):
    found = _lists(text, language)
    assert [f[:3] for f in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next sentence names places of the partners' country but does not complete the
        # list: a visit, not a member
        (
            "Binh Dinh has chosen four priority partners in Japan, including Shiga and Nara "
            "prefectures. Osaka Vice Governor Ken Mori visited Quy Nhon last week.",
            ("binh-dinh-before-2025", ["nara-prefecture", "shiga-prefecture"], 4),
        ),
        # more places than the list has room for: not its members
        (
            "Nghe An named two key partners in Japan for 2027, among them Gifu. Delegates from "
            "Aichi, Mie and Shizuoka, the rest of the Chubu region, also attended.",
            ("nghe-an", ["gifu-prefecture"], 2),
        ),
        # those present
        (
            "Ha Nam has three priority partners in Japan, one of them Fukui. Representatives of "
            "Toyama and Ishikawa also took part in the meeting.",
            ("ha-nam-before-2025", ["fukui-prefecture"], 3),
        ),
    ],
)
def test_look_alikes_of_a_list_completed(text, expected):
    found = _lists(text)
    assert [f[:3] for f in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thai Nguyen has added Ibaraki Prefecture to its strategic partners in Japan. "
            '"Nagano, Gunma and Yamagata have been our strategic partners since 2023. From '
            "this year Ibaraki joins them, and the four will be the focus of our cooperation "
            'until 2030," the chairman said.',
            (
                "thai-nguyen",
                [
                    "gunma-prefecture",
                    "ibaraki-prefecture",
                    "nagano-prefecture",
                    "yamagata-prefecture",
                ],
                4,
                "2030",
            ),
        ),
        (
            "Kanagawa and Chiba have been Quang Ninh's key partners since 2022. Together with "
            "them, Shizuoka will be a key partner from next year, and all three will remain key "
            "partners until 2030.",
            (
                "quang-ninh",
                ["chiba-prefecture", "kanagawa-prefecture", "shizuoka-prefecture"],
                3,
                "2030",
            ),
        ),
        (
            "Hokkaido and Aomori have been Lam Dong's priority partners since 2024. They are "
            "now joined by Iwate, and the three will be priority partners until 2029.",
            (
                "lam-dong",
                ["aomori-prefecture", "hokkaido", "iwate-prefecture"],
                3,
                "2029",
            ),
        ),
    ],
)
def test_a_place_that_joins_the_members_told(text, expected):
    found = _lists(text)
    assert expected in found


@pytest.mark.parametrize(
    ("text", "language", "partners"),
    [
        (
            "Son La has named Nagano Prefecture, Gunma Prefecture and Takayama City in Gifu as "
            "its key partners until 2030.",
            "en",
            ["gunma-prefecture", "nagano-prefecture", "takayama-city"],
        ),
        (
            "Yen Bai chose Hamamatsu City in Shizuoka and Yamanashi Prefecture as priority "
            "partners for 2027.",
            "en",
            ["hamamatsu-city", "yamanashi-prefecture"],
        ),
        (
            "Tỉnh Điện Biên chọn thành phố Takayama thuộc tỉnh Gifu và tỉnh Nagano là đối tác "
            "ưu tiên đến năm 2030.",
            "vi",
            ["nagano-prefecture", "takayama-city"],
        ),
    ],
)
def test_the_prefecture_a_member_city_is_in_is_no_member(text, language, partners):
    found = _lists(text, language)
    assert [f[1] for f in found] == [partners]


def test_an_unknown_city_s_prefecture_is_no_member_either():
    text = (
        "Yen Bai chose Matsumoto City in Nagano and Yamanashi Prefecture as priority partners "
        "for 2027."
    )
    found = _lists(text)
    assert found and "nagano-prefecture" not in found[0][1]
    assert "yamanashi-prefecture" in found[0][1]


def test_a_prefecture_and_a_city_both_members_stay():
    text = (
        "Bac Ninh has chosen Gifu Prefecture and Takayama City and Nagano Prefecture as its "
        "priority partners until 2030."
    )
    assert [f[1] for f in _lists(text)] == [
        ["gifu-prefecture", "nagano-prefecture", "takayama-city"]
    ]


@pytest.mark.parametrize(
    ("text", "until"),
    [
        (
            "The city would concentrate its Japan cooperation in 2027 on two priority partners, "
            "Osaka Prefecture and Yokohama, Hanoi's vice chairman said.",
            "2027",
        ),
        (
            "Hue will focus its cultural exchanges in 2028 on three key partners: Kyoto, Nara "
            "and Kanazawa.",
            "2028",
        ),
        # a year told as when, not as the list's span
        (
            "In 2025, Quang Tri named Tottori and Shimane as its key partners.",
            None,
        ),
    ],
)
def test_the_year_of_the_focus(text, until):
    found = _lists(text)
    assert len(found) == 1 and found[0][3] == until


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kochi Prefecture has selected Binh Thuan and Lam Dong as its core partners in "
            "Vietnam until 2030. Binh Thuan has listed Kochi among its own priority partners "
            "since 2024.",
            {
                ("kochi-prefecture", ("binh-thuan-before-2025", "lam-dong")),
                ("binh-thuan-before-2025", ("kochi-prefecture",)),
            },
        ),
        (
            "Tottori Prefecture named Quang Tri and Ha Tinh as its key partners in Vietnam. "
            "Quang Tri, for its part, has named Tottori among its key partners.",
            {
                ("tottori-prefecture", ("ha-tinh", "quang-tri")),
                ("quang-tri", ("tottori-prefecture",)),
            },
        ),
        # the same list told again by its partner, with no word of a choice of its own: one
        (
            "Shiga Prefecture named Ninh Binh and Thanh Hoa as its key partners in Vietnam. "
            "Ninh Binh and Thanh Hoa are Shiga's key partners until 2030.",
            {("shiga-prefecture", ("ninh-binh", "thanh-hoa"))},
        ),
    ],
)
def test_a_partners_own_list(text, expected):
    found = {(f[0], tuple(f[1])) for f in _lists(text)}
    assert found == expected
