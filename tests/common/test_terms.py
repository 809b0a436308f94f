"""The catalogues keep to the agreed terms of docs/glossary-ui.md: its Forbidden table is read
here, so the page and the test cannot drift."""

import csv
import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary-ui.md"
LOCALE = ROOT / "src" / "kakehashi" / "locale"
SECTORS = ROOT / "src" / "kakehashi" / "directory" / "data" / "sectors.csv"


def forbidden_rows():
    """(language, forbidden text, msgid pattern where it is allowed) from the Forbidden table."""
    text = GLOSSARY.read_text(encoding="utf-8").split("## Forbidden", 1)[1]
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in {"vi", "ja"}:
            rows.append((cells[0], cells[1], cells[3]))
    return rows


def msgstrs(language):
    for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po")):
        texts = (
            [entry.msgstr, *entry.msgstr_plural.values()] if entry.msgid_plural else [entry.msgstr]
        )
        for text in texts:
            yield entry.msgid, text


def test_the_glossary_has_a_forbidden_table():
    assert len(forbidden_rows()) >= 10


@pytest.mark.parametrize(("language", "forbidden", "allowed"), forbidden_rows())
def test_no_forbidden_term_in_the_catalogue(language, forbidden, allowed):
    found = [
        (msgid, text)
        for msgid, text in msgstrs(language)
        if forbidden in text and not (allowed and re.search(allowed, msgid))
    ]
    assert found == []


@pytest.mark.parametrize(("language", "forbidden", "allowed"), forbidden_rows())
def test_no_forbidden_term_in_the_sector_labels(language, forbidden, allowed):
    with SECTORS.open(encoding="utf-8") as file:
        labels = [row[f"label_{language}"] for row in csv.DictReader(file)]
    assert [label for label in labels if forbidden in label] == []


def test_one_record_msgid_per_use():
    contexts = {
        entry.msgctxt
        for entry in polib.pofile(str(LOCALE / "ja" / "LC_MESSAGES" / "django.po"))
        if entry.msgid == "Record"
    }
    assert contexts == {"audit column", "button"}
