"""A Japanese place's name in Latin letters from its reading in katakana, the ways the press
writes it (Hepburn): イマバリ "Imabari", コオリヤマ "Koriyama" (and "Kooriyama"), トヨオカ
"Toyooka" (and "Toyoka"), タンバ "Tamba" and "Tanba", ヨッカイチ "Yokkaichi"."""

from __future__ import annotations

_ROWS = {
    "": "アイウエオ", "k": "カキクケコ", "s": "サシスセソ", "t": "タチツテト", "n": "ナニヌネノ",
    "h": "ハヒフヘホ", "m": "マミムメモ", "r": "ラリルレロ", "g": "ガギグゲゴ", "z": "ザジズゼゾ",
    "d": "ダヂヅデド", "b": "バビブベボ", "p": "パピプペポ",
}  # fmt: skip
_ONE = {
    kana: consonant + vowel
    for consonant, row in _ROWS.items()
    for kana, vowel in zip(row, "aiueo", strict=True)
}
_ONE |= {"シ": "shi", "チ": "chi", "ツ": "tsu", "フ": "fu", "ジ": "ji", "ヂ": "ji", "ヅ": "zu",
         "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o",
         "ン": "n", "ヴ": "vu"}  # fmt: skip
# a syllable and a small ャ, ュ or ョ: キャ "kya", シャ "sha", ジョ "jo"
_TWO = {}
for _kana, _latin in list(_ONE.items()):
    if _latin.endswith("i") and _kana not in "イヰ" and len(_latin) > 1:
        stem = _latin[:-1] if _latin[:-1] in ("sh", "ch", "j") else _latin[:-1] + "y"
        for _small, _vowel in zip("ャュョ", "auo", strict=True):
            _TWO[_kana + _small] = stem + _vowel


def _hepburn(kana: str) -> str | None:
    """The reading in Latin letters, long vowels written out (コウチ "kouchi"); None when a
    character is no katakana of a name."""
    out: list[str] = []
    i, double = 0, False
    while i < len(kana):
        pair, one = kana[i : i + 2], kana[i]
        if one == "ッ":
            double, i = True, i + 1
            continue
        if one == "ー":
            i += 1
            continue
        latin = _TWO.get(pair)
        step = 2
        if latin is None:
            latin, step = _ONE.get(one), 1
        if latin is None:
            return None
        if double:
            latin = ("t" if latin.startswith("ch") else latin[0]) + latin
            double = False
        out.append(latin)
        i += step
    return "".join(out)


def readings(kana: str) -> set[str]:
    """The ways the press writes the name in Latin letters, capitalised: long vowels written
    out or not (Kouchi, Kochi; Kooriyama, Koriyama), n before b, m or p as n or m (Tanba,
    Tamba). Empty when the reading is no katakana."""
    full = _hepburn(kana)
    if not full:
        return set()
    short = full.replace("ou", "o").replace("oo", "o").replace("uu", "u")
    out = set()
    for name in (full, short):
        out |= {name, _m_before_lips(name)}
    return {name.capitalize() for name in out}


def _m_before_lips(name: str) -> str:
    return "".join(
        "m" if ch == "n" and name[i + 1 : i + 2] in ("b", "m", "p") else ch
        for i, ch in enumerate(name)
    )
