"""The written forms of places, from the directory's reference rows
(kakehashi.directory.reference_rows, the one home of the slugs).

Each form is an `Entry`: the form as written, what it names and how sure the naming is. A
Vietnamese unit is named by its short name ("Bình Dương"), with "tỉnh"/"thành phố"/"TP."
before it, in English ("Binh Duong Province", "Da Nang City") and in Japanese ("ビンズオン省",
"ビンズオン"); a Japanese prefecture by "Aichi Prefecture", "tỉnh Aichi", "愛知県", "Aichi"; a
city by "Osaka City", "city of Osaka", "TP. Osaka", "thành phố Osaka", "大阪市" and by its bare
name only when no prefecture has that name ("Osaka" alone is the prefecture).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kakehashi.directory import reference_rows as ref


@dataclass(frozen=True)
class Entry:
    form: str  # as it may be written (matched without regard to case, see gazetteer.py)
    kind: str  # "locality" or "organisation"
    slug: str | None = None
    key: str | None = None
    country: str | None = None
    level: str = ""  # "province", "central_city", "prefecture", "city"... or "" (organisation)
    is_current: bool = True
    successor: str | None = None  # slug of the unit that took over a former one
    name_en: str = ""
    priority: int = 0  # when two places share a form, the higher priority wins


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _dash_variants(name: str) -> set[str]:
    if " - " not in name:
        return {name}
    return {name, name.replace(" - ", "-"), name.replace(" - ", " – "), name.replace(" - ", "–")}


_VN_EXTRA = {
    "ho-chi-minh-city": [
        "TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "TP.Hồ Chí Minh", "Thành phố HCM", "HCM",
        "Sài Gòn", "Saigon", "HCMC", "HCM City", "ホーチミン", "ホーチミン市",
        "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh",
    ],
    "hanoi": ["Thủ đô Hà Nội", "Ha Noi", "Hanoi City", "ハノイ", "Hanoi capital"],
    "gia-lai": ["ジャライ省"],
    "gia-lai-before-2025": ["ジャライ省"],
    "da-nang": ["Danang"],
    "hai-phong": ["Haiphong"],
    "hue": ["Huế", "Hue City", "フエ"],
    "thua-thien-hue-before-2025": ["Thừa Thiên - Huế", "TT-Huế", "Thua Thien-Hue"],
    "ba-ria-vung-tau-before-2025": ["BR-VT", "Bà Rịa–Vũng Tàu"],
}  # fmt: skip


# the spellings of the Japanese press for one katakana sound: ヴィンロン省 and ビンロン省
_KATAKANA_V = str.maketrans({"ヴ": "ブ"})


def _katakana_variants(name: str) -> set[str]:
    """A Vietnamese unit's name in katakana as the press writes it: with ヴィ/ヴァ… or ビ/バ…,
    with or without the middle dot (トゥアティエン・フエ省, トゥアティエンフエ省)."""
    plain = re.sub("ヴ([ァィェォ])", lambda m: "バビベボ"["ァィェォ".index(m.group(1))], name)
    names = {name, plain, plain.translate(_KATAKANA_V)}
    return names | {n.replace("・", "") for n in names}


def vietnam_entries() -> list[Entry]:
    rows = ref.vietnam_rows()
    slug_of = {(r.code, r.is_current): r.slug for r in rows if r.is_current}
    out: list[Entry] = []
    for row in rows:
        successor = slug_of.get(row.successor) if row.successor else None
        city = row.level == ref.VN_CENTRAL_CITY
        short = row.name_vi.removeprefix("Thành phố ")
        forms: set[str] = set()
        for name in _dash_variants(short) | _dash_variants(_ascii(short)):
            if short != "Hồ Chí Minh":
                forms.add(name)
            if city:
                forms |= {f"thành phố {name}", f"TP {name}", f"TP. {name}", f"TP.{name}"}
            else:
                forms |= {f"tỉnh {name}", f"{name} Province"}
        for name in _dash_variants(row.name_en):
            forms |= {name, f"{name} Province"} if not city else {name, f"{name} City"}
        ja = row.name_ja
        for ja in _katakana_variants(row.name_ja):
            forms |= {ja, ja.removesuffix("省").removesuffix("市")}
        forms |= {f"{ja.removesuffix('市')}省"} if row.name_local.startswith("Tỉnh") else set()
        forms |= set(_VN_EXTRA.get(row.slug, []))
        for form in forms:
            out.append(
                Entry(
                    form=form,
                    kind="locality",
                    slug=row.slug,
                    country="VN",
                    level=row.level,
                    is_current=row.is_current,
                    successor=successor,
                    name_en=row.name_en,
                    # The current unit wins a form it shares with a former one ("Hà Nội").
                    priority=2 if row.is_current else 1,
                )
            )
    return out


# Prefecture names that, written alone in Japanese, are too often part of other words
# (surnames such as 山口, 石川, 宮崎) are only recognised with 県/府/都.
_JA_BARE = {"東京", "大阪", "京都", "神奈川", "愛知", "北九州", "和歌山", "鹿児島"}


def _prefecture_forms(row: ref.LocalityRow) -> tuple[set[str], set[str]]:
    """(forms naming the prefecture for sure, forms that are just its bare name)."""
    base = row.name_en.removesuffix(" Prefecture").removesuffix(" Metropolis")
    sure = {
        row.name_en,
        f"{base} Prefecture",
        f"{base} Prefectural Government",
        f"tỉnh {base}",
        row.name_ja,
    }
    bare = {base}
    if row.name_ja.endswith("府"):
        sure |= {f"phủ {base}"}
    if base == "Tokyo":
        sure |= {"Thủ đô Tokyo", "Tokyo Metropolis", "Tokyo Metropolitan Government", "東京都",
                 "Tokyo Metropolitan", "Metropolitan Tokyo"}  # fmt: skip
        bare |= {"Tokyo", "東京"}
    if base == "Hokkaido":
        sure |= {"北海道", "Hokkaido Prefecture", "Hokkaido Government", "đạo Hokkaido"}
    kanji = row.name_ja.removesuffix("県").removesuffix("府").removesuffix("都")
    if kanji in _JA_BARE or len(kanji) >= 3:
        bare.add(kanji)
    return sure, bare


def japan_entries() -> list[Entry]:
    rows = [r for r in ref.japan_rows()]
    slug_of = {(r.code, r.is_current): r.slug for r in rows}
    prefecture_kanji = {
        r.name_ja[:-1] for r in rows if r.level == ref.JP_PREFECTURE and r.name_ja[-1] in "県府都"
    }
    prefecture_bases = {
        r.name_en.removesuffix(" Prefecture").removesuffix(" Metropolis")
        for r in rows
        if r.level == ref.JP_PREFECTURE
    }
    out: list[Entry] = []

    def add(row, forms, priority):
        for form in forms:
            out.append(
                Entry(
                    form=form,
                    kind="locality",
                    slug=row.slug,
                    country="JP",
                    level=row.level,
                    is_current=row.is_current,
                    successor=slug_of.get(row.successor) if row.successor else None,
                    name_en=row.name_en,
                    priority=priority,
                )
            )

    for row in rows:
        if row.level == ref.JP_PREFECTURE:
            sure, bare = _prefecture_forms(row)
            add(row, sure, 3)
            add(row, bare, 2)
        elif row.level in (ref.JP_CITY, ref.JP_DESIGNATED_CITY):
            base = row.name_en.removesuffix(" City")
            sure = {
                row.name_en,
                f"{base} City",
                f"City of {base}",
                f"{base} City Government",
                f"thành phố {base}",
                f"TP {base}",
                f"TP. {base}",
                f"TP.{base}",
                row.name_ja,
            }
            add(row, sure, 3 if row.is_current else 1)
            kanji = row.name_ja.removesuffix("市")
            bare = {base} if base not in prefecture_bases else set()
            if len(kanji) >= 2 and kanji not in prefecture_kanji:
                bare.add(kanji)
            add(row, bare, 2 if row.is_current else 1)
        elif row.level == ref.JP_WARD:
            add(row, {row.name_ja, row.name_en}, 3)
    return out
