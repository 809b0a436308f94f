"""The server-drawn charts: legends whole and inside the chart in every language, labels
that fit, numbers as the reader writes them, and words instead of empty axes."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from kakehashi.common.formats import format_month
from kakehashi.insights import charts, funnel
from kakehashi.insights.dashboards import DASHBOARDS, MATCHING_SERIES, OBSTACLE_SERIES, TIME_SERIES

SVG = "{http://www.w3.org/2000/svg}"
LANGUAGES = ["en", "vi", "ja"]
SERIES = {
    "event results": [s for s in funnel.STAGES if s[0] in funnel.MEETING_STAGES],
    "funnel": funnel.COLUMNS,
    "matching": MATCHING_SERIES,
    "obstacles": OBSTACLE_SERIES,
    "times": TIME_SERIES,
}


def _lines(text_element) -> list[tuple[float, str]]:
    """(x, text) of each line of a <text>."""
    return [(float(span.get("x")), span.text or "") for span in text_element.iter(f"{SVG}tspan")]


def _legend(svg: str) -> list[tuple[str, float, float, float]]:
    """(whole label, left, right, baseline) of each legend entry, from the drawn SVG."""
    root = ET.fromstring(svg)
    entries = []
    for item in root.iter(f"{SVG}g"):
        if item.get("class") != "legend-item":
            continue
        swatch = item.find(f"{SVG}rect")
        text = item.find(f"{SVG}text")
        lines = _lines(text)
        right = max(x + charts.text_width(line) for x, line in lines)
        label = ("" if any(ord(c) > 0x2E80 for c in lines[0][1]) else " ").join(
            line for _x, line in lines
        )
        entries.append((label, float(swatch.get("x")), right, float(text.get("y"))))
    return entries


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chart", list(SERIES))
def test_every_legend_label_is_whole_and_inside_the_chart(language, chart):
    with translation.override(language):
        labels = [str(label) for _key, label in SERIES[chart]]
        svg = charts.grouped_bar_chart(
            title="Chart",
            groups=["Đà Nẵng", "大阪府"],
            series=[(label, [3, 1]) for label in labels],
        )
    root = ET.fromstring(svg)
    width = float(root.get("viewBox").split()[2])
    entries = _legend(svg)
    assert [label for label, *_rest in entries] == labels
    for label, left, right, _baseline in entries:
        assert 0 <= left and right <= width - charts.MARGIN, (label, right)
        assert "…" not in label
    # Entries on one row do not overlap.
    rows: dict[float, list[tuple[float, float]]] = {}
    for _label, left, right, baseline in entries:
        rows.setdefault(baseline, []).append((left, right))
    for boxes in rows.values():
        for (_l1, r1), (l2, _r2) in zip(boxes, boxes[1:], strict=False):
            assert r1 < l2


def test_japanese_legend_wraps_into_rows_instead_of_running_off():
    with translation.override("ja"):
        labels = [str(label) for _key, label in funnel.COLUMNS]
        svg = charts.grouped_bar_chart(
            title="Chart", groups=["A"], series=[(label, [1]) for label in labels]
        )
    baselines = {baseline for *_rest, baseline in _legend(svg)}
    assert len(baselines) >= 2
    # (One row could not hold them: swatch, gap, label and space after each.)
    assert sum(charts.SWATCH + 4 + charts.text_width(label) + 16 for label in labels) > 720


def test_a_long_group_name_takes_two_lines_and_keeps_its_whole_name_in_its_title():
    name = "ベトナム・日本地方自治体国際協力推進協議会事務局および関係団体連絡会議"
    svg = charts.bar_chart(title="Chart", items=[(name, 4)])
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}text") is not None)
    assert group.find(f"{SVG}title").text == name
    lines = _lines(group.find(f"{SVG}text"))
    assert len(lines) == 2 and lines[1][1].endswith("…")
    assert all(x - charts.text_width(line) >= 0 for x, line in lines)  # right-aligned, inside


def test_bars_carry_numbers_as_the_reader_writes_them():
    with translation.override("vi"):
        svg = charts.bar_chart(title="Chart", items=[("Đà Nẵng", 16000), ("Huế", 2500)])
    values = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text") if t.get("class") is None]
    assert values == ["16.000", "2.500"]
    assert "<title>Đà Nẵng: 16.000</title>" in svg


def test_nothing_to_show_is_said_in_words():
    svg = charts.grouped_bar_chart(
        title="Per event", groups=[], series=[("Held", [])], empty="No meetings yet."
    )
    assert ">No meetings yet.</tspan>" in svg and "<rect" in svg and "legend" not in svg
    zeros = charts.bar_chart(title="Funnel", items=[("Held", 0)], empty="Nothing yet.")
    assert ">Nothing yet.</tspan>" in zeros


@pytest.mark.parametrize("key", list(DASHBOARDS))
def test_an_empty_platform_shows_every_chart_in_words_and_its_table(reference, client, key):
    page = client.get(f"/insights/{key}/").content.decode()
    assert '<svg class="chart" role="img"' in page
    assert '<text class="empty"' in page
    assert re.search(r'<table class="figures( compact)?">', page)
    if key == "matching":  # a row for each recent month, at zero
        assert page.count('<th scope="row">') >= 12 and "Nothing to count yet." not in page
    else:
        assert "Nothing to count yet." in page and "format=csv" not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_months_on_the_matching_dashboard_are_in_words(world, client, language):
    client.cookies["kakehashi_language"] = language
    page = client.get("/insights/matching/").content.decode()
    this_month = format_month(dt.date.today(), language)
    assert f'<th scope="row">{this_month}</th>' in page
    assert f">{this_month}</tspan>" in page
    csv = b"".join(client.get("/insights/matching/?format=csv").streaming_content).decode()
    assert dt.date.today().strftime("%Y-%m") in csv
