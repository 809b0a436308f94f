"""Which language a proposal is written in: lingua, restricted to Vietnamese, Japanese and
English (the three languages of the platform), built once per process."""

import functools

from lingua import Language, LanguageDetectorBuilder

CODES = {Language.VIETNAMESE: "vi", Language.JAPANESE: "ja", Language.ENGLISH: "en"}


@functools.cache
def _detector():
    return LanguageDetectorBuilder.from_languages(*CODES).build()


def detect_language(text: str) -> str | None:
    """ "vi", "ja" or "en" for the text, or None when it gives no clue (digits, blank)."""
    if not text or not text.strip():
        return None
    language = _detector().detect_language_of(text)
    return CODES.get(language)
