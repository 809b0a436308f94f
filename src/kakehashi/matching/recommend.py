"""Recommendations: the best counterparts for a proposal or an organisation, as records the
reader may see, each with its reasons in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from kakehashi.directory.models import Organisation
from kakehashi.matching.context import matching_context
from kakehashi.matching.documents import organisation_document, organisation_key, proposal_key
from kakehashi.matching.hits import Hit, load_hits
from kakehashi.matching.live import reading
from kakehashi.matching.proposal_documents import proposal_document, published_proposals
from kakehashi.matching.reasons import ReasonWriter

RECOMMENDATIONS = 10
# A counterpart is recommended for what it has in common with the query, not only for its
# kind or its place: at least one of these reasons.
CONTENT_REASONS = {"similar_meaning", "shared_concepts", "shared_sectors", "shared_keywords"}


@dataclass
class Recommendation:
    hit: Hit
    score: float
    reasons: list[str]


def _owner_id(hit: Hit) -> int:
    return hit.proposal.organisation_id if hit.proposal is not None else hit.organisation.pk


def _recommendations(matches, limit: int, *, own_organisation_id: int) -> list[Recommendation]:
    """The matches a reader may see, never one of `own_organisation_id`'s records (the engine
    leaves them out too; the records say whose they are today, whatever the index holds)."""
    hits = {
        hit.key: hit
        for hit in load_hits([(m.id, m.score) for m in matches])
        if _owner_id(hit) != own_organisation_id
    }
    writer = ReasonWriter()
    writer.learn(reason for match in matches if match.id in hits for reason in match.reasons)
    recommendations = []
    for match in matches:
        if match.id not in hits:
            continue  # no longer public
        if not any(reason.code in CONTENT_REASONS for reason in match.reasons):
            continue
        hit = hits[match.id]
        reasons = match.reasons
        if hit.proposal is not None and hit.proposal.is_anonymous:
            # Whom an anonymous owner has met would say who the owner is.
            reasons = [reason for reason in reasons if reason.code != "met_before"]
        recommendations.append(
            Recommendation(hit=hit, score=match.score, reasons=writer.sentences(reasons))
        )
        if len(recommendations) == limit:
            break
    return recommendations


def for_proposal(proposal, *, limit: int = RECOMMENDATIONS) -> list[Recommendation]:
    """Counterparts for a proposal (published or not: its owners see them before they
    publish)."""
    document = proposal_document(proposal)
    context = matching_context()
    with reading() as index:
        matches = index.rank(document, k=limit + 5, context=context)
    return _recommendations(matches, limit, own_organisation_id=proposal.organisation_id)


def for_organisation(organisation: Organisation, *, limit: int = 20) -> list[Recommendation]:
    """Counterparts for an organisation: for its profile and for each of its published
    proposals, the best of each counterpart kept once."""
    context = matching_context()
    queries = [organisation_document(organisation)]
    queries += [
        proposal_document(p) for p in published_proposals().filter(organisation=organisation)
    ]
    best = {}
    with reading() as index:
        rankings = [index.rank(query, k=limit, context=context) for query in queries]
    for matches in rankings:
        for match in matches:
            if match.id == organisation_key(organisation.pk):
                continue
            if match.id not in best or match.score > best[match.id].score:
                best[match.id] = match
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.id))
    return _recommendations(ranked, limit, own_organisation_id=organisation.pk)


@dataclass
class PartnerRecommendation:
    organisation: Organisation
    score: float
    reasons: list[str]


def partners_among(
    organisation: Organisation, candidate_ids, *, limit: int = 10
) -> list[PartnerRecommendation]:
    """Which of the candidate organisations (e.g. the other delegations of an event) fit
    the organisation best: its profile and its published proposals against theirs, the best
    match of each candidate kept, with its reasons."""
    candidate_ids = set(candidate_ids) - {organisation.pk}
    if not candidate_ids:
        return []
    owner_of = {organisation_key(pk): pk for pk in candidate_ids}
    owner_of |= {
        proposal_key(pk): owner
        for pk, owner in published_proposals()
        # An anonymous proposal must not lead to its owner.
        .filter(organisation_id__in=candidate_ids, is_anonymous=False)
        .values_list("pk", "organisation_id")
    }
    context = matching_context()
    queries = [organisation_document(organisation)]
    queries += [
        proposal_document(p) for p in published_proposals().filter(organisation=organisation)
    ]
    best: dict[int, object] = {}
    with reading() as index:
        rankings = [
            index.rank(query, k=limit * 3, context=context, allowed=owner_of.__contains__)
            for query in queries
        ]
    for matches in rankings:
        for match in matches:
            if not any(reason.code in CONTENT_REASONS for reason in match.reasons):
                continue
            owner = owner_of[match.id]
            if owner not in best or match.score > best[owner].score:
                best[owner] = match
    organisations = Organisation.objects.in_bulk(list(best))
    writer = ReasonWriter()
    ranked = sorted(best.items(), key=lambda item: (-item[1].score, item[0]))[:limit]
    return [
        PartnerRecommendation(
            organisation=organisations[owner],
            score=match.score,
            reasons=writer.sentences(match.reasons),
        )
        for owner, match in ranked
    ]
