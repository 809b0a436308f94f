"""The reference rows, pure Python (no Django): the sector taxonomy, Vietnam's province-level
units before and after 1 July 2025 (from the vietnamadminunits package) and Japan's prefectures
and municipalities (from the CSV kept in this project), each with its directory slug.

This is the one home of the slugs: `reference.py` loads these rows into the database and the
news engine's gazetteer (kakehashi.news.engine.gazetteer) reads them to name places.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
# Vietnam's 63 provinces became 34 on this day.
VN_REFORM_DATE = dt.date(2025, 7, 1)
VN_CENTRAL_CITIES_2025 = {"01", "31", "46", "48", "79", "92"}
# Hue became a centrally-run city on 1 January 2025, before the July reform.
VN_CENTRAL_CITIES_LEGACY = {"01", "31", "46", "48", "79", "92"}

# The values of directory.models.LocalityLevel.
VN_PROVINCE = "province"
VN_CENTRAL_CITY = "central_city"
JP_PREFECTURE = "prefecture"
JP_DESIGNATED_CITY = "designated_city"
JP_CITY = "city"
JP_WARD = "ward"


def slugify(value: str) -> str:
    """Django's `slugify` (allow_unicode=False), the same function without the import."""
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


@dataclass(frozen=True)
class LocalityRow:
    country: str  # "VN" or "JP"
    code: str
    is_current: bool
    slug: str
    level: str
    name_local: str
    name_vi: str
    name_en: str
    name_ja: str
    name_kana: str = ""
    iso_code: str = ""
    valid_until: dt.date | None = None
    successor: tuple[str, bool] | None = None  # (code, is_current) of the unit that took over
    parent_code: str = ""
    vn_key: str = ""  # vietnamadminunits' province key, e.g. "tinhbinhduong"


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class VnUnit:
    code: str
    key: str  # vietnamadminunits' province key, e.g. "tinhbinhduong"
    name_local: str  # e.g. "Tỉnh Bình Dương"
    name_short: str  # e.g. "Bình Dương"


def _vietnamese_short_name(unit: VnUnit) -> str:
    # "Hồ Chí Minh" alone names the man; the city is always "Thành phố Hồ Chí Minh".
    return unit.name_local if unit.name_short == "Hồ Chí Minh" else unit.name_short


def _vn_units(table: str) -> list[VnUnit]:
    from vietnamadminunits.database import query

    rows = query(
        "SELECT DISTINCT provinceCode, provinceKey, province, provinceShort "
        f"FROM [{table}] ORDER BY provinceCode"
    )
    return [
        VnUnit(r["provinceCode"], r["provinceKey"], r["province"], r["provinceShort"]) for r in rows
    ]


def _vn_merger_map() -> dict[str, str]:
    """Former province key -> the 2025 province key that took it over."""
    import vietnamadminunits

    path = resources.files(vietnamadminunits) / "data" / "converter_2025.json"
    merged_into = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    return {old: new for new, olds in merged_into.items() for old in olds}


@lru_cache(maxsize=1)
def sector_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("sectors.csv"))


@lru_cache(maxsize=1)
def vietnam_rows() -> tuple[LocalityRow, ...]:
    """The 34 current units, the 63 units of before 1 July 2025 and Thua Thien Hue (a province
    until 2024, when it became the centrally-run city of Hue)."""
    names = {(r["scheme"], r["code"]): r for r in read_csv("vn_locality_names.csv")}
    out: list[LocalityRow] = []
    code_by_key: dict[str, str] = {}
    for unit in _vn_units("admin_units"):
        extra = names[("2025", unit.code)]
        code_by_key[unit.key] = unit.code
        out.append(
            LocalityRow(
                country="VN",
                code=unit.code,
                is_current=True,
                slug=slugify(extra["name_en"]),
                level=VN_CENTRAL_CITY if unit.code in VN_CENTRAL_CITIES_2025 else VN_PROVINCE,
                name_local=unit.name_local,
                name_vi=_vietnamese_short_name(unit),
                name_en=extra["name_en"],
                name_ja=extra["name_ja"],
                vn_key=unit.key,
            )
        )
    merged_into = _vn_merger_map()
    for unit in _vn_units("admin_units_legacy"):
        extra = names[("legacy", unit.code)]
        out.append(
            LocalityRow(
                country="VN",
                code=unit.code,
                is_current=False,
                slug=f"{slugify(extra['name_en'])}-before-2025",
                level=VN_CENTRAL_CITY if unit.code in VN_CENTRAL_CITIES_LEGACY else VN_PROVINCE,
                name_local=unit.name_local,
                name_vi=_vietnamese_short_name(unit),
                name_en=extra["name_en"],
                name_ja=extra["name_ja"],
                valid_until=VN_REFORM_DATE - dt.timedelta(days=1),
                successor=(code_by_key[merged_into[unit.key]], True),
                vn_key=unit.key,
            )
        )
    # Units that had already changed before the package's legacy map (1 January 2025):
    # Thua Thien Hue province became the centrally-run city of Hue (Resolution
    # 1314/NQ-UBTVQH15 of the National Assembly Standing Committee, 30 November 2024).
    extra = names[("2024", "46")]
    out.append(
        LocalityRow(
            country="VN",
            code="46",
            is_current=False,
            slug=f"{slugify(extra['name_en'])}-before-2025",
            level=VN_PROVINCE,
            name_local="Tỉnh Thừa Thiên Huế",
            name_vi="Thừa Thiên Huế",
            name_en=extra["name_en"],
            name_ja=extra["name_ja"],
            valid_until=dt.date(2024, 12, 31),
            successor=(code_by_key["thanhphohue"], True),
        )
    )
    return tuple(out)


def vietnamese_name_of_japanese_place(name_en: str, level: str) -> str:
    """The usual Vietnamese form: "Tỉnh Aichi", "Thành phố Osaka", "Quận Chuo, Hamamatsu"."""
    if name_en == "Tokyo Metropolis":
        return "Thủ đô Tokyo"
    if level == JP_PREFECTURE:
        base = name_en.removesuffix(" Prefecture")
        return base if base == "Hokkaido" else f"Tỉnh {base}"
    if level == JP_WARD:
        ward, _comma, city = name_en.partition(", ")
        return f"Quận {ward.removesuffix(' Ward')}, {city}" if city else name_en
    if level in (JP_CITY, JP_DESIGNATED_CITY):
        return f"Thành phố {name_en.removesuffix(' City')}"
    return name_en


@lru_cache(maxsize=1)
def japan_rows() -> tuple[LocalityRow, ...]:
    out = []
    for row in read_csv("jp_localities.csv"):
        is_current = row["is_current"] == "1"
        slug_base = slugify(row["name_en"]) or row["code"]
        out.append(
            LocalityRow(
                country="JP",
                code=row["code"],
                is_current=is_current,
                slug=slug_base if is_current else f"{slug_base}-former",
                level=row["level"],
                name_local=row["name_ja"],
                name_vi=vietnamese_name_of_japanese_place(row["name_en"], row["level"]),
                name_en=row["name_en"],
                name_ja=row["name_ja"],
                name_kana=row["name_kana"],
                iso_code=row["iso_code"],
                valid_until=dt.date.fromisoformat(row["valid_until"])
                if row["valid_until"]
                else None,
                successor=(row["successor_code"], True) if row["successor_code"] else None,
                parent_code=row["parent_code"],
            )
        )
    return tuple(out)


def locality_rows() -> tuple[LocalityRow, ...]:
    """Every locality row, Vietnam first."""
    return vietnam_rows() + japan_rows()
