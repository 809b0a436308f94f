"""Reference data: the sector taxonomy, Vietnam's province-level units before and after
1 July 2025 (from the vietnamadminunits package) and Japan's prefectures and municipalities
(from the CSV kept in this project). Loading is idempotent: rows are matched on their keys
and updated in place."""

import csv
import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from kakehashi.directory.models import (
    VN_REFORM_DATE,
    Country,
    Locality,
    LocalityLevel,
    Sector,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
VN_CENTRAL_CITIES_2025 = {"01", "31", "46", "48", "79", "92"}
# Hue became a centrally-run city on 1 January 2025, before the July reform.
VN_CENTRAL_CITIES_LEGACY = {"01", "31", "46", "48", "79", "92"}


def _read_csv(name: str) -> list[dict[str, str]]:
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


def load_sectors() -> int:
    rows = _read_csv("sectors.csv")
    for position, row in enumerate(rows):
        Sector.objects.update_or_create(
            key=row["key"],
            defaults={
                "label_en": row["label_en"],
                "label_vi": row["label_vi"],
                "label_ja": row["label_ja"],
                "position": position,
            },
        )
    return len(rows)


def load_vietnam() -> tuple[int, int]:
    names = {(r["scheme"], r["code"]): r for r in _read_csv("vn_locality_names.csv")}
    current_by_key: dict[str, Locality] = {}
    for unit in _vn_units("admin_units"):
        extra = names[("2025", unit.code)]
        locality, _created = Locality.objects.update_or_create(
            country=Country.VIETNAM,
            code=unit.code,
            is_current=True,
            defaults={
                "slug": slugify(extra["name_en"]),
                "level": LocalityLevel.VN_CENTRAL_CITY
                if unit.code in VN_CENTRAL_CITIES_2025
                else LocalityLevel.VN_PROVINCE,
                "name_local": unit.name_local,
                "name_vi": _vietnamese_short_name(unit),
                "name_en": extra["name_en"],
                "name_ja": extra["name_ja"],
                "valid_until": None,
                "successor": None,
            },
        )
        current_by_key[unit.key] = locality

    merged_into = _vn_merger_map()
    legacy = _vn_units("admin_units_legacy")
    for unit in legacy:
        extra = names[("legacy", unit.code)]
        Locality.objects.update_or_create(
            country=Country.VIETNAM,
            code=unit.code,
            is_current=False,
            valid_until=VN_REFORM_DATE - dt.timedelta(days=1),
            defaults={
                "slug": f"{slugify(extra['name_en'])}-before-2025",
                "level": LocalityLevel.VN_CENTRAL_CITY
                if unit.code in VN_CENTRAL_CITIES_LEGACY
                else LocalityLevel.VN_PROVINCE,
                "name_local": unit.name_local,
                "name_vi": _vietnamese_short_name(unit),
                "name_en": extra["name_en"],
                "name_ja": extra["name_ja"],
                "successor": current_by_key[merged_into[unit.key]],
            },
        )
    earlier = _load_vietnam_before_legacy(names, current_by_key)
    return len(current_by_key), len(legacy) + earlier


def _load_vietnam_before_legacy(names, current_by_key: dict[str, Locality]) -> int:
    """Units that had already changed before the package's legacy map (1 January 2025):
    Thua Thien Hue province became the centrally-run city of Hue (Resolution
    1314/NQ-UBTVQH15 of the National Assembly Standing Committee, 30 November 2024)."""
    extra = names[("2024", "46")]
    Locality.objects.update_or_create(
        country=Country.VIETNAM,
        code="46",
        is_current=False,
        valid_until=dt.date(2024, 12, 31),
        defaults={
            "slug": f"{slugify(extra['name_en'])}-before-2025",
            "level": LocalityLevel.VN_PROVINCE,
            "name_local": "Tỉnh Thừa Thiên Huế",
            "name_vi": "Thừa Thiên Huế",
            "name_en": extra["name_en"],
            "name_ja": extra["name_ja"],
            "successor": current_by_key["thanhphohue"],
        },
    )
    return 1


def vietnamese_name_of_japanese_place(name_en: str, level: str) -> str:
    """The usual Vietnamese form: "Tỉnh Aichi", "Thành phố Osaka", "Quận Chuo, Hamamatsu"."""
    if name_en == "Tokyo Metropolis":
        return "Thủ đô Tokyo"
    if level == LocalityLevel.JP_PREFECTURE:
        base = name_en.removesuffix(" Prefecture")
        return base if base == "Hokkaido" else f"Tỉnh {base}"
    if level == LocalityLevel.JP_WARD:
        ward, _comma, city = name_en.partition(", ")
        return f"Quận {ward.removesuffix(' Ward')}, {city}" if city else name_en
    if level in (LocalityLevel.JP_CITY, LocalityLevel.JP_DESIGNATED_CITY):
        return f"Thành phố {name_en.removesuffix(' City')}"
    return name_en


def load_japan() -> int:
    rows = _read_csv("jp_localities.csv")
    by_key: dict[tuple[str, bool], Locality] = {}
    # Parents and successors first: rows are ordered so that referenced rows come first,
    # but two passes make the order irrelevant.
    for row in rows:
        is_current = row["is_current"] == "1"
        level = row["level"]
        slug_base = slugify(row["name_en"]) or row["code"]
        locality, _created = Locality.objects.update_or_create(
            country=Country.JAPAN,
            code=row["code"],
            is_current=is_current,
            defaults={
                "slug": slug_base if is_current else f"{slug_base}-former",
                "level": level,
                "iso_code": row["iso_code"],
                "name_local": row["name_ja"],
                "name_ja": row["name_ja"],
                "name_kana": row["name_kana"],
                "name_en": row["name_en"],
                "name_vi": vietnamese_name_of_japanese_place(row["name_en"], level),
                "valid_until": dt.date.fromisoformat(row["valid_until"])
                if row["valid_until"]
                else None,
            },
        )
        by_key[(row["code"], is_current)] = locality
    for row in rows:
        locality = by_key[(row["code"], row["is_current"] == "1")]
        locality.parent = by_key[(row["parent_code"], True)] if row["parent_code"] else None
        locality.successor = (
            by_key[(row["successor_code"], True)] if row["successor_code"] else None
        )
        locality.save(update_fields=["parent", "successor"])
    return len(rows)


@transaction.atomic
def load_reference() -> dict[str, int]:
    """Load or refresh every reference table. Returns the number of rows of each."""
    sectors = load_sectors()
    vn_current, vn_legacy = load_vietnam()
    jp = load_japan()
    return {"sectors": sectors, "vn_current": vn_current, "vn_legacy": vn_legacy, "jp": jp}
