import pytest

from kakehashi.directory.reference_rows import japan_rows, slugify, vietnam_rows
from kakehashi.news.engine import Gazetteer, extract
from kakehashi.news.engine.text import Text


def found(text, gazetteer=None):
    g = gazetteer or Gazetteer.default()
    return [(m.text, m.slug or m.key) for m in g.find(Text(text))]


@pytest.mark.parametrize(
    "form",
    [
        "TP.HCM", "TPHCM", "TP HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh",
        "thành phố Hồ Chí Minh", "ホーチミン市", "HCMC", "Ho Chi Minh City", "HCM City",
    ],
)  # fmt: skip
def test_ho_chi_minh_city_in_its_usual_forms(form):
    assert found(f"Đoàn đến {form} hôm qua.") == [(form, "ho-chi-minh-city")]


def test_hanoi_is_the_current_unit():
    assert found("Hà Nội, ハノイ and Hanoi") == [
        ("Hà Nội", "hanoi"),
        ("ハノイ", "hanoi"),
        ("Hanoi", "hanoi"),
    ]


def test_a_former_province_resolves_to_the_former_unit_and_names_its_successor():
    g = Gazetteer.default()
    [m] = g.find(Text("Lãnh đạo tỉnh Bình Dương tiếp đoàn."))
    assert (m.text, m.slug, m.successor) == (
        "tỉnh Bình Dương",
        "binh-duong-before-2025",
        "ho-chi-minh-city",
    )
    [m] = g.find(Text("Binh Duong province welcomed investors."))
    assert (m.slug, m.successor) == ("binh-duong-before-2025", "ho-chi-minh-city")


def test_prefecture_and_city():
    assert found("tỉnh Osaka, TP. Osaka, thành phố Osaka, Osaka") == [
        ("tỉnh Osaka", "osaka-prefecture"),
        ("TP. Osaka", "osaka-city"),
        ("thành phố Osaka", "osaka-city"),
        ("Osaka", "osaka-prefecture"),
    ]
    assert found("大阪府と大阪市、愛知県、北九州市") == [
        ("大阪府", "osaka-prefecture"),
        ("大阪市", "osaka-city"),
        ("愛知県", "aichi-prefecture"),
        ("北九州市", "kitakyushu-city"),
    ]
    assert found("Osaka Prefecture, Osaka City, the city of Osaka, Aichi Prefecture") == [
        ("Osaka Prefecture", "osaka-prefecture"),
        ("Osaka City", "osaka-city"),
        ("city of Osaka", "osaka-city"),
        ("Aichi Prefecture", "aichi-prefecture"),
    ]
    # a city without a prefecture of the same name is the city
    assert found("Yokohama và Kitakyushu") == [
        ("Yokohama", "yokohama-city"),
        ("Kitakyushu", "kitakyushu-city"),
    ]


def test_proper_nouns_must_be_capitalised_and_tone_marks_may_sit_either_way():
    assert found("bình dương và hòa bình") == []
    assert found("tỉnh Hoà Bình và Khánh Hòa") == [
        ("tỉnh Hoà Bình", "hoa-binh-before-2025"),
        ("Khánh Hòa", "khanh-hoa"),
    ]


def test_organisations_by_name_and_acronym():
    text = (
        "JETRO, JICA, Bộ Ngoại giao, Bộ Ngoại giao Nhật Bản, 在ベトナム日本国大使館, 外務省, VCCI"
    )
    assert found(text) == [
        ("JETRO", "jetro"),
        ("JICA", "jica"),
        ("Bộ Ngoại giao", "mofa-vn"),
        ("Bộ Ngoại giao Nhật Bản", "mofa-jp"),
        ("在ベトナム日本国大使館", "embassy-jp-vn"),
        ("外務省", "mofa-jp"),
        ("VCCI", "vcci"),
    ]


def test_the_platforms_organisations_are_added():
    g = Gazetteer.default().with_organisations(
        [
            {
                "name": "Công ty Sakura Việt",
                "aliases": ["Sakura Viet"],
                "key": "org-7",
                "country": "VN",
            }
        ]
    )
    assert found("Công ty Sakura Việt và Sakura Viet", g) == [
        ("Công ty Sakura Việt", "org-7"),
        ("Sakura Viet", "org-7"),
    ]
    assert found("Sakura Viet") == []  # the default gazetteer is unchanged


def test_slugs_are_the_directory_slugs():
    from django.utils.text import slugify as django_slugify

    for row in vietnam_rows() + japan_rows():
        assert slugify(row.name_en) == django_slugify(row.name_en)
    slugs = {row.slug for row in vietnam_rows() + japan_rows()}
    assert {"ho-chi-minh-city", "hanoi", "hanoi-before-2025", "binh-duong-before-2025"} <= slugs
    assert {"osaka-prefecture", "osaka-city", "aichi-prefecture", "kitakyushu-city"} <= slugs
    assert len(vietnam_rows()) == 34 + 63 + 1


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("the Deputy Mayor of Kochi City said", "Kochi City"),
        ("Phó Thị trưởng thành phố Kochi cho biết", "thành phố Kochi"),
        ("高知市の副市長は", "高知市"),
    ],
)
def test_a_prefecture_s_name_used_for_a_city_not_listed_is_a_place_with_no_slug(text, written):
    # the municipality the directory lacks (municipalities.py): the engine's key, no slug
    assert found(text) == [(written, "municipality:39201")]
    language = "ja" if written == "高知市" else "vi" if "thành" in text else "en"
    places = [m for m in extract(text, language=language)["mentions"] if m["kind"] == "locality"]
    assert [(m["text"], m["slug"], m["key"]) for m in places] == [
        (written, None, "municipality:39201")
    ]
    assert found("Kochi Prefecture and Kochi") == [
        ("Kochi Prefecture", "kochi-prefecture"),
        ("Kochi", "kochi-prefecture"),
    ]


@pytest.mark.parametrize(
    ("form", "slug"),
    [
        # the spellings of the Japanese press for one sound (ヴィ/ビ), with or without the dot
        ("ビンロン省", "vinh-long"), ("ヴィンロン省", "vinh-long"), ("ジャライ省", "gia-lai"),
        ("トゥアティエンフエ省", "thua-thien-hue-before-2025"),
        ("バリアブンタウ省", "ba-ria-vung-tau-before-2025"),
        ("đạo Hokkaido", "hokkaido"), ("Tokyo Metropolitan", "tokyo-metropolis"),
        ("Hanoi capital", "hanoi"),
    ],
)  # fmt: skip
def test_the_press_spellings_the_snippet_writers_found_missing(form, slug):
    entry = Gazetteer.default().lookup(form)
    assert entry is not None and entry.slug == slug
