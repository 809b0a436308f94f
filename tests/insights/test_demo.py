import pytest

from kakehashi.accounts.models import User
from kakehashi.demo import loader
from kakehashi.directory.models import Organisation
from kakehashi.insights import funnel
from kakehashi.insights.dashboards import DASHBOARDS
from kakehashi.insights.demo import load_insights_demo
from kakehashi.insights.models import Outcome


@pytest.fixture
def demo_world(db):
    loader.load_demo()
    places = loader.Places({})
    specs = {spec["key"]: spec["name"] for spec in loader.DEMO_ORGANISATIONS}
    places.organisations = {k: Organisation.objects.get(name=n) for k, n in specs.items()}
    users = {"admin": User.objects.get(email=loader.demo_email("admin"))}
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
        assert '<table class="figures">' in page, key
        assert "These figures include demo records" in page, key
