"""The language tabs of the proposal form: the original text in its language first, then the
title, summary, description and the kind's texts in each other language, which the author may
fill in on the same form (stored as the author's translations, see proposals/authoring.py).

Tabs work without script (radio buttons and CSS, `.language-tabs` in site.css; stacked on a
phone). Fields are named `title_ja`, `summary_ja`, `description_ja`, `advantages_ja`… for
every language; the kind's texts sit in fieldsets shown for the kinds that have them (like the
original's, `data-kinds`); the texts of another kind than the one chosen are not saved. The
tab of the original's language is shown only when it holds text (a refusal to show)."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language
from kakehashi.proposals.models import (
    COMMON_TEXTS,
    KIND_FIELDS,
    TRANSLATED_FIELDS,
    Proposal,
)
from kakehashi.proposals.services import ProposalInput, language_of
from kakehashi.proposals.translation_services import LIMITS, check_texts, field_of, texts_of

ORIGINAL_FIELDS = (*COMMON_TEXTS, "language")
LABELS = {
    "title": _("Title"),
    "summary": _("Summary"),
    "description": _("Description"),
    "advantages": _("Advantages and innovation"),
    "sought": _("What is sought"),
    "partner_role": _("The partner's expected role"),
}
ROWS = {"summary": 3, "description": 8, "advantages": 4, "sought": 4, "partner_role": 4}
# The kind's texts in a tab, grouped as the original's are on the form (proposal_form.html).
KIND_GROUPS = (
    (_("For offers"), ("advantages",)),
    (_("For requests, research cooperation and programmes"), ("sought", "partner_role")),
)
ORIGINAL_TAB = "original"
# The tabs after the original's: the two countries' languages, then English.
TAB_ORDER = ("vi", "ja", "en")


def translation_field_names() -> list[str]:
    return [f"{name}_{code}" for code in Language.values for name in TRANSLATED_FIELDS]


def _translation_field(name: str, code: str) -> forms.CharField:
    # No max_length validator: check_texts refuses a text too long with a sentence naming
    # the text and the language; the browser's maxlength keeps most from typing that much.
    attrs = {"lang": code, "maxlength": LIMITS[name]}
    widget = forms.Textarea(attrs={**attrs, "rows": ROWS[name]}) if name in ROWS else None
    return forms.CharField(
        label=LABELS[name], required=False, widget=widget or forms.TextInput(attrs=attrs)
    )


@dataclass
class KindGroup:
    legend: str
    kinds: str  # the kinds that have these texts, separated by spaces (data-kinds)
    fields: list


@dataclass
class Tab:
    key: str
    label: str
    fields: list = field(default_factory=list)
    hint: str = ""
    has_errors: bool = False
    checked: bool = False
    kind_groups: list[KindGroup] = field(default_factory=list)


class LanguageTabsMixin:
    """For ProposalForm: adds the translation fields, checks them, and lays out the tabs.

    `reader_language` guesses the original's language of a new proposal before it is known
    (most people write in the language they read the platform in); `machine_languages` are
    the languages with a machine draft (a hint says that writing replaces it)."""

    def add_translation_fields(self, *, reader_language: str, machine_languages=()) -> None:
        for code in Language.values:
            for name in TRANSLATED_FIELDS:
                self.fields[f"{name}_{code}"] = _translation_field(name, code)
        self.machine_languages = set(machine_languages)
        chosen = self.data.get("language") if self.is_bound else self.initial.get("language")
        self.original_language = chosen if chosen in Language.values else None
        self.guessed_language = reader_language

    def texts_in(self, code: str) -> dict[str, str]:
        """The tab's texts, those of the chosen kind only."""
        data = self.cleaned_data
        given = {name: data.get(f"{name}_{code}") for name in TRANSLATED_FIELDS}
        return texts_of(given, data.get("kind") or "")

    def clean_translations(self, cleaned: dict) -> None:
        if cleaned.get("title") and cleaned.get("summary") is not None:
            original, _chosen = language_of(
                ProposalInput(
                    kind="",
                    title=cleaned.get("title", ""),
                    summary=cleaned.get("summary", ""),
                    description=cleaned.get("description", ""),
                    language=cleaned.get("language", ""),
                )
            )
            self.original_language = original
        for code in Language.values:
            texts = self.texts_in(code)
            if not any(texts.values()):
                continue
            try:
                check_texts(code, texts, original=self.original_language, kind=cleaned.get("kind"))
            except ValidationError as error:
                self.add_error(f"{field_of(error) or 'title'}_{code}", error)

    def translations(self) -> dict[str, dict[str, str]]:
        """The texts of every tab, for authoring.create_proposal/update_proposal."""
        return {code: self.texts_in(code) for code in Language.values}

    def language_tabs(self) -> list[Tab]:
        original = self.original_language
        if original:
            first = _("%(language)s (original)") % {"language": Language(original).label}
        else:
            first = _("Original text")
        tabs = [Tab(ORIGINAL_TAB, first, [self[name] for name in ORIGINAL_FIELDS])]
        for code in TAB_ORDER:
            names = [f"{name}_{code}" for name in TRANSLATED_FIELDS]
            has_text = self.is_bound and any((self.data.get(name) or "").strip() for name in names)
            if code == (original or self.guessed_language) and not has_text:
                continue
            tab = Tab(code, str(Language(code).label), [self[f"{n}_{code}"] for n in COMMON_TEXTS])
            tab.kind_groups = [
                KindGroup(
                    legend,
                    " ".join(sorted(KIND_FIELDS[texts[0]])),
                    [self[f"{name}_{code}"] for name in texts],
                )
                for legend, texts in KIND_GROUPS
            ]
            if code in self.machine_languages:
                tab.hint = _(
                    "A machine translation is shown to readers of this language. What you "
                    "write here replaces it; left empty, it stays."
                )
            else:
                tab.hint = _("Optional: readers of this language see it instead of the original.")
            tabs.append(tab)
        for tab in tabs:
            fields = [*tab.fields, *(f for group in tab.kind_groups for f in group.fields)]
            tab.has_errors = any(bound.errors for bound in fields)
        opened = next((tab for tab in tabs if tab.has_errors), None)
        if opened is None:
            asked = self.data.get("text_tab") if self.is_bound else None
            opened = next((tab for tab in tabs if tab.key == asked), tabs[0])
        opened.checked = True
        return tabs

    @staticmethod
    def translations_initial(proposal: Proposal) -> dict:
        """The tabs' initial texts: the translations people made (a machine draft is not
        shown: the author's tab starts empty and the draft stays unless they write)."""
        initial = {}
        for row in proposal.translations.all():
            if row.is_human:
                initial.update(
                    {f"{name}_{row.language}": getattr(row, name) for name in TRANSLATED_FIELDS}
                )
        return initial
