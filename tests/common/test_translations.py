"""The vi and ja catalogues are complete for every string in the code and templates, and the
compiled catalogues match their sources."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

import kakehashi

PACKAGE = Path(kakehashi.__file__).resolve().parent
LANGUAGES = ["vi", "ja"]


def catalogue(language: str, suffix: str = "po") -> Path:
    return PACKAGE / "locale" / language / "LC_MESSAGES" / f"django.{suffix}"


def entry_key(entry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str, str]]:
    """Every translatable string in the package, found the way `make messages` finds them."""
    copy = tmp_path_factory.mktemp("extract") / "kakehashi"
    shutil.copytree(
        PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale", "data", "static")
    )
    (copy / "locale").mkdir()
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        call_command("makemessages", locale=["vi"], verbosity=0, no_location=True)
    finally:
        os.chdir(cwd)
    po = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    keys = {entry_key(entry) for entry in po if not entry.obsolete}
    assert ("", "Partnerships", "") in keys  # the extraction really ran
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(extracted, language):
    po = polib.pofile(str(catalogue(language)))
    translated = {
        entry_key(entry) for entry in po.translated_entries() if "fuzzy" not in entry.flags
    }
    missing = sorted(extracted - translated)
    assert missing == [], f"{len(missing)} strings lack a {language} translation: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = polib.pofile(str(catalogue(language)))
    mo = polib.mofile(str(catalogue(language, "mo")))
    compiled = {entry_key(entry): (entry.msgstr, entry.msgstr_plural) for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get(entry_key(entry)) == (entry.msgstr, entry.msgstr_plural or {}), (
            f"{language}: {entry.msgid!r} differs between django.po and django.mo; "
            "run `make messages`"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for entry in polib.pofile(str(catalogue(language))).translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(placeholder.findall(entry.msgid)) == sorted(
            placeholder.findall(entry.msgstr)
        ), (language, entry.msgid, entry.msgstr)


def test_no_half_width_space_before_a_full_width_bracket_in_japanese():
    """Japanese text has no spaces: "開会（全体会議）", never "開会 （全体会議）"."""
    for entry in polib.pofile(str(catalogue("ja"))).translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            assert " （" not in text and " 「" not in text, (entry.msgid, text)
