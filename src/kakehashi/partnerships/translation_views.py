"""A partnership record's texts in the reader's language, and the page where people
translate them (like proposals/translation_views.py)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.reading import reading_context
from kakehashi.common.translation_page import Original, PageText, translation_page
from kakehashi.partnerships import queries
from kakehashi.partnerships.forms import (
    PartnershipTranslationForm,
    PriorityListTranslationForm,
    priority_list_input,
    service_input,
)
from kakehashi.partnerships.models import PriorityList, renewal_notes_of
from kakehashi.partnerships.priority_list_models import priority_notes_of
from kakehashi.partnerships.priority_list_services import save_priority_list_translation
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


def _initial(row, notes: list[str]) -> dict:
    initial = {"title": row.title, "summary": row.summary, "type_as_stated": row.type_as_stated}
    for index, note in enumerate(notes):
        initial[f"note_{index}"] = row.renewal_notes.get(note, "")
    return initial


@login_required
def translate_partnership(request, pk):
    partnership = get_object_or_404(queries.partnerships_visible_to(request.user), pk=pk)
    if not request.user.has_perm("partnerships.translate_partnership", partnership):
        raise PermissionDenied
    notes = renewal_notes_of(partnership)
    originals = [Original(partnership.title, partnership.language, heading=True)]
    if partnership.summary:
        originals.append(Original(partnership.summary, partnership.language))
    if partnership.type_as_stated:
        originals.append(
            Original(partnership.type_as_stated, partnership.language, label=_("As stated"))
        )
    return translation_page(
        request,
        partnership,
        original_language=partnership.language,
        find=partnership.translation_into,
        initial_of=lambda row: _initial(row, notes),
        make_form=lambda data, initial: PartnershipTranslationForm(
            data,
            initial=initial,
            original=partnership.language,
            notes=notes,
            states_type=bool(partnership.type_as_stated),
        ),
        save=lambda data: save_translation(
            partnership=partnership, by=request.user, **service_input(data, notes)
        ),
        text=PageText(
            heading=_("Translate the partnership record"),
            intro=[
                _(
                    "The original is in %(language)s. Your translation is shown to readers of "
                    "its language, with a note that says who translated it."
                )
                % {"language": Language(partnership.language).in_sentence}
            ],
            originals=originals,
        ),
    )


@login_required
def translate_priority_list(request, pk):
    """The page where a locality's government (or a platform administrator) translates one
    of its priority-partner lists."""
    priority_list = get_object_or_404(
        PriorityList.objects.select_related("locality").prefetch_related("entries"), pk=pk
    )
    if not request.user.has_perm("partnerships.change_priority_list", priority_list.locality):
        raise PermissionDenied
    notes = priority_notes_of(priority_list)

    return translation_page(
        request,
        priority_list,
        original_language=priority_list.language,
        find=priority_list.translation_into,
        initial_of=lambda row: {
            "title": row.title,
            **{f"note_{i}": row.notes.get(note, "") for i, note in enumerate(notes)},
        },
        make_form=lambda data, initial: PriorityListTranslationForm(
            data, initial=initial, original=priority_list.language, notes=notes
        ),
        save=lambda data: save_priority_list_translation(
            priority_list=priority_list, by=request.user, **priority_list_input(data, notes)
        ),
        text=PageText(
            heading=_("Translate the priority-partner list"),
            intro=[
                _(
                    "The original is in %(language)s. Your translation is shown to readers of "
                    "its language, with a note that says who translated it."
                )
                % {"language": Language(priority_list.language).in_sentence}
            ],
            originals=[Original(priority_list.title, priority_list.language, heading=True)],
        ),
    )
