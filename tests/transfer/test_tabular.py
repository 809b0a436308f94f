"""common.tabular: reading CSV and XLSX into numbered rows of text, and writing them back
without handing a spreadsheet a formula."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from kakehashi.common.tabular import (
    csv_chunks,
    neutralise,
    read_table,
    restore,
    write_xlsx,
)
from tests.transfer.conftest import csv_bytes, read_csv, read_xlsx, upload, xlsx_bytes

LIMITS = {"max_bytes": 1024 * 1024, "max_rows": 100}


def read(name: str, content: bytes, **options):
    return read_table(upload(name, content), **(LIMITS | options))


def test_csv_with_bom_blank_rows_short_rows_and_quoted_newlines():
    content = (
        '\ufeff Name ,Country,Notes\r\nSở Công Thương,VN,"two\nlines"\r\n,,\r\n\r\n大阪市,JP\r\n'
    ).encode()
    table = read("x.csv", content)
    assert table.columns == ["name", "country", "notes"]
    assert table.rows == [
        (2, {"name": "Sở Công Thương", "country": "VN", "notes": "two\nlines"}),
        (5, {"name": "大阪市", "country": "JP", "notes": ""}),
    ]


def test_csv_with_semicolons_and_upper_case_extension():
    table = read(
        "X.CSV", csv_bytes([["name", "sectors"], ["A", "trade;investment"]], delimiter=";")
    )
    assert table.rows == [(2, {"name": "A", "sectors": "trade;investment"})]


def test_columns_without_a_name_are_dropped():
    table = read("x.csv", b"name,,country\nA,ignored,VN\n")
    assert table.columns == ["name", "country"]
    assert table.rows == [(2, {"name": "A", "country": "VN"})]


def test_xlsx_cells_become_text():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Signed on", "Year", "Code", "Ratio", "Published", "Empty"])
    sheet.append(["A", dt.datetime(2016, 9, 6), 2016, 79, 0.25, True, None])
    sheet.append([None] * 7)
    sheet.append(["B", dt.date(2020, 1, 2), 2020.0, "01", 1.5, False, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read("x.xlsx", buffer.getvalue())
    assert table.columns == ["name", "signed_on", "year", "code", "ratio", "published", "empty"]
    assert table.rows == [
        (
            2,
            {
                "name": "A",
                "signed_on": "2016-09-06",
                "year": "2016",
                "code": "79",
                "ratio": "0.25",
                "published": "true",
                "empty": "",
            },
        ),
        (
            4,
            {
                "name": "B",
                "signed_on": "2020-01-02",
                "year": "2020",
                "code": "01",
                "ratio": "1.5",
                "published": "false",
                "empty": "",
            },
        ),
    ]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("x.txt", b"name\nA\n", "file_type_not_allowed"),
        ("x.csv", b"", "file_empty"),
        ("x.csv", b"name\n\x81\x8a\x8d\xa0\n", "file_undecodable"),
        ("x.csv", b"name\x00\nA\n", "file_not_text"),
        ("x.xlsx", b"not a zip at all", "file_damaged"),
        ("x.csv", b",,\nname,B,C\n", "no_header"),
        ("x.csv", b"name,NAME\nA,B\n", "column_duplicate"),
        ("x.csv", b"name\n\n,\n", "no_rows"),
        ("x.csv", b"a,b\nname,2\n", "columns_missing"),
    ],
)
def test_bad_files_raise_a_coded_error(name, content, code):
    with pytest.raises(ValidationError) as error:
        read(name, content, required=["name"])
    assert error.value.code == code


def test_size_and_row_limits():
    with pytest.raises(ValidationError) as error:
        read("x.csv", b"name\nA\n", max_bytes=5)
    assert error.value.code == "file_too_large"
    with pytest.raises(ValidationError) as error:
        read("x.csv", b"name\nA\nB\nC\n", max_rows=2)
    assert error.value.code == "too_many_rows"
    assert len(read("x.csv", b"name\nA\nB\n", max_rows=2).rows) == 2


def test_an_xlsx_that_unpacks_to_too_much_is_refused():
    content = xlsx_bytes([["name"], ["x" * 1000]] + [["y" * 32000] for _ in range(3500)])
    with pytest.raises(ValidationError) as error:
        read("x.xlsx", content, max_bytes=10 * 1024 * 1024, max_rows=10000)
    assert error.value.code == "file_damaged"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+84 28 1234 5678", "'+84 28 1234 5678"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Osaka", "Osaka"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_formulas_are_neutralised_and_restored(value, written):
    assert neutralise(value) == written
    assert restore(written) == value


def test_csv_and_xlsx_writers_neutralise_every_cell_and_read_back():
    columns = ["name", "note"]
    rows = [["=1+1", "-danger"], ["@cmd", "plain"]]
    content = "".join(csv_chunks(columns, rows)).encode()
    assert content.startswith(b"\xef\xbb\xbf")
    assert read_csv(content) == [columns, ["'=1+1", "'-danger"], ["'@cmd", "plain"]]
    assert read("x.csv", content).rows == [
        (2, {"name": "=1+1", "note": "-danger"}),
        (3, {"name": "@cmd", "note": "plain"}),
    ]

    handle = write_xlsx(columns, rows, title="people")
    content = handle.read()
    handle.close()
    assert read_xlsx(content) == [columns, ["'=1+1", "'-danger"], ["'@cmd", "plain"]]
    assert read("x.xlsx", content).rows == [
        (2, {"name": "=1+1", "note": "-danger"}),
        (3, {"name": "@cmd", "note": "plain"}),
    ]
