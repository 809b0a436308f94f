"""Writes of priority-partner lists: a locality's list for a period, partners added to it, and
its translations (see common/translations.py; the title and the entries' notes).

Each function runs in one transaction, checks that `by` speaks for the list's locality (or is
a platform administrator) through `rules.require` (PermissionDenied), writes an audit entry,
and raises ValidationError (with a code) on bad input, writing nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.errors import CommonError
from kakehashi.common.i18n import Language
from kakehashi.common.translation_writes import (
    LANGUAGE_INVALID,
    TranslationWrites,
    check_language,
    check_length,
    invalid,
    require_text,
    source_for,
)
from kakehashi.directory.models import Locality, Organisation, OrganisationKind
from kakehashi.directory.queries import localities_spoken_for
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import PriorityList, PriorityListTranslation, PriorityPartner
from kakehashi.partnerships.priority_list_models import (
    priority_list_fingerprint,
    priority_notes_of,
)
from kakehashi.partnerships.rules import require

AUDITED_FIELDS = ("title", "language", "period_start", "period_end", "source_url", "entries")
TITLE_LIMIT, NOTE_LIMIT = 200, 300


def _check_partners(locality: Locality, partners: list[Locality]) -> None:
    if not partners:
        raise ValidationError(
            _("Name at least one priority partner."), code=PartnershipError.NO_PARTNERS
        )
    if any(partner.pk == locality.pk for partner in partners):
        raise ValidationError(
            _("A locality cannot be its own priority partner."),
            code=PartnershipError.PARTNER_IS_LOCALITY,
        )


def _owners(locality: Locality) -> list[int]:
    places = {locality.pk, locality.successor_id} - {None}
    return list(
        Organisation.objects.filter(
            kind=OrganisationKind.LOCAL_GOVERNMENT, locality_id__in=places
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def record_priority_list(
    *,
    locality: Locality,
    title: str,
    period_start: int,
    period_end: int,
    partners: list[Locality],
    source_url: str = "",
    source_title: str = "",
    language: str = Language.EN,
    by,
    is_demo: bool = False,
) -> PriorityList:
    """Record a locality's list of priority partners for a period; `language` is the one its
    title is written in."""
    require(by, "partnerships.change_priority_list", locality)
    if not title.strip():
        raise ValidationError(_("Give the list a title."), code=CommonError.TITLE_MISSING)
    if language not in Language.values:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID)
    if period_end < period_start:
        raise ValidationError(
            _("The period cannot end before it starts."), code=PartnershipError.PERIOD_REVERSED
        )
    _check_partners(locality, partners)
    priority_list = PriorityList.objects.create(
        locality=locality,
        title=title.strip()[:200],
        language=language,
        period_start=period_start,
        period_end=period_end,
        source_url=source_url,
        source_title=source_title[:300],
        is_demo=is_demo,
    )
    PriorityPartner.objects.bulk_create(
        PriorityPartner(priority_list=priority_list, partner=partner)
        for partner in dict.fromkeys(partners)
    )
    record_change(
        obj=priority_list,
        by=by,
        action=AuditAction.CREATED,
        after=snapshot(priority_list, AUDITED_FIELDS),
        owners=_owners(locality),
    )
    return priority_list


@transaction.atomic
def add_priority_partners(
    *, priority_list: PriorityList, partners: list[Locality], source_url: str = "", by
) -> list[PriorityPartner]:
    """Add partners to an existing list (those already on it are left as they are); the
    source is kept when the list had none. Returns the entries added."""
    priority_list = PriorityList.objects.select_for_update().get(pk=priority_list.pk)
    require(by, "partnerships.change_priority_list", priority_list.locality)
    _check_partners(priority_list.locality, partners)
    before = snapshot(priority_list, AUDITED_FIELDS)
    present = set(priority_list.entries.values_list("partner_id", flat=True))
    added = PriorityPartner.objects.bulk_create(
        PriorityPartner(priority_list=priority_list, partner=partner)
        for partner in dict.fromkeys(partners)
        if partner.pk not in present
    )
    if source_url and not priority_list.source_url:
        priority_list.source_url = source_url
        priority_list.save(update_fields=["source_url"])
    record_change(
        obj=priority_list,
        by=by,
        action=AuditAction.CHANGED,
        before=before,
        owners=_owners(priority_list.locality),
    )
    return added


def _owners_of_list(priority_list: PriorityList) -> list[int]:
    return _owners(priority_list.locality)


WRITES = TranslationWrites(
    model=PriorityListTranslation,
    record_field="priority_list",
    texts=("title", "notes"),
    fingerprint=priority_list_fingerprint,
    owners=_owners_of_list,
)

TITLE_TOO_LONG = gettext_lazy(
    "The title may have at most %(limit)s characters (it has %(length)s)."
)
NOTE_TOO_LONG = gettext_lazy("A note may have at most %(limit)s characters (it has %(length)s).")


def _cleaned(priority_list: PriorityList, language: str, title, notes) -> dict:
    """The texts to store, or a ValidationError naming the first problem."""
    check_language(
        language,
        original=priority_list.language,
        message=gettext_lazy("The list is written in %(language)s: choose another language."),
    )
    title = (title or "").strip()
    require_text(title, gettext_lazy("Give the translation a title."))
    check_length(title, TITLE_LIMIT, TITLE_TOO_LONG)
    originals = priority_notes_of(priority_list)
    cleaned = {}
    for original, note in (notes or {}).items():
        if original not in originals:
            raise invalid(
                gettext_lazy("“%(note)s” is not a note of this list."),
                PartnershipError.NOTE_UNKNOWN,
                note=str(original)[:100],
            )
        note = (note or "").strip()
        check_length(note, NOTE_LIMIT, NOTE_TOO_LONG)
        if note:
            cleaned[original] = note
    return {"title": title, "notes": cleaned}


def _locked(priority_list: PriorityList) -> PriorityList:
    return (
        PriorityList.objects.select_for_update(of=("self",))
        .select_related("locality")
        .get(pk=priority_list.pk)
    )


@transaction.atomic
def save_priority_list_translation(
    *,
    priority_list: PriorityList,
    language: str,
    title: str,
    notes: dict[str, str] | None = None,
    by,
) -> PriorityListTranslation:
    """Store a person's translation of the list into `language`, replacing the one there.
    Those who may change the list translate it: its locality's government (a colleague of
    whoever wrote it) and the platform administrators (moderators)."""
    priority_list = _locked(priority_list)
    require(by, "partnerships.change_priority_list", priority_list.locality)
    texts = _cleaned(priority_list, language, title, notes)
    speaks = priority_list.locality_id in localities_spoken_for(by)
    return WRITES.store(
        priority_list,
        language,
        texts,
        source=source_for(is_author=False, is_colleague=speaks),
        by=by,
    )


@transaction.atomic
def save_priority_list_reference_translation(
    *, priority_list: PriorityList, language: str, title: str, notes: dict[str, str] | None = None
) -> PriorityListTranslation | None:
    """Store the reference data's (or the demo's) translation, as a moderator's with no
    person named, unless a person has translated the list into that language since."""
    priority_list = _locked(priority_list)
    texts = _cleaned(priority_list, language, title, notes)
    return WRITES.store_reference(priority_list, language, texts)
