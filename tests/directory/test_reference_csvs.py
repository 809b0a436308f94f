"""Checks of the reference-data CSV files shipped in ``kakehashi/directory/data``.

Plain pytest: no Django settings or database are needed. The files are read with the csv
module from the installed ``kakehashi.directory`` package.
"""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from vietnamadminunits.database import query

import kakehashi.directory

DATA_DIR = Path(kakehashi.directory.__file__).resolve().parent / "data"
JP_CSV = DATA_DIR / "jp_localities.csv"
VN_CSV = DATA_DIR / "vn_locality_names.csv"

JP_COLUMNS = [
    "code",
    "level",
    "name_ja",
    "name_kana",
    "name_en",
    "parent_code",
    "iso_code",
    "is_current",
    "successor_code",
    "valid_until",
]
VN_COLUMNS = ["scheme", "code", "name_en", "name_ja"]

# The repository sits at <root>/main next to <root>/shared: this file is
# <root>/main/tests/directory/test_reference_csvs.py.
REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PARTNERSHIPS_CSV = SHARED_DATA / "vn_jp_partnerships.csv"

HIRAGANA = re.compile(r"^[\u3041-\u3096\u30fc]+$")  # hiragana and the long-vowel mark ー

DESIGNATED_CITIES = {
    "Sapporo City": "011002",
    "Sendai City": "041009",
    "Saitama City": "111007",
    "Chiba City": "121002",
    "Yokohama City": "141003",
    "Kawasaki City": "141305",
    "Sagamihara City": "141500",
    "Niigata City": "151009",
    "Shizuoka City": "221007",
    "Hamamatsu City": "221309",
    "Nagoya City": "231002",
    "Kyoto City": "261009",
    "Osaka City": "271004",
    "Sakai City": "271403",
    "Kobe City": "281000",
    "Okayama City": "331007",
    "Hiroshima City": "341002",
    "Kitakyushu City": "401005",
    "Fukuoka City": "401307",
    "Kumamoto City": "431001",
}

HAMAMATSU = "221309"
# Wards of Hamamatsu since 1 January 2024 (天竜区 kept its name but got a new code).
# A designated city's ward is named with its city: 中央区 alone is also Tokyo's Chuo City.
HAMAMATSU_WARDS = {"浜松市中央区": "221384", "浜松市浜名区": "221392", "浜松市天竜区": "221406"}
HAMAMATSU_OLD_WARD_NAMES = {"中区", "東区", "西区", "南区", "北区", "浜北区"}

TAMBA_SASAYAMA = "282219"

# Every jp_party string of the shared partnership list -> the code of its row.
JP_PARTY_CODES = {
    "Osaka Prefecture": "27",
    "Osaka City": "271004",
    "Aichi Prefecture": "23",
    "Shiga Prefecture": "25",
    "Yamaguchi Prefecture": "35",
    "Yamaguchi Prefectural Assembly": "35",
    "Hyogo Prefecture": "28",
    "Fukuoka Prefecture": "40",
    "Tokyo Metropolitan Government": "13",
    "Kitakyushu City": "401005",
    "Niigata Prefecture": "15",
    "Sakai City": "271403",
    "Yokohama City": "141003",
    "Kyoto Prefecture": "26",
    "Nara Prefecture": "29",
    "Takayama City (Gifu)": "212032",
    "Sasayama City (Hyogo; now Tamba-Sasayama)": TAMBA_SASAYAMA,
    "Akita Prefecture": "05",
    "Izumisano City": "272132",
    "Saiki City (Oita)": "442054",
    "Hiroshima Prefecture": "34",
    "Fukuoka City": "401307",
}


def check_digit(code5: str) -> str:
    """Check digit of a 5-digit JIS X 0402 code (weights 6,5,4,3,2; modulus 11)."""
    weights = (6, 5, 4, 3, 2)
    total = sum(w * int(d) for w, d in zip(weights, code5, strict=True))
    return str((11 - total % 11) % 10)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def jp_rows() -> list[dict[str, str]]:
    header, rows = read_csv(JP_CSV)
    assert header == JP_COLUMNS
    return rows


@pytest.fixture(scope="module")
def vn_rows() -> list[dict[str, str]]:
    header, rows = read_csv(VN_CSV)
    assert header == VN_COLUMNS
    return rows


# --- Japan ---------------------------------------------------------------------------


def test_check_digit_examples():
    assert check_digit("27100") == "4"  # Osaka City 271004
    assert check_digit("01100") == "2"  # Sapporo 011002
    assert check_digit("13101") == "6"  # Chiyoda 131016


def test_jp_column_values_are_well_formed(jp_rows):
    levels = {"prefecture", "designated_city", "ward", "city"}
    for row in jp_rows:
        assert row["level"] in levels, row
        assert row["is_current"] in {"0", "1"}, row
        assert re.fullmatch(r"\d{2}|\d{6}", row["code"]), row
        for column in ("name_ja", "name_kana", "name_en"):
            assert row[column].strip() == row[column] != "", (column, row)
        assert HIRAGANA.match(row["name_kana"]), row
        if row["is_current"] == "1":
            assert row["successor_code"] == "", row
        else:
            assert row["successor_code"] != "", row


def test_47_prefectures(jp_rows):
    prefectures = [r for r in jp_rows if r["level"] == "prefecture"]
    assert len(prefectures) == 47
    codes = [r["code"] for r in prefectures]
    assert Counter(codes) == Counter(f"{n:02d}" for n in range(1, 48))
    for row in prefectures:
        assert row["iso_code"] == f"JP-{row['code']}"
        assert row["parent_code"] == ""
        assert row["is_current"] == "1"
        assert row["successor_code"] == ""
        assert row["name_ja"] and row["name_kana"] and row["name_en"]
        assert HIRAGANA.match(row["name_kana"]), row["name_kana"]
    by_code = {r["code"]: r for r in prefectures}
    assert by_code["01"]["name_en"] == "Hokkaido"
    assert by_code["01"]["name_ja"] == "北海道"
    assert by_code["13"]["name_en"] == "Tokyo Metropolis"
    assert by_code["13"]["name_ja"] == "東京都"
    assert by_code["27"]["name_en"] == "Osaka Prefecture"
    assert by_code["27"]["name_ja"] == "大阪府"
    assert by_code["27"]["name_kana"] == "おおさかふ"
    assert by_code["26"]["name_ja"] == "京都府"
    assert by_code["47"]["name_ja"] == "沖縄県"
    # Only prefectures carry an ISO 3166-2 code.
    assert all(r["iso_code"] == "" for r in jp_rows if r["level"] != "prefecture")


def test_20_designated_cities(jp_rows):
    cities = [r for r in jp_rows if r["level"] == "designated_city"]
    assert len(cities) == 20
    assert {r["name_en"]: r["code"] for r in cities} == DESIGNATED_CITIES
    for row in cities:
        assert row["parent_code"] == row["code"][:2]
        assert row["is_current"] == "1"
        assert row["name_ja"].endswith("市")
    osaka = next(r for r in cities if r["code"] == "271004")
    assert (osaka["name_ja"], osaka["name_kana"]) == ("大阪市", "おおさかし")


def test_municipal_codes_have_valid_check_digit_and_prefecture(jp_rows):
    prefecture_codes = {r["code"] for r in jp_rows if r["level"] == "prefecture"}
    municipal = [r for r in jp_rows if r["level"] != "prefecture"]
    assert municipal
    for row in municipal:
        code = row["code"]
        assert re.fullmatch(r"\d{6}", code), row
        assert code[5] == check_digit(code[:5]), row
        assert code[:2] in prefecture_codes, row
        if row["level"] == "ward":
            # A ward's parent is its city, in the same prefecture.
            assert row["parent_code"][:2] == code[:2], row
        else:
            assert row["parent_code"] == code[:2], row


def test_wards_are_named_with_their_city(jp_rows):
    by_code = {r["code"]: r for r in jp_rows if r["is_current"] == "1"}
    wards = [r for r in jp_rows if r["level"] == "ward"]
    assert wards
    for ward in wards:
        city = by_code[ward["parent_code"]]
        assert ward["name_ja"].startswith(city["name_ja"]), ward
        assert ward["name_kana"].startswith(city["name_kana"]), ward
        assert ward["name_en"].endswith(", " + city["name_en"].removesuffix(" City")), ward


def test_hamamatsu_has_exactly_the_three_wards_of_2024(jp_rows):
    wards = [r for r in jp_rows if r["parent_code"] == HAMAMATSU]
    assert {r["name_ja"]: r["code"] for r in wards} == HAMAMATSU_WARDS
    assert all(r["level"] == "ward" and r["is_current"] == "1" for r in wards)
    names_ja = {r["name_ja"] for r in jp_rows}
    old_names = HAMAMATSU_OLD_WARD_NAMES | {f"浜松市{name}" for name in HAMAMATSU_OLD_WARD_NAMES}
    assert not (old_names & names_ja)
    # The pre-2024 ward codes 22131..22137 (天竜区 included) are gone too.
    old_codes = {f"{n}{check_digit(str(n))}" for n in range(22131, 22138)}
    assert not (old_codes & {r["code"] for r in jp_rows})
    assert {r["name_en"] for r in wards} == {
        "Chuo Ward, Hamamatsu",
        "Hamana Ward, Hamamatsu",
        "Tenryu Ward, Hamamatsu",
    }


def test_sasayama_renamed_tamba_sasayama(jp_rows):
    rows = [r for r in jp_rows if r["code"] == TAMBA_SASAYAMA]
    by_current = {r["is_current"]: r for r in rows}
    assert len(rows) == 2 and set(by_current) == {"0", "1"}
    assert by_current["1"]["name_ja"] == "丹波篠山市"
    assert by_current["1"]["name_en"] == "Tamba-Sasayama City"
    assert by_current["1"]["successor_code"] == ""
    assert by_current["0"]["name_ja"] == "篠山市"
    assert by_current["0"]["name_en"] == "Sasayama City"
    assert by_current["0"]["successor_code"] == TAMBA_SASAYAMA
    assert {r["parent_code"] for r in rows} == {"28"}


def test_references_resolve_and_current_codes_are_unique(jp_rows):
    current_codes = [r["code"] for r in jp_rows if r["is_current"] == "1"]
    duplicates = [code for code, n in Counter(current_codes).items() if n > 1]
    assert duplicates == []
    keys = [(r["code"], r["is_current"]) for r in jp_rows]
    assert len(keys) == len(set(keys))
    current = set(current_codes)
    for row in jp_rows:
        if row["parent_code"]:
            assert row["parent_code"] in current, row
        if row["successor_code"]:
            assert row["successor_code"] in current, row
            assert row["successor_code"] != row["code"] or row["is_current"] == "0", row


def test_every_japanese_partner_maps_to_a_row(jp_rows):
    assert PARTNERSHIPS_CSV.is_file(), (
        f"{PARTNERSHIPS_CSV} not found: the shared folder must sit beside the clone "
        f"({REPO_ROOT.parent / 'shared'})"
    )
    with PARTNERSHIPS_CSV.open(encoding="utf-8", newline="") as handle:
        parties = {row["jp_party"] for row in csv.DictReader(handle)}
    assert parties, "no partnerships read"
    assert parties - JP_PARTY_CODES.keys() == set()
    current = {r["code"]: r for r in jp_rows if r["is_current"] == "1"}
    for party in parties:
        code = JP_PARTY_CODES[party]
        assert code in current, (party, code)
    assert current[JP_PARTY_CODES["Tokyo Metropolitan Government"]]["name_ja"] == "東京都"
    assert current[JP_PARTY_CODES["Takayama City (Gifu)"]]["name_ja"] == "高山市"
    assert current[JP_PARTY_CODES["Izumisano City"]]["name_ja"] == "泉佐野市"
    assert current[JP_PARTY_CODES["Saiki City (Oita)"]]["name_ja"] == "佐伯市"


# --- Vietnam -------------------------------------------------------------------------


def _package_codes(table: str) -> set[str]:
    return {r["provinceCode"] for r in query(f"SELECT DISTINCT provinceCode FROM {table}")}


def test_vn_names_cover_both_schemes(vn_rows):
    by_scheme = Counter(r["scheme"] for r in vn_rows)
    # "2024": units that had changed before the package's legacy map (Thua Thien Hue)
    assert by_scheme == {"2025": 34, "legacy": 63, "2024": 1}
    keys = [(r["scheme"], r["code"]) for r in vn_rows]
    assert len(keys) == len(set(keys))
    assert {r["code"] for r in vn_rows if r["scheme"] == "2025"} == _package_codes("admin_units")
    assert {r["code"] for r in vn_rows if r["scheme"] == "legacy"} == _package_codes(
        "admin_units_legacy"
    )
    for row in vn_rows:
        assert row["name_en"].strip() == row["name_en"] != "", row
        assert row["name_ja"].strip() == row["name_ja"] != "", row
        assert row["name_en"].isascii(), row
        assert row["name_ja"].endswith(("市", "省")), row


def test_vn_names_of_note(vn_rows):
    names = {(r["scheme"], r["code"]): (r["name_en"], r["name_ja"]) for r in vn_rows}
    assert names[("2025", "79")] == ("Ho Chi Minh City", "ホーチミン市")
    assert names[("2025", "01")] == ("Hanoi", "ハノイ市")
    assert names[("2025", "46")] == ("Hue", "フエ市")
    # Hue was a centrally-run city from 1 January 2025 until the July 2025 reform.
    assert names[("legacy", "46")] == ("Hue", "フエ市")
    assert names[("2024", "46")] == ("Thua Thien Hue", "トゥアティエン・フエ省")
    assert names[("legacy", "74")] == ("Binh Duong", "ビンズオン省")
    assert names[("legacy", "77")][0] == "Ba Ria - Vung Tau"
    central_2025 = {"01", "31", "46", "48", "79", "92"}
    central_legacy = {"01", "31", "46", "48", "79", "92"}
    for (scheme, code), (_en, ja) in names.items():
        central = {"2025": central_2025, "legacy": central_legacy, "2024": set()}[scheme]
        assert ja.endswith("市") == (code in central), (scheme, code, ja)
