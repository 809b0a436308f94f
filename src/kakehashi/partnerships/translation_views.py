"""A partnership record's texts in the reader's language, and the pages where people
translate the registry's records: partnerships, priority-partner lists and delegation visits
(like proposals/translation_views.py)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.reading import reading_context
from kakehashi.common.translation_page import Original, PageText, translation_page
from kakehashi.partnerships import queries
from kakehashi.partnerships.forms import (
    PartnershipTranslationForm,
    PriorityListTranslationForm,
    VisitTranslationForm,
    priority_list_input,
    service_input,
)
from kakehashi.partnerships.models import DelegationVisit, PriorityList, renewal_notes_of
from kakehashi.partnerships.priority_list_models import priority_notes_of
from kakehashi.partnerships.priority_list_services import save_priority_list_translation
from kakehashi.partnerships.translation_services import save_translation
from kakehashi.partnerships.visit_translation_services import save_visit_translation


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


def _record_translation_page(request, record, *, heading, originals, **page):
    """The translation page of a registry record (a partnership, a priority-partner list, a
    visit): each has its `language` and its `translation_into`; the caller gives the rest
    of what `translation_page` takes (`initial_of`, `make_form`, `save`)."""
    return translation_page(
        request,
        record,
        original_language=record.language,
        find=record.translation_into,
        text=PageText(
            heading=heading,
            intro=[
                _(
                    "The original is in %(language)s. Your translation is shown to readers of "
                    "its language, with a note that says who translated it."
                )
                % {"language": Language(record.language).in_sentence}
            ],
            originals=originals,
        ),
        **page,
    )


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
    return _record_translation_page(
        request,
        partnership,
        heading=_("Translate the partnership record"),
        originals=originals,
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
    return _record_translation_page(
        request,
        priority_list,
        heading=_("Translate the priority-partner list"),
        originals=[Original(priority_list.title, priority_list.language, heading=True)],
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
    )


@login_required
def translate_visit(request, pk):
    """The page where those who may record a delegation visit translate its texts."""
    visit = get_object_or_404(
        DelegationVisit.objects.select_related("partnership", "visitor", "host"), pk=pk
    )
    if (
        visit.partnership_id
        and not queries.partnerships_visible_to(request.user)
        .filter(pk=visit.partnership_id)
        .exists()
    ):
        # A visit of an agreement the reader may not see does not exist for them.
        raise Http404
    if not request.user.has_perm("partnerships.translate_visit", visit):
        raise PermissionDenied
    texts = VisitTranslationForm.TEXTS
    labels = {name: VisitTranslationForm.base_fields[name].label for name in texts}
    return _record_translation_page(
        request,
        visit,
        heading=_("Translate the delegation visit"),
        originals=[
            Original(getattr(visit, name), visit.language, label=labels[name])
            for name in texts
            if getattr(visit, name)
        ],
        initial_of=lambda row: {name: getattr(row, name) for name in texts},
        make_form=lambda data, initial: VisitTranslationForm(data, initial=initial, visit=visit),
        save=lambda data: save_visit_translation(
            visit=visit,
            by=request.user,
            language=data["language"],
            **{name: data.get(name, "") for name in texts},
        ),
    )
