"""Glossary-assisted reading on pages: a text people wrote, shown in its own language to a
reader of another one with no translation, with the domain terms the concept glossary knows
marked and their equivalents in the reader's language beside them:

    <mark class="gist" lang="vi">kho lạnh</mark>
    <span class="gist-term" lang="ja">（冷凍倉庫）</span>        (as one line)

The equivalent stands inline, in brackets of the reader's language, rather than as <ruby>: an
annotation at half size is hard to read in kanji and illegible with Vietnamese tone marks,
and inline words are copied and read aloud with the text. Each term carries its equivalent
the first time it appears in a text; later it is only marked. The text is user content: every
piece is escaped, the markup built with format_html.

The terms come from the matching engine (matching/engine/gist.py, pure Python, no Django).
Templates use `{% load gist %}` (common/templatetags/gist.py)."""

from __future__ import annotations

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeData, SafeString
from django.utils.translation import gettext as _

from kakehashi.common.i18n import reader_language


def brackets(language: str, reader: str) -> tuple[str, str]:
    """The brackets around an equivalent, in the reader's typography: full-width for a
    Japanese reader; after a space in Vietnamese or English text; in Japanese text, which
    has no spaces, without (site.css sets a margin)."""
    if reader == "ja":
        return "（", "）"
    return ("(", ")") if language == "ja" else (" (", ")")


def marked_terms(text, language: str, reader: str | None = None):
    """The glossary terms of `text` (in `language`) with their equivalents for `reader`
    (by default the reader of the page); () when there is nothing to mark."""
    reader = reader or reader_language()
    if not text or not language or language == reader or isinstance(text, SafeData):
        return ()
    from kakehashi.matching.engine.gist import gist_terms

    return gist_terms(str(text), language, reader)


def gist_html(text, language: str, reader: str | None = None) -> SafeString:
    """`text`, escaped, with its glossary terms marked (see the module docstring). Text that
    is already HTML (safe) is returned as it is: terms are only looked for in plain text."""
    if text is None:
        return SafeString("")
    reader = reader or reader_language()
    terms = marked_terms(text, language, reader)
    if not terms:
        return conditional_escape(text)
    text = str(text)
    opening, closing = brackets(language, reader)
    pieces, position, explained = [], 0, set()
    for term in terms:
        pieces.append(conditional_escape(text[position : term.start]))
        if (term.concept, term.equivalent) in explained:
            pieces.append(
                format_html('<mark class="gist" lang="{}">{}</mark>', language, term.text)
            )
        else:
            explained.add((term.concept, term.equivalent))
            pieces.append(
                format_html(
                    '<mark class="gist" lang="{}">{}</mark>'
                    '<span class="gist-term" lang="{}">{}{}{}</span>',
                    language,
                    term.text,
                    reader,
                    opening,
                    term.equivalent,
                    closing,
                )
            )
        position = term.end
    pieces.append(conditional_escape(text[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def gist_note(language: str, *texts) -> SafeString:
    """The line that says what the marks are, when any of `texts` (in `language`) has one."""
    if not any(marked_terms(text, language) for text in texts):
        return SafeString("")
    # Translators: the reader reads the page in your language: name it ("Japanese
    # equivalents" in Japanese, "Vietnamese equivalents" in Vietnamese).
    sentence = _("Key terms are marked with their English equivalents, to give the gist.")
    return format_html('<p class="muted gist-note">{}</p>', sentence)
