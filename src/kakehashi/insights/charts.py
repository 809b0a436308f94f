"""Charts drawn on the server as SVG: no script, no download, readable without colour (every
bar carries its number) and by screen readers (a <title> on the chart and on each mark; the
same rows are always in a table next to it)."""

from itertools import count

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
WIDTH = 720
LABEL_WIDTH = 220
BAR = 18
GAP = 8
_ids = count(1)


def _open(title: str, height: int) -> tuple[str, str]:
    chart_id = f"chart-{next(_ids)}"
    head = format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}">{title}</title>',
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
    )
    return head, "</svg>"


def _scale(values: list[int]) -> float:
    top = max(values, default=0)
    return (WIDTH - LABEL_WIDTH - 60) / top if top else 0


def _bar(x: float, y: float, length: float, colour: str, label: str, value) -> str:
    return format_html(
        '<g><title>{label}: {value}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" '
        'fill="{c}"></rect><text x="{tx}" y="{ty}" font-size="12">{value}</text></g>',
        label=label,
        value=value,
        x=round(x, 1),
        y=round(y, 1),
        w=round(max(length, 1 if value else 0), 1),
        h=BAR,
        c=colour,
        tx=round(x + length + 4, 1),
        ty=y + BAR - 4,
    )


def _label(y: float, text: str) -> str:
    short = text if len(text) <= 32 else text[:31] + "…"
    return format_html(
        '<text x="{x}" y="{y}" font-size="12" text-anchor="end">{text}</text>',
        x=LABEL_WIDTH - 8,
        y=y + BAR - 4,
        text=short,
    )


def bar_chart(*, title: str, items: list[tuple[str, int]]) -> SafeString:
    """Horizontal bars, one per (label, value)."""
    height = max(len(items), 1) * (BAR + GAP) + GAP
    head, tail = _open(title, height)
    scale = _scale([value for _label_, value in items])
    parts = [head]
    for row, (label, value) in enumerate(items):
        y = GAP + row * (BAR + GAP)
        parts.append(_label(y, label))
        parts.append(_bar(LABEL_WIDTH, y, value * scale, PALETTE[0], label, value))
    parts.append(tail)
    return mark_safe("".join(parts))


def grouped_bar_chart(
    *, title: str, groups: list[str], series: list[tuple[str, list[int]]]
) -> SafeString:
    """For each group, one bar per series (the series named in a legend)."""
    legend_height = 24
    block = len(series) * BAR + 2 * GAP
    height = legend_height + max(len(groups), 1) * block + GAP
    head, tail = _open(title, height)
    scale = _scale([value for _name, values in series for value in values])
    parts = [head]
    x = LABEL_WIDTH
    for index, (name, _values) in enumerate(series):
        parts.append(
            format_html(
                '<rect x="{x}" y="4" width="12" height="12" fill="{c}"></rect>'
                '<text x="{tx}" y="15" font-size="12">{name}</text>',
                x=x,
                c=PALETTE[index % len(PALETTE)],
                tx=x + 16,
                name=name,
            )
        )
        x += 16 + 8 * len(str(name)) + 12
    for row, group in enumerate(groups):
        top = legend_height + row * block + GAP
        parts.append(_label(top + (len(series) * BAR - BAR) / 2, group))
        for index, (name, values) in enumerate(series):
            value = values[row]
            label = f"{group} · {name}"
            colour = PALETTE[index % len(PALETTE)]
            parts.append(_bar(LABEL_WIDTH, top + index * BAR, value * scale, colour, label, value))
    parts.append(tail)
    return mark_safe("".join(parts))


def network_chart(*, title: str, left: list[str], right: list[str], links) -> SafeString:
    """Two columns of names joined by lines as thick as the number of links between them.
    `links` holds (left name, right name, number)."""
    step = 22
    height = max(len(left), len(right), 1) * step + 20
    head, tail = _open(title, height)
    left_y = {name: 20 + i * step for i, name in enumerate(left)}
    right_y = {name: 20 + i * step for i, name in enumerate(right)}
    x1, x2 = 230, WIDTH - 230
    parts = [head]
    for a, b, n in links:
        parts.append(
            format_html(
                '<g><title>{a} – {b}: {n}</title><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
                'stroke="{c}" stroke-opacity="0.6" stroke-width="{w}"></line></g>',
                a=a,
                b=b,
                n=n,
                x1=x1,
                y1=left_y[a] - 4,
                x2=x2,
                y2=right_y[b] - 4,
                c=PALETTE[0],
                w=min(1 + 2 * n, 12),
            )
        )
    for name, y in left_y.items():
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" font-size="12" text-anchor="end">{t}</text>',
                x=x1 - 6,
                y=y,
                t=name,
            )
        )
    for name, y in right_y.items():
        parts.append(
            format_html('<text x="{x}" y="{y}" font-size="12">{t}</text>', x=x2 + 6, y=y, t=name)
        )
    parts.append(tail)
    return mark_safe("".join(parts))
