"""Issue 14, thirtieth pass: the Japanese municipalities the directory lacks as places
(municipalities.py, jp_municipalities.csv from Japan Post's data, romaji.py): by their Japanese
name and in Latin letters with their level, their bare name only where the article says which
one, the prefecture of their address not a place of its own, no slug in a fact; and the script
that writes the list. Sentences written for the test."""

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from kakehashi.news.engine import Gazetteer, extract
from kakehashi.news.engine.municipalities import plain_name
from kakehashi.news.engine.romaji import readings
from kakehashi.news.engine.text import Text
from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)
IMABARI = "municipality:38202"
KANAZAWA = "municipality:17201"


def places(text):
    return [(m.text, m.slug) for m in Gazetteer.default().find(Text(text)) if m.kind == "locality"]


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("イマバリ", {"Imabari"}),
        ("コオリヤマ", {"Koriyama", "Kooriyama"}),  # a long vowel written out or not
        ("トヨオカ", {"Toyooka", "Toyoka"}),
        ("タンバ", {"Tamba", "Tanba"}),  # n before b as m or n
        ("ヨッカイチ", {"Yokkaichi"}),  # a small tsu doubles the next consonant
        ("ミヤコノジョウ", {"Miyakonojo", "Miyakonojou"}),
        ("ハッチョウ", {"Hatcho", "Hatchou"}),
        ("カナザワ1", set()),  # no katakana of a name: no reading
    ],
)
def test_readings_in_latin_letters(kana, latin):
    assert readings(kana) == latin


@pytest.mark.parametrize(
    "text",
    [
        "愛媛県の今治市は",
        "the Imabari City government",
        "The city of Imabari said",
        "thành phố Imabari cho biết",
        "TP. Imabari",
    ],
)
def test_a_municipality_by_its_name_and_level(text):
    (found,) = [slug for _, slug in places(text) if slug != "ehime-prefecture"]
    assert found == IMABARI


def test_towns_and_villages():
    assert places("北海道東川町と群馬県嬬恋村") == [
        ("東川町", "municipality:01458"),
        ("嬬恋村", "municipality:10425"),
    ]
    assert places("Higashikawa Town and Tsumagoi Village") == [
        ("Higashikawa Town", "municipality:01458"),
        ("Tsumagoi Village", "municipality:10425"),
    ]


def test_a_bare_name_only_where_the_article_says_which():
    assert places("Mr. Kanazawa said the talks went well.") == []  # a surname
    assert places("Kanazawa City signed the memorandum. Kanazawa will host it.") == [
        ("Kanazawa City", KANAZAWA),
        ("Kanazawa", KANAZAWA),
    ]
    assert places("IMABARI, Ehime Prefecture — The city said") == [("IMABARI", IMABARI)]
    assert places("Kanazawa in Ishikawa Prefecture") == [("Kanazawa", KANAZAWA)]
    # beside another prefecture: not that one's town
    assert ("Kanazawa", KANAZAWA) not in places("Kanazawa, Aichi Prefecture")


def test_the_prefecture_of_an_address_is_no_place_of_its_own():
    assert places("岡山県津山市は") == [("津山市", "municipality:33203")]
    assert places("群馬県の嬬恋村") == [("嬬恋村", "municipality:10425")]
    assert places("The Gunma town of Oizumi") == [("town of Oizumi", "municipality:10524")]
    assert places("Ehime Prefecture and Imabari City") == [
        ("Ehime Prefecture", "ehime-prefecture"),
        ("Imabari City", IMABARI),
    ]


def test_not_inside_other_words():
    assert places("中央市場で開かれた") == []  # a market, not 中央市 (Yamanashi)
    assert places("富山市と高岡市") == [
        ("富山市", "municipality:16201"),
        ("高岡市", "municipality:16202"),
    ]


def test_a_bare_name_told_as_a_city_around_it():
    assert places("TOYAMA — Kurobe, a city of 40,000 on the coast, said") == [
        ("TOYAMA", "toyama-prefecture"),
        ("Kurobe", "municipality:16207"),
    ]
    assert places("the heritage cities of Kyoto, Kanazawa and Matsue") == [
        ("Kyoto", "kyoto-city"),
        ("Kanazawa", KANAZAWA),
        ("Matsue", "municipality:32201"),
    ]


def test_the_directory_s_cities_keep_their_slugs():
    assert places("Kitakyushu City and 高山市") == [
        ("Kitakyushu City", "kitakyushu-city"),
        ("高山市", "takayama-city"),
    ]


def test_in_a_fact_by_its_name_with_no_slug():
    text = (
        "Imabari picks Vietnamese partners\n\n"
        "Imabari City in Ehime Prefecture has chosen Hai Phong and Quang Ninh as its priority "
        "partners until 2030."
    )
    (fact,) = [f for f in extract(text, "en", PUBLISHED)["facts"] if f["type"] != "person"]
    # by its name as the article first writes it (the headline's)
    assert fact["locality"] == {"name": "Imabari", "slug": None}
    assert list_rows(text, "en", PUBLISHED) == [
        ("Imabari", ("hai-phong", "quang-ninh"), None, "2030"),
    ]


def test_a_member_a_town_named_in_japanese():
    text = (
        "ラムドン省、日本の重点交流先を決定\n\n"
        "ラムドン省は、長野県と群馬県嬬恋村を2030年までの重点交流先とすることを決めた。"
    )
    assert list_rows(text, "ja", PUBLISHED) == [
        ("lam-dong", ("nagano-prefecture", "嬬恋村"), None, "2030"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tỉnh Quảng Ninh xác định các đối tác ưu tiên gồm tỉnh Aichi và tỉnh Gifu, đồng thời "
         "nghiên cứu hợp tác với tỉnh Nagano.", "vi"),
        ("Quang Ninh has chosen Aichi and Gifu as its priority partners, and is also studying "
         "cooperation with Nagano.", "en"),
    ],
)  # fmt: skip
def test_ties_only_studied_are_no_members(text, language):
    assert list_rows(text, language, PUBLISHED) == [
        ("quang-ninh", ("aichi-prefecture", "gifu-prefecture"), None, None),
    ]


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("Imabari City", "imabari"),
        ("the city of Imabari", "imabari"),
        ("thành phố Kanazawa", "kanazawa"),
        ("今治市", "今治"),
        ("kyoto-city", "kyoto-city"),  # a slug as it is
    ],
)
def test_a_name_without_the_words_of_its_level(name, plain):
    assert plain_name(name) == plain


def _script():
    path = Path(__file__).resolve().parents[3] / "scripts" / "jp_municipalities.py"
    spec = importlib.util.spec_from_file_location("jp_municipalities", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_writes_a_municipality_from_a_postal_record():
    municipality = _script().municipality
    assert municipality("01458", "北海道", "上川郡東川町", "カミカワグンヒガシカワチョウ") == {
        "code": "01458",
        "prefecture_code": "01",
        "level": "town",
        "name_ja": "東川町",
        "name_kana": "ヒガシカワ",
    }
    assert municipality("07203", "福島県", "郡山市", "コオリヤマシ")["name_ja"] == "郡山市"
    assert municipality("01101", "北海道", "札幌市中央区", "サッポロシチュウオウク") is None
    assert municipality("13101", "東京都", "千代田区", "チヨダク")["level"] == "ward"
