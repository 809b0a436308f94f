"""A person's position at an organisation (their job title: "Giám đốc Sở Ngoại vụ",
国際交流課長, "Director of International Affairs") as a reader of one language should see it:
the one home for it, used by the organisation's and the person's pages, the members page, the
profile and the event day's badges (in a template, `{{ membership|position_in_reader_language }}`
from templatetags/positions.py).

- A position is written in one language: `Membership.position_language`, as the
  organisation's administrator stated it or told from the text when it was saved
  (`position_language_of`).
- A reader of another language sees its translation into their language (a row of
  `PositionTranslation`) when there is one made from the position as it stands now: a
  translation of a former position ("Phó Giám đốc" before a promotion) would tell the reader
  something false, so it is not shown.
- Otherwise the position as written, marked with its language (`lang`), so that browsers,
  fonts and screen readers read it as what it is.

A list prefetches "translations" with its memberships, so as not to ask once per row.
"""

from dataclasses import dataclass

from django.utils.html import format_html

from kakehashi.common.i18n import reader_language
from kakehashi.common.language import detect_language
from kakehashi.common.translations import fingerprint, translation_into


def position_language_of(text: str, organisation_language: str) -> str:
    """The language a position is written in, told from its text (common/language.py: the
    script first, kana and ideographs or Vietnamese letters, then the detector); a text with
    no letters at all tells nothing, so it is taken to be in the organisation's language. ""
    for no position."""
    text = (text or "").strip()
    if not text:
        return ""
    if not any(character.isalpha() for character in text):
        return organisation_language
    return detect_language(text)


def original_language(membership) -> str:
    """The language the membership's position is written in."""
    return membership.position_language or position_language_of(
        membership.position, membership.organisation.language
    )


def position_fingerprint(membership) -> str:
    """The fingerprint of the position as written (see common/translations.py)."""
    return fingerprint(membership.position)


def current_translation(membership, language: str):
    """The membership's translation into `language` made from its position as it stands, or
    None (None too for the position's own language)."""
    row = translation_into(membership, language, original_language=original_language(membership))
    if row is None or row.made_from != position_fingerprint(membership):
        return None
    return row


def current_translations(membership) -> list:
    """The membership's translations made from its position as it stands (a list prefetches
    "translations")."""
    made_from = position_fingerprint(membership)
    return [row for row in membership.translations.all() if row.made_from == made_from]


@dataclass(frozen=True)
class ShownPosition:
    """What a reader sees of a position: `text` in `language`; when it is a translation, the
    position as written is `original` (in `original_language`)."""

    text: str
    language: str
    original: str
    original_language: str

    @property
    def is_translation(self) -> bool:
        return self.language != self.original_language

    def __str__(self) -> str:
        return self.text

    @property
    def html(self) -> str:
        """The text marked with its language, for a template (`{{ shown.html }}`)."""
        return format_html('<span lang="{}">{}</span>', self.language, self.text)


def position_for_reader(membership, language: str | None = None) -> ShownPosition | None:
    """The membership's position for a reader of `language` (the active language if None):
    its current translation into that language, else the position as written; None when the
    membership names no position."""
    if not membership.position:
        return None
    language = language or reader_language()
    written_in = original_language(membership)
    row = current_translation(membership, language)
    if row is not None:
        return ShownPosition(row.position, row.language, membership.position, written_in)
    return ShownPosition(membership.position, written_in, membership.position, written_in)


def position_as_written(membership) -> ShownPosition | None:
    """The membership's position as written, with its language (the members page, where it
    is changed); None when it names none."""
    if not membership.position:
        return None
    written_in = original_language(membership)
    return ShownPosition(membership.position, written_in, membership.position, written_in)
