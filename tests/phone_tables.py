"""The tables of a page as a phone shows them (site.css): a table in a `.stack-on-phone` box
becomes one card per row, each cell under its column's name, which the cell carries in
`data-label`. The page tests read the tables with `tables(html)` and check the phone form
with `assert_stacks_on_phone(table)`; tests/browser/test_layout.py checks that no table is
wider than a phone at 390 px."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Cell:
    tag: str  # "td" or "th"
    attrs: dict[str, str | None]
    text: str = ""

    @property
    def label(self) -> str | None:
        return self.attrs.get("data-label")


@dataclass
class Table:
    box: set[str]  # the classes of the box the table is in (div.table-scroll …)
    attrs: dict[str, str | None]
    headings: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class _TableReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._boxes: list[set[str]] = []  # the classes of the open divs
        self._table: Table | None = None
        self._part = ""  # thead, tbody or tfoot
        self._cell: Cell | None = None
        self._depth = 0  # tables inside a cell are read as its text

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._table is not None and self._cell is not None:
            self._depth += tag == "table"
            return
        if tag == "div":
            self._boxes.append(set((attrs.get("class") or "").split()))
        elif tag == "table":
            box = self._boxes[-1] if self._boxes else set()
            self._table = Table(box=box, attrs=attrs)
        elif self._table is None:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self._part = tag
        elif tag == "tr" and self._part in ("tbody", ""):  # "": a body without its tag
            self._table.rows.append([])
        elif tag in ("td", "th"):
            self._cell = Cell(tag=tag, attrs=attrs)

    def handle_endtag(self, tag):
        if self._cell is not None and self._depth:
            self._depth -= tag == "table"
            return
        if tag == "div" and self._boxes:
            self._boxes.pop()
        elif tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table, self._part = None, ""
        elif tag in ("td", "th") and self._cell is not None:
            self._cell.text = " ".join(self._cell.text.split())
            if self._part == "thead":
                self._table.headings.append(self._cell.text)
            elif self._part in ("tbody", ""):
                self._table.rows[-1].append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.text += data


def tables(html: str) -> list[Table]:
    """The tables of a page, in order: each with its box's classes, its column headings and
    its body rows (a table's footer is left out)."""
    reader = _TableReader()
    reader.feed(html)
    return reader.tables


def assert_stacks_on_phone(table: Table, *, unlabelled: tuple[int, ...] = ()) -> None:
    """The table turns into cards on a phone: its box is `.stack-on-phone`, and every body
    cell but a row's own heading (th scope=row) carries the heading of its column as its
    label, except the columns named in `unlabelled` (by position), whose cells stand alone
    and carry no label. A row of one cell across the table (a "nothing yet" line) is left
    alone."""
    assert "stack-on-phone" in table.box, table.box
    assert table.rows, "no row to check"
    for row in table.rows:
        if len(row) == 1 and row[0].attrs.get("colspan"):
            continue
        assert len(row) == len(table.headings), (table.headings, row)
        for heading, (position, cell) in zip(table.headings, enumerate(row), strict=True):
            if cell.tag == "th":
                assert (position, cell.attrs.get("scope")) == (0, "row"), cell
            elif position in unlabelled:
                assert cell.label is None, cell
            else:
                assert cell.label == heading, (heading, cell)
