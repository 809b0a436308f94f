"""The fact rules, one module per kind of fact; `all_facts` runs them all."""

import re

from kakehashi.news.engine.facts.agreements import find_agreements
from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.event_editions import background_edition
from kakehashi.news.engine.facts.events import find_events
from kakehashi.news.engine.facts.partners import find_priority_partners
from kakehashi.news.engine.facts.partnership_counts import find_partnership_counts
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


# The event told before, named by its kind alone: "hội nghị", "the forum", 式典, 同会議.
EVENT_AGAIN = {
    "vi": re.compile(
        r"(?<!\w)(?:[Hh]ội nghị|[Hh]ội thảo|[Dd]iễn đàn|[Ss]ự kiện|[Ll]ễ hội|[Tt]ọa đàm)"
        r"(?!\w)"
    ),
    "ja": re.compile(r"会議|フォーラム|セミナー|ウェビナー|式典|商談会|交流会|説明会|同会"),
    "en": re.compile(r"(?i:\bthe (?:conference|forum|seminar|event|festival|workshop|fair)\b)"),
}


def all_facts(ctx: Context) -> list[dict]:
    facts = [fact for rule in RULES for fact in rule(ctx)]
    facts.sort(key=lambda f: (f["span"][0], TYPES.index(f["type"])))
    _dated_by_occasion(ctx, facts)
    _dated_by_event(ctx, facts)
    return _undated_visits_told_again(facts)


def _dated_by_event(ctx: Context, facts: list[dict]) -> None:
    """A visit whose sentence has no day of its own and speaks of the event told before
    ("Trước khi hội nghị khai mạc, ... đã tiếp ...", 式典に先立ち) is on that event's day."""
    last = None
    for fact in facts:
        if fact["type"] == "event" and fact["date"]:
            if not (last and background_edition(fact, last)):
                last = fact  # not "the first … forum, held in September 2025": this one's day
            continue
        if fact["type"] != "visit" or last is None or last["span"][0] >= fact["span"][0]:
            continue
        a, b = fact["span"]
        lo, hi = _norm_span(ctx, a, b)
        if ctx.dates_in(lo, hi, ("date", "month")):
            continue
        if EVENT_AGAIN[ctx.language].search(ctx.text.original[a:b]):
            fact["date"] = last["date"]


def _undated_visits_told_again(facts: list[dict]) -> list[dict]:
    """A visit without a day (a headline: "森本副知事がホーチミン市を訪問") is left out when the
    article dates a visit to the same place by the same person (a name sharing a word)."""
    dated = [
        (set(str(f["visitor"]).split()), (f["host_locality"] or {}).get("slug"))
        for f in facts
        if f["type"] == "visit" and f["date"]
    ]
    out = []
    for fact in facts:
        if fact["type"] == "visit" and not fact["date"]:
            words = set(str(fact["visitor"]).split())
            where = (fact["host_locality"] or {}).get("slug")
            if any(words & names and where == place for names, place in dated):
                continue
        out.append(fact)
    return out


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
