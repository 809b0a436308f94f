"""Issue 14, thirtieth pass: lists of several localities told in one sentence, each keyed by
its chooser and a colon ("Can Tho: Kagoshima and Okayama; Vinh Long: …"), with no lead
before them or with the lead in the same sentence, the lead's period shared unless a clause
has its own; a lead that names the localities whose lists follow; a lead that heads lines
with a note in brackets (次の通り（カッコ内は期間）); and the Japanese press's two-digit years
of a plan (（28年度まで）, 2027～30年度). Articles written for the test."""

import datetime as dt

from kakehashi.news.engine.dates import find_dates
from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)


def test_keyed_lists_in_the_sentence_of_their_lead():
    text = (
        "Northern provinces pick partners\n\n"
        "HANOI — Northern provinces have sharpened their cooperation with Japan, a ministry "
        "report showed. The partners chosen for the period to 2030 are as follows: Bac Ninh: "
        "Aichi and Shiga; Thai Nguyen: Saitama; Phu Tho: Gunma and Tochigi (until 2028). Ha "
        "Nam said it had not yet designated any partner."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("bac-ninh", ("aichi-prefecture", "shiga-prefecture"), None, "2030"),
        ("phu-tho", ("gunma-prefecture", "tochigi-prefecture"), None, "2028"),
        ("thai-nguyen", ("saitama-prefecture",), None, "2030"),
    ]


def test_keyed_lists_with_no_lead_vietnamese():
    text = (
        "Các địa phương Nhật Bản chọn đối tác\n\n"
        "Nhiều địa phương Nhật Bản đã xác định đối tác ưu tiên tại Việt Nam. Cụ thể: tỉnh "
        "Fukui: Nghệ An, Hà Tĩnh (đến năm 2030); tỉnh Tottori: Quảng Trị; thành phố Kobe: "
        "Hải Phòng, Đà Nẵng."
    )
    assert list_rows(text, "vi", PUBLISHED) == [
        ("fukui-prefecture", ("ha-tinh", "nghe-an"), None, "2030"),
        ("kobe-city", ("da-nang", "hai-phong"), None, None),
        ("tottori-prefecture", ("quang-tri",), None, None),
    ]


def test_keyed_lists_after_words_before_the_first_chooser_japanese():
    text = (
        "ベトナム各地、日本の協力先を明記\n\n"
        "ベトナムの各省・市が承認した2030年までの計画で、日本の重点協力先を明記した。"
        "主な内容は、ハイフォン市：北九州市、山口県；クアンニン省：福岡県；"
        "ビンズオン省：大阪府、兵庫県――など。"
    )
    rows = list_rows(text, "ja", PUBLISHED)
    assert ("hai-phong", ("kitakyushu-city", "yamaguchi-prefecture"), None, "2030") in rows
    assert ("quang-ninh", ("fukuoka-prefecture",), None, "2030") in rows
    assert len(rows) == 3


def test_a_lead_that_names_the_localities_whose_lists_follow():
    text = (
        "Southern localities share out partners\n\n"
        "Can Tho, Vinh Long and Ca Mau have each named priority partners in Japan for "
        "2026-2030. Can Tho's list comprises Kagoshima Prefecture and Fukuoka City; Vinh Long "
        "has chosen two prefectures, Okayama and Kagawa; Ca Mau has selected Miyazaki."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("ca-mau", ("miyazaki-prefecture",), None, "2030"),
        ("can-tho", ("fukuoka-city", "kagoshima-prefecture"), None, "2030"),
        ("vinh-long", ("kagawa-prefecture", "okayama-prefecture"), 2, "2030"),
    ]


def test_lines_under_a_lead_with_a_note_in_brackets():
    text = (
        "ベトナムとの交流先　本紙調査\n\n"
        "本紙の調査で、主な自治体の重点交流先は次の通り（カッコ内は期間）。\n"
        "・静岡県　タインホア省、ドンナイ省（2030年度まで）\n"
        "・岐阜県　フート省（28年度まで）\n"
        "・神戸市　ダナン市、ハイフォン市\n"
    )
    assert list_rows(text, "ja", PUBLISHED) == [
        ("gifu-prefecture", ("phu-tho",), None, "2028"),
        ("kobe-city", ("da-nang", "hai-phong"), None, None),
        ("shizuoka-prefecture", ("dong-nai", "thanh-hoa"), None, "2030"),
    ]


def test_two_digit_years_of_a_plan_in_japanese():
    def told(text):
        return [(d.kind, d.value) for d in find_dates(text, "ja", PUBLISHED)]

    assert told("期間（2027～30年度）") == [("range", "2027/2030")]
    assert told("2027年度から30年度まで") == [("range", "2027/2030")]
    assert told("（28年度まで）") == [("until", "2028")]
    assert told("令和12年度まで") == [("until", "2030")]  # the era's year, as before
    assert told("人口は28人まで") == []
