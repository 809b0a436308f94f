"""Machine translation drafts, optional and off by default.

One small interface, `Translator.translate(texts, source, target)`, and one implementation: a
client of a LibreTranslate-compatible HTTP service (self-hosted), named by the setting
KAKEHASHI_TRANSLATION_URL (empty: no machine translation), with KAKEHASHI_TRANSLATION_API_KEY
when the service asks for one and KAKEHASHI_TRANSLATION_TIMEOUT seconds per call. Every way
the service can fail (refused connection, time-out, an error status, an answer that is not
the protocol's) raises TranslationUnavailable, with a message for the log.

The protocol (LibreTranslate's /translate): POST JSON {"q": [texts], "source": "vi",
"target": "ja", "format": "text", "api_key": "..."}; the answer is {"translatedText":
[texts]} in the same order.
"""

from __future__ import annotations

from typing import Protocol

import requests
from django.conf import settings


class TranslationUnavailable(Exception):
    """The translation service could not translate now; try again later."""


class Translator(Protocol):
    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """`texts` from language `source` into `target` (vi, ja or en), in the same order."""


class LibreTranslate:
    def __init__(self, url: str, *, api_key: str = "", timeout: float = 10.0):
        self.endpoint = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        payload = {"q": texts, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        try:
            response = requests.post(self.endpoint, json=payload, timeout=self.timeout)
        except requests.Timeout as error:
            raise TranslationUnavailable(
                f"{self.endpoint} did not answer within {self.timeout:g} s"
            ) from error
        except requests.RequestException as error:
            raise TranslationUnavailable(
                f"{self.endpoint} could not be reached: {error}"
            ) from error
        if response.status_code != 200:
            raise TranslationUnavailable(
                f"{self.endpoint} answered {response.status_code}: {response.text[:200]}"
            )
        try:
            translated = response.json()["translatedText"]
        except (ValueError, KeyError, TypeError) as error:
            raise TranslationUnavailable(
                f"{self.endpoint} answered without translations"
            ) from error
        if (
            not isinstance(translated, list)
            or len(translated) != len(texts)
            or not all(isinstance(text, str) for text in translated)
        ):
            raise TranslationUnavailable(
                f"{self.endpoint} answered {len(translated) if isinstance(translated, list) else 0}"
                f" translations for {len(texts)} texts"
            )
        return translated


def is_configured() -> bool:
    return bool(settings.KAKEHASHI_TRANSLATION_URL)


def translator() -> Translator | None:
    """The configured translation service; None when there is none."""
    if not is_configured():
        return None
    return LibreTranslate(
        settings.KAKEHASHI_TRANSLATION_URL,
        api_key=settings.KAKEHASHI_TRANSLATION_API_KEY,
        timeout=settings.KAKEHASHI_TRANSLATION_TIMEOUT,
    )
