"""Names as people type them, made safe to show and to compare.

`clean_name` gives the form to store: Unicode NFKC (full-width Latin and half-width katakana
become their usual forms, Vietnamese letters are composed), invisible characters removed
(zero-width spaces and joiners, byte-order marks, and the bidirectional controls that can make
a name read differently from what it is), runs of spaces collapsed. `is_empty_looking` is true
for a name with no letter or digit left. `comparison_key` is what two names that a reader
would take for the same share: case, accents, spaces and punctuation ignored."""

import re
import unicodedata

# Zero-width characters and joiners, word joiner, BOM, bidi embeddings/overrides/isolates
# and marks, the Arabic letter mark, the soft hyphen.
INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
SPACES = re.compile(r"\s+")
CONTROLS = {"Cc", "Cf", "Zl", "Zp"}  # other controls and line breaks read as a space
LATIN_ACCENTS = re.compile("[\u0300-\u036f]")


def clean_name(value: str) -> str:
    text = unicodedata.normalize("NFKC", value or "")
    text = INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(ch) in CONTROLS else ch for ch in text)
    return SPACES.sub(" ", text).strip()


def is_empty_looking(value: str) -> bool:
    return not any(ch.isalnum() for ch in clean_name(value))


def comparison_key(value: str) -> str:
    text = unicodedata.normalize("NFKD", clean_name(value).casefold()).replace("đ", "d")
    # Latin accents only: a Japanese voiced mark (ガ against カ) tells two names apart.
    text = unicodedata.normalize("NFC", LATIN_ACCENTS.sub("", text))
    return "".join(ch for ch in text if ch.isalnum())
