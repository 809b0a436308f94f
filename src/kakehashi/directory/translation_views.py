"""The organisation page in the reader's language, and the page where its members translate
its name and description."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import reader_language
from kakehashi.common.reading import reading_context
from kakehashi.directory.forms import OrganisationTranslationForm
from kakehashi.directory.queries import organisation_translation, organisations_visible_to
from kakehashi.directory.translation_services import save_organisation_translation


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
    language = request.POST.get("language") or request.GET.get("language") or ""
    if not language and request.LANGUAGE_CODE != organisation.language:
        language = request.LANGUAGE_CODE  # most often, people translate into their own
    existing = organisation_translation(organisation, language) if language else None
    initial = {"language": language}
    if existing is not None:
        initial.update(name=existing.name, description=existing.description)
    form = OrganisationTranslationForm(
        request.POST or None, initial=initial, original=organisation.language
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_organisation_translation(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(organisation)
    return render(
        request,
        "directory/translation_form.html",
        {"form": form, "organisation": organisation, "existing": existing},
    )
