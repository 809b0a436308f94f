"""The engine's private copy of an article and its sentences.

The engine never changes the text it was given: it matches on a private copy `Text.norm`
(Unicode NFC per character cluster, full-width ASCII and digits made half-width, no-break and
ideographic spaces made spaces) and `Text.low` (the same, lower case, Vietnamese tone marks
placed one way: "hoà" and "hòa" read alike), both of the same length, and maps every offset
back to the original with `Text.span()`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# "oà" and "òa" (the old and the new tone placement) are read as one spelling.
_TONE_PAIRS = {"o" + t: b + "a" for t, b in zip("àáảãạ", "òóỏõọ", strict=True)} | {
    "o" + t: b + "e" for t, b in zip("èéẻẽẹ", "òóỏõọ", strict=True)
}
_TONE_PAIRS |= {k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_TONE_PAIRS.items())}
_TONE_RE = re.compile("|".join(_TONE_PAIRS))
# A capital letter of the Latin script as Vietnamese writes it ("[A-ZÀ-Ỹ]" would also take
# "đ", "ă", "ơ"...: that range mixes both cases).
UPPER = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper()) + "]"
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}


def canon(text: str) -> str:
    """The matching form of a string of the same length (assumes NFC input)."""
    text = text.translate(_WIDTH)
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], text)


def lower(text: str) -> str:
    """Lower case, one character for one (a character whose lower case is longer is kept)."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC per cluster (a base character and its combining marks) and, for each character of
    the result, the offset in `text` where its cluster starts (one more entry: len(text))."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        out.append(composed)
        starts.extend([i] * len(composed))
        i = j
    starts.append(n)
    return "".join(out), starts


@dataclass
class Sentence:
    start: int  # offsets in Text.norm
    end: int
    text: str  # the norm text of the sentence
    index: int


class Text:
    def __init__(self, original: str):
        self.original = original
        nfc, self._starts = _nfc_with_map(original)
        self.norm = nfc.translate(_WIDTH)
        self.low = lower(canon(self.norm))
        self.sentences = split_sentences(self.norm)

    def orig(self, i: int) -> int:
        """The offset in the original text of offset `i` of the private copy."""
        return self._starts[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self._starts[start], self._starts[end]

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]

    def sentence_at(self, i: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= i < sentence.end:
                return sentence
        return None


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "tp", "mr", "mrs", "ms", "dr", "st", "no", "h.e", "gov", "prof", "co", "inc", "ltd", "jr",
    "e.g", "i.e", "vs", "u.s", "p", "q", "ts", "ths", "pgs", "gs", "nov", "oct", "sept", "sep",
    "dec", "jan", "feb", "mar", "apr", "aug", "jun", "jul", "corp", "dept",
}  # fmt: skip
_END = re.compile(r"[.!?。！？]+[\"”’」』)）]*|\n\s*\n|\n")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets: a full stop, ! or ? followed by a space and a capital
    letter, digit or quote (not after an abbreviation such as "TP." or "Mr."); 。！？; a line
    break. Leading and trailing spaces are left out of each sentence."""
    cuts = [0]
    for m in _END.finditer(text):
        end = m.end()
        mark = m.group()
        if mark.startswith((".", "!", "?")):
            following = text[end : end + 2]
            if following[:1] and not following[:1].isspace():
                continue
            nxt = text[end:].lstrip()[:1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(「"):
                continue
            word = re.search(r"([\w.]+)\.+$", text[max(0, m.start() - 12) : m.start() + 1])
            if mark == "." and word and word.group(1).lower() in _ABBREVIATIONS:
                continue
        cuts.append(end)
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, text[a:b], len(out)))
    return out
