"""The proposal page in the reader's language, and the page where people translate it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.reading import reading_context
from kakehashi.common.translation_page import Original, PageText, translation_page
from kakehashi.proposals import queries
from kakehashi.proposals.forms import TranslationForm
from kakehashi.proposals.models import TRANSLATED_FIELDS
from kakehashi.proposals.translation_services import save_translation


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
    originals = [
        Original(proposal.title, proposal.language, heading=True),
        Original(proposal.summary, proposal.language),
    ]
    if proposal.description:
        originals.append(Original(proposal.description, proposal.language))
    return translation_page(
        request,
        proposal,
        original_language=proposal.language,
        find=lambda language: queries.translation_for(proposal, language),
        initial_of=lambda row: {name: getattr(row, name) for name in TRANSLATED_FIELDS},
        make_form=lambda data, initial: TranslationForm(
            data, initial=initial, original=proposal.language
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
