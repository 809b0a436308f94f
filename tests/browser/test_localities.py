import csv
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from kakehashi.demo.loader import load_demo
from kakehashi.directory.models import Locality

SOURCES_CSV = (
    Path(__file__).resolve().parents[2] / "src/kakehashi/partnerships/data/vn_jp_partnerships.csv"
)
HCMC_PARTNERS = [
    "Osaka Prefecture",
    "Osaka City",
    "Aichi Prefecture",
    "Shiga Prefecture",
    "Yamaguchi Prefecture",
]


def source_urls() -> dict[str, str]:
    """The source of each Japanese partner of Ho Chi Minh City, as the CSV gives it."""
    with SOURCES_CSV.open(encoding="utf-8", newline="") as f:
        return {
            row["jp_party"]: row["source_url"]
            for row in csv.DictReader(f)
            if row["vn_province_after_2025"] == "Ho Chi Minh City"
            and row["jp_party"] in HCMC_PARTNERS
        }


def partner_row(page, name: str):
    """The row of the partners table whose partner link reads exactly `name`."""
    table = page.locator("#partners-table tbody tr")
    return table.filter(has=page.get_by_role("link", name=name, exact=True))


@pytest.fixture
def demo(site):
    load_demo()


def test_browse_locality_and_partners(page, demo):
    urls = source_urls()
    assert sorted(urls) == sorted(HCMC_PARTNERS)

    page.goto("/localities/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("main").get_by_role("link", name="Ho Chi Minh City", exact=True).click()
    page.wait_for_url("**/localities/ho-chi-minh-city/")
    expect(page.locator("main h1")).to_have_text("Ho Chi Minh City")

    expect(page.locator("#partners-table")).to_be_visible()
    for name in HCMC_PARTNERS:
        row = partner_row(page, name)
        expect(row).to_have_count(1)
        sources = row.locator("td").nth(4).get_by_role("link")
        expect(sources).to_have_count(1)
        expect(sources).to_have_attribute("href", urls[name])
    expect(partner_row(page, "Aichi Prefecture").locator("td").nth(2)).to_have_text("13 Sept 2016")
    expect(partner_row(page, "Shiga Prefecture").locator("td").nth(2)).to_have_text("2014")
    # Yamaguchi signed with Binh Duong, merged into Ho Chi Minh City in 2025.
    yamaguchi = partner_row(page, "Yamaguchi Prefecture")
    expect(yamaguchi.locator("td").first).to_contain_text("signed as Binh Duong")
    expect(yamaguchi.locator("td").nth(2)).to_contain_text("Dec 2014")
    expect(yamaguchi.locator("td").nth(2)).to_contain_text("18 Dec 2024: MoU renewed")
    expect(partner_row(page, "Aichi Prefecture").locator("td").first).not_to_contain_text(
        "signed as"
    )

    partner_row(page, "Osaka Prefecture").get_by_role(
        "link", name="Osaka Prefecture", exact=True
    ).click()
    page.wait_for_url("**/localities/osaka-prefecture/")
    expect(page.locator("main h1")).to_have_text("Osaka Prefecture")
    hcmc = partner_row(page, "Ho Chi Minh City")
    expect(hcmc).to_have_count(1)
    expect(hcmc.get_by_role("link", name="Ho Chi Minh City", exact=True)).to_have_attribute(
        "href", "/localities/ho-chi-minh-city/"
    )
    expect(hcmc.locator("td").nth(4).get_by_role("link")).to_have_attribute(
        "href", urls["Osaka Prefecture"]
    )


@pytest.mark.parametrize("language", ["vi", "ja"])
def test_locality_partners_in_other_languages(page, demo, site, language):
    page.context.add_cookies([{"name": "kakehashi_language", "value": language, "url": site}])
    page.goto("/localities/ho-chi-minh-city/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(f".language-switcher button[value={language}]")).to_have_attribute(
        "aria-current", "true"
    )
    urls = source_urls()
    # A partner that signed under its own name is named in the reader's language.
    with translation.override(language):
        shown = {
            name: Locality.objects.get(country="JP", name_en=name, is_current=True).name
            for name in HCMC_PARTNERS
        }
    for name in HCMC_PARTNERS:
        assert shown[name] != name
        row = partner_row(page, shown[name])
        expect(row).to_have_count(1)
        expect(row.locator("td").nth(4).get_by_role("link")).to_have_attribute("href", urls[name])
        expect(row.locator("td").first).not_to_contain_text(name)
    expect(
        partner_row(page, shown["Osaka Prefecture"]).get_by_role(
            "link", name=shown["Osaka Prefecture"], exact=True
        )
    ).to_have_attribute("href", "/localities/osaka-prefecture/")
