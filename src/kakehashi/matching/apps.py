import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class MatchingConfig(AppConfig):
    name = "kakehashi.matching"
    label = "matching"

    def ready(self):
        # The apps to the left announce their changes; matching keeps its index in step by
        # enqueueing the upkeep tasks (a new or edited record is findable within seconds).
        from kakehashi.directory.signals import organisation_changed
        from kakehashi.proposals.signals import proposal_changed

        organisation_changed.connect(_organisation_changed, dispatch_uid="matching-organisations")
        proposal_changed.connect(_proposal_changed, dispatch_uid="matching-proposals")

        # The proposal page shows recommended counterparts.
        from kakehashi.matching.views import recommendations_panel
        from kakehashi.proposals.panels import register_detail_panel

        register_detail_panel(recommendations_panel)

        # /readyz says how many records the index may be stale for.
        from kakehashi.common.health import register_readiness_report

        register_readiness_report("matching_index", _index_report)


def _organisation_changed(sender, organisation_id, **kwargs):
    from kakehashi.matching.tasks import index_organisation

    _enqueue(index_organisation, organisation_id, f"organisation:{organisation_id}")


def _proposal_changed(sender, proposal_id, **kwargs):
    from kakehashi.matching.tasks import index_proposal

    _enqueue(index_proposal, proposal_id, f"proposal:{proposal_id}")


def _enqueue(task, record_id, key):
    """Queue the upkeep of one record; on a failure try once more, then leave it listed as
    missed (the change itself is saved; the index is stale for this record until the daily
    job or a rebuild indexes it, and /readyz counts it)."""
    for attempt in (1, 2):
        try:
            task.enqueue(record_id)
            return
        except Exception as error:
            logger.warning(
                "Could not enqueue %s(%s), attempt %d", task.name, record_id, attempt, exc_info=True
            )
            failure = f"{type(error).__name__}: {error}"
    from kakehashi.matching.services import note_missed_update

    try:
        note_missed_update(key=key, error=failure)
    except Exception:  # the database is unreachable too: the log is all there is
        logger.exception("Could not record the missed index update of %s", key)


def _index_report() -> dict:
    """The readiness report: records whose upkeep could not be queued. Never unready: the
    pages work, only search may miss or show a stale version of these records."""
    from django.utils import timezone

    from kakehashi.matching.models import MissedIndexUpdate

    oldest = MissedIndexUpdate.objects.values_list("missed_at", flat=True).first()
    report = {
        "ok": True,
        "stale_records": MissedIndexUpdate.objects.count(),
        "stale_for_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else 0,
    }
    if oldest:
        report["warning"] = "index upkeep not queued for some records; see MissedIndexUpdate"
    return report
