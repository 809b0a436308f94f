import csv

from playwright.sync_api import expect

from kakehashi.directory.models import Locality, OrganisationKind
from kakehashi.partnerships.models import Partnership
from kakehashi.transfer.models import BatchStatus, ImportBatch
from tests.factories import OrganisationFactory, member_of

COLUMNS = [
    "title", "kind", "type_as_stated",
    "party_1", "party_1_as_signed", "party_2", "party_2_as_signed",
    "party_3", "party_3_as_signed",
    "signed_on", "status", "sectors", "summary", "language", "sources", "published",
]  # fmt: skip
SAKAI = "Da Nang – Sakai City MoU on exchange and cooperation"
KANAGAWA = "Da Nang – Kanagawa Prefecture MoU on human resources"
UNKNOWN = "Da Nang – an unknown prefecture"


def row(title, party_2, party_2_as_signed, signed_on, **values):
    return {
        "title": title,
        "kind": "cooperation_mou",
        "party_1": "da-nang",
        "party_1_as_signed": "Da Nang",
        "party_2": party_2,
        "party_2_as_signed": party_2_as_signed,
        "signed_on": signed_on,
        "language": "en",
        **values,
    }


def write_csv(path, rows, *, encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def test_import_csv_with_one_bad_row(page, sign_in, tmp_path):
    da_nang = Locality.objects.get(slug="da-nang")
    organisation = OrganisationFactory(
        name="Da Nang Department of Foreign Affairs",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=da_nang,
    )
    user = member_of(organisation, role="admin")
    upload = tmp_path / "da-nang-partnerships.csv"
    write_csv(
        upload,
        [
            row(SAKAI, "sakai-city", "Sakai City", "2009-02", sectors="trade;investment",
                sources="https://example.org/da-nang-sakai"),
            row(UNKNOWN, "JP:99", "Nowhere Prefecture", "2020"),
            row(KANAGAWA, "JP:14", "Kanagawa Prefecture", "2023-10-05",
                status="active", sources="https://example.org/da-nang-kanagawa"),
        ],
    )  # fmt: skip
    sign_in(user)

    page.locator(".main-nav summary", has_text="Cooperation").click()
    page.locator(".main-nav a[href='/transfer/']").click()
    page.wait_for_url("**/transfer/")
    form = page.locator("#import-form")
    form.locator("[name=kind]").select_option("partnerships")
    form.locator("input[type=file][name=file]").set_input_files(upload)
    form.locator("button[type=submit]").click()

    # The preview: three rows, one of them bad, and nothing written yet.
    page.wait_for_url("**/transfer/imports/*/")
    preview = page.locator("#import-preview")
    expect(preview.locator("tbody tr")).to_have_count(3)
    bad = preview.locator("tbody tr.bad-row")
    expect(bad).to_have_count(1)
    expect(bad).to_contain_text("JP:99")
    expect(bad).to_contain_text("unknown locality code 'JP:99' (party_2)")
    expect(bad).to_contain_text(UNKNOWN)
    expect(preview.locator("tbody tr:not(.bad-row)")).to_have_count(2)
    expect(preview.locator("tbody tr:not(.bad-row)").first).to_contain_text(SAKAI)
    expect(preview.locator("tbody tr:not(.bad-row)").last).to_contain_text(KANAGAWA)
    assert Partnership.objects.count() == 0
    expect(page.locator("#import-result")).to_have_count(0)

    page.locator("#import-confirm").click()
    result = page.locator("#import-result")
    expect(result).to_be_visible()
    expect(result).to_contain_text("2 rows were imported.")
    expect(result).to_contain_text("1 row was skipped.")
    expect(page.locator("#import-confirm")).to_have_count(0)
    expect(page.locator("#import-preview tbody tr.bad-row")).to_have_count(1)
    expect(page.locator("#import-preview tbody tr.bad-row")).to_contain_text("JP:99")

    batch = ImportBatch.objects.get()
    assert (batch.status, batch.written_count, batch.created_by) == (
        BatchStatus.APPLIED, 2, user,
    )  # fmt: skip
    imported = {
        partnership.title: [
            (party.locality.slug, party.name_as_signed)
            for party in partnership.parties.order_by("position")
        ]
        for partnership in Partnership.objects.all()
    }
    assert imported == {
        SAKAI: [("da-nang", "Da Nang"), ("sakai-city", "Sakai City")],
        KANAGAWA: [("da-nang", "Da Nang"), ("kanagawa-prefecture", "Kanagawa Prefecture")],
    }
    sakai = Partnership.objects.get(title=SAKAI)
    assert sakai.recorded_by == organisation
    assert [source.url for source in sakai.sources.all()] == ["https://example.org/da-nang-sakai"]
    assert sorted(sakai.sectors.values_list("key", flat=True)) == ["investment", "trade"]
    assert not Partnership.objects.filter(title=UNKNOWN).exists()


def test_a_shift_jis_file_is_named_and_can_be_read_again(page, sign_in, tmp_path):
    organisation = OrganisationFactory(
        name="Da Nang Department of Foreign Affairs",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=Locality.objects.get(slug="da-nang"),
    )
    user = member_of(organisation, role="admin")
    upload = tmp_path / "sakai.csv"
    title = "ダナン市・堺市 交流協力覚書"
    write_csv(upload, [row(title, "sakai-city", "堺市", "2009-02")], encoding="cp932")
    sign_in(user)

    page.goto("/transfer/")
    form = page.locator("#import-form")
    form.locator("[name=kind]").select_option("partnerships")
    form.locator("input[type=file][name=file]").set_input_files(upload)
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/transfer/imports/*/")
    encoding = page.locator("#import-encoding")
    expect(encoding).to_contain_text("The file was read as Shift_JIS (Japanese Excel).")
    expect(page.locator("#import-sample")).to_contain_text(title)
    expect(page.locator("#import-preview")).to_contain_text(title)

    # UTF-8 cannot read these bytes: the batch stays as it was, with a message why.
    encoding.locator("select[name=encoding]").select_option("utf-8")
    encoding.locator("button[type=submit]").click()
    expect(page.locator("body")).to_contain_text(
        "The file cannot be read as UTF-8. Choose another encoding."
    )
    expect(page.locator("#import-sample")).to_contain_text(title)

    page.locator("#import-confirm").click()
    expect(page.locator("#import-result")).to_contain_text("1 row was imported.")
    assert Partnership.objects.get().title == title
