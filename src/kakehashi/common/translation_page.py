"""The page where people translate a record (an organisation, a partnership record, an
obstacle, a proposal): one view helper and one template, `common/translation_form.html`.

Each app's view keeps what differs: it finds the record and checks the permission, then
hands over its form, how a stored translation fills the form, the service that saves it, and
what the page says (its heading, the sentences above the form, the original texts)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language
from kakehashi.common.refusals import add_refusal
from kakehashi.common.translation_writes import refusal_field


@dataclass
class Original:
    """A text of the original as the page shows it above the form."""

    text: str
    language: str
    heading: bool = False  # the record's name or title, in bold
    aside: str = ""  # another form of it, e.g. the English name, in brackets
    aside_language: str = "en"
    label: str = ""  # what the text is, when the page shows several (above it)


@dataclass
class FieldGroup:
    """Fields shown together; with a legend, in a fieldset of their own."""

    fields: list
    legend: str = ""
    hint: str = ""


@dataclass
class PageText:
    heading: str
    intro: list[str]
    originals: list[Original] = field(default_factory=list)


def chosen_language(request, original: str | None) -> str:
    """The language to translate into: the one asked for, else the reader's own (most often
    people translate into their own language) unless the original is in it, else the first
    other one (the one the form's menu shows first, so that the texts below are its)."""
    language = request.POST.get("language") or request.GET.get("language") or ""
    if not language:
        others = [code for code in Language.values if code != original]
        language = request.LANGUAGE_CODE if request.LANGUAGE_CODE in others else others[0]
    return language


def field_groups(form) -> list[FieldGroup]:
    groups = getattr(form, "field_groups", None)
    return groups() if groups else [FieldGroup(list(form))]


def translation_page(
    request,
    record,
    *,
    original_language: str | None,
    find: Callable[[str], object],
    initial_of: Callable[[object], dict],
    make_form: Callable[..., object],
    save: Callable[[dict], object],
    text: PageText,
):
    """GET: the form, filled with the stored translation into the chosen language (`find`
    returns the row or None, `initial_of` its texts as the form's initial data). POST: the
    form checked, then `save(cleaned_data)` (the app's service, which checks again and may
    refuse with a ValidationError shown on the form); on success, back to the record."""
    language = chosen_language(request, original_language)
    existing = find(language) if language else None
    initial = {"language": language, **(initial_of(existing) if existing is not None else {})}
    form = make_form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            add_refusal(form, error, field=refusal_field(error))
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(record)
    return render(
        request,
        "common/translation_form.html",
        {
            "form": form,
            "groups": field_groups(form),
            "record": record,
            "existing": existing,
            "page": text,
        },
    )
