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


def _organisation_changed(sender, organisation_id, **kwargs):
    from kakehashi.matching.tasks import index_organisation

    _enqueue(index_organisation, organisation_id)


def _proposal_changed(sender, proposal_id, **kwargs):
    from kakehashi.matching.tasks import index_proposal

    _enqueue(index_proposal, proposal_id)


def _enqueue(task, record_id):
    try:
        task.enqueue(record_id)
    except Exception:  # the change itself is saved; a rebuild repairs the index
        logger.exception("Could not enqueue %s(%s)", task.name, record_id)
