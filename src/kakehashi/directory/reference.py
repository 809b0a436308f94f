"""Reference data: the sector taxonomy, Vietnam's province-level units before and after
1 July 2025 (from the vietnamadminunits package) and Japan's prefectures and municipalities
(from the CSV kept in this project). The rows and their slugs come from `reference_rows`
(pure Python, shared with the news engine's gazetteer). Loading is idempotent: rows are
matched on their keys and updated in place."""

from django.db import transaction

from kakehashi.directory.models import VN_REFORM_DATE, Locality, Sector
from kakehashi.directory.reference_rows import (
    LocalityRow,
    japan_rows,
    sector_rows,
    vietnam_rows,
)

__all__ = ["VN_REFORM_DATE", "load_reference"]


def load_sectors() -> int:
    rows = sector_rows()
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


def _save(row: LocalityRow, *, by_valid_until: bool = False, **extra) -> Locality:
    # Former Vietnamese units share codes (Hue: Thua Thien Hue until 2024, the city of Hue
    # until the 2025 reform), so they are told apart by their last day.
    lookup = {"country": row.country, "code": row.code, "is_current": row.is_current}
    defaults = {
        "slug": row.slug,
        "level": row.level,
        "name_local": row.name_local,
        "name_vi": row.name_vi,
        "name_en": row.name_en,
        "name_ja": row.name_ja,
        **extra,
    }
    if by_valid_until:
        lookup["valid_until"] = row.valid_until
    else:
        defaults["valid_until"] = row.valid_until
    locality, _created = Locality.objects.update_or_create(**lookup, defaults=defaults)
    return locality


def load_vietnam() -> tuple[int, int]:
    rows = vietnam_rows()
    current_by_code: dict[str, Locality] = {}
    for row in rows:
        if row.is_current:
            current_by_code[row.code] = _save(row, successor=None)
    former = 0
    for row in rows:
        if not row.is_current:
            _save(row, by_valid_until=True, successor=current_by_code[row.successor[0]])
            former += 1
    return len(current_by_code), former


def load_japan() -> int:
    rows = japan_rows()
    by_key: dict[tuple[str, bool], Locality] = {}
    # Parents and successors in a second pass, so that the order of the rows is irrelevant.
    for row in rows:
        extra = {"iso_code": row.iso_code, "name_kana": row.name_kana}
        by_key[(row.code, row.is_current)] = _save(row, **extra)
    for row in rows:
        locality = by_key[(row.code, row.is_current)]
        locality.parent = by_key[(row.parent_code, True)] if row.parent_code else None
        locality.successor = by_key[row.successor] if row.successor else None
        locality.save(update_fields=["parent", "successor"])
    return len(rows)


@transaction.atomic
def load_reference() -> dict[str, int]:
    """Load or refresh every reference table. Returns the number of rows of each."""
    sectors = load_sectors()
    vn_current, vn_legacy = load_vietnam()
    jp = load_japan()
    return {"sectors": sectors, "vn_current": vn_current, "vn_legacy": vn_legacy, "jp": jp}
