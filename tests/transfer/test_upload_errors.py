"""A file that cannot be read gets a clear message, and nothing is stored."""

import pytest
from django.urls import reverse

from kakehashi.directory.models import Organisation
from kakehashi.partnerships.models import Partnership
from kakehashi.transfer.models import ImportBatch
from tests.transfer.conftest import client_for, csv_bytes, post_import, xlsx_bytes

HEADER = ["name", "country", "locality"]


def errors_of(response) -> list[str]:
    return [str(message) for message in response.context["form"].errors["file"]]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "big.csv",
            b"name\n" + b"x" * (5 * 1024 * 1024),
            "The file is too large: at most 5.0\xa0MB is accepted.",
        ),
        (
            "undecodable.csv",
            b"name,country\n\x81\x8a\x8d\xa0,VN\n",
            "The text of the file cannot be read in any of the encodings accepted (UTF-8, "
            "UTF-16, Shift_JIS, EUC-JP, Windows-1258). Save it from your spreadsheet as "
            "“CSV UTF-8” and upload it again.",
        ),
        (
            "junk.xlsx",
            b"PK\x03\x04" + bytes(range(256)) * 8,
            "The Excel file cannot be read. It may be damaged, or not an .xlsx workbook.",
        ),
        (
            "renamed.xlsx",
            csv_bytes([HEADER, ["Acme", "VN", ""]]),
            "The Excel file cannot be read. It may be damaged, or not an .xlsx workbook.",
        ),
        (
            "binary.csv",
            b"name\x00country\n\x00\x01\x02",
            "The file is not a CSV text file.",
        ),
        (
            "program.exe",
            b"MZ\x90\x00",
            "Only CSV files and Excel workbooks (.xlsx) are accepted.",
        ),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0",
            "Only CSV files and Excel workbooks (.xlsx) are accepted.",
        ),
        ("empty.csv", b"", "The submitted file is empty."),
        ("bom-only.csv", b"\xef\xbb\xbf", "The file is empty."),
        (
            "blank-header.csv",
            b"\n\nAcme,VN\n",
            "The file has no header row: its first row must name the columns.",
        ),
        (
            "no-header.csv",
            csv_bytes([["Acme", "VN", "hanoi"]]),
            "The required column name is missing.",
        ),
        ("header-only.csv", csv_bytes([HEADER]), "The file has a header row but no rows below it."),
        (
            "missing.xlsx",
            xlsx_bytes([["name_en", "country"], ["Acme", "VN"]]),
            "The required column name is missing.",
        ),
        (
            "twice.csv",
            csv_bytes([["name", "Name"], ["a", "b"]]),
            "The column name appears more than once.",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 else None,
)
def test_a_bad_file_is_refused_and_nothing_is_stored(platform_admin, name, content, message):
    client = client_for(platform_admin)
    response = post_import(client, "organisations", name, content)
    assert response.status_code == 200
    assert errors_of(response) == [message]
    assert ImportBatch.objects.count() == 0
    assert Organisation.objects.count() == 0


def test_the_size_is_checked_first(platform_admin):
    client = client_for(platform_admin)
    content = b"\xff\xfe" * (5 * 1024 * 1024 // 2 + 1)
    response = post_import(client, "organisations", "big.csv", content)
    assert errors_of(response) == ["The file is too large: at most 5.0\xa0MB is accepted."]
    assert ImportBatch.objects.count() == 0


def test_missing_required_partnership_columns_are_named(hcmc_official):
    client = client_for(hcmc_official)
    response = post_import(
        client, "partnerships", "p.csv", csv_bytes([["title", "party_1"], ["x", "hanoi"]])
    )
    assert errors_of(response) == ["The required column party_2 is missing."]
    response = post_import(client, "partnerships", "p.csv", csv_bytes([["kind"], ["x"]]))
    assert errors_of(response) == ["The required columns title, party_1, party_2 are missing."]
    assert ImportBatch.objects.count() == 0
    assert Partnership.objects.count() == 0


def test_too_many_rows(platform_admin, settings):
    settings.KAKEHASHI_MAX_IMPORT_ROWS = 3
    client = client_for(platform_admin)
    content = csv_bytes([HEADER, *[[f"Org {n}", "VN", ""] for n in range(4)]])
    response = post_import(client, "organisations", "o.csv", content)
    assert errors_of(response) == ["The file has more than 3 rows. Split it into smaller files."]
    assert ImportBatch.objects.count() == 0


def test_the_error_is_shown_on_the_import_page(platform_admin):
    client = client_for(platform_admin)
    response = post_import(client, "organisations", "program.exe", b"MZ")
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "Only CSV files and Excel workbooks (.xlsx) are accepted." in page


def test_an_unknown_kind_is_a_form_error(platform_admin):
    client = client_for(platform_admin)
    response = client.post(reverse("transfer:index"), {"kind": "visits"})
    assert response.status_code == 200
    assert response.context["form"].errors["kind"] == [
        "Select a valid choice. visits is not one of the available choices."
    ]
