"""The proposal page in the reader's language, and the page where people translate it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.permissions import allows
from kakehashi.common.reading import reading_context
from kakehashi.common.translation_page import Original, PageText, translation_page
from kakehashi.proposals import queries
from kakehashi.proposals.forms import TranslationForm
from kakehashi.proposals.models import KIND_TEXTS, TRANSLATED_FIELDS
from kakehashi.proposals.translation_services import save_translation

KIND_HEADINGS = {
    "advantages": gettext_lazy("Advantages and innovation"),
    "sought": gettext_lazy("What is sought"),
    "partner_role": gettext_lazy("The partner's expected role"),
}


def translation_context(request, proposal) -> dict:
    """What the proposal page shows of its texts (see common/reading.py), with `kind_texts`:
    the kind's texts the proposal has, each as (heading, text, its language): translated
    where the translation shown has it, else as written."""
    context = reading_context(
        proposal,
        queries.translation_for(proposal, reader_language()),
        original_language=proposal.language,
        want_original=bool(request.GET.get("original")),
        can_translate=allows(request.user, "proposals.translate_proposal", proposal),
    )
    shown = context["translation"] if context.get("showing_translation") else None
    context["kind_texts"] = []
    for name in KIND_TEXTS:
        original = getattr(proposal, name)
        translated = getattr(shown, name, "") if shown is not None else ""
        if original:
            context["kind_texts"].append(
                (
                    KIND_HEADINGS[name],
                    translated or original,
                    shown.language if translated else proposal.language,
                )
            )
    return context


@login_required
def translate_proposal(request, pk):
    proposal = get_object_or_404(queries.proposals_visible_to(request.user), pk=pk)
    if not allows(request.user, "proposals.translate_proposal", proposal):
        raise PermissionDenied
    originals = [
        Original(proposal.title, proposal.language, heading=True),
        Original(proposal.summary, proposal.language),
    ]
    if proposal.description:
        originals.append(Original(proposal.description, proposal.language))
    originals += [
        Original(getattr(proposal, name), proposal.language, label=KIND_HEADINGS[name])
        for name in KIND_TEXTS
        if getattr(proposal, name)
    ]
    return translation_page(
        request,
        proposal,
        original_language=proposal.language,
        find=lambda language: queries.translation_for(proposal, language),
        initial_of=lambda row: {name: getattr(row, name) for name in TRANSLATED_FIELDS},
        make_form=lambda data, initial: TranslationForm(
            data, initial=initial, original=proposal.language, kind=proposal.kind
        ),
        save=lambda texts: save_translation(proposal=proposal, by=request.user, **texts),
        text=PageText(
            heading=_("Translate the proposal"),
            intro=[
                _(
                    "The original is in %(language)s. Your translation is shown to readers of "
                    "its language, with your name as translator; it replaces a machine "
                    "translation."
                )
                % {"language": Language(proposal.language).in_sentence}
            ],
            originals=originals,
        ),
    )
