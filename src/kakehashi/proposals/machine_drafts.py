"""Machine drafts of proposal translations: which languages a machine should draft, the
drafting of a published proposal (run by the task `proposals.tasks.draft_translations`), the
daily catch-up and the queueing after publication. The drafts are stored through
`translation_services.save_machine_translation`: a machine draft never replaces a person's
translation, and a draft of an older text is redone."""

import logging

from django.db import transaction
from django.db.models import Count

from kakehashi.common import machine_translation
from kakehashi.common.i18n import Language
from kakehashi.proposals.models import (
    TRANSLATED_FIELDS,
    Proposal,
    ProposalStatus,
    original_fingerprint,
)
from kakehashi.proposals.translation_services import save_machine_translation

logger = logging.getLogger(__name__)


def languages_to_draft(proposal: Proposal) -> list[str]:
    """The languages a machine should draft: not the original, not one a person translated,
    not one whose machine draft is of the current text."""
    current = original_fingerprint(proposal)
    done = {
        row.language
        for row in proposal.translations.all()
        if row.is_human or row.made_from == current
    }
    return [code for code in Language.values if code != proposal.language and code not in done]


def draft_machine_translations(*, proposal_id: int) -> list[str]:
    """Draft the missing translations of a published proposal with the configured machine
    translation service; the languages drafted. Nothing when no service is configured or the
    proposal is not published. Raises machine_translation.TranslationUnavailable when the
    service fails (the languages drafted before the failure are kept)."""
    translator = machine_translation.translator()
    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if translator is None or proposal is None or proposal.status != ProposalStatus.PUBLISHED:
        return []
    drafted = []
    made_from = original_fingerprint(proposal)
    for language in languages_to_draft(proposal):
        # The service is called outside any transaction: it may take seconds.
        originals = [getattr(proposal, name) for name in TRANSLATED_FIELDS]
        asked = [text for text in originals if text.strip()]
        answers = iter(translator.translate(asked, proposal.language, language))
        texts = [next(answers) if text.strip() else "" for text in originals]
        row = save_machine_translation(
            proposal=proposal,
            language=language,
            made_from=made_from,
            **dict(zip(TRANSLATED_FIELDS, texts, strict=True)),
        )
        if row is not None:
            drafted.append(language)
    return drafted


def draft_missing(*, limit: int = 200) -> tuple[int, int]:
    """The daily catch-up: draft the translations of published proposals that still lack
    one (a draft that failed and was not, or no longer, retried), at most `limit`
    proposals, oldest first; stops at the first failure of the service (it is down: the
    next day tries again). Returns (proposals drafted, proposals left to do)."""
    if not machine_translation.is_configured():
        return 0, 0
    missing = (
        Proposal.objects.filter(status=ProposalStatus.PUBLISHED)
        .annotate(rows=Count("translations"))
        .filter(rows__lt=len(Language.values) - 1)
        .order_by("published_on", "pk")
    )
    ids = list(missing.values_list("pk", flat=True)[:limit])
    done = 0
    for proposal_id in ids:
        try:
            draft_machine_translations(proposal_id=proposal_id)
        except machine_translation.TranslationUnavailable as error:
            logger.warning("Machine translation unavailable, catch-up stopped: %s", error)
            break
        done += 1
    return done, missing.count()


def draft_translations_later(proposal: Proposal) -> None:
    """Queue the machine drafts of the proposal once the current transaction commits (when a
    translation service is configured)."""
    if not machine_translation.is_configured():
        return
    from kakehashi.proposals.tasks import draft_translations

    proposal_id = proposal.pk
    transaction.on_commit(lambda: draft_translations.enqueue(proposal_id))
