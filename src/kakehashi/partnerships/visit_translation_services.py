"""Writes of delegation visits' translations (see common/translations.py for how they are
stored): the visiting body (when it is no locality), who led the delegation, the purpose and
the outcome, in a language other than the visit's own.

Those who may record the visit translate it: for a visit under an agreement, those who may
change the agreement; for one under none, the governments of the visitor and the host; and
the platform administrators (as moderators). The reference data's and the demo's
translations are loaded as a moderator's, with no person named. Like services.py:
keyword-only, one transaction each, PermissionDenied or a ValidationError with a code,
nothing written on refusal; each change is in the audit log."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.translation_writes import (
    TranslationWrites,
    check_language,
    check_length,
    invalid,
    require_text,
    source_for,
)
from kakehashi.directory.queries import localities_spoken_for
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import (
    DelegationVisit,
    DelegationVisitTranslation,
)
from kakehashi.partnerships.rules import manages_partnership, require
from kakehashi.partnerships.services import _audit_owners
from kakehashi.partnerships.visit_models import visit_fingerprint

LIMITS = {"visitor_name": 200, "delegation_lead": 200, "purpose": 2000, "outcome": 2000}

TOO_LONG = {
    "visitor_name": _(
        "The visiting body may have at most %(limit)s characters (it has %(length)s)."
    ),
    "delegation_lead": _(
        "Who led the delegation may have at most %(limit)s characters (it has %(length)s)."
    ),
    "purpose": _("The purpose may have at most %(limit)s characters (it has %(length)s)."),
    "outcome": _("The outcome may have at most %(limit)s characters (it has %(length)s)."),
}


def _owners(visit: DelegationVisit) -> list[int | None]:
    return _audit_owners(visit.partnership) if visit.partnership_id else []


WRITES = TranslationWrites(
    model=DelegationVisitTranslation,
    record_field="visit",
    texts=tuple(LIMITS),
    fingerprint=visit_fingerprint,
    owners=_owners,
)


def _cleaned(visit: DelegationVisit, language: str, texts: dict) -> dict:
    """The texts to store, or a ValidationError naming the first problem."""
    check_language(
        language,
        original=visit.language,
        message=_("The visit is recorded in %(language)s: choose another language."),
    )
    cleaned = {name: (texts.get(name) or "").strip() for name in LIMITS}
    require_text(
        cleaned["purpose"],
        _("Give the purpose of the visit."),
        PartnershipError.VISIT_PURPOSE_MISSING,
    )
    for name, limit in LIMITS.items():
        check_length(cleaned[name], limit, TOO_LONG[name])
        if cleaned[name] and not getattr(visit, name):
            raise invalid(
                _("The visit has no such text to translate: leave it empty."),
                PartnershipError.VISIT_TEXT_WITHOUT_ORIGINAL,
                field=name,
            )
    return cleaned


def _locked(visit: DelegationVisit) -> DelegationVisit:
    # Only the visit's row is locked: PostgreSQL locks no row of a nullable outer join.
    return (
        DelegationVisit.objects.select_for_update(of=("self",))
        .select_related("partnership", "visitor", "host")
        .get(pk=visit.pk)
    )


def _check_may_translate(visit: DelegationVisit, by) -> bool:
    """PermissionDenied unless `by` may record the visit; whether they speak for it (a
    colleague of whoever recorded it) rather than moderate it."""
    require(by, "partnerships.translate_visit", visit)
    if visit.partnership_id:
        return manages_partnership(by, visit.partnership)
    return bool({visit.visitor_id, visit.host_id} & localities_spoken_for(by))


@transaction.atomic
def save_visit_translation(
    *,
    visit: DelegationVisit,
    language: str,
    purpose: str,
    outcome: str = "",
    delegation_lead: str = "",
    visitor_name: str = "",
    by,
) -> DelegationVisitTranslation:
    """Store a person's translation of the visit's texts into `language`, replacing the one
    there; a text left empty is shown as written."""
    visit = _locked(visit)
    speaks = _check_may_translate(visit, by)
    texts = _cleaned(
        visit,
        language,
        {
            "purpose": purpose,
            "outcome": outcome,
            "delegation_lead": delegation_lead,
            "visitor_name": visitor_name,
        },
    )
    source = source_for(is_author=speaks and visit.created_by_id == by.pk, is_colleague=speaks)
    return WRITES.store(visit, language, texts, source=source, by=by)


@transaction.atomic
def save_visit_reference_translation(
    *, visit: DelegationVisit, language: str, **texts: str
) -> DelegationVisitTranslation | None:
    """Store the reference data's (or the demo's) translation, as a moderator's with no
    person named, unless a person has translated the visit into that language since."""
    visit = _locked(visit)
    return WRITES.store_reference(visit, language, _cleaned(visit, language, texts))
