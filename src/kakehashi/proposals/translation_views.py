"""The proposal page in the reader's language, and the page where people translate it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.reading import reading_context
from kakehashi.proposals import queries
from kakehashi.proposals.forms import TranslationForm
from kakehashi.proposals.translation_services import field_of, save_translation


def translation_context(request, proposal) -> dict:
    """What the proposal page shows of its texts (see common/reading.py)."""
    return reading_context(
        proposal,
        queries.translation_for(proposal, reader_language()),
        original_language=proposal.language,
        want_original=bool(request.GET.get("original")),
        can_translate=request.user.has_perm("proposals.translate_proposal", proposal),
    )


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
            field = field_of(error)
            form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(proposal)
    return render(
        request,
        "proposals/translation_form.html",
        {
            "form": form,
            "proposal": proposal,
            "existing": existing,
            "original_language": Language(proposal.language).in_sentence,
        },
    )
