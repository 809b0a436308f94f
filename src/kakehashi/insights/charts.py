"""Charts drawn on the server as SVG: no script, no download, readable without colour (every
bar carries its number) and by screen readers (a <title> on the chart and on each mark; the
same rows are always in a table next to it).

Text is laid out with measured widths (`text_width`: East Asian wide characters take a full
em, others at most 0.62 em), so that no legend or label runs past the chart in any language:
legends flow in rows and wrap; group labels take two lines and, past that, end in "…" with
the whole name in their <title>. Numbers are written as the reader writes them
(common.formats). A chart with nothing to show says so in words instead of empty axes."""

import unicodedata
from itertools import count

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from kakehashi.common.formats import format_number

# Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
WIDTH = 720
MARGIN = 8
LABEL_WIDTH = 220
FONT = 12
LINE = 15
BAR = 18
GAP = 8
SWATCH = 12
LABEL_LINES = 2
_ids = count(1)


def text_width(text: str, size: int = FONT) -> float:
    """A generous estimate of the width of `text` in a sans-serif font: wide and fullwidth
    characters (kanji, kana, fullwidth forms) one em, any other at most 0.62 em."""
    ems = sum(
        1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.62 for char in str(text)
    )
    return ems * size


def wrap(text: str, width: float, size: int = FONT) -> list[str]:
    """`text` in lines no wider than `width`: broken at spaces, or between any two wide
    characters (Japanese has no spaces); a word longer than a line is cut where it fills."""
    lines: list[str] = []
    line = ""
    for token in _tokens(str(text)):
        candidate = line + token
        if line and text_width(candidate.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
        while text_width(line.rstrip(), size) > width:
            cut = _longest_prefix(line, width, size)
            lines.append(line[:cut])
            line = line[cut:].lstrip()
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    tokens, word = [], ""
    for char in text:
        if unicodedata.east_asian_width(char) in ("W", "F"):
            tokens.extend([word, char] if word else [char])
            word = ""
        elif char == " ":
            tokens.append(word + char)
            word = ""
        else:
            word += char
    return [*tokens, word] if word else tokens


def _longest_prefix(text: str, width: float, size: int) -> int:
    cut = len(text)
    while cut > 1 and text_width(text[:cut], size) > width:
        cut -= 1
    return cut


def fit(text: str, width: float, lines: int = LABEL_LINES) -> list[str]:
    """`text` wrapped into at most `lines` lines; the last ends in "…" if it had to be cut."""
    wrapped = wrap(text, width)
    if len(wrapped) <= lines:
        return wrapped
    last = " ".join(wrapped[lines - 1 :]) if " " in text else "".join(wrapped[lines - 1 :])
    cut = _longest_prefix(last + "…", width, FONT)
    return [*wrapped[: lines - 1], last[: max(cut - 1, 1)].rstrip() + "…"]


def _text(x: float, y: float, lines: list[str], anchor: str = "start", css: str = "") -> str:
    """A <text> of one or more lines (tspans), the first line's baseline at y."""
    spans = format_html_join(
        "",
        '<tspan x="{}" dy="{}">{}</tspan>',
        ((round(x, 1), 0 if i == 0 else LINE, line) for i, line in enumerate(lines)),
    )
    return format_html(
        '<text{css} x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}">{spans}</text>',
        css=format_html(' class="{}"', css) if css else "",
        x=round(x, 1),
        y=round(y, 1),
        size=FONT,
        anchor=anchor,
        spans=spans,
    )


def _svg(title: str, height: float, body: list[str]) -> SafeString:
    chart_id = f"chart-{next(_ids)}"
    head = format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}">{title}</title>',
        id=chart_id,
        w=WIDTH,
        h=round(height),
        title=title,
    )
    return mark_safe(head + "".join(body) + "</svg>")


def empty_chart(*, title: str, message: str) -> SafeString:
    """The chart's place, saying in words that there is nothing to show yet."""
    lines = wrap(str(message or _("Nothing to show yet.")), WIDTH - 2 * MARGIN)
    height = 2 * GAP + LINE * len(lines) + 16
    body = [
        format_html(
            '<rect x="0" y="0" width="{w}" height="{h}" fill="#f5f5f5"></rect>',
            w=WIDTH,
            h=height,
        ),
        _text(WIDTH / 2, GAP + 20, lines, anchor="middle", css="empty"),
    ]
    return _svg(title, height, body)


def _is_empty(values: list[int | float]) -> bool:
    return not any(values)


def _scale(values: list[int | float], left: float) -> float:
    """Pixels per unit, keeping room at the right for the largest number's text."""
    top = max(values, default=0)
    room = max((text_width(format_number(v)) for v in values), default=0) + 2 * MARGIN
    return (WIDTH - left - room) / top if top else 0


def _bar(x: float, y: float, length: float, colour: str, label: str, value) -> str:
    shown = format_number(value)
    return format_html(
        '<g><title>{label}: {shown}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" '
        'fill="{c}"></rect><text x="{tx}" y="{ty}" font-size="{size}">{shown}</text></g>',
        label=label,
        shown=shown,
        x=round(x, 1),
        y=round(y, 1),
        w=round(max(length, 1 if value else 0), 1),
        h=BAR,
        c=colour,
        tx=round(x + length + 4, 1),
        ty=round(y + BAR - 5, 1),
        size=FONT,
    )


def _group_label(top: float, text: str, lines: list[str]) -> str:
    """A group's name, right-aligned before its bars, in lines; whole in its <title>."""
    return format_html(
        "<g><title>{text}</title>{label}</g>",
        text=text,
        label=_text(LABEL_WIDTH - MARGIN, top + FONT, lines, anchor="end", css="group"),
    )


def _label_lines(text: str) -> list[str]:
    return fit(str(text), LABEL_WIDTH - 2 * MARGIN)


def bar_chart(*, title: str, items: list[tuple[str, int]], empty: str = "") -> SafeString:
    """Horizontal bars, one per (label, value); `empty` is said when every value is 0."""
    values = [value for _label, value in items]
    if _is_empty(values):
        return empty_chart(title=title, message=empty)
    scale = _scale(values, LABEL_WIDTH)
    body, y = [], GAP
    for label, value in items:
        lines = _label_lines(label)
        row = max(BAR, LINE * len(lines))
        body.append(_group_label(y, str(label), lines))
        body.append(_bar(LABEL_WIDTH, y, value * scale, PALETTE[0], str(label), value))
        y += row + GAP
    return _svg(title, y, body)


def legend(names: list[str], top: float) -> tuple[list[str], float]:
    """The series' names with their colours, in rows that wrap within the chart's width:
    (SVG parts, the height taken)."""
    parts, x, y, row_height = [], MARGIN, top, LINE
    available = WIDTH - 2 * MARGIN - SWATCH - 4
    for index, name in enumerate(names):
        lines = wrap(str(name), available)
        width = SWATCH + 4 + max(text_width(line) for line in lines)
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, y, row_height = MARGIN, y + row_height + 6, LINE
        parts.append(
            format_html(
                '<g class="legend-item"><rect x="{x}" y="{y}" width="{s}" height="{s}" '
                'fill="{c}"></rect>{label}</g>',
                x=round(x, 1),
                y=round(y + 1, 1),
                s=SWATCH,
                c=PALETTE[index % len(PALETTE)],
                label=_text(x + SWATCH + 4, y + FONT, lines, css="legend"),
            )
        )
        row_height = max(row_height, LINE * len(lines))
        x += width + 16
    return parts, (y + row_height - top) if names else 0


def grouped_bar_chart(
    *, title: str, groups: list[str], series: list[tuple[str, list[int]]], empty: str = ""
) -> SafeString:
    """For each group, one bar per series (the series named in a legend above the bars);
    `empty` is said when there are no groups or every value is 0."""
    values = [value for _name, row in series for value in row]
    if not groups or _is_empty(values):
        return empty_chart(title=title, message=empty)
    key, legend_height = legend([str(name) for name, _values in series], GAP)
    scale = _scale(values, LABEL_WIDTH)
    body, y = [*key], GAP + legend_height + 2 * GAP
    for row, group in enumerate(groups):
        lines = _label_lines(group)
        block = max(len(series) * BAR, LINE * len(lines))
        body.append(_group_label(y + (len(series) * BAR - BAR) / 2, str(group), lines))
        for index, (name, row_values) in enumerate(series):
            value = row_values[row]
            colour = PALETTE[index % len(PALETTE)]
            label = f"{group} · {name}"
            body.append(_bar(LABEL_WIDTH, y + index * BAR, value * scale, colour, label, value))
        y += block + 2 * GAP
    return _svg(title, y, body)


def network_chart(
    *, title: str, left: list[str], right: list[str], links, empty: str = ""
) -> SafeString:
    """Two columns of names joined by lines as thick as the number of links between them.
    `links` holds (left name, right name, number)."""
    if not links:
        return empty_chart(title=title, message=empty)
    step = 22
    height = max(len(left), len(right), 1) * step + 20
    left_y = {name: 20 + i * step for i, name in enumerate(left)}
    right_y = {name: 20 + i * step for i, name in enumerate(right)}
    x1, x2 = 230, WIDTH - 230
    body = []
    for a, b, n in links:
        body.append(
            format_html(
                '<g><title>{a} – {b}: {n}</title><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
                'stroke="{c}" stroke-opacity="0.6" stroke-width="{w}"></line></g>',
                a=a,
                b=b,
                n=format_number(n),
                x1=x1,
                y1=left_y[a] - 4,
                x2=x2,
                y2=right_y[b] - 4,
                c=PALETTE[0],
                w=min(1 + 2 * n, 12),
            )
        )
    room = x1 - 6 - MARGIN
    for name, y in left_y.items():
        body.append(
            format_html(
                "<g><title>{t}</title>{label}</g>",
                t=name,
                label=_text(x1 - 6, y, fit(name, room, lines=1), anchor="end"),
            )
        )
    for name, y in right_y.items():
        body.append(
            format_html(
                "<g><title>{t}</title>{label}</g>",
                t=name,
                label=_text(x2 + 6, y, fit(name, room, lines=1)),
            )
        )
    return _svg(title, height, body)
