"""The fact rules, one module per kind of fact; `all_facts` runs them all."""

from kakehashi.news.engine.facts.agreements import find_agreements
from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.events import find_events
from kakehashi.news.engine.facts.partners import find_partnership_counts, find_priority_partners
from kakehashi.news.engine.facts.statements import find_milestones, find_proposals, person_facts
from kakehashi.news.engine.facts.visits import find_visits

RULES = (
    find_events,
    person_facts,
    find_visits,
    find_agreements,
    find_priority_partners,
    find_partnership_counts,
    find_proposals,
    find_milestones,
)
TYPES = ("event", "person", "visit", "agreement", "priority_partners", "partnership_count",
         "proposal", "milestone")  # fmt: skip


def all_facts(ctx: Context) -> list[dict]:
    facts = [fact for rule in RULES for fact in rule(ctx)]
    facts.sort(key=lambda f: (f["span"][0], TYPES.index(f["type"])))
    return facts


__all__ = ["Context", "TYPES", "all_facts"]
