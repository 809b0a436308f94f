"""Writes of proposal translations (see common/translations.py for how they are stored).

People translate: the proposing organisation's members (the author, or a colleague) and the
moderators of its locality. A machine may draft the missing languages in the background
(proposals/machine_drafts.py, run by the task `proposals.tasks.draft_translations`); a
machine draft never replaces a person's translation, and a person's translation replaces a
machine draft. Like proposals/services/: keyword-only, one transaction each,
PermissionDenied or a ValidationError with a code, nothing written on refusal; each change is
in the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.errors import LANGUAGE_INVALID, CommonError
from kakehashi.common.i18n import Language
from kakehashi.common.translation_writes import (
    TranslationWrites,
    check_language,
    check_length,
    invalid,
    refusal_field,
    require_text,
    source_for,
)
from kakehashi.common.translations import TranslationSource
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import (
    KIND_FIELDS,
    KIND_TEXTS,
    TRANSLATED_FIELDS,
    Proposal,
    ProposalTranslation,
    original_fingerprint,
)
from kakehashi.proposals.queries import owns
from kakehashi.proposals.rules import require
from kakehashi.proposals.signals import proposal_changed

LIMITS = {
    "title": 200,
    "summary": 500,
    "description": 4000,
    "advantages": 2000,
    "sought": 2000,
    "partner_role": 2000,
}


def _changed(proposal_id: int) -> None:
    proposal_changed.send(sender=Proposal, proposal_id=proposal_id)


WRITES = TranslationWrites(
    model=ProposalTranslation,
    record_field="proposal",
    texts=TRANSLATED_FIELDS,
    fingerprint=original_fingerprint,
    owners=lambda proposal: [proposal.organisation_id],
    # Search and matching index the translations with the proposal.
    changed=_changed,
)


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


# Whole sentences per text, so that each language names the text and the language its own way.
TOO_LONG = {
    "title": _(
        "The title in %(language)s can be at most %(limit)s characters long "
        "(you entered %(count)s)."
    ),
    "summary": _(
        "The summary in %(language)s can be at most %(limit)s characters long "
        "(you entered %(count)s)."
    ),
    "description": _(
        "The description in %(language)s can be at most %(limit)s characters long "
        "(you entered %(count)s)."
    ),
    "advantages": _(
        "The advantages and innovation in %(language)s can be at most %(limit)s characters "
        "long (you entered %(count)s)."
    ),
    "sought": _(
        "What is sought, in %(language)s, can be at most %(limit)s characters long "
        "(you entered %(count)s)."
    ),
    "partner_role": _(
        "The partner's expected role in %(language)s can be at most %(limit)s characters long "
        "(you entered %(count)s)."
    ),
}
# A kind's text given for a proposal of another kind.
NOT_OF_KIND = {
    "advantages": _(
        "This kind of proposal has no advantages and innovation: leave their translation "
        "into %(language)s empty."
    ),
    "sought": _(
        "This kind of proposal does not say what is sought: leave that translation into "
        "%(language)s empty."
    ),
    "partner_role": _(
        "This kind of proposal does not describe the partner's expected role: leave that "
        "translation into %(language)s empty."
    ),
}


def kind_has(kind: str, name: str) -> bool:
    """Whether a proposal of `kind` has the text `name` (the common texts: every kind)."""
    return name not in KIND_TEXTS or kind in KIND_FIELDS[name]


def texts_of(given: dict, kind: str) -> dict[str, str]:
    """The translated texts as stored: each stripped, those of the kind only (a text the
    kind has not is stored empty)."""
    return {
        name: (given.get(name) or "").strip() if kind_has(kind, name) else ""
        for name in TRANSLATED_FIELDS
    }


def check_texts(
    language: str, texts: dict[str, str], *, original: str | None, kind: str | None = None
) -> None:
    """Whether `texts` (title, summary, description and the kind's texts, stripped; a text
    left out is empty) can be the translation into `language` of a proposal of `kind`
    written in `original` (`kind` None: any kind's texts are taken); the forms and the
    import check with it before they save. A refusal carries the text it is about as the
    parameter `field` (see `field_of`)."""
    check_language(
        language,
        original=original,
        message=_(
            "The proposal is written in %(language)s: leave its translation into "
            "%(language)s empty."
        ),
        field="title" if language in Language.values else "language",
    )
    in_sentence = Language(language).in_sentence
    for name in KIND_TEXTS:
        if kind is not None and texts.get(name) and not kind_has(kind, name):
            raise invalid(
                NOT_OF_KIND[name], ProposalError.NOT_OF_KIND, language=in_sentence, field=name
            )
    for name, limit in LIMITS.items():
        check_length(texts.get(name, ""), limit, TOO_LONG[name], language=in_sentence, field=name)
    require_text(
        texts["title"],
        _("Give the translation into %(language)s a title."),
        language=in_sentence,
        field="title",
    )


# The text (title, summary, description) or "language" a refusal of `check_texts` is about.
field_of = refusal_field


@transaction.atomic
def save_translation(
    *,
    proposal: Proposal,
    language: str,
    title: str,
    summary: str,
    description: str = "",
    advantages: str = "",
    sought: str = "",
    partner_role: str = "",
    by,
) -> ProposalTranslation:
    """Store a person's translation of the proposal into `language`, replacing the one there
    (a machine draft or a person's): its title, summary, description and the texts its kind
    has (a text of another kind is refused). The source says who made it: the author (the
    member who created the proposal), a colleague (another member of its organisation) or a
    moderator."""
    proposal = _locked(proposal)
    require(by, "proposals.translate_proposal", proposal)
    given = {
        "title": title,
        "summary": summary,
        "description": description,
        "advantages": advantages,
        "sought": sought,
        "partner_role": partner_role,
    }
    texts = {name: (value or "").strip() for name, value in given.items()}
    check_texts(language, texts, original=proposal.language, kind=proposal.kind)
    member = owns(by, proposal)
    source = source_for(is_author=member and proposal.created_by_id == by.pk, is_colleague=member)
    return WRITES.store(proposal, language, texts, source=source, by=by)


@transaction.atomic
def delete_translation(*, proposal: Proposal, language: str, by) -> None:
    """Delete a person's translation of the proposal into `language` (whoever may translate
    the proposal may delete one). A machine draft is not deleted: the drafting would make it
    again; a person's translation replaces it. Raises ProposalTranslation.DoesNotExist when
    there is no translation into `language`."""
    proposal = _locked(proposal)
    require(by, "proposals.translate_proposal", proposal)
    row = ProposalTranslation.objects.get(proposal=proposal, language=language)
    if row.is_machine:
        raise invalid(
            _(
                "The translation into %(language)s is a machine translation: write one to "
                "replace it."
            ),
            ProposalError.MACHINE_TRANSLATION,
            language=Language(language).in_sentence,
        )
    WRITES.delete(row, proposal, by=by)


def _same_texts(row: ProposalTranslation, texts: dict[str, str]) -> bool:
    return all(getattr(row, name) == texts[name] for name in TRANSLATED_FIELDS)


@transaction.atomic
def save_author_translations(
    *, proposal: Proposal, translations: dict[str, dict[str, str]], by
) -> list[str]:
    """Apply the translations the author gave with the proposal (the proposal form's tabs, the
    columns of an import): `translations` maps a language to its title, summary and
    description. Returns the languages written or deleted.

    - texts given and different from the stored ones: stored with `save_translation` (same
      rules; a machine draft is replaced);
    - the same texts as a person's stored translation: nothing changes (its translator
      stays);
    - every text empty: no translation; a person's translation there is deleted (the form
      showed it, the author emptied it); a machine draft stays.

    A refusal is raised as a ValidationError keyed by the form's field, e.g. `title_ja`,
    with a message that names the text and the language; nothing is written then."""
    changed = []
    for language, given in translations.items():
        # The texts of another kind are dropped, as the proposal's own are (services/editing.py).
        texts = texts_of(given, proposal.kind)
        row = ProposalTranslation.objects.filter(proposal=proposal, language=language).first()
        if not any(texts.values()):
            if row is not None and row.is_human:
                delete_translation(proposal=proposal, language=language, by=by)
                changed.append(language)
            continue
        if row is not None and row.is_human and _same_texts(row, texts):
            continue
        try:
            save_translation(proposal=proposal, language=language, by=by, **texts)
        except ValidationError as error:
            raise ValidationError({f"{field_of(error) or 'title'}_{language}": [error]}) from None
        changed.append(language)
    return changed


def drop_other_kinds_texts(*, proposal: Proposal, by) -> None:
    """Empty, in every translation, the texts the proposal's kind no longer has (its author
    changed the kind: the proposal's own are emptied too)."""
    require(by, "proposals.change_proposal", proposal)
    stale = [name for name in KIND_TEXTS if not kind_has(proposal.kind, name)]
    for row in ProposalTranslation.objects.filter(proposal=proposal):
        if not any(getattr(row, name) for name in stale):
            continue
        before = snapshot(row, WRITES.audited)
        for name in stale:
            setattr(row, name, "")
        row.save()
        WRITES.audit(row, proposal, by=by, action=AuditAction.CHANGED, before=before)
    WRITES.after_commit(proposal)


def delete_in_original_language(*, proposal: Proposal, by) -> None:
    """Delete the translations into the language the proposal is now written in (its author
    changed it): a reader of that language reads the original."""
    require(by, "proposals.change_proposal", proposal)
    for row in ProposalTranslation.objects.filter(proposal=proposal, language=proposal.language):
        WRITES.delete(row, proposal, by=by)


@transaction.atomic
def save_machine_translation(
    *,
    proposal: Proposal,
    language: str,
    title: str,
    summary: str,
    description: str = "",
    advantages: str = "",
    sought: str = "",
    partner_role: str = "",
    made_from: str,
) -> ProposalTranslation | None:
    """Store a machine draft into `language` of the proposal's text whose fingerprint is
    `made_from`, unless a person's translation is there or the text has changed since (then
    nothing changes and None is returned). Text beyond the column limits is cut."""
    proposal = _locked(proposal)
    if language not in Language.values or language == proposal.language:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID)
    existing = ProposalTranslation.objects.filter(proposal=proposal, language=language).first()
    if (existing is not None and existing.is_human) or made_from != original_fingerprint(proposal):
        return None
    given = {
        "title": title,
        "summary": summary,
        "description": description,
        "advantages": advantages,
        "sought": sought,
        "partner_role": partner_role,
    }
    texts = {name: text[: LIMITS[name]] for name, text in texts_of(given, proposal.kind).items()}
    texts["title"] = texts["title"] or proposal.title
    return WRITES.store(
        proposal, language, texts, source=TranslationSource.MACHINE, by=None, made_from=made_from
    )
