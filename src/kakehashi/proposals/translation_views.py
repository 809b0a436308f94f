"""The proposal page in the reader's language, and the page where people translate it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.translations import TranslationSource
from kakehashi.proposals import queries
from kakehashi.proposals.forms import TranslationForm
from kakehashi.proposals.translation_services import save_translation

# Whole sentences per translator, so that each language words them its own way.
TRANSLATED_BY = {
    TranslationSource.AUTHOR: lambda language: (
        _("Translated from %(language)s by the author.") % {"language": language}
    ),
    TranslationSource.COLLEAGUE: lambda language: (
        _("Translated from %(language)s by a colleague of the author.") % {"language": language}
    ),
    TranslationSource.MODERATOR: lambda language: (
        _("Translated from %(language)s by a moderator.") % {"language": language}
    ),
    TranslationSource.MACHINE: lambda language: (
        _("Machine translation from %(language)s: it may contain mistakes.")
        % {"language": language}
    ),
}


def translation_context(request, proposal) -> dict:
    """What the proposal page shows of the texts: `text` (the translation into the reader's
    language when there is one and the reader did not ask for the original, otherwise the
    proposal), a note saying which, and whether the reader may add or correct a translation."""
    reader = reader_language()
    can_translate = request.user.has_perm("proposals.translate_proposal", proposal)
    translation = queries.translation_for(proposal, reader)
    original = Language(proposal.language).label
    context = {
        "text": proposal,
        "translation": translation,
        "translation_note": "",
        "showing_translation": False,
        "can_translate": can_translate,
        "translate_language": reader if reader != proposal.language else "",
    }
    if translation is None:
        if reader != proposal.language:
            context["translation_note"] = _("No translation into %(language)s yet.") % {
                "language": Language(reader).label
            }
    elif request.GET.get("original"):
        context["translation_note"] = _("The original text, in %(language)s.") % {
            "language": original
        }
    else:
        context["text"] = translation
        context["showing_translation"] = True
        context["translation_note"] = TRANSLATED_BY[translation.source](original)
    return context


@login_required
def translate_proposal(request, pk):
    proposal = get_object_or_404(queries.proposals_visible_to(request.user), pk=pk)
    if not request.user.has_perm("proposals.translate_proposal", proposal):
        raise PermissionDenied
    language = request.POST.get("language") or request.GET.get("language") or ""
    if not language and request.LANGUAGE_CODE != proposal.language:
        language = request.LANGUAGE_CODE  # most often, people translate into their own
    existing = queries.translation_for(proposal, language) if language else None
    initial = {"language": language}
    if existing is not None:
        initial.update(
            title=existing.title, summary=existing.summary, description=existing.description
        )
    form = TranslationForm(request.POST or None, initial=initial, original=proposal.language)
    if request.method == "POST" and form.is_valid():
        try:
            save_translation(proposal=proposal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(proposal)
    return render(
        request,
        "proposals/translation_form.html",
        {"form": form, "proposal": proposal, "existing": existing},
    )
