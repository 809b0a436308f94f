from playwright.sync_api import expect

from kakehashi.directory.models import Locality, OrganisationKind, Sector
from kakehashi.partnerships.models import Partnership, PartnershipStatus
from tests.factories import OrganisationFactory, member_of

DATE_ERROR = "Enter the date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2016-09-13."


def test_create_and_edit_partnership(page, sign_in):
    da_nang = Locality.objects.get(slug="da-nang")
    yokohama = Locality.objects.get(slug="yokohama-city")
    green = Sector.objects.get(key="green_growth")
    organisation = OrganisationFactory(
        name="Da Nang Department of Foreign Affairs",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=da_nang,
    )
    user = member_of(organisation, role="admin", full_name="Trần Văn An")
    sign_in(user)

    page.goto("/partnerships/")
    page.locator("main").get_by_role("link", name="Record a partnership").click()
    page.wait_for_url("**/partnerships/new/")
    form = page.locator("#partnership-form")
    form.locator("#id_title").fill("Da Nang – Yokohama MoU on urban development")
    form.locator("#id_kind").select_option("field_mou")
    form.locator("#id_signed").fill("2024-13")
    form.locator("#id_status").select_option("active")
    form.locator(f"input[name=sectors][value='{green.pk}']").check()
    form.locator("#id_sources").fill("https://example.org/da-nang-yokohama-2024")
    # Each option reads "Da Nang (Vietnam)"; the value is the locality's id.
    expect(form.locator(f"[name=party-0-locality] option[value='{da_nang.pk}']")).to_have_text(
        "Da Nang (Vietnam)"
    )
    form.locator("[name=party-0-locality]").select_option(str(da_nang.pk))
    form.locator("[name=party-0-name_as_signed]").fill("Da Nang City")
    form.locator("[name=party-1-locality]").select_option(str(yokohama.pk))
    form.locator("[name=party-1-name_as_signed]").fill("Yokohama City")

    # A month that does not exist: the form comes back with the message, nothing is saved.
    form.get_by_role("button", name="Save").click()
    signed_field = page.locator(".field", has=page.locator("#id_signed"))
    expect(signed_field.locator(".error")).to_have_text(DATE_ERROR)
    assert page.url.endswith("/partnerships/new/")
    assert Partnership.objects.count() == 0
    # What was typed is still there.
    expect(form.locator("#id_title")).to_have_value("Da Nang – Yokohama MoU on urban development")
    expect(form.locator("[name=party-1-locality]")).to_have_value(str(yokohama.pk))

    form.locator("#id_signed").fill("2024-05")
    form.get_by_role("button", name="Save").click()
    page.wait_for_url("**/partnerships/*/")
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Da Nang – Yokohama MoU on urban development")
    facts = main.locator("dl.facts")
    expect(facts).to_contain_text("May 2024")
    expect(facts).to_contain_text("Active")
    expect(facts).to_contain_text("Green growth")
    expect(
        main.get_by_role("link", name="https://example.org/da-nang-yokohama-2024")
    ).to_have_attribute("href", "https://example.org/da-nang-yokohama-2024")
    partnership = Partnership.objects.get()
    assert page.url.endswith(f"/partnerships/{partnership.pk}/")
    assert [(p.locality, p.name_as_signed) for p in partnership.parties.order_by("position")] == [
        (da_nang, "Da Nang City"),
        (yokohama, "Yokohama City"),
    ]
    assert partnership.recorded_by == organisation

    main.get_by_role("link", name="Edit", exact=True).click()
    page.wait_for_url(f"**/partnerships/{partnership.pk}/edit/")
    expect(form.locator("#id_signed")).to_have_value("2024-05")
    form.locator("#id_title").fill("Da Nang – Yokohama MoU on urban development (2024–2026)")
    form.locator("#id_status").select_option("expired")
    form.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/partnerships/{partnership.pk}/")
    expect(main.locator("h1")).to_have_text(
        "Da Nang – Yokohama MoU on urban development (2024–2026)"
    )
    expect(facts).to_contain_text("Expired")
    expect(facts).to_contain_text("May 2024")

    partnership.refresh_from_db()
    assert partnership.title == "Da Nang – Yokohama MoU on urban development (2024–2026)"
    assert partnership.status == PartnershipStatus.EXPIRED
    assert Partnership.objects.count() == 1
