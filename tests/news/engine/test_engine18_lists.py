"""Priority partners (issue 14, eighteenth pass), English lists above all: a list told by a
noun of choice rather than an adjective ("partner localities of choice", "a shortlist of three
Japanese localities", "localities for priority cooperation", "top-tier partners", "preferred
partners"), a hope said with "would also like", the place a member is the capital of (no
member) and a member told as a prefecture's capital ("and its capital, Matsue"), and a size
told as a change ("bringing their number to four"). Sentences written for the test, with
look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows_in_order

PUBLISHED = dt.date(2026, 11, 20)


def _lists(text, language="en", published=PUBLISHED):
    return list_rows_in_order(text, language, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tay Ninh has drawn up a shortlist of two Japanese localities for priority "
            "cooperation until 2030: Gunma Prefecture and the city of Kobe.",
            ("tay-ninh", ["gunma-prefecture", "kobe-city"], 2, "2030"),
        ),
        (
            "Quang Binh has picked its partner localities of choice in Japan for the 2026-2030 "
            "period: Aichi Prefecture and Nagoya City.",
            ("quang-binh-before-2025", ["aichi-prefecture", "nagoya-city"], None, "2030"),
        ),
        (
            "Ha Tinh has selected Akita Prefecture and Toyama Prefecture to be its top-tier "
            "partners in Japan by 2030.",
            ("ha-tinh", ["akita-prefecture", "toyama-prefecture"], None, "2030"),
        ),
        (
            "Gia Lai has named Shiga Prefecture, Okayama City and Kobe City as the three "
            "provinces and cities for priority cooperation during the 2026-2030 period.",
            ("gia-lai", ["kobe-city", "okayama-city", "shiga-prefecture"], 3, "2030"),
        ),
        (
            "Vinh Long has chosen Kagawa Prefecture and Kochi Prefecture as its preferred "
            "partners in Japan until 2028.",
            ("vinh-long", ["kagawa-prefecture", "kochi-prefecture"], None, "2028"),
        ),
    ],
)
def test_a_list_told_by_a_noun_of_choice(text, expected):
    assert _lists("Partners news\n\n" + text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a liking, not a choice: no verb of choosing, no size, no period
        "Osaka and Fukuoka are the cities of choice for Vietnamese students going to Japan, "
        "said Nguyen Van An.",
        # a hope, told with "would also like"
        "Hue would also like to add Kyoto City to its shortlist of partner localities in the "
        "future.",
        "Ben Tre would still like to bring Kochi Prefecture and Kagawa Prefecture into its "
        "preferred partners by 2030.",
        # markets, not localities
        "Japan, South Korea and Singapore remain the province's preferred source markets for "
        "investment until 2030.",
        # a ranking by trade, not a list chosen
        "Tay Ninh's top partners by trade volume are Aichi Prefecture and Osaka Prefecture.",
        # ties counted, not chosen
        "Binh Dinh currently has ties with three Japanese localities: Gunma Prefecture, Kobe "
        "City and Osaka Prefecture.",
    ],
)
def test_no_list_in_a_liking_a_hope_or_markets(text):
    assert _lists("Partners news\n\n" + text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Son La has drawn up a shortlist of three Japanese localities for priority "
            "cooperation by 2030: Yamanashi and Nagano prefectures and the city of Sapporo, the "
            "capital of Hokkaido.",
            ("son-la", ["nagano-prefecture", "sapporo-city", "yamanashi-prefecture"], 3, "2030"),
        ),
        (
            "Quang Ngai has chosen Aichi Prefecture and Kumamoto City, the prefectural capital "
            "of Kumamoto, as its key partners until 2030.",
            ("quang-ngai", ["aichi-prefecture", "kumamoto-city"], None, "2030"),
        ),
        (
            "Tỉnh Quảng Ngãi chọn tỉnh Shiga và thành phố Nagoya, thủ phủ của tỉnh Aichi, là "
            "hai đối tác ưu tiên đến năm 2030.",
            ("quang-ngai", ["nagoya-city", "shiga-prefecture"], 2, "2030"),
        ),
    ],
)
def test_the_place_a_member_is_the_capital_of_is_no_member(text, expected):
    language = "en" if text.isascii() else "vi"
    assert _lists("Partners news\n\n" + text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lang Son has picked its partner localities of choice in Japan for the 2026-2030 "
            "period: in the east, Nagano Prefecture; in the west, Shimane Prefecture and its "
            "capital, Matsue.",
            ("lang-son", ["Matsue", "nagano-prefecture", "shimane-prefecture"], None, "2030"),
        ),
        (
            "Ha Nam has named Nara Prefecture, Kyoto City and Tottori Prefecture with its "
            "prefectural capital, Yonago City, as its key partners until 2030.",
            (
                "ha-nam-before-2025",
                ["Yonago City", "kyoto-city", "nara-prefecture", "tottori-prefecture"],
                None,
                "2030",
            ),
        ),
        (
            "Tỉnh Hà Nam chọn tỉnh Nara, thành phố Kyoto, tỉnh Shimane và thủ phủ là thành phố "
            "Matsue làm đối tác ưu tiên đến năm 2030.",
            (
                "ha-nam-before-2025",
                ["kyoto-city", "nara-prefecture", "shimane-prefecture", "thành phố Matsue"],
                None,
                "2030",
            ),
        ),
    ],
)
def test_a_member_told_as_a_prefectures_capital(text, expected):
    language = "en" if text.isascii() else "vi"
    assert _lists("Partners news\n\n" + text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "size"),
    [
        (
            "Khanh Hoa has added Kagoshima Prefecture to the Japanese localities it treats as "
            "priority partners, bringing their number to four.",
            4,
        ),
        (
            "Binh Thuan has added Chiba Prefecture to its priority partners, taking the list to "
            "three.",
            3,
        ),
        (
            "Phu Yen has added Miyazaki Prefecture to its key partners in Japan, raising the "
            "total of its key partners to five.",
            5,
        ),
    ],
)
def test_a_size_told_as_a_change(text, size):
    found = _lists("Partners news\n\n" + text)
    assert [f[2] for f in found] == [size]


def test_a_number_brought_to_a_sum_is_no_size():
    text = (
        "Partners news\n\nKhanh Hoa has added Kagoshima Prefecture to its priority partners "
        "until 2030, bringing the total of Japanese investment to 2 billion dollars."
    )
    assert [f[2] for f in _lists(text)] == [None]
