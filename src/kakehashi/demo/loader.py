"""Demo data: every row of the real partnership list (shared/data/vn_jp_partnerships.csv, kept
in partnerships/data/ with its structured reading in partnerships.json), plus invented
organisations, people and accounts, each marked `is_demo` so no one mistakes them for real.

Idempotent: running it again updates the same records. This module runs the parts in order;
each lives in its own module (people.py, places.py, partnerships.py, events.py, proposals.py,
obstacles.py, messaging.py, news.py, the event day's, the translations')."""

import json

from django.db import transaction

from kakehashi.demo.event_day_badges import load_event_day
from kakehashi.demo.event_day_feedback import load_event_day_feedback
from kakehashi.demo.events import load_events
from kakehashi.demo.messaging import load_conversations
from kakehashi.demo.name_translations import load_demo_translations
from kakehashi.demo.news import load_news_articles
from kakehashi.demo.obstacles import load_obstacles
from kakehashi.demo.partnerships import PARTNERSHIP_DATA, load_demo_visit, load_partnerships
from kakehashi.demo.people import DEMO_ORGANISATIONS, upsert_organisation, upsert_people
from kakehashi.demo.places import Places
from kakehashi.demo.proposals import load_proposals
from kakehashi.demo.record_translations import load_demo_partnership_translations
from kakehashi.directory.reference import load_reference
from kakehashi.insights.demo import load_insights_demo
from kakehashi.matching.services import rebuild_index


@transaction.atomic
def load_demo() -> dict[str, int]:
    load_reference()
    places = Places({})
    real = {
        spec["key"]: upsert_organisation(spec, places, is_demo=False)
        for spec in json.loads((PARTNERSHIP_DATA / "partnerships.json").read_text("utf-8"))[
            "organisations"
        ]
    }
    demo = {
        spec["key"]: upsert_organisation(spec, places, is_demo=True) for spec in DEMO_ORGANISATIONS
    }
    places.organisations = real | demo
    users = upsert_people(places.organisations)
    partnerships = load_partnerships(places, users["admin"])
    load_demo_visit(places)
    events = load_events(places, users)
    load_demo_translations(places.organisations, users)
    proposals = load_proposals(places, users)
    obstacles = load_obstacles(places, users)
    outcomes = load_insights_demo(places, users)
    load_event_day_feedback(places, users)
    load_demo_partnership_translations(places.organisations)
    conversations = load_conversations(places, users)
    load_event_day(places, users)
    articles = load_news_articles()
    rebuild_index()
    return {
        "organisations": len(places.organisations),
        "users": len(users),
        "partnerships": partnerships,
        "events": events,
        "proposals": proposals,
        "obstacles": obstacles,
        "outcomes": outcomes,
        "conversations": conversations,
        "news articles": articles,
    }
