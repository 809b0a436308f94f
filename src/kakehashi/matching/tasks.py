"""Background tasks of matching: take ids, load, call a service; idempotent."""

from django_tasks import task


@task()
def index_proposal(proposal_id: int) -> None:
    from kakehashi.matching.services import index_proposal as index

    index(proposal_id)


@task()
def index_organisation(organisation_id: int) -> None:
    from kakehashi.matching.services import index_organisation as index

    index(organisation_id)


@task()
def send_match_digests() -> None:
    from kakehashi.matching.alerts import send_digests

    send_digests()


@task()
def write_index_snapshot() -> None:
    from kakehashi.matching.snapshots import write_current

    write_current()
