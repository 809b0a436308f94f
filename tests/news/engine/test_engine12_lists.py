"""Priority lists (issue 14, twelfth pass): a list hoped for is no list ("mong muốn X sẽ trở
thành đối tác trọng điểm", "would like X to become a key partner", 重点交流先にしたい), and a
city the directory does not hold told between known partners with its prefecture in brackets
("thành phố Matsumoto (tỉnh Nagano)") is the partner, not its prefecture; sentences written for
the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates

PUBLISHED = dt.date(2026, 11, 20)


def _facts(text, kind, language="vi"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == kind]


def _partners(fact):
    return sorted((p["name"], p["slug"]) for p in fact["partners"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Tỉnh Nam Định có quan hệ với 3 địa phương Nhật Bản là Aichi, Gifu và Mie, và mong "
            "muốn tỉnh Gifu sẽ trở thành một trong những đối tác ưu tiên của tỉnh.",
            "vi",
        ),
        (
            "Lãnh đạo thành phố Cần Thơ hy vọng tỉnh Aichi và tỉnh Mie sớm trở thành đối tác "
            "trọng điểm của thành phố.",
            "vi",
        ),
        (
            "Hue, which works with Kyoto and Nara, would like Shiga Prefecture to become one of "
            "its priority partners.",
            "en",
        ),
        ("本県は、フエ省とダナン市を重点交流先としたい考えだ。", "ja"),
        ("愛知県はタインホア省とゲアン省が重点交流先となることを期待している。", "ja"),
    ],
)
def test_a_list_hoped_for_is_no_list(text, language):
    assert _facts(text, "priority_partners", language) == []


@pytest.mark.parametrize(
    ("text", "language", "partners"),
    [
        # a wish told before, then a list chosen: the list stands
        (
            "Để hiện thực hóa mong muốn mở rộng hợp tác, tỉnh Nam Định đã chọn tỉnh Aichi và "
            "tỉnh Gifu là đối tác ưu tiên đến năm 2030.",
            "vi",
            [("tỉnh Aichi", "aichi-prefecture"), ("tỉnh Gifu", "gifu-prefecture")],
        ),
        # a wish told after the list does not undo it
        (
            "Tỉnh Nam Định xác định tỉnh Aichi và tỉnh Gifu là đối tác ưu tiên và mong muốn "
            "mở rộng hợp tác.",
            "vi",
            [("tỉnh Aichi", "aichi-prefecture"), ("tỉnh Gifu", "gifu-prefecture")],
        ),
        (
            "Hue named Kyoto Prefecture and Nara Prefecture as its priority partners and hopes "
            "to add more.",
            "en",
            [("Kyoto", "kyoto-prefecture"), ("Nara", "nara-prefecture")],
        ),
    ],
)
def test_a_list_stated_beside_a_wish_stands(text, language, partners):
    (fact,) = _facts(text, "priority_partners", language)
    assert [slug for _, slug in _partners(fact)] == sorted(slug for _, slug in partners)


def test_unknown_city_between_known_partners_is_kept_and_its_prefecture_left_out():
    text = (
        "Kế hoạch xác định các đối tác ưu tiên của tỉnh Quảng Ninh gồm tỉnh Aichi, "
        "thành phố Kanazawa (tỉnh Ishikawa) và tỉnh Gifu."
    )
    (fact,) = _facts(text, "priority_partners")
    assert _partners(fact) == [
        ("thành phố Kanazawa", None),
        ("tỉnh Aichi", "aichi-prefecture"),
        ("tỉnh Gifu", "gifu-prefecture"),
    ]
    assert fact["list_size"] == 3


def test_no_unknown_partner_told_after_the_list():
    text = (
        "Tỉnh Quảng Ninh xác định các đối tác ưu tiên gồm tỉnh Aichi và tỉnh Gifu, "
        "đồng thời nghiên cứu hợp tác với thành phố Kanazawa."
    )
    (fact,) = _facts(text, "priority_partners")
    assert _partners(fact) == [("tỉnh Aichi", "aichi-prefecture"), ("tỉnh Gifu", "gifu-prefecture")]


@pytest.mark.parametrize(
    ("text", "language", "kind", "value"),
    [
        ("計画期間は令和８年度から令和12年度までとする。", "ja", "range", "2026/2030"),
        ("県は令和8年度～12年度の戦略をまとめた。", "ja", "range", "2026/2030"),
        ("計画期間は令和12年度まで。", "ja", "until", "2030"),
        ("The list runs through fiscal 2029.", "en", "until", "2029"),
        ("The plan runs until FY2030.", "en", "until", "2030"),
    ],
)
def test_periods_of_era_years_and_fiscal_years(text, language, kind, value):
    found = [(d.kind, d.value) for d in find_dates(text, language, PUBLISHED)]
    assert (kind, value) in found


def test_a_list_until_fiscal_year():
    text = "Kumamoto Prefecture named Hue and Da Nang as its priority partners through fiscal 2029."
    (fact,) = _facts(text, "priority_partners", "en")
    assert fact["until"] == "2029"
