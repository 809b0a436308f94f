"""Japanese names in Latin letters: surnames that are also the names of places ("Yamaguchi",
"Nagano", "Ibaraki"), when a one-word place the gazetteer found is the surname of a person;
and a name of two words made of Japanese syllables ("Kenji Aoki", "Hattori Seitaro").
"""

from __future__ import annotations

import re
import unicodedata

from kakehashi.news.engine import roles as R
from kakehashi.news.engine.gazetteer import Mention

_PLACE_WORD_AFTER = re.compile(r"[ -](?:Prefecture|City|Province|Governor|Mayor)\b|['’]s\b|-")
_CAPITALISED = re.compile(r" ([A-Z][a-z]+)(?![\w'’-])")
_PLACE_WORDS = {"Prefecture", "City", "Province", "Town", "Village", "Ward"}


def surname_place(norm: str, mention: Mention, language: str) -> bool:
    """ "Kenji Yamaguchi", "Aiko Nagano": in English a place of one word after a given name is
    the surname, unless a place word or a role follows it."""
    return (
        language == "en"
        and mention.kind == "locality"
        and " " not in mention.text
        and not _PLACE_WORD_AFTER.match(norm, mention.end)
    )


def surname_first(norm: str, mention: Mention, mentions_at: dict[int, Mention]) -> bool:
    """ "Vice Minister Yamaguchi Kenji met ...", "Thống đốc tỉnh Okayama Ibaraki Ryuta": a place
    of one word followed by one capitalised word only (a given name: no place, role or place
    word, and no capitalised word after it) is the surname written first."""
    if mention.kind != "locality" or " " in mention.text or not mention.text.isascii():
        return False
    m = _CAPITALISED.match(norm, mention.end)
    if m is None or m.start(1) in mentions_at or m.group(1) in _PLACE_WORDS:
        return False
    if R.EN_ROLE.match(norm, m.start(1)) or R.VI_ROLE.match(norm, m.start(1)):
        return False
    return not re.match(r" [A-Z]", norm[m.end() : m.end() + 2])


# a word of Japanese syllables in Hepburn: (double consonant) consonant(s) vowel, or a final n
_SYLLABLES = re.compile(
    r"(?i:(?:(?:kk|ss|tt|pp|tch)?(?:sh|ch|ts|[kgnhbpmr]y|[kgsztdnhbpmrwfjy])?[aiueo]|n(?![aiueoy]))+)"
)


def romanised_japanese(name: str) -> bool:
    """ "Kenji Aoki", "Toshio Kanno": two words of three letters or more, each only of Japanese
    syllables ("Le Van", "Nguyen", "Pham" are not)."""
    words = name.split()
    return len(words) == 2 and all(len(w) >= 3 and _SYLLABLES.fullmatch(w) for w in words)


def _ascii(word: str) -> str:
    folded = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


# the surnames as English writes them; "Ono", "Kim" and the like are Japanese names as well
VI_SURNAMES_ASCII = {_ascii(s) for s in R.VI_SURNAMES} - {
    "Ong", "Kim", "Mai", "La", "Ha", "Ly", "Van", "Mac", "Au", "Ta", "To", "Tu", "Lo", "Lu", "Vi"
}  # fmt: skip


def vietnamese_given_place(words, language: str) -> bool:
    """ "Lê Quang Nam", "Nguyễn Thái Bình", "Tran Hai Duong": after a Vietnamese surname (and
    at most one middle name) a place's name is the rest of the person's name. `words` are the
    name's words read so far (strings or regex matches)."""
    words = [w if isinstance(w, str) else w.group() for w in words]
    if not 1 <= len(words) <= 2 or language not in ("vi", "en"):
        return False
    first = words[0]
    return first in R.VI_SURNAMES or (language == "en" and first in VI_SURNAMES_ASCII)
