"""The index follows the records: published proposals become findable at once, withdrawn
ones disappear, and a rebuild (interrupted or not) restores everything."""

import pytest

from kakehashi.matching import live
from kakehashi.matching.models import IndexEntry, RebuildRun, RebuildStatus
from kakehashi.matching.services import rebuild_index
from kakehashi.proposals import services
from tests.factories import OrganisationFactory, UserFactory, locality
from tests.matching.builders import CARE_JA, COLD_CHAIN_JA, COLD_CHAIN_VI, publish_proposal

pytestmark = pytest.mark.django_db


def found(text, language=None):
    return [match.id for match in live.live_index().search(text, language=language, k=10)]


def test_a_published_proposal_is_findable_and_matchable_at_once(
    reference, django_capture_on_commit_callbacks
):
    seller = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    buyer = OrganisationFactory()
    assert found("kho lạnh thủy sản") == []

    offer = publish_proposal(seller, django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    assert f"proposal:{offer.pk}" in found("kho lạnh thủy sản")

    request = publish_proposal(buyer, django_capture_on_commit_callbacks, **COLD_CHAIN_VI)
    index = live.live_index()
    ranked = [m.id for m in index.rank(index.get(f"proposal:{request.pk}"), k=5)]
    assert ranked[0] == f"proposal:{offer.pk}"


def test_a_draft_is_not_indexed(reference, django_capture_on_commit_callbacks):
    owner = UserFactory(is_superuser=True)
    organisation = OrganisationFactory()
    from kakehashi.proposals.services import ProposalInput

    with django_capture_on_commit_callbacks(execute=True):
        services.create_proposal(
            data=ProposalInput(**COLD_CHAIN_VI), organisation=organisation, by=owner
        )
    assert not IndexEntry.objects.exists()
    assert found("kho lạnh") == []


def test_a_withdrawn_proposal_disappears(reference, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    proposal = publish_proposal(organisation, django_capture_on_commit_callbacks, **CARE_JA)
    assert f"proposal:{proposal.pk}" in found("介護")

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(proposal=proposal, by=UserFactory(is_superuser=True))
    assert f"proposal:{proposal.pk}" not in found("介護")
    assert IndexEntry.objects.get(key=f"proposal:{proposal.pk}").removed


def test_another_process_sees_the_same_index(reference, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    proposal = publish_proposal(organisation, django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    before = found("cold storage for seafood")
    live.forget()  # as a fresh process: everything is read back from the database
    assert found("cold storage for seafood") == before
    assert before[0] == f"proposal:{proposal.pk}"


def test_rebuild_indexes_everything_and_resumes(reference):
    from tests.proposals.factories import published

    organisations = [OrganisationFactory() for _ in range(3)]
    proposals = [
        published(organisation=organisations[i % 3], title=f"Kho lạnh số {i}", language="vi")
        for i in range(5)
    ]
    # An interrupted run stopped after the organisations and the first two proposals.
    interrupted = RebuildRun.objects.create(
        status=RebuildStatus.RUNNING, total=8, done=5, last_key=f"proposal:{proposals[1].pk}"
    )
    progress = []
    run = rebuild_index(resume=True, progress=lambda r: progress.append(r.done))

    assert run.pk == interrupted.pk
    assert run.status == RebuildStatus.FINISHED and run.done == 8
    indexed = set(IndexEntry.objects.filter(removed=False).values_list("key", flat=True))
    # Only what came after the interruption was written by this run.
    assert indexed == {f"proposal:{p.pk}" for p in proposals[2:]}
    assert progress[-1] == 8

    full = rebuild_index()
    assert full.done == 8
    indexed = set(IndexEntry.objects.filter(removed=False).values_list("key", flat=True))
    assert indexed == {f"organisation:{o.pk}" for o in organisations} | {
        f"proposal:{p.pk}" for p in proposals
    }
