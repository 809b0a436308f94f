"""The fact rules, one module per kind of fact; `all_facts` runs them all."""

import re

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


# "On the same occasion", "Nhân dịp này", 同日: the day of the meeting or event told before.
OCCASION = re.compile(
    r"(?i:on the same occasion|on that occasion|on the same day|during the visit|"
    r"at the meeting|on the sidelines)|[Nn]hân dịp này|[Dd]ịp này|[Cc]ùng ngày|[Tt]ại buổi"
    r"|同日|この日|会談で|訪問に合わせ"
)


def all_facts(ctx: Context) -> list[dict]:
    facts = [fact for rule in RULES for fact in rule(ctx)]
    facts.sort(key=lambda f: (f["span"][0], TYPES.index(f["type"])))
    _dated_by_occasion(ctx, facts)
    return facts


def _dated_by_occasion(ctx: Context, facts: list[dict]) -> None:
    """An agreement signed "on the same occasion" (and no day of its own) takes the day of
    the visit or event told last before it."""
    last = None
    for fact in facts:
        if fact["type"] in ("visit", "event") and fact["date"]:
            last = fact
            continue
        if fact["type"] != "agreement" or fact["status"] == "planned" or last is None:
            continue
        a, b = fact["span"]
        own = ctx.dates_in(*_norm_span(ctx, a, b), ("date", "month", "year"))
        if OCCASION.search(ctx.text.original[a:b]) and last["span"][0] < a:
            if fact["date"] not in {d.value for d in own}:
                fact["date"] = last["date"]


__all__ = ["Context", "TYPES", "all_facts"]


def _norm_span(ctx: Context, a: int, b: int) -> tuple[int, int]:
    """The sentence at original offsets a:b, in the private copy's offsets."""
    sentence = next(s for s in ctx.text.sentences if ctx.text.span(s.start, s.end) == (a, b))
    return sentence.start, sentence.end
