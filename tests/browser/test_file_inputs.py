"""A file input reads in the page's language: the browser's own "Choose File / No file
chosen" is in the browser's language, so common/field.html hides the input from sight (not
from the keyboard) behind a translated button and status; the chosen file's name shows."""

from playwright.sync_api import expect

from kakehashi.directory.models import Locality, OrganisationKind
from tests.factories import OrganisationFactory, member_of


def test_the_vietnamese_import_page_has_no_english_at_its_file_input(page, sign_in, tmp_path):
    organisation = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, locality=Locality.objects.get(slug="da-nang")
    )
    sign_in(member_of(organisation, role="admin"))
    page.context.add_cookies([{"name": "kakehashi_language", "value": "vi", "url": page.url}])
    page.goto("/transfer/")
    box = page.locator("#import-form .file-input")
    expect(box.locator(".file-button")).to_have_text("Chọn tệp")
    expect(box.locator(".file-chosen .file-none")).to_have_text("Bạn chưa chọn tệp nào")
    text = box.inner_text()
    assert text.split() == "Chọn tệp Bạn chưa chọn tệp nào".split()
    assert "Choose" not in text and "No file" not in text
    # The browser's own control is out of sight, and its box takes no room.
    size = box.locator("input[type=file]").bounding_box()
    assert size["width"] <= 1 and size["height"] <= 1

    # The keyboard reaches the input (Tab from the field before it); its label names it.
    native = box.locator("input[type=file]")
    native.focus()
    expect(native).to_be_focused()
    upload = tmp_path / "danh-sach.csv"
    upload.write_text("title\n", encoding="utf-8")
    native.set_input_files(upload)
    expect(box.locator(".file-chosen .file-none")).to_have_text("danh-sach.csv")
