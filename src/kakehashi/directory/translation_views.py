"""The organisation page in the reader's language, the page where its members translate its
name and description, and the page where its administrators translate a person's position."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.reading import reading_context
from kakehashi.common.translation_page import Original, PageText, translation_page
from kakehashi.directory.forms import OrganisationTranslationForm, PositionTranslationForm
from kakehashi.directory.positions import original_language
from kakehashi.directory.queries import organisation_translation, organisations_visible_to
from kakehashi.directory.translation_services import (
    save_organisation_translation,
    save_position_translation,
)


def translation_context(request, organisation) -> dict:
    """What the organisation page shows of its name and description (see
    common/reading.py): `text.name` and `text.description`."""
    return reading_context(
        organisation,
        organisation_translation(organisation, reader_language()),
        original_language=organisation.language,
        want_original=bool(request.GET.get("original")),
        can_translate=request.user.has_perm("directory.translate_organisation", organisation),
    )


@login_required
def translate_organisation(request, pk):
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    if not request.user.has_perm("directory.translate_organisation", organisation):
        raise PermissionDenied
    originals = [
        Original(
            organisation.name,
            organisation.language,
            heading=True,
            aside=organisation.name_en if organisation.name_en != organisation.name else "",
        )
    ]
    if organisation.description:
        originals.append(Original(organisation.description, organisation.language))
    return translation_page(
        request,
        organisation,
        original_language=organisation.language,
        find=lambda language: organisation_translation(organisation, language),
        initial_of=lambda row: {"name": row.name, "description": row.description},
        make_form=lambda data, initial: OrganisationTranslationForm(
            data, initial=initial, original=organisation.language
        ),
        save=lambda texts: save_organisation_translation(
            organisation=organisation, by=request.user, **texts
        ),
        text=PageText(
            heading=_("Translate the organisation's name and description"),
            intro=[
                _(
                    "The original is in %(language)s. Your translation is shown to readers of "
                    "its language, on the organisation's page and on event agendas, with your "
                    "name as translator."
                )
                % {"language": Language(organisation.language).in_sentence}
            ],
            originals=originals,
        ),
    )


@login_required
def translate_position(request, pk, person_pk):
    """The page where those who may change a membership (the organisation's administrators,
    the platform administrators) translate the person's position there."""
    organisation = get_object_or_404(organisations_visible_to(request.user), pk=pk)
    membership = get_object_or_404(
        organisation.memberships.select_related("person").exclude(position=""),
        person_id=person_pk,
    )
    if not request.user.has_perm("directory.manage_members", organisation):
        raise PermissionDenied
    written_in = original_language(membership)
    return translation_page(
        request,
        membership,
        original_language=written_in,
        # The row in that language, even one made from a former position: the form opens
        # with it to be corrected (the pages show only one made from the position as it is).
        find=lambda language: membership.translations.filter(language=language).first(),
        initial_of=lambda row: {"position": row.position},
        make_form=lambda data, initial: PositionTranslationForm(
            data, initial=initial, original=written_in
        ),
        save=lambda texts: save_position_translation(
            membership=membership, by=request.user, **texts
        ),
        text=PageText(
            heading=_("Translate the position"),
            intro=[
                _(
                    "%(person)s's position at %(organisation)s is written in %(language)s. "
                    "Your translation is shown to readers of its language on the "
                    "organisation's page, on the person's page and on event badges."
                )
                % {
                    "person": membership.person.display_name,
                    "organisation": organisation.display_name,
                    "language": Language(written_in).in_sentence,
                }
            ],
            originals=[Original(membership.position, written_in, heading=True)],
        ),
    )
