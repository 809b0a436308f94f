"""Priority-partner lists (issue 14, sixteenth pass): a list revised by one partner (the partner
taken off is no member), the list named again after an apposition ("The revised list, valid
until 2030, now comprises …"), coordinated cities ("the cities of Kyoto and Fukuoka"), and the
pronoun that chooses ("tỉnh bổ sung …") is no partner. Sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 12, 5)


def _lists(text, language):
    return [
        (
            f["locality"]["slug"] if f["locality"] else None,
            sorted(p["slug"] for p in f["partners"]),
            f["list_size"],
            f["until"],
        )
        for f in extract(text, language=language, published=PUBLISHED)["facts"]
        if f["type"] == "priority_partners"
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Can Tho has swapped Mie for Gifu among its key Japanese partners, still four "
            "localities. The revised list, in force through 2030, comprises Gifu, Aichi, Osaka "
            "and Hyogo prefectures.",
            "en",
            ("can-tho", ["aichi-prefecture", "gifu-prefecture", "hyogo-prefecture",
                         "osaka-prefecture"], 4, "2030"),
        ),
        (
            "Hue has changed its list of priority partners, which still has three members. The "
            "new list, approved on Monday, now includes the cities of Kyoto, Fukuoka and "
            "Yokohama.",
            "en",
            ("hue", ["fukuoka-city", "kyoto-city", "yokohama-city"], 3, None),
        ),
        (
            "Cần Thơ đã thay tỉnh Mie bằng tỉnh Gifu trong nhóm đối tác trọng điểm, vẫn gồm 4 "
            "địa phương. Danh sách mới, có hiệu lực đến năm 2030, gồm tỉnh Gifu, tỉnh Aichi, "
            "tỉnh Osaka và tỉnh Hyogo.",
            "vi",
            ("can-tho", ["aichi-prefecture", "gifu-prefecture", "hyogo-prefecture",
                         "osaka-prefecture"], 4, "2030"),
        ),
    ],
)  # fmt: skip
def test_a_revised_list_named_again_after_an_apposition(text, language, expected):
    assert _lists(text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "language", "partners"),
    [
        (
            "Can Tho has swapped Mie for Gifu among its key Japanese partners, still four "
            "localities.",
            "en",
            ["gifu-prefecture"],
        ),
        (
            "Hanoi replaced Chiba Prefecture with Saitama Prefecture on its list of key Japanese "
            "partners, which still counts five localities.",
            "en",
            ["saitama-prefecture"],
        ),
        (
            "Cần Thơ đã thay tỉnh Mie bằng tỉnh Gifu trong nhóm 4 đối tác trọng điểm đến năm 2030.",
            "vi",
            ["gifu-prefecture"],
        ),
        (
            "Tỉnh Quảng Nam đã đưa thành phố Kyoto ra khỏi danh sách 3 đối tác ưu tiên, bổ sung "
            "tỉnh Shizuoka.",
            "vi",
            ["shizuoka-prefecture"],
        ),
        ("ハノイ市は千葉県に代えて埼玉県を重点交流先に加えた。", "ja", ["saitama-prefecture"]),
        (
            "Hue dropped Kobe from its priority partners, which now number three: Kyoto, Osaka "
            "and Aichi.",
            "en",
            ["aichi-prefecture", "kyoto-prefecture", "osaka-prefecture"],
        ),
    ],
)
def test_the_partner_taken_off_is_no_member(text, language, partners):
    (found,) = _lists(text, language)
    assert found[1] == partners


@pytest.mark.parametrize(
    ("text", "language", "partners"),
    [
        (
            "Hanoi named the cities of Osaka and Kobe, and Aichi Prefecture as its key partners "
            "until 2030.",
            "en",
            ["aichi-prefecture", "kobe-city", "osaka-city"],
        ),
        (
            "Đà Nẵng chọn hai thành phố Kyoto và Fukuoka cùng tỉnh Aichi làm đối tác ưu tiên "
            "đến năm 2030.",
            "vi",
            ["aichi-prefecture", "fukuoka-city", "kyoto-city"],
        ),
        (
            "The revised list of Hanoi's key partners, valid until 2030, now comprises Tokyo, "
            "the cities of Kyoto and Fukuoka, and Kanagawa and Saitama prefectures.",
            "en",
            ["fukuoka-city", "kanagawa-prefecture", "kyoto-city", "saitama-prefecture",
             "tokyo-metropolis"],
        ),
        # look-alike: prefectures named so stay prefectures
        (
            "The prefectures of Kyoto and Fukuoka are key partners of Hue until 2030.",
            "en",
            ["fukuoka-prefecture", "kyoto-prefecture"],
        ),
    ],
)  # fmt: skip
def test_cities_named_together_are_cities(text, language, partners):
    (found,) = _lists(text, language)
    assert found[1] == partners


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Thành phố Đà Nẵng sẽ ưu tiên hợp tác với 4 địa phương Nhật Bản đến năm 2030. Ngoài "
            "tỉnh Osaka và thành phố Sakai (tỉnh Osaka) đã có trong danh sách, thành phố chọn "
            "thêm tỉnh Aichi và tỉnh Gifu.",
            "vi",
        ),
        (
            "Da Nang will give priority to four Japanese localities through 2030. Besides Osaka "
            "Prefecture and Sakai City, already on the list, the city added Aichi and Gifu "
            "prefectures.",
            "en",
        ),
    ],
)
def test_the_pronoun_that_chooses_is_no_partner(text, language):
    assert _lists(text, language) == [
        ("da-nang", ["aichi-prefecture", "gifu-prefecture", "osaka-prefecture", "sakai-city"],
         4, "2030")
    ]  # fmt: skip


def test_a_list_with_an_apposition_that_is_a_relative_clause_names_no_members():
    text = (
        "Can Tho has swapped Mie for Gifu among its key Japanese partners, still four "
        "localities. The list, which was drafted by the foreign affairs department, is posted "
        "online."
    )
    assert _lists(text, "en") == [("can-tho", ["gifu-prefecture"], 4, None)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Sở Ngoại vụ rà soát quan hệ sau khi ba tỉnh Lâm Đồng, Đắk Nông và Bình Thuận hợp "
            "nhất. UBND tỉnh đã chọn 3 đối tác ưu tiên gồm tỉnh Shizuoka, tỉnh Yamagata và tỉnh "
            "Kagoshima.",
            "vi",
        ),
        (
            "The review followed the merger of Lam Dong, Dak Nong and Binh Thuan in July 2025. "
            "The province has now picked three key partners: Shizuoka, Yamagata and Kagoshima.",
            "en",
        ),
        (
            "Officials met after Lam Dong, Dak Nong and Binh Thuan merged. The province has now "
            "picked three key partners: Shizuoka, Yamagata and Kagoshima.",
            "en",
        ),
    ],
)
def test_the_province_after_a_merger_is_the_one_that_remains(text, language):
    (found,) = _lists(text, language)
    assert found[0] == "lam-dong"


def test_a_former_unit_named_alone_stays_the_chooser():
    text = (
        "Tỉnh Bình Thuận đã chọn 3 đối tác ưu tiên gồm tỉnh Shizuoka, tỉnh Yamagata và tỉnh "
        "Kagoshima."
    )
    (found,) = _lists(text, "vi")
    assert found[0] == "binh-thuan-before-2025"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The city of Hue will focus its Japan cooperation on three prefectures until 2030. "
            "They are Kyoto, Osaka and Aichi.",
            ("hue", ["aichi-prefecture", "kyoto-prefecture", "osaka-prefecture"], 3, "2030"),
        ),
        (
            "Hue People's Committee approved a list of four key Japanese partner localities "
            "through 2030: Kyoto Prefecture, Osaka Prefecture, Aichi Prefecture and Kobe City.",
            ("hue", ["aichi-prefecture", "kobe-city", "kyoto-prefecture", "osaka-prefecture"],
             4, "2030"),
        ),
        (
            "In its new strategy, Shizuoka identifies Dong Nai, Thanh Hoa and Khanh Hoa as "
            "priority regions in Vietnam.",
            ("shizuoka-prefecture", ["dong-nai", "khanh-hoa", "thanh-hoa"], None, None),
        ),
        (
            "Shizuoka named Dong Nai and Thanh Hoa as key provinces for its cooperation in "
            "Vietnam through 2030.",
            ("shizuoka-prefecture", ["dong-nai", "thanh-hoa"], None, "2030"),
        ),
    ],
)  # fmt: skip
def test_english_lists_told_in_other_words(text, expected):
    assert _lists(text, "en") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Shizuoka sees tea, nursing care and auto parts as priority areas in Vietnam.",
        "Japan's key prefectures such as Aichi and Osaka host most Vietnamese workers.",
    ],
)
def test_priority_fields_and_a_country_s_big_prefectures_are_no_list(text):
    assert _lists(text, "en") == []


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Hue has chosen Kyoto, Osaka and Aichi as key partners in the 2026–30 period.", "2030"),
        ("Hue has chosen Kyoto, Osaka and Aichi as key partners for 2026-2030.", "2030"),
        # a share is no period
        ("Hue has chosen Kyoto, Osaka and Aichi as key partners, 2026-12 % of its budget.", None),
    ],
)
def test_a_period_with_a_short_last_year(text, until):
    (found,) = _lists(text, "en")
    assert found[3] == until


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kyoto, Osaka and Aichi will be the focus of Hue's cooperation with Japan until 2030.",
            ("hue", ["aichi-prefecture", "kyoto-prefecture", "osaka-prefecture"], None, "2030"),
        ),
        (
            "Asked which partners the city would prioritise, Vice Chairman Nguyen Van An said "
            "Hue would focus on Kyoto, Osaka and Aichi until 2030.",
            ("hue", ["aichi-prefecture", "kyoto-prefecture", "osaka-prefecture"], None, "2030"),
        ),
        (
            "Hue will focus on three Japanese prefectures, Kyoto, Osaka and Aichi, until 2030.",
            ("hue", ["aichi-prefecture", "kyoto-prefecture", "osaka-prefecture"], 3, "2030"),
        ),
    ],
)
def test_a_focus_on_places_with_a_period_is_a_list(text, expected):
    assert _lists(text, "en") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Hue will focus on tourism and trade with Kyoto and Osaka until 2030.",
        "Hue will focus on tourism and trade with Kyoto until 2030.",
        "The talks in Hue focused on Kyoto and Osaka investors.",
        "Hue officials said the seminar would focus on Kyoto and Osaka companies.",
    ],
)
def test_a_focus_on_something_else_is_no_list(text):
    assert _lists(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh Gifu đã chọn Thanh Hóa, Nghệ An và Quảng Ninh làm 3 đối tác trọng điểm tại Việt Nam "
        "đến năm tài chính 2030.",
        "Tỉnh Gifu đã chọn Thanh Hóa, Nghệ An và Quảng Ninh làm 3 đối tác trọng điểm tại Việt Nam "
        "đến hết năm tài khóa 2030.",
    ],
)
def test_a_fiscal_year_told_in_vietnamese_ends_the_period(text):
    assert _lists(text, "vi") == [
        ("gifu-prefecture", ["nghe-an", "quang-ninh", "thanh-hoa"], 3, "2030")
    ]
