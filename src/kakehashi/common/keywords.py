"""Keywords people wrote (a proposal's), shown to a reader of another language: each keyword
that is a term of a concept of the matching glossary (matching/engine/glossary.py: terms in
English, Vietnamese and Japanese) as that concept's term in the reader's language, the others
as written, in their author's language, with the mark that says so.

    kho lạnh, logistics lạnh, Củ Chi (vi)  →  ja: 冷凍倉庫、logistics lạnh、Củ Chi（…）

A keyword is translated only when the whole of it is one term ("kho lạnh"), never a part
("logistics lạnh" has "logistics" in it, but says more): a keyword is a phrase its author
chose, and half of it in the reader's language would misstate it. The term shown is the one
the reading aid shows beside the text (common/gist.py), so that a page names a thing once."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kakehashi.common.i18n import Language, aside, reader_language


def split_keywords(text: str) -> list[str]:
    """The keywords of a comma-separated field ("," or the Japanese "、")."""
    return [word.strip() for word in (text or "").replace("、", ",").split(",") if word.strip()]


def concept_term(word: str, language: str, reader: str) -> str | None:
    """The reader's term for `word` (written in `language`) when the whole word is one term
    of a glossary concept that has a term in the reader's language, else None: the direct
    equivalent the reading aid shows ("kho lạnh" -> 冷凍倉庫, matching/engine/gist.py), else the
    concept's first term, as the matching reasons name concepts."""
    from kakehashi.matching.engine.gist import equivalent_term
    from kakehashi.matching.engine.glossary import glossary
    from kakehashi.matching.engine.text import LANGUAGES, concept_stream

    if language not in LANGUAGES or reader not in LANGUAGES:
        return None
    stream = concept_stream(word, language)
    found = list(glossary().matches(stream, language))
    if len(found) != 1 or (found[0][0], found[0][1]) != (0, len(stream)):
        return None
    _start, _end, concept, key = found[0]
    term = equivalent_term(concept, key, language, reader)
    return None if term == concept else term


@dataclass(frozen=True)
class ShownKeyword:
    text: str
    language: str
    as_written: bool  # in its author's language, not the reader's


def keywords_for_reader(words, language: str, reader: str | None = None) -> list[ShownKeyword]:
    """`words` (written in `language`) as `reader` (by default the page's reader) is shown
    them: the glossary's term in the reader's language where there is one, else as written;
    the reader's terms first, each once, in the order of the words."""
    reader = reader or reader_language()
    if not language or language == reader:
        return [ShownKeyword(word, language, False) for word in words]
    known: list[ShownKeyword] = []
    as_written: list[ShownKeyword] = []
    for word in words:
        term = concept_term(word, language, reader)
        if term is None:
            as_written.append(ShownKeyword(word, language, True))
        elif all(term != seen.text for seen in known):
            known.append(ShownKeyword(term, reader, False))
    return known + as_written


def as_written_mark(language: str) -> str:
    """The mark after keywords shown in their author's language."""
    return _("as written, in %(language)s") % {"language": Language(language).in_sentence}


def keywords_html(text: str, language: str, reader: str | None = None) -> SafeString:
    """A comma-separated keywords field as HTML for the reader: each keyword in a span with
    its language, those as written followed by the mark in the reader's typography."""
    reader = reader or reader_language()
    shown = keywords_for_reader(split_keywords(text), language, reader)
    if not shown:
        return SafeString("")
    separator = pgettext("list separator", ", ")
    html = format_html_join(
        separator, '<span lang="{}">{}</span>', ((k.language, k.text) for k in shown)
    )
    if any(k.as_written for k in shown):
        mark = aside(as_written_mark(language))
        html = format_html('{}<span class="muted as-written">{}</span>', html, mark)
    return html
