"""CSV files as spreadsheets write them: UTF-8 (with or without BOM), UTF-16, Shift_JIS (CP932)
and Windows-1258 give the same preview and the same records as the UTF-8 file of the same
text; the encoding read is named on the preview and can be changed there."""

import re
import unicodedata

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from kakehashi.directory.models import Organisation
from kakehashi.transfer.models import BatchStatus, ImportBatch
from tests.factories import UserFactory
from tests.transfer.conftest import client_for, csv_bytes, latest_batch, post_import, xlsx_bytes

HEADER = ["name", "name_en", "kind", "country", "locality", "description", "language"]
# Texts Windows-1258 can carry (Vietnamese, English) and texts CP932 can carry (Japanese,
# English, including the CP932-only "㈱" that plain Shift_JIS lacks).
VIETNAMESE = [
    HEADER,
    [
        "Sở Công Thương Thành phố Hồ Chí Minh",
        "HCMC Department of Industry and Trade",
        "local_government",
        "VN",
        "79",
        "Xúc tiến thương mại, đầu tư với Nhật Bản; hỗ trợ doanh nghiệp.",
        "vi",
    ],
    ["Trường Đại học Bách khoa", "", "university", "VN", "", "Đào tạo kỹ sư.", "vi"],
    ["Kansai Chamber", "", "association", "JP", "osaka-prefecture", "Café “Résumé”", "en"],
]
JAPANESE = [
    HEADER,
    ["大阪産業局", "Osaka Industrial Promotion", "promotion_agency", "JP", "271004", "", "ja"],
    ["㈱かけはしテクノ", "", "company", "JP", "", "ベトナムとの共同開発。", "ja"],
    ["Kansai Chamber", "", "association", "JP", "osaka-prefecture", "Trade, investment", "en"],
]


def windows_1258(text: str) -> bytes:
    """Text as Windows writes it in code page 1258: a letter (with its circumflex, breve or
    horn where the code page has that letter) followed by its tone mark as a separate
    character."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    encoded = b""
    for character in text:
        try:
            encoded += character.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", character)
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            encoded += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return encoded


def as_text(rows: list[list[str]]) -> str:
    return csv_bytes(rows).decode("utf-8")


ENCODED = {
    "utf-8": lambda rows: csv_bytes(rows),
    "utf-8-bom": lambda rows: csv_bytes(rows, bom=True),
    # Excel's "Unicode Text": UTF-16 with a byte-order mark, cells separated by tabs.
    "utf-16": lambda rows: csv_bytes(rows, delimiter="\t").decode().encode("utf-16"),
    "utf-16-be-without-bom": lambda rows: as_text(rows).encode("utf-16-be"),
    "cp932": lambda rows: as_text(rows).encode("cp932"),
    "cp1258": lambda rows: windows_1258(as_text(rows)),
}
CASES = [
    ("vi", "utf-8", "utf-8", "UTF-8"),
    ("vi", "utf-8-bom", "utf-8", "UTF-8"),
    ("vi", "utf-16", "utf-16", "UTF-16 (Excel “Unicode Text”)"),
    ("vi", "utf-16-be-without-bom", "utf-16", "UTF-16 (Excel “Unicode Text”)"),
    ("vi", "cp1258", "cp1258", "Windows-1258 (Vietnamese Windows)"),
    ("ja", "utf-8", "utf-8", "UTF-8"),
    ("ja", "utf-8-bom", "utf-8", "UTF-8"),
    ("ja", "utf-16", "utf-16", "UTF-16 (Excel “Unicode Text”)"),
    ("ja", "cp932", "cp932", "Shift_JIS (Japanese Excel)"),
]
TEXTS = {"vi": VIETNAMESE, "ja": JAPANESE}


@pytest.fixture
def admin_client(platform_admin) -> Client:
    return client_for(platform_admin)


def preview_table(client: Client, batch: ImportBatch) -> str:
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    return re.search(r'<table id="import-preview">.*?</table>', page, re.S).group(0)


def records() -> list[tuple]:
    return sorted(
        Organisation.objects.values_list(
            "name", "name_en", "kind", "country", "locality__slug", "description", "language"
        )
    )


def import_and_confirm(client: Client, content: bytes) -> ImportBatch:
    post_import(client, "organisations", "organisations.csv", content)
    batch = latest_batch()
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    return batch


@pytest.mark.parametrize(("language", "written_as", "read_as", "name"), CASES)
def test_the_same_rows_in_any_encoding_give_the_same_preview_and_records(
    admin_client, language, written_as, read_as, name
):
    rows = TEXTS[language]
    post_import(admin_client, "organisations", "utf8.csv", ENCODED["utf-8"](rows))
    reference = latest_batch()
    response = post_import(
        admin_client, "organisations", "organisations.csv", ENCODED[written_as](rows)
    )
    assert response.status_code == 302
    batch = latest_batch()
    assert batch.encoding == read_as
    assert batch.errors == []
    assert batch.rows == reference.rows
    assert preview_table(admin_client, batch) == preview_table(admin_client, reference)
    page = admin_client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert f"The file was read as {name}." in page
    sample = re.search(r'<table id="import-sample">.*?</table>', page, re.S).group(0)
    assert rows[1][0] in sample and rows[2][0] in sample

    admin_client.post(reverse("transfer:batch_cancel", args=[reference.pk]))
    admin_client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    imported = records()
    Organisation.objects.all().delete()
    import_and_confirm(admin_client, ENCODED["utf-8"](rows))
    assert imported == records()
    assert len(imported) == 3


def test_windows_1258_tone_marks_become_the_letters_of_utf_8(admin_client):
    content = windows_1258(as_text([HEADER, ["Sở Công Thương", "", "other", "VN", "", "", ""]]))
    # Windows-1258 writes "ở" as "ơ" and a separate hook above.
    assert b"S\xf5\xd2 C\xf4ng Th\xfd\xf5ng" in content
    import_and_confirm(admin_client, content)
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Sở Công Thương"]


def test_the_encoding_is_named_in_the_readers_language(platform_admin):
    client = client_for(platform_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    post_import(client, "organisations", "jp.csv", ENCODED["cp932"](JAPANESE))
    page = client.get(reverse("transfer:batch", args=[latest_batch().pk])).content.decode()
    assert "Tệp được đọc theo bảng mã Shift_JIS (Excel tiếng Nhật)." in page


def test_the_person_can_read_the_file_again_in_another_encoding(admin_client):
    post_import(admin_client, "organisations", "utf8.csv", ENCODED["utf-8"](JAPANESE))
    reference = latest_batch()
    # Short EUC-JP text also reads as Shift_JIS, so the detector may pick either.
    post_import(
        admin_client,
        "organisations",
        "euc.csv",
        as_text(JAPANESE).replace("㈱", "").encode("euc_jp"),
    )
    batch = latest_batch()
    page = admin_client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert 'id="encoding-form"' in page
    assert '<option value="euc-jp"' in page

    response = admin_client.post(
        reverse("transfer:batch_encoding", args=[batch.pk]), {"encoding": "euc-jp"}
    )
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.encoding == "euc-jp"
    expected = list(reference.rows)
    expected[1] = {**expected[1], "values": {**expected[1]["values"], "name": "かけはしテクノ"}}
    assert [row["values"] for row in batch.rows] == [row["values"] for row in expected]
    admin_client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert Organisation.objects.filter(name="かけはしテクノ").exists()
    assert ImportBatch.objects.get(pk=batch.pk).content is None


def test_an_encoding_that_cannot_read_the_file_is_refused_and_changes_nothing(admin_client):
    post_import(admin_client, "organisations", "jp.csv", ENCODED["cp932"](JAPANESE))
    batch = latest_batch()
    before = (batch.encoding, batch.rows, batch.errors)
    response = admin_client.post(
        reverse("transfer:batch_encoding", args=[batch.pk]), {"encoding": "utf-8"}, follow=True
    )
    assert "The file cannot be read as UTF-8. Choose another encoding." in (
        response.content.decode()
    )
    batch.refresh_from_db()
    assert (batch.encoding, batch.rows, batch.errors) == before
    response = admin_client.post(
        reverse("transfer:batch_encoding", args=[batch.pk]), {"encoding": "latin-1"}, follow=True
    )
    assert "Choose one of the encodings listed." in response.content.decode()
    batch.refresh_from_db()
    assert (batch.encoding, batch.rows, batch.errors) == before
    assert Organisation.objects.count() == 0


def test_only_a_pending_csv_of_ones_own_can_be_read_again(admin_client, reference):
    post_import(admin_client, "organisations", "vi.csv", ENCODED["cp1258"](VIETNAMESE))
    batch = latest_batch()
    other = client_for(UserFactory())
    url = reverse("transfer:batch_encoding", args=[batch.pk])
    assert other.post(url, {"encoding": "cp932"}).status_code == 404

    admin_client.post(reverse("transfer:batch_cancel", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.content) == (BatchStatus.CANCELLED, None)
    response = admin_client.post(url, {"encoding": "cp932"}, follow=True)
    assert "This import has already been confirmed or cancelled." in response.content.decode()

    post_import(admin_client, "organisations", "o.xlsx", xlsx_bytes(VIETNAMESE))
    workbook = latest_batch()
    assert (workbook.encoding, workbook.content) == ("", None)
    page = admin_client.get(reverse("transfer:batch", args=[workbook.pk])).content.decode()
    assert 'id="import-encoding"' not in page
    response = admin_client.post(
        reverse("transfer:batch_encoding", args=[workbook.pk]), {"encoding": "cp932"}, follow=True
    )
    assert "Only a CSV file can be read in another encoding." in response.content.decode()
