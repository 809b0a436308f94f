"""A Vietnamese or Japanese reader never meets the interface in English or in the code's
words. The demo is crawled in vi and ja as the visitor and every demo person (the demo
crawl's pages), and every page's visible text (with the labels that assistive technology
reads) is checked for:

- an English interface string: text equal to an English message of the catalogue whose
  translation differs (content that people wrote is not the interface and may be English);
- a confirmation or error message (a flash) that is not in the page's language;
- an underscore or a raw code: a country code alone (JP, VN) or an instance id (s9, r1, t3);
- Django's "---------" as a choice in a list.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.test import Client

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import DEMO_PEOPLE, demo_email
from tests.demo.test_demo_crawl import PERSONAL, _crawl

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[2] / "src" / "kakehashi" / "locale"
READ_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt"}
# Proper names written with an underscore, as their owners write them (an encoding's name).
NAMES_WITH_UNDERSCORES = ("Shift_JIS",)
RAW_CODE = re.compile(r"(?<![\w/.-])(JP|VN|[srtim]\d{1,4})(?![\w/.-])")
# Parts of a page that are not the interface's words: scripts, preformatted data and code,
# what a person typed (form values), the language switcher (each language names itself), the
# reference of an import file's columns (its codes are typed as they are: VN:79, party_4),
# and content marked with its own language (lang="…" other than the page's).
SKIPPED_TAGS = {"script", "style", "pre", "code", "textarea", "option"}
SKIPPED_CLASSES = {"language-switcher", "column-reference"}


class VisibleText(HTMLParser):
    """The text a reader sees or hears, without content marked as another language."""

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.flashes: list[str] = []
        self._flash_depth = None

    def _foreign(self) -> bool:
        return any(foreign for _tag, foreign in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        foreign = (
            tag in SKIPPED_TAGS
            or (lang is not None and lang != self.language)
            or bool(SKIPPED_CLASSES & set((attributes.get("class") or "").split()))
        )
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            self.stack.append((tag, foreign))
        if not (foreign or self._foreign()):
            for name in READ_ATTRIBUTES & set(attributes):
                if attributes[name]:
                    self.texts.append(attributes[name])
        if tag == "ul" and "messages" in (attributes.get("class") or "").split():
            self._flash_depth = len(self.stack)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _foreign = self.stack.pop()
            if open_tag == tag:
                break
        if self._flash_depth is not None and len(self.stack) < self._flash_depth:
            self._flash_depth = None

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text or self._foreign():
            return
        self.texts.append(text)
        if self._flash_depth is not None:
            self.flashes.append(text)


def interface_strings(language: str) -> set[str]:
    """English messages whose translation into `language` differs from the English."""
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    english = set()
    for entry in catalogue:
        if entry.msgid_plural:
            translated = [text for text in entry.msgstr_plural.values() if text]
            if translated and entry.msgid_plural not in translated:
                english.add(entry.msgid_plural)
        elif entry.msgstr and entry.msgstr != entry.msgid:
            english.add(entry.msgid)
    # Placeholders never appear as they are; single letters and codes are not sentences.
    return {text for text in english if "%" not in text and len(text) > 2}


def crawled_pages(language: str) -> dict[tuple[str, str], str]:
    """(who, url) -> the page's HTML, for one page of each kind per visitor."""
    pages = {}
    for who in [None, *(person[0] for person in DEMO_PEOPLE)]:
        client = Client()
        client.cookies["kakehashi_language"] = language
        if who is not None:
            client.force_login(User.objects.get(email=demo_email(who)))
        for url, status in _crawl(client, ["/"] if who is None else ["/", *PERSONAL]).items():
            if status != 200:
                continue
            response = client.get(url)
            if response.get("Content-Type", "").startswith("text/html"):
                pages[(who or "visitor", url)] = response.content.decode()
    return pages


@pytest.mark.parametrize("language", ["vi", "ja"])
def test_no_english_interface_underscores_or_codes_on_vi_and_ja_pages(language):
    load_demo()
    english = interface_strings(language)
    problems = []
    for (who, url), html in crawled_pages(language).items():
        assert f'<html lang="{language}"' in html, (who, url)
        if ">---------<" in html:
            problems.append(f"{who} {url}: Django's '---------' as a choice")
        parser = VisibleText(language)
        parser.feed(html)
        for text in parser.texts:
            where = f"{who} {url}"
            if text.rstrip(":") in english:
                problems.append(f"{where}: English interface text {text!r}")
            plain = text
            for name in NAMES_WITH_UNDERSCORES:
                plain = plain.replace(name, "")
            if "_" in plain and not text.startswith(("http://", "https://")):
                problems.append(f"{where}: underscore in {text!r}")
            code = RAW_CODE.search(text)
            if code:
                problems.append(f"{where}: raw code {code.group(0)!r} in {text!r}")
        for flash in parser.flashes:
            if flash.rstrip(".") in english or flash in english:
                problems.append(f"{who} {url}: flash in English {flash!r}")
    unique = sorted(set(problems))
    assert unique == [], "\n".join(unique[:80]) + f"\n… {len(unique)} in all"
