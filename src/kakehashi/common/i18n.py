"""Helpers for the three languages: which one the reader uses, and picking a name in it."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Language(models.TextChoices):
    EN = "en", _("English")
    VI = "vi", _("Vietnamese")
    JA = "ja", _("Japanese")

    @property
    def in_sentence(self) -> str:
        """The language's name as it reads inside a sentence ("translated from %s"): the
        label is the name standing alone (a menu, a heading), and some languages write the
        two differently (Vietnamese: "Tiếng Việt" alone, "từ tiếng Việt" in a sentence)."""
        return str(IN_SENTENCE[self.value])


IN_SENTENCE = {
    Language.EN.value: pgettext_lazy("language name in a sentence", "English"),
    Language.VI.value: pgettext_lazy("language name in a sentence", "Vietnamese"),
    Language.JA.value: pgettext_lazy("language name in a sentence", "Japanese"),
}


def reader_language() -> str:
    """The active language, reduced to one of vi/ja/en."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def aside(text) -> str:
    """A short aside after a text, in the reader's typography: " (Plenary session)" after a
    space, "（全体会議）" in full-width brackets with no space in Japanese. A text that
    already has its brackets (a translated "(translated)") only gets the space it needs; one
    with brackets of its own inside (a demo name's "(demo)") follows a slash, since brackets
    inside brackets read badly: "Nguyễn Thị Lan (demo) / グエン・ティ・ラン（デモ）"."""
    text = str(text)
    japanese = reader_language() == "ja"
    if text.startswith(("(", "（")):
        return text if japanese else f" {text}"
    if any(bracket in text for bracket in "()（）"):
        return f" / {text}"
    return f"（{text}）" if japanese else f" ({text})"


def pick_name(obj, field: str = "name", language: str | None = None) -> str:
    """The `<field>_<lang>` attribute of obj in the reader's language, falling back to
    English, then to the other languages, then to the plain `<field>`."""
    language = language or reader_language()
    order = [language, "en", *LANGUAGE_CODES]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return getattr(obj, field, "") or ""


def list_separator() -> str:
    """The reader's list separator: ", " in English and Vietnamese, "、" in Japanese. The one
    home of the rule: names joined in code use `join_list`, in a template the `join_list`
    filter or, between links, `{% list_separator %}` (common/templatetags/formats.py)."""
    return pgettext("list separator", ", ")


def join_list(items) -> str:
    """Items joined with the reader's list separator: "a, b" in English and Vietnamese,
    "a、b" in Japanese."""
    return list_separator().join(str(item) for item in items)


def for_each_reader(function, *args) -> str:
    """`function(*args)` as a lazy string, called when the text is written out rather than
    now: a notice is written once per recipient in that recipient's language, so a name or a
    date inside it (`format_lazy(..., authority=for_each_reader(getattr, org, "display_name"))`)
    is then in that language too, not in the acting user's."""
    return lazy(function, str)(*args)
