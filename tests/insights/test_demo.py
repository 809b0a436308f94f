import re

import pytest

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import DEMO_ORGANISATIONS, demo_email
from kakehashi.demo.places import Places
from kakehashi.directory.models import Organisation
from kakehashi.insights import funnel
from kakehashi.insights.dashboards import DASHBOARDS
from kakehashi.insights.demo import load_insights_demo
from kakehashi.insights.models import Outcome


@pytest.fixture
def demo_world(db):
    load_demo()
    places = Places({})
    specs = {spec["key"]: spec["name"] for spec in DEMO_ORGANISATIONS}
    places.organisations = {k: Organisation.objects.get(name=n) for k, n in specs.items()}
    users = {"admin": User.objects.get(email=demo_email("admin"))}
    return places, users


def test_demo_outcomes_make_every_dashboard_non_empty_and_are_marked(demo_world, client):
    places, users = demo_world
    count = load_insights_demo(places, users)
    assert count == Outcome.objects.count() >= 5
    assert not Outcome.objects.filter(is_demo=False).exists()
    assert load_insights_demo(places, users) == count  # a second load adds nothing
    festival = next(row for row in funnel.event_results() if "2025" in row["group"])
    assert festival["held"] == 4 and festival["outcomes"] == 4 and festival["requests"] == 7
    for key in DASHBOARDS:
        page = client.get(f"/insights/{key}/").content.decode()
        assert re.search(r'<table class="figures( compact)?">', page), key
        assert "These figures include demo records" in page, key
