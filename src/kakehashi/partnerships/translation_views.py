"""A partnership record's texts in the reader's language, and the page where people
translate them (like proposals/translation_views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import reader_language
from kakehashi.common.reading import reading_context
from kakehashi.partnerships import queries
from kakehashi.partnerships.forms import PartnershipTranslationForm
from kakehashi.partnerships.models import renewal_notes_of
from kakehashi.partnerships.translation_services import save_translation


def translation_context(request, partnership) -> dict:
    """What the record's page shows of its texts (see common/reading.py), with the renewals
    as (renewal, note shown) pairs."""
    context = reading_context(
        partnership,
        partnership.translation_into(reader_language()),
        original_language=partnership.language,
        want_original=bool(request.GET.get("original")),
        can_translate=request.user.has_perm("partnerships.translate_partnership", partnership),
    )
    shown = context["translation"] if context["showing_translation"] else None
    context["renewals"] = [
        (renewal, renewal.note_in(shown)) for renewal in partnership.renewals.all()
    ]
    return context


@login_required
def translate_partnership(request, pk):
    partnership = get_object_or_404(queries.partnerships_visible_to(request.user), pk=pk)
    if not request.user.has_perm("partnerships.translate_partnership", partnership):
        raise PermissionDenied
    language = request.POST.get("language") or request.GET.get("language") or ""
    if not language and request.LANGUAGE_CODE != partnership.language:
        language = request.LANGUAGE_CODE  # most often, people translate into their own
    notes = renewal_notes_of(partnership)
    existing = partnership.translation_into(language) if language else None
    initial = {"language": language}
    if existing is not None:
        initial.update(title=existing.title, summary=existing.summary)
        for index, note in enumerate(notes):
            initial[f"note_{index}"] = existing.renewal_notes.get(note, "")
    form = PartnershipTranslationForm(
        request.POST or None, initial=initial, original=partnership.language, notes=notes
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_translation(partnership=partnership, by=request.user, **form.service_input())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(partnership)
    return render(
        request,
        "partnerships/translation_form.html",
        {"form": form, "partnership": partnership, "existing": existing},
    )
