"""Priority-partner lists, partnership counts and agreements (issue 14, eighth pass): sentences
written for the test, the ways each language states them and the look-alikes that must give
nothing."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 3, 10)


def _facts(text, language, kind, published=PUBLISHED):
    return [
        f
        for f in extract(text, language=language, published=published)["facts"]
        if f["type"] == kind
    ]


def _lists(text, language):
    return [
        (
            f["locality"]["slug"],
            sorted(p["slug"] for p in f["partners"]),
            f["list_size"],
            f["until"],
        )
        for f in _facts(text, language, "priority_partners")
    ]


def _counts(text, language):
    return [
        (f["locality"]["slug"], f["country"], f["count"])
        for f in _facts(text, language, "partnership_count")
    ]


def _agreements(text, language, published=PUBLISHED):
    return [
        (sorted(p["slug"] or p["name"] for p in f["parties"]), f["status"], f["date"])
        for f in _facts(text, language, "agreement", published)
    ]


# --- priority-partner lists ---------------------------------------------------------------

QUANG_TRI = ("quang-tri", ["fukui-prefecture", "toyama-prefecture"], 2, "2030")
TOTTORI = ("tottori-prefecture", ["hue", "quang-tri"], 2, "2030")


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Quảng Trị chọn 2 địa phương Nhật Bản là đối tác ưu tiên đến năm 2030.\n\n"
            "Đó là tỉnh Toyama và tỉnh Fukui.",
            "vi",
            QUANG_TRI,
        ),
        (
            "Danh sách đối tác trọng điểm giai đoạn đến 2030 của tỉnh Quảng Trị gồm tỉnh Fukui "
            "và tỉnh Toyama.",
            "vi",
            QUANG_TRI,
        ),
        (
            "鳥取県は、2030年までにベトナムのフエ市とクアンチ省を優先的に協力する地域とした。",
            "ja",
            TOTTORI,
        ),
        (
            "ベトナム2地域を重点パートナーに　鳥取県が新戦略\n\n"
            "鳥取県は、フエ市とクアンチ省を2030年までの重点パートナーと定めた。",
            "ja",
            TOTTORI,
        ),
        (
            "Quang Tri has named Toyama Prefecture and Fukui Prefecture as its priority "
            "partners until 2030.",
            "en",
            QUANG_TRI,
        ),
    ],
)
def test_a_priority_list_in_each_language(text, language, expected):
    assert _lists(text, language) == [expected]


def test_our_prefecture_chooses_in_its_own_press_release():
    text = (
        "福井県の知事がクアンチ省を訪れた。\n\n"
        "知事は、本県の重点交流先であるクアンチ省とフエ市の2地域と、2030年まで観光分野で"
        "協力を深めると述べた。"
    )
    assert _lists(text, "ja") == [("fukui-prefecture", ["hue", "quang-tri"], 2, "2030")]


def test_a_headline_and_its_lead_give_one_list():
    text = (
        "Quảng Trị chọn tỉnh Toyama, tỉnh Fukui là đối tác ưu tiên\n\n"
        "UBND tỉnh Quảng Trị vừa xác định 2 địa phương Nhật Bản là đối tác ưu tiên đến năm "
        "2030 gồm tỉnh Toyama và tỉnh Fukui."
    )
    assert _lists(text, "vi") == [QUANG_TRI]


@pytest.mark.parametrize(
    "text, language",
    [
        # the country itself is the partner
        (
            "Phó Chủ tịch tỉnh Quảng Trị khẳng định Nhật Bản là đối tác ưu tiên hàng đầu; đoàn "
            "tỉnh Toyama và tỉnh Fukui cũng có mặt.",
            "vi",
        ),
        ("Quang Tri sees Japan as a key partner, the governor of Toyama Prefecture said.", "en"),
        ("鳥取県の知事は、日本を重点パートナーとするフエ市の方針を歓迎した。", "ja"),
        # the partners beside the list
        (
            "Ngoài các đối tác ưu tiên, tỉnh Quảng Trị còn hợp tác với tỉnh Nagano và tỉnh Gifu.",
            "vi",
        ),
        (
            "Besides its priority partners, Quang Tri also works with Nagano Prefecture and "
            "Gifu Prefecture.",
            "en",
        ),
        # a preference for one place, no list
        (
            "Tỉnh Quảng Trị sẵn sàng ưu tiên hợp tác với tỉnh Toyama trong lĩnh vực cảng biển.",
            "vi",
        ),
        # a headline about the priority partners with no place, then a visit
        (
            "駐日ベトナム大使が知事を訪問　重点交流先との協力を確認\n\n"
            "大使は鳥取県庁を訪れ、フエ市との交流について話し合った。",
            "ja",
        ),
        # attendees, no priority list
        (
            "Hội nghị có sự tham dự của đại diện tỉnh Toyama, tỉnh Fukui và tỉnh Nagano, bàn về "
            "các lĩnh vực ưu tiên như nông nghiệp.",
            "vi",
        ),
    ],
)
def test_no_priority_list(text, language):
    assert _lists(text, language) == []


# --- partnership counts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Sau khi sáp nhập với tỉnh Quảng Bình, Quảng Trị hiện có quan hệ hợp tác với 3 địa "
            "phương Nhật Bản.",
            "vi",
            ("quang-tri", "JP", 3),
        ),
        (
            "The province, which merged with Quang Binh last July, now has ties with four "
            "Japanese localities, Quang Tri's vice chairman said.",
            "en",
            ("quang-tri", "JP", 4),
        ),
        (
            "Quang Tri, which counts three partner localities in Japan, hopes to add Fukui.",
            "en",
            ("quang-tri", "JP", 3),
        ),
        (
            "鳥取県は、ベトナムの2つの省と友好提携を結んでいる。",
            "ja",
            ("tottori-prefecture", "VN", 2),
        ),
        ("フエ市は現在、日本の5つの自治体と交流関係にある。", "ja", ("hue", "JP", 5)),
    ],
)
def test_partnership_counts(text, language, expected):
    assert _counts(text, language) == [expected]
