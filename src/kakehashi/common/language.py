"""Language identification restricted to the platform's three languages (vi, ja, en), for
the texts people write (proposals, messages, obstacles) and for the matching engine; pure
Python (no Django), so the engine can use it.

Script decides first (kana or CJK ideographs -> ja; Vietnamese letters with horn, breve or
stacked tone marks -> vi); lingua decides the rest. The lingua detector is built once, lazily.
"""

from __future__ import annotations

import re
import threading

_lock = threading.Lock()
_detector = None

_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ỹ]")
# Letters that only Vietnamese uses among the three languages.
_VI_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def _lingua():
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                _detector = LanguageDetectorBuilder.from_languages(
                    Language.VIETNAMESE, Language.JAPANESE, Language.ENGLISH
                ).build()
    return _detector


def detect_language(text: str) -> str:
    """ "vi", "ja" or "en" for `text`; "en" when nothing can be told (empty text, digits)."""
    kana = len(_KANA.findall(text))
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if kana or cjk >= max(1, latin // 4):
        # Japanese text often carries some Latin words (AI, IoT); Chinese-only text has no kana
        # but the platform has no Chinese, so ideographs mean Japanese.
        return "ja"
    if _VI_LETTERS.search(text):
        return "vi"
    if not latin:
        return "en"
    from lingua import Language

    found = _lingua().detect_language_of(text)
    return {Language.VIETNAMESE: "vi", Language.JAPANESE: "ja"}.get(found, "en")
