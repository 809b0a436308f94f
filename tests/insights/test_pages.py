import csv
import io
import re

import pytest
from openpyxl import load_workbook

from kakehashi.insights.dashboards import DASHBOARDS
from tests.phone_tables import assert_stacks_on_phone, tables


@pytest.mark.parametrize("key", list(DASHBOARDS))
def test_every_dashboard_renders_chart_table_and_downloads(
    world, client, key, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        response = client.get(f"/insights/{key}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<svg class="chart" role="img"' in page and "<title" in page
    assert re.search(r'<table class="figures( compact)?">', page)
    assert "Download CSV (UTF-8 with BOM, for Excel)" in page
    # Public pages name no organisation.
    for registration, _user in world.delegations.values():
        assert registration.organisation.name not in page
    csv_response = client.get(f"/insights/{key}/?format=csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    assert len(rows) >= 2
    xlsx = client.get(f"/insights/{key}/?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert [cell.value for cell in sheet[1]] == [rows[0][0].lstrip("\ufeff"), *rows[0][1:]]
    assert sheet.max_row == len(rows)


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("key", list(DASHBOARDS))
def test_every_dashboard_table_reads_on_a_phone(world, client, key, language):
    """A table of four columns or more becomes one card per row on a phone, each figure under
    its column's name; one of two or three short columns stays a table that fits (compact)."""
    client.cookies["kakehashi_language"] = language
    (table,) = tables(client.get(f"/insights/{key}/").content.decode())
    assert table.rows and all(row[0].attrs == {"scope": "row"} for row in table.rows)
    if len(table.headings) > 3:
        assert table.classes == {"figures"}
        assert_stacks_on_phone(table)
    else:
        assert table.classes == {"figures", "compact"}
        assert table.box == {"table-scroll"}


def test_funnel_csv_holds_the_exact_figures(world, client):
    response = client.get("/insights/funnel/?by=event&format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows == [
        [
            "Event",
            "Proposals",
            "Expressions of interest",
            "Meetings requested",
            "Meetings scheduled",
            "Meetings held",
            "Meetings with an outcome",
        ],
        ["Meet Japan 2027", "2", "3", "4", "3", "2", "2"],
    ]


def test_a_member_sees_their_own_organisation_funnel(world, client):
    registration, user = world.delegations["danang"]
    client.force_login(user)
    page = client.get("/insights/funnel/").content.decode()
    assert "Your organisation" in page
    assert registration.organisation.name in page
    assert world.delegations["hue"][0].organisation.name not in page
    assert "MoU or agreement signed" in page
    assert '<td data-label="Amount">1,000,000 USD</td>' in page
    assert '<td class="date" data-label="Date">2 Nov 2026</td>' in page
    assert '<td class="date" data-label="Date">1 Nov 2026</td>' in page
    # On a phone both tables of one's own organisation are cards, each cell under its name.
    _public, funnel, outcomes = tables(page)
    assert funnel.classes == {"figures"} and outcomes.classes == {"own-outcomes"}
    assert [row[0].text for row in funnel.rows] == [registration.organisation.display_name]
    assert_stacks_on_phone(funnel)
    assert_stacks_on_phone(outcomes)


def test_a_visitor_sees_no_organisation_section(world, client):
    page = client.get("/insights/funnel/").content.decode()
    assert "Your organisation" not in page


def test_unknown_dashboard_and_bad_filters(world, client):
    assert client.get("/insights/nothing/").status_code == 404
    assert client.get("/insights/funnel/?by=<script>").status_code == 200
    response = client.get("/insights/network/?since=abc&until=99999&kind=zzz")
    assert response.status_code == 200


def test_files_have_headers_in_the_readers_language_and_plain_numbers(world, client):
    client.cookies["kakehashi_language"] = "ja"
    response = client.get("/insights/funnel/?by=event&format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "イベント",
        "案件",
        "関心表明",
        "面談リクエスト数",
        "日程調整済みの面談数",
        "実施済みの面談数",
        "結果が登録された面談数",
    ]
    client.cookies["kakehashi_language"] = "vi"
    xlsx = client.get("/insights/funnel/?by=event&format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert [cell.value for cell in sheet[1]][:3] == [
        "Sự kiện",
        "Đề xuất",
        "Các lượt bày tỏ quan tâm",
    ]
    assert [cell.value for cell in sheet[2]] == ["Meet Japan 2027", "2", "3", "4", "3", "2", "2"]
