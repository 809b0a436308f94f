"""Obstacle resolution per authority, from the obstacles of builders.build_obstacles:

- HCMC Department of Finance: a1 resolved in 2 days (public), a2 resolved in 10 (filed in
  Binh Duong, merged into HCMC), a3 cannot be resolved, 30 days; a4 received and overdue, a5
  assigned. Days [2, 10, 30]: median 10, 90th percentile 10 + 0.8 × 20 = 26.
- Da Nang People's Committee: b1 resolved in 4 (Quang Nam, merged into Da Nang; public), b2
  cannot be resolved, 6 days; b3 in progress and overdue. Days [4, 6]: median 5, 90th
  percentile 4 + 0.9 × 2 = 5.8.
- n1 in Hanoi, which no rule covers: open, with the platform administrators."""

import csv
import io

import pytest
from openpyxl import load_workbook

from kakehashi.insights import authorities
from kakehashi.obstacles import services
from kakehashi.obstacles.models import Obstacle

# Named for the (English) reader: their English names (directory/names.py).
FINANCE = "HCMC Department of Finance"
DA_NANG = "Da Nang People's Committee"
UNROUTED = "Not routed yet (platform administrators)"


def test_percentile_interpolates_between_ranks():
    assert authorities.percentile([], 0.9) is None
    assert authorities.percentile([7.0], 0.9) == 7.0
    assert authorities.percentile([30, 2, 10], 0.5) == 10
    assert authorities.percentile([2, 10, 30], 0.9) == pytest.approx(26.0)
    assert authorities.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9) == 10


def test_resolution_per_authority_exact_figures(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # counts, durations, authorities, their translations
        rows = authorities.resolution_by_authority()
    keys = [key for key, _label in authorities.COLUMNS]
    assert [[row[key] for key in keys] for row in rows] == [
        [FINANCE, 5, 2, 1, 2, 1, 10.0, 26.0],
        [DA_NANG, 3, 1, 1, 1, 1, 5.0, 5.8],
        [UNROUTED, 1, 0, 0, 1, 0, None, None],
    ]


def test_a_reopened_obstacle_counts_as_open_again(world):
    a1 = world.obstacles["a1"]
    services.reopen(obstacle=a1, by=a1.reporter)
    finance = authorities.resolution_by_authority()[0]
    assert (finance["resolved"], finance["open"]) == (1, 3)
    assert (finance["median_days"], finance["p90_days"]) == (20.0, 28.0)


def test_dashboard_page_table_and_no_obstacle_named(world, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/insights/obstacle-resolution/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg class="chart" role="img"') == 2
    assert "Days from filing to closing, per authority" in page
    assert '<th scope="row">HCMC Department of Finance</th>' in page
    assert '<td data-label="90th percentile of days to close">26</td>' in page
    assert '<td data-label="90th percentile of days to close">5.8</td>' in page
    # Aggregates only: neither titles, descriptions nor reporters, even of public obstacles.
    for obstacle in world.obstacles.values():
        assert obstacle.title not in page
        assert obstacle.description not in page
    assert "Obstacle Reporting Company" not in page


def test_dashboard_csv_and_xlsx_hold_the_exact_figures(world, client):
    response = client.get("/insights/obstacle-resolution/?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows == [
        [
            "Authority",
            "Received",
            "Resolved",
            "Cannot be resolved",
            "Open",
            "Overdue",
            "Median days to close",
            "90th percentile of days to close",
        ],
        [FINANCE, "5", "2", "1", "2", "1", "10.0", "26.0"],
        [DA_NANG, "3", "1", "1", "1", "1", "5.0", "5.8"],
        [UNROUTED, "1", "0", "0", "1", "0", "", ""],
    ]
    xlsx = client.get("/insights/obstacle-resolution/?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)] == [
        [cell or None for cell in row] for row in rows[1:]
    ]


def test_demo_obstacles_are_announced(world, client):
    assert "demo obstacle" not in client.get("/insights/obstacle-resolution/").content.decode()
    Obstacle.objects.filter(pk=world.obstacles["b1"].pk).update(is_demo=True)
    page = client.get("/insights/obstacle-resolution/").content.decode()
    assert "These figures include 1 demo obstacle." in page


def test_no_obstacles_at_all(reference, client):
    assert authorities.resolution_by_authority() == []
    page = client.get("/insights/obstacle-resolution/").content.decode()
    assert "Nothing to count yet." in page


def test_obstacles_closed_the_day_they_were_filed_are_said_so(world, client):
    """Bars of 0 days are no missing data: the chart says the closed obstacles took no day."""
    for obstacle in Obstacle.objects.filter(closed_at__isnull=False):
        Obstacle.objects.filter(pk=obstacle.pk).update(closed_at=obstacle.created_at)
    page = client.get("/insights/obstacle-resolution/").content.decode()
    assert "Every obstacle closed so far was closed on the day it was filed." in page
    assert "Nothing to show yet." not in page
