"""The locality dashboard, from the known data of builders.py (funnel figures as counted in
test_funnel.py; obstacles as listed in test_authorities.py)."""

import re

import pytest

from kakehashi.common.translations import TranslationSource
from kakehashi.insights import localities
from kakehashi.obstacles.models import Obstacle, ObstacleTranslation
from tests.factories import locality
from tests.phone_tables import assert_stacks_on_phone, tables


def _funnel_cells(page: str) -> list[str]:
    return re.findall(r'<td data-stage="[a-z_]+" data-label="[^"<>]+">(\d+)</td>', page)


def test_locality_figures_exact(world, django_assert_max_num_queries):
    # (the public obstacles bring their translations and their authorities' translated names)
    with django_assert_max_num_queries(17):
        data = localities.locality_figures(locality("da-nang"))
    stages = [
        "proposals",
        "interests",
        "requests",
        "scheduled",
        "held",
        "outcomes",
        "other_outcomes",
    ]
    assert [data.funnel[key] for key in stages] == [1, 2, 2, 1, 1, 1, 1]
    assert [(o.kind, str(o.occurred_on), o.amount) for o in data.outcomes] == [
        ("investment", "2026-11-02", 1000000),
        ("mou_signed", "2026-11-01", None),
    ]
    # b1 was filed in Quang Nam (merged into Da Nang); b2 was closed without a summary.
    assert [o.title for o in data.resolved] == ["Obstacle b1"]
    assert (data.open_obstacles, data.overdue_obstacles) == (1, 1)


def test_locality_page_shows_funnel_outcomes_and_public_obstacles_only(
    world, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(21):
        response = client.get("/insights/localities/da-nang/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Da Nang</h1>" in page
    assert _funnel_cells(page) == ["1", "2", "2", "1", "1", "1", "1"]
    assert '<svg class="chart" role="img"' in page
    outcomes = page[page.index('id="outcomes"') : page.index('id="obstacles"')]
    assert "Investment registered" in outcomes
    assert '<td data-label="Amount">1,000,000 USD</td>' in outcomes
    assert '<td class="date" data-label="Date">2 Nov 2026</td>' in outcomes
    assert "MoU or agreement signed" in outcomes
    # On a phone each table is cards: the funnel's figures each under its stage's name.
    funnel, outcomes_table, resolved = tables(page)
    assert funnel.classes == {"figures"} and funnel.headings[0] == "Proposals"
    for table in (funnel, outcomes_table, resolved):
        assert_stacks_on_phone(table)
    assert "Obstacle b1" in page and "Public summary of obstacle b1." in page
    assert "Da Nang People&#x27;s Committee" in page
    assert "1 difficulty is being handled here (1 past the deadline)." in page
    # Nothing of obstacles without a public summary, and no company named.
    for key in ("b2", "b3", "a1", "a2"):
        assert f"Obstacle {key}" not in page
        assert f"Description of obstacle {key}." not in page
    assert "How b1 ended." not in page
    for registration, _user in world.delegations.values():
        assert registration.organisation.name not in page
    assert "Obstacle Reporting Company" not in page


@pytest.mark.parametrize(
    ("language", "amount", "day"),
    [
        ("vi", "1.000.000 USD", "2 tháng 11 năm 2026"),
        ("ja", "1,000,000米ドル", "2026年11月2日"),
    ],
)
def test_amounts_and_dates_in_the_readers_language(world, client, language, amount, day):
    client.cookies["kakehashi_language"] = language
    page = client.get("/insights/localities/da-nang/").content.decode()
    outcomes = page[page.index('id="outcomes"') : page.index('id="obstacles"')]
    # Each cell carries its column's name for the phone (data-label), in the reader's language.
    assert f'">{amount}</td>' in outcomes and f'">{day}</td>' in outcomes
    assert "2026-11-02" not in page and "1000000" not in page


def test_merged_unit_counts_for_its_successor(world, client):
    page = client.get("/insights/localities/ho-chi-minh-city/").content.decode()
    assert _funnel_cells(page) == ["0"] * 7
    assert "No outcome recorded here yet." in page
    assert "Obstacle a1" in page and "Obstacle a2" not in page  # a2 has no public summary
    assert "2 difficulties are being handled here (1 past the deadline)." in page
    response = client.get("/insights/localities/binh-duong-before-2025/")
    assert (response.status_code, response["Location"]) == (
        302,
        "/insights/localities/ho-chi-minh-city/",
    )


def test_unpublished_proposal_outcome_is_not_listed(world, client):
    proposal = world.proposals["p1"]
    proposal.status = "withdrawn"
    proposal.save(update_fields=["status"])
    page = client.get("/insights/localities/da-nang/").content.decode()
    assert "Investment registered" not in page
    assert "MoU or agreement signed" in page  # the meeting's, at a published event


def test_unknown_locality_and_the_list(world, client, django_assert_max_num_queries):
    assert client.get("/insights/localities/atlantis/").status_code == 404
    with django_assert_max_num_queries(6):
        page = client.get("/insights/localities/").content.decode()
    assert 'href="/insights/localities/da-nang/"' in page
    assert "binh-duong-before-2025" not in page
    index = client.get("/insights/").content.decode()
    assert 'href="/insights/localities/"' in index


def test_a_resolved_obstacle_is_shown_in_its_translation_into_the_readers_language(world, client):
    """The dashboard names a closed difficulty as the public list does: its translation into
    the reader's language where one is given, marked as a translation."""
    obstacle = Obstacle.objects.get(title="Obstacle b1")
    ObstacleTranslation.objects.create(
        obstacle=obstacle,
        language="ja",
        source=TranslationSource.MODERATOR,
        title="課題b1",
        public_summary="課題b1の公開用の概要。",
    )
    client.cookies["kakehashi_language"] = "ja"
    page = client.get("/insights/localities/da-nang/").content.decode()
    obstacles = page[page.index('id="obstacles"') :]
    assert "課題b1</a>" in obstacles and "課題b1の公開用の概要。" in obstacles
    assert "Obstacle b1" not in obstacles and "（翻訳）" in obstacles
    client.cookies["kakehashi_language"] = "en"
    page = client.get("/insights/localities/da-nang/").content.decode()
    assert "Obstacle b1</a>" in page and "課題b1" not in page
