"""Background tasks of the proposals app."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from kakehashi.common.machine_translation import TranslationUnavailable
from kakehashi.proposals import machine_drafts
from kakehashi.proposals.services import expire_due

logger = logging.getLogger(__name__)

# A failed machine translation is tried again after 5 minutes, then 10, 20... at most 6 hours.
RETRY_FIRST = timedelta(minutes=5)
RETRY_LONGEST = timedelta(hours=6)


@task()
def expire_proposals() -> int:
    """Daily: expire the proposals whose date has come (idempotent)."""
    return expire_due()


@task()
def draft_translations(proposal_id: int, attempt: int = 1) -> list[str]:
    """Machine drafts of a published proposal's missing translations; the languages drafted.
    Idempotent: a language a person translated, or whose draft is of the current text, is
    left alone. When the translation service fails, the failure is logged and, with a queue
    that can hold a task until later (the database queue), the task queues itself again
    with a growing delay, up to KAKEHASHI_TRANSLATION_ATTEMPTS attempts in all."""
    try:
        return machine_drafts.draft_machine_translations(proposal_id=proposal_id)
    except TranslationUnavailable as error:
        attempts = settings.KAKEHASHI_TRANSLATION_ATTEMPTS
        if attempt < attempts and draft_translations.get_backend().supports_defer:
            delay = min(RETRY_FIRST * 2 ** (attempt - 1), RETRY_LONGEST)
            at = timezone.now() + delay
            draft_translations.using(run_after=at).enqueue(proposal_id, attempt + 1)
            logger.warning(
                "Machine translation of proposal %s failed (attempt %s of %s), retried at %s: %s",
                proposal_id,
                attempt,
                attempts,
                at.isoformat(timespec="seconds"),
                error,
            )
        else:
            logger.warning(
                "Machine translation of proposal %s failed (attempt %s of %s), not retried: %s",
                proposal_id,
                attempt,
                attempts,
                error,
            )
        return []
