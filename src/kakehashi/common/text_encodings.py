"""Which encoding a text file (a CSV from a spreadsheet) is written in, and its text.

Spreadsheets save CSV in the encoding of the computer's language unless told otherwise: Excel
in Japan writes Shift_JIS (Microsoft's CP932), Vietnamese offices still meet Windows-1258
(letters and tone marks as separate characters), and Excel's "Unicode Text" is UTF-16. Guessing
from a few short rows is unreliable, so the order is fixed and only a few encodings that suit
Vietnamese, Japanese and English are considered:

1. a byte-order mark (UTF-8 or UTF-16) decides;
2. text that is valid UTF-8 is UTF-8 (other encodings rarely are by accident);
3. NUL bytes without a mark mean UTF-16 (little- or big-endian, whichever reads without NULs);
4. otherwise charset-normalizer picks the best of CP932, EUC-JP and Windows-1258.

The person can override the choice with any of `ENCODINGS`. Decoded text is normalised to NFC,
so Windows-1258's separate tone marks give the same strings as a UTF-8 file.
"""

import codecs
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import CommonError

UTF8, UTF16, CP932, EUC_JP, CP1258 = "utf-8", "utf-16", "cp932", "euc-jp", "cp1258"

# Key -> (Python codec, name shown to people). Keys are stored on import batches.
ENCODINGS = {
    UTF8: ("utf-8-sig", _("UTF-8")),
    UTF16: ("utf-16", _("UTF-16 (Excel “Unicode Text”)")),
    CP932: ("cp932", _("Shift_JIS (Japanese Excel)")),
    EUC_JP: ("euc_jp", _("EUC-JP (older Japanese systems)")),
    CP1258: ("cp1258", _("Windows-1258 (Vietnamese Windows)")),
}
# charset-normalizer's codec names for the encodings it may choose among.
DETECTED = {"cp932": CP932, "euc_jp": EUC_JP, "cp1258": CP1258}


def encoding_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (_codec, label) in ENCODINGS.items()]


def encoding_label(key: str) -> str:
    return str(ENCODINGS[key][1]) if key in ENCODINGS else key


def decode(content: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """The text of `content` (NFC) and the key of the encoding it was read in: `encoding` if
    given, else the one detected.

    Raises ValidationError: file_not_in_encoding when the content is not valid in the given
    encoding, file_undecodable when it is valid in none of them."""
    if encoding is not None:
        text = _strict(content, encoding)
        if text is None:
            raise ValidationError(
                _("The file cannot be read as %(encoding)s. Choose another encoding."),
                code=CommonError.FILE_NOT_IN_ENCODING,
                params={"encoding": encoding_label(encoding)},
            )
        return _nfc(text), encoding
    for key in _likely(content):
        text = _strict(content, key)
        if text is not None:
            return _nfc(text), key
    raise ValidationError(
        _(
            "The text of the file cannot be read in any of the encodings accepted (UTF-8, "
            "UTF-16, Shift_JIS, EUC-JP, Windows-1258). Save it from your spreadsheet as "
            "“CSV UTF-8” and upload it again."
        ),
        code=CommonError.FILE_UNDECODABLE,
    )


def _likely(content: bytes) -> list[str]:
    """The encodings to try, most likely first."""
    if content.startswith(codecs.BOM_UTF8):
        return [UTF8]
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [UTF16]
    if _strict(content, UTF8) is not None:
        return [UTF8]
    if b"\x00" in content:
        return [UTF16]
    from charset_normalizer import from_bytes

    best = from_bytes(content, cp_isolation=list(DETECTED)).best()
    return [DETECTED[best.encoding]] if best is not None and best.encoding in DETECTED else []


def _strict(content: bytes, key: str) -> str | None:
    if key not in ENCODINGS:
        return None
    if key == UTF16 and not content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Without a mark, the byte order is the one that reads as text (ASCII has NUL halves).
        for codec in ("utf-16-le", "utf-16-be"):
            text = _decoded(content, codec)
            if text is not None and "\x00" not in text:
                return text
        return None
    return _decoded(content, ENCODINGS[key][0])


def _decoded(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except UnicodeDecodeError:
        return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
