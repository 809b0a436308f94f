"""Issue 14, twenty-ninth pass: the lists of several localities told one after another after a
lead that says so (facts/partner_series.py): a locality to a sentence, to a bullet line or to
a clause ("A, X and Y; B, Z"), the lead's period shared unless a clause has its own, members
added by the next sentence ("It also added …"), clauses that name no list; and, beside them,
the side a chooser is on ("On the Japanese side, …") that is no partners' country, a list
under review that is none. Articles written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)

FORUM = (
    "Central provinces name Japanese partners\n\n"
    "Five central localities used a forum in Da Nang on Friday to say which Japanese "
    "prefectures they will work with most in the 2026-2030 period. The forum drew some 300 "
    "delegates. Quang Ngai will work mainly with Okayama and Hiroshima. Hue's picks were Nara "
    "and the city of Kyoto. Quang Tri is counting on Tottori, and Gia Lai on Shizuoka until "
    "2028. Khanh Hoa put Okinawa first. It also added Kagoshima for marine tourism. Da Nang did "
    "not present a list, saying it would decide only after a study next year. The Japanese "
    "consul general said trade with the region had doubled since 2020."
)

BULLETS = (
    "Kyushu prefectures set Vietnam partners\n\n"
    "Three Kyushu prefectures on Monday each named the Vietnamese localities they will focus "
    "on through fiscal 2029:\n"
    "- Saga: An Giang and Can Tho\n"
    "- Nagasaki: Quang Ninh, Hai Phong and Khanh Hoa\n"
    "- Oita: Hanoi\n"
    "Miyazaki, which sent observers, named none."
)


def test_lists_told_one_locality_after_another():
    assert list_rows(FORUM, "en", PUBLISHED) == [
        ("gia-lai", ("shizuoka-prefecture",), None, "2028"),
        ("hue", ("kyoto-city", "nara-prefecture"), None, "2030"),
        ("khanh-hoa", ("kagoshima-prefecture", "okinawa-prefecture"), None, "2030"),
        ("quang-ngai", ("hiroshima-prefecture", "okayama-prefecture"), None, "2030"),
        ("quang-tri", ("tottori-prefecture",), None, "2030"),
    ]


def test_lists_told_on_bullet_lines():
    assert list_rows(BULLETS, "en", PUBLISHED) == [
        ("nagasaki-prefecture", ("hai-phong", "khanh-hoa", "quang-ninh"), None, "2029"),
        ("oita-prefecture", ("hanoi",), None, "2029"),
        ("saga-prefecture", ("an-giang", "can-tho"), None, "2029"),
    ]


def test_the_lines_of_a_colon_and_semicolons():
    text = (
        "Delta partners\n\n"
        "Three Mekong localities announced which Japanese prefectures they will partner with "
        "until 2029. The line-ups were read out by the moderator: Can Tho, Kagoshima and "
        "Miyazaki; Dong Thap, Niigata and Hokkaido; Vinh Long, Tottori."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("can-tho", ("kagoshima-prefecture", "miyazaki-prefecture"), None, "2029"),
        ("dong-thap", ("hokkaido", "niigata-prefecture"), None, "2029"),
        ("vinh-long", ("tottori-prefecture",), None, "2029"),
    ]


def test_lines_under_a_heading_that_ends_with_a_colon():
    text = (
        "Partners set\n\n"
        "HANOI (VNA) – Three northern localities on Monday announced the Japanese prefectures "
        "they will prioritise in the 2026-2030 period.\n"
        "According to the plans presented, the priority partners are:\n"
        "- Thai Nguyen: Ibaraki and Tochigi;\n"
        "- Lao Cai: two prefectures – Nagano and Yamanashi;\n"
        "- City of Hai Phong: Kitakyushu.\n"
        "On the sidelines, Lao Cai and Nagano agreed to study a charter flight."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("hai-phong", ("kitakyushu-city",), None, "2030"),
        ("lao-cai", ("nagano-prefecture", "yamanashi-prefecture"), 2, "2030"),
        ("thai-nguyen", ("ibaraki-prefecture", "tochigi-prefecture"), None, "2030"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no lead: places that open sentences are no lists
        "Trade\n\nQuang Ngai sent a delegation to Okayama last week. Hue signed a memorandum "
        "with Nara. Gia Lai exported coffee to Shizuoka.",
        # a lead, then clauses that name no list
        "Forum\n\nFour localities said which Japanese prefectures they would court until 2030. "
        "Ca Mau sent a delegation to Kagoshima but did not name partners. Bac Lieu is still "
        "weighing Miyazaki and Kochi. Soc Trang signed a memorandum with Saga.",
        # a list under review
        "Survey\n\nHiroshima Prefecture said it was reviewing whether to designate priority "
        "provinces in its next strategy, with Quang Ninh and Nghe An among the candidates.",
    ],
)
def test_no_list(text):
    assert list_rows(text, "en", PUBLISHED) == []


def test_the_side_a_chooser_is_on_is_no_partners_country():
    text = (
        "Forum\n\nHCM City will give priority to Osaka and Kanagawa until 2030. On the Japanese "
        "side, Osaka Prefecture named HCM City, Dong Nai and Da Nang as its three focus "
        "partners."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("ho-chi-minh-city", ("kanagawa-prefecture", "osaka-prefecture"), None, "2030"),
        ("osaka-prefecture", ("da-nang", "dong-nai", "ho-chi-minh-city"), 3, None),
    ]


def test_vietnamese_lines_and_clauses():
    bullets = (
        "Tin\n\n"
        "Bốn địa phương công bố danh sách địa phương Nhật Bản sẽ hợp tác trọng tâm trong giai "
        "đoạn 2026-2030, cụ thể như sau:\n"
        "- Thái Nguyên: tỉnh Ibaraki và tỉnh Tochigi;\n"
        "- Lào Cai: tỉnh Nagano;\n"
        "+ Thành phố Hải Phòng: thành phố Kitakyushu.\n"
        "Tỉnh Cà Mau chưa công bố danh sách đối tác."
    )
    assert list_rows(bullets, "vi", PUBLISHED) == [
        ("hai-phong", ("kitakyushu-city",), None, "2030"),
        ("lao-cai", ("nagano-prefecture",), None, "2030"),
        ("thai-nguyen", ("ibaraki-prefecture", "tochigi-prefecture"), None, "2030"),
    ]
    clauses = (
        "Tin\n\n"
        "Sau hội nghị tại Tokyo, ba tỉnh đã chốt danh sách địa phương Nhật Bản được ưu tiên hợp "
        "tác. Cụ thể: Quảng Ninh ưu tiên tỉnh Fukuoka đến năm 2029; Hà Tĩnh chọn Okayama và "
        "Hiroshima; Quảng Trị đặt trọng tâm vào tỉnh Tottori."
    )
    assert list_rows(clauses, "vi", PUBLISHED) == [
        ("ha-tinh", ("hiroshima-prefecture", "okayama-prefecture"), None, None),
        ("quang-ninh", ("fukuoka-prefecture",), None, "2029"),
        ("quang-tri", ("tottori-prefecture",), None, None),
    ]


def test_japanese_lines_and_runs():
    bullets = (
        "発表\n\n"
        "中国地方の各県が、2029年度までの重点交流先を次のとおり表明しました。\n"
        "・岡山県：カインホア省、ダナン市\n"
        "・広島県：クアンニン省\n"
        "・鳥取県：ダナン市\n"
        "なお、島根県は年度内に重点交流先を選定する予定です。"
    )
    assert list_rows(bullets, "ja", PUBLISHED) == [
        ("hiroshima-prefecture", ("quang-ninh",), None, "2029"),
        ("okayama-prefecture", ("da-nang", "khanh-hoa"), None, "2029"),
        ("tottori-prefecture", ("da-nang",), None, "2029"),
    ]
    run = (
        "記事\n\n"
        "ベトナムの各省が2030年までの計画で日本の自治体を重点パートナーに指名した。主な指名先は"
        "次の通り。ハイフォン市＝北九州市、山口県▽フート省＝茨城県"
    )
    assert list_rows(run, "ja", PUBLISHED) == [
        ("hai-phong", ("kitakyushu-city", "yamaguchi-prefecture"), None, "2030"),
        ("phu-tho", ("ibaraki-prefecture",), None, "2030"),
    ]
