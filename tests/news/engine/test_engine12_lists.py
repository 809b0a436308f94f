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
    assert fact["list_size"] is None  # three named, no size stated


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


def _slugs(fact):
    return sorted(p["slug"] for p in fact["partners"])


def test_a_focus_country_told_first_leaves_the_list_after_it():
    text = (
        "愛知県は戦略で、ベトナムを重点国と位置づけ、ハノイ市、ダナン市、フエ市の３地域を"
        "重点交流先とした。"
    )
    (fact,) = _facts(text, "priority_partners", "ja")
    assert _slugs(fact) == ["da-nang", "hanoi", "hue"]
    assert fact["list_size"] == 3


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("愛知県はベトナムを重点パートナーと位置づけている。", "ja"),
        ("Japan is a key partner of Da Nang, which works with Sakai and Yokohama.", "en"),
        ("Ngoài 3 đối tác ưu tiên, tỉnh Nam Định còn hợp tác với tỉnh Aichi và tỉnh Gifu.", "vi"),
    ],
)
def test_the_country_as_partner_or_partners_beside_the_list_give_none(text, language):
    assert _facts(text, "priority_partners", language) == []


def test_a_period_told_in_the_next_sentence():
    text = "横浜市は重点パートナーとしてダナン市とフエ市の２市を選んだ。計画期間は令和12年度まで。"
    (fact,) = _facts(text, "priority_partners", "ja")
    assert fact["until"] == "2030"


def test_a_next_sentence_with_places_of_its_own_gives_no_period():
    text = (
        "Tỉnh Aichi chọn tỉnh Đồng Nai và tỉnh Bình Dương là đối tác ưu tiên. "
        "Giai đoạn 2021-2025, tỉnh đã hợp tác với TP. Hà Nội."
    )
    (fact,) = _facts(text, "priority_partners")
    assert fact["until"] is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Thành phố Đà Nẵng điều chỉnh danh sách đối tác ưu tiên, thay tỉnh Gifu bằng tỉnh "
            "Mie; danh sách vẫn gồm 3 địa phương là tỉnh Aichi, tỉnh Mie và tỉnh Shiga.",
            "vi",
        ),
        (
            "Da Nang revised its priority partners, replacing Gifu Prefecture with Mie "
            "Prefecture; its three prefectures are now Aichi Prefecture, Mie Prefecture and "
            "Shiga Prefecture.",
            "en",
        ),
    ],
)
def test_a_list_revised_keeps_as_many_as_it_says(text, language):
    (fact,) = _facts(text, "priority_partners", language)
    assert _slugs(fact) == ["aichi-prefecture", "mie-prefecture", "shiga-prefecture"]
    assert fact["list_size"] == 3


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Tỉnh Lạng Sơn đang nghiên cứu khả năng đưa tỉnh Kagoshima vào danh sách đối tác "
            "ưu tiên.",
            "vi",
        ),
        ("Hue is considering adding Shiga Prefecture to its priority partners.", "en"),
        ("愛知県はフエ市とダナン市を重点交流先に加えることを検討している。", "ja"),
    ],
)
def test_a_partner_under_study_makes_no_list(text, language):
    assert _facts(text, "priority_partners", language) == []


def test_a_list_named_after_its_chooser_was_told_in_the_sentence_before():
    text = "福岡県は新たな計画をまとめた。重点交流先は、ハノイ市、ダナン市、フエ市の３市。"
    (fact,) = _facts(text, "priority_partners", "ja")
    assert fact["locality"]["slug"] == "fukuoka-prefecture"
    assert _slugs(fact) == ["da-nang", "hanoi", "hue"]


def test_a_japanese_size_counted_in_cities():
    text = "福岡県は新たな計画をまとめた。重点交流先は、ハノイ市、ダナン市など５市。"
    (fact,) = _facts(text, "priority_partners", "ja")
    assert fact["list_size"] == 5
