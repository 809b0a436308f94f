"""common.text_encodings: which encoding a CSV file is in, in a fixed order, and its text in
NFC."""

import codecs
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from kakehashi.common.text_encodings import decode, encoding_choices

VIETNAMESE = "Sở Công Thương Đà Nẵng"
JAPANESE = "㈱大阪産業局・ビジネス支援"  # "㈱" is in CP932, not in plain Shift_JIS


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (VIETNAMESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + JAPANESE.encode("utf-8"), "utf-8"),
        (VIETNAMESE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + JAPANESE.encode("utf-16-be"), "utf-16"),
        (VIETNAMESE.encode("utf-16-le"), "utf-16"),
        (JAPANESE.encode("cp932"), "cp932"),
    ],
)
def test_marks_then_utf_8_then_the_detector(content, key):
    text, read_as = decode(content)
    assert read_as == key
    assert text.removeprefix("\ufeff") in (VIETNAMESE, JAPANESE)


def test_decomposed_text_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert decomposed != VIETNAMESE
    assert decode(decomposed.encode("utf-8")) == (VIETNAMESE, "utf-8")


def test_western_text_from_windows_reads_the_same():
    assert decode("Café “Résumé” – 5€".encode("cp1252")) == ("Café “Résumé” – 5€", "cp1258")


def test_a_chosen_encoding_is_used_as_it_is():
    content = "大阪".encode("euc_jp")
    assert decode(content, encoding="euc-jp") == ("大阪", "euc-jp")
    for key in ("utf-8", "latin-1"):
        with pytest.raises(ValidationError) as error:
            decode(b"\x81\x8a", encoding=key)
        assert error.value.code == "file_not_in_encoding"


def test_bytes_no_candidate_reads_are_refused():
    with pytest.raises(ValidationError) as error:
        decode(b"name\n\x81\x8a\x8d\xa0\n")
    assert error.value.code == "file_undecodable"


def test_the_choices_are_the_encodings_read():
    assert [key for key, _label in encoding_choices()] == [
        "utf-8",
        "utf-16",
        "cp932",
        "euc-jp",
        "cp1258",
    ]
