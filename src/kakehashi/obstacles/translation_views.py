"""An obstacle's public texts in the reader's language (its title, written by the reporter,
and its public summary, written by the authority: each may be in another language, so each
carries its own note), and the page where participants translate them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.reading import reading_context
from kakehashi.common.translation_page import Original, PageText, translation_page
from kakehashi.obstacles import queries
from kakehashi.obstacles.forms import ObstacleTranslationForm
from kakehashi.obstacles.services import save_translation
from kakehashi.obstacles.services.translations import may_translate


def translation_context(request, obstacle) -> dict:
    """`title_reading` and `summary_reading` (see common/reading.py), each with its note."""
    row = obstacle.translation_into(reader_language())
    want_original = bool(request.GET.get("original"))
    can_translate = may_translate(request.user, obstacle)
    title = reading_context(
        obstacle,
        row if row is not None and row.title else None,
        original_language=obstacle.language,
        want_original=want_original,
        can_translate=can_translate,
    )
    summary = reading_context(
        obstacle,
        row if row is not None and row.public_summary else None,
        original_language=obstacle.summary_language,
        want_original=want_original,
        can_translate=can_translate,
    )
    return {
        "title_reading": title,
        "summary_reading": summary,
        "shown_title": title["text"].title or obstacle.title,
        "shown_summary": summary["text"].public_summary or obstacle.public_summary,
    }


def _intro(obstacle) -> list[str]:
    sentences = [
        _("The title is written in %(title_language)s.")
        % {"title_language": Language(obstacle.language).in_sentence}
    ]
    if obstacle.public_summary:
        sentences.append(
            _("The public summary is written in %(summary_language)s.")
            % {"summary_language": Language(obstacle.summary_language).in_sentence}
        )
    sentences.append(_("Leave empty a text that is already in the language of the translation."))
    return sentences


@login_required
def translate_obstacle(request, pk):
    obstacle = get_object_or_404(queries.obstacles_visible_to(request.user), pk=pk)
    if not may_translate(request.user, obstacle):
        raise PermissionDenied
    originals = [Original(obstacle.title, obstacle.language, heading=True)]
    if obstacle.public_summary:
        originals.append(Original(obstacle.public_summary, obstacle.summary_language))
    return translation_page(
        request,
        obstacle,
        original_language=obstacle.language,
        find=obstacle.translation_into,
        initial_of=lambda row: {"title": row.title, "public_summary": row.public_summary},
        make_form=ObstacleTranslationForm,
        save=lambda texts: save_translation(obstacle=obstacle, by=request.user, **texts),
        text=PageText(
            heading=_("Translate the obstacle's public texts"),
            intro=_intro(obstacle),
            originals=originals,
        ),
    )
