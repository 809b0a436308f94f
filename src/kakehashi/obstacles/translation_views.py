"""An obstacle's public texts in the reader's language (its title, written by the reporter,
and its public summary, written by the authority: each may be in another language, so each
carries its own note), and the page where participants translate them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import reader_language
from kakehashi.common.reading import reading_context
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


@login_required
def translate_obstacle(request, pk):
    obstacle = get_object_or_404(queries.obstacles_visible_to(request.user), pk=pk)
    if not may_translate(request.user, obstacle):
        raise PermissionDenied
    language = request.POST.get("language") or request.GET.get("language") or ""
    if not language and request.LANGUAGE_CODE != obstacle.language:
        language = request.LANGUAGE_CODE
    existing = obstacle.translation_into(language) if language else None
    initial = {"language": language}
    if existing is not None:
        initial.update(title=existing.title, public_summary=existing.public_summary)
    form = ObstacleTranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_translation(obstacle=obstacle, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(obstacle)
    return render(
        request,
        "obstacles/translation_form.html",
        {"form": form, "obstacle": obstacle, "existing": existing},
    )
