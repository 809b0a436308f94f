"""The names of organisations and people as a reader of one language should see them: the one
home for it, used by the pages (`Organisation.display_name`, `Person.display_name`), the
agendas (PDF, ICS, calendar feed), the table and interpreter sheets and the e-mails about
meetings.

- An organisation: its translation into the reader's language (a row of
  `OrganisationTranslation`); else, for a reader of another language than the
  organisation's, its English name; else its own name. A Vietnamese name is never shown
  stripped of its diacritics as if that made it readable in Japan: the English name (or a
  Japanese translation) is what a Japanese reader can read.
- A person: for a reader of Japanese, the katakana form of a name written in Latin letters
  (a Vietnamese name) when one is given; for a reader of Vietnamese or English, the Latin
  form of a name written in Japanese script when one is given; otherwise the name as the
  person writes it.
"""

import re

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.translations import translation_into

# Hiragana, katakana (and their phonetic extensions and half-width forms), CJK ideographs.
JAPANESE_SCRIPT = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


# Katakana (the middle dot and the long vowel mark among them), spaces and brackets.
KATAKANA_NAME = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f\s()（）]+")


def is_japanese_script(text: str) -> bool:
    return bool(JAPANESE_SCRIPT.search(text or ""))


def is_katakana_name(text: str) -> bool:
    """Whether a name is written in katakana (グエン・ヴァン・アン)."""
    return bool(KATAKANA_NAME.fullmatch(text or "")) and is_japanese_script(text)


def organisation_name(organisation, language: str | None = None) -> str:
    """The organisation's name for a reader of `language` (the active language if None)."""
    language = language or reader_language()
    if language == organisation.language:
        return organisation.name
    translation = translation_into(organisation, language, original_language=organisation.language)
    return name_for_reader(organisation, language, translation.name if translation else None)


def name_for_reader(organisation, language: str, translated: str | None) -> str:
    """The rule of `organisation_name` given the name's translation into `language` (None
    when there is none), for lists that read the translations of all their rows at once
    (matching/hits.py): its own name in its own language, else the translation, else the
    English name for a reader of another language, else its own."""
    if language == organisation.language:
        return organisation.name
    return translated or organisation.name_en or organisation.name


def person_name(person, language: str | None = None) -> str:
    """The person's name for a reader of `language` (the active language if None)."""
    language = language or reader_language()
    in_japanese = is_japanese_script(person.full_name)
    if language == Language.JA:
        if not in_japanese and person.name_kana:
            return person.name_kana
    elif in_japanese and person.name_latin:
        return person.name_latin
    return person.full_name
