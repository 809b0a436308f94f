"""Funnel figures from the known data of builders.py, counted by hand:

- proposals p1 (Da Nang, agriculture) and p2 (Osaka, agriculture + trade) are published and
  their owners are at the event; p3 (Hue) is a draft; p4 (a Hanoi company, not at the event)
  is published.
- interests: Aichi and Osaka in p1, Hue in p2, Da Nang in p4 (declined, still expressed).
- requests: Da Nang → Osaka (accepted: m1), Hue → Aichi (accepted: m2), Da Nang → Aichi
  (pending); m3 Osaka–Hue added by the organisers. All three scheduled; m1 and m2 held.
- outcomes: MoU signed after m1 (locality: Da Nang, the Vietnamese side), follow-up agreed
  after m2 (events), "no follow-up" after m2 (not an outcome), investment registered after
  Aichi's interest in p1 (locality: p1's, Da Nang)."""

from kakehashi.insights import figures

STAGES = ["proposals", "interests", "requests", "scheduled", "held", "outcomes"]


def _stages(row):
    return [row[stage] for stage in STAGES]


def test_funnel_per_event(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        rows = figures.funnel_by_event()
    assert [(row["group"], _stages(row)) for row in rows] == [
        ("Meet Japan 2027", [2, 3, 3, 3, 2, 2])
    ]


def test_funnel_per_locality(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        rows = figures.funnel_by_locality()
    assert {row["group"]: _stages(row) for row in rows} == {
        "Da Nang": [1, 2, 2, 1, 1, 2],
        "Osaka Prefecture": [1, 1, 0, 2, 1, 0],
        "Hue": [0, 0, 1, 2, 1, 1],
        "Aichi Prefecture": [0, 0, 0, 1, 1, 1],
        "Hanoi": [1, 1, 0, 0, 0, 0],
    }


def test_funnel_per_sector(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        rows = figures.funnel_by_sector()
    assert {row["group"]: _stages(row) for row in rows} == {
        "Agriculture": [2, 3, 2, 1, 1, 2],
        "Trade": [1, 1, 0, 0, 0, 0],
    }


def test_unpublished_event_is_not_counted_in_public(world):
    world.event.is_published = False
    world.event.save(update_fields=["is_published"])
    assert figures.funnel_by_event() == []
    by_place = {row["group"]: _stages(row) for row in figures.funnel_by_locality()}
    # Only the proposals, the interests and the outcome of an interest remain.
    assert by_place["Da Nang"] == [1, 2, 0, 0, 0, 1]
    assert "Hue" not in by_place


def test_funnel_of_own_organisations_counts_everything_of_theirs(world):
    danang = world.delegations["danang"][0].organisation
    hue = world.delegations["hue"][0].organisation
    rows = {row["id"]: _stages(row) for row in figures.organisation_funnel({danang.pk, hue.pk})}
    assert rows == {
        # p1; 2 interests received + 1 sent; 2 requests sent; m1; m1; MoU + investment.
        danang.pk: [1, 3, 2, 1, 1, 2],
        # the draft p3; 1 interest sent; 1 request sent; m2 and m3; m2; the follow-up.
        hue.pk: [1, 1, 1, 2, 1, 1],
    }


def test_event_results_and_totals(world):
    assert figures.event_results() == [
        {"group": "Meet Japan 2027", "requests": 3, "scheduled": 3, "held": 2, "outcomes": 2}
    ]
    totals = figures.funnel_totals(figures.funnel_by_locality())
    assert [row["count"] for row in totals] == [3, 4, 3, 6, 4, 4]


def test_partnership_network_and_agreements_count_published_ones(world):
    assert figures.partnership_network() == [
        {
            "vietnam": "Da Nang",
            "japan": "Osaka Prefecture",
            "kind": "MoU on cooperation",
            "count": 1,
        },
        {
            "vietnam": "Ho Chi Minh City",
            "japan": "Aichi Prefecture",
            "kind": "Sister or friendship city",
            "count": 1,
        },
    ]
    assert figures.partnership_network(since=2020) == [
        {
            "vietnam": "Ho Chi Minh City",
            "japan": "Aichi Prefecture",
            "kind": "Sister or friendship city",
            "count": 1,
        }
    ]
    assert [
        (row["year"], row["count"], row["sister_city"]) for row in figures.agreements_by_year()
    ] == [
        (2019, 1, 0),
        (2023, 1, 1),
    ]
