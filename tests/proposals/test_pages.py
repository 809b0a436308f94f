import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kakehashi.directory.models import Sector
from kakehashi.proposals.models import (
    Interest,
    Proposal,
    ProposalAttachment,
    ProposalPartnershipType,
    ProposalStatus,
    ScreeningWeights,
)
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.phone_tables import assert_stacks_on_phone, tables
from tests.proposals.factories import (
    JA_TITLE,
    VI_TITLE,
    ProposalFactory,
    export_product,
    investment_project,
    moderator_of,
    published,
    translate,
)

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood")


@pytest.fixture
def owner(company):
    return member_of(company)


def test_list_shows_published_only_and_filters(client):
    sector = Sector.objects.get(key="agriculture")
    shrimp = published(title="Shrimp offer")
    shrimp.sectors.add(sector)
    ProposalPartnershipType.objects.create(proposal=shrimp, type="supplier")
    published(title="Software offer")
    ProposalFactory(title="Secret draft")
    page = client.get(reverse("proposals:list")).content.decode()
    assert "Shrimp offer" in page and "Software offer" in page and "Secret draft" not in page
    filtered = client.get(reverse("proposals:list"), {"sector": "agriculture"}).content.decode()
    assert "Shrimp offer" in filtered and "Software offer" not in filtered
    by_type = client.get(reverse("proposals:list"), {"partnership": "supplier"}).content.decode()
    assert "Shrimp offer" in by_type and "Software offer" not in by_type
    elsewhere = client.get(reverse("proposals:list"), {"locality": "hanoi"}).content.decode()
    assert "Shrimp offer" not in elsewhere


def test_list_page_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    sector = Sector.objects.get(key="trade")
    for index in range(30):
        published(title=f"Offer {index}").sectors.add(sector)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("proposals:list"))
    assert response.content.decode().count("Offer ") == 30


def test_a_draft_page_is_hidden_from_outsiders(client, company, owner):
    draft = ProposalFactory(organisation=company, title="Secret draft")
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert "Secret draft" in client.get(draft.get_absolute_url()).content.decode()


def test_an_anonymous_owner_is_not_named_on_the_page(client, company):
    proposal = published(organisation=company, is_anonymous=True)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Saigon Seafood" not in page
    assert "stays anonymous" in page


def test_create_an_export_product_with_a_bad_hs_code_writes_nothing(client, company, owner):
    client.force_login(owner)
    data = {
        "organisation": company.pk,
        "kind": "export_product",
        "title": "Robusta coffee",
        "summary": "Green robusta beans from the Central Highlands.",
        "product": "Robusta coffee",
        "hs_code": "090119",
        "currency": "USD",
    }
    response = client.post(reverse("proposals:create"), data)
    assert response.status_code == 200
    assert "090119 is not a subheading of the HS 2022 nomenclature." in response.content.decode()
    assert Proposal.objects.count() == 0
    response = client.post(reverse("proposals:create"), {**data, "hs_code": "0901.11"})
    proposal = Proposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    assert (proposal.export.hs_code, proposal.language) == ("090111", "en")


def test_someone_without_an_organisation_cannot_create(client):
    client.force_login(UserFactory())
    assert client.get(reverse("proposals:create")).status_code == 403


def test_submit_and_publish_through_the_pages(client, company, owner):
    proposal = ProposalFactory(organisation=company)
    client.force_login(owner)
    client.post(reverse("proposals:action", args=[proposal.pk, "submit"]))
    # The owner may not publish their own proposal.
    assert (
        client.post(reverse("proposals:action", args=[proposal.pk, "publish"])).status_code == 403
    )
    client.force_login(moderator_of("ho-chi-minh-city"))
    queue = client.get(reverse("proposals:moderation")).content.decode()
    assert proposal.title in queue
    # On a phone each proposal to review is a card: its title, then each cell under its name.
    (table,) = tables(queue)
    assert table.classes == {"moderation"} and len(table.rows) == 1
    assert_stacks_on_phone(table)
    assert [cell.label for cell in table.rows[0]] == ["Proposal", "From", "Submitted", "Decision"]
    assert f'lang="{proposal.language}">{proposal.title}</a>' in queue
    client.post(reverse("proposals:action", args=[proposal.pk, "publish"]))
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.PUBLISHED


def test_the_queue_shows_a_title_in_the_readers_language_with_its_original_at_hand(
    client, company, owner
):
    proposal = ProposalFactory(organisation=company, title=VI_TITLE, language="vi")
    translate(proposal, owner)
    client.force_login(owner)
    client.post(reverse("proposals:action", args=[proposal.pk, "submit"]))
    client.force_login(moderator_of("ho-chi-minh-city"))
    client.cookies["kakehashi_language"] = "ja"
    queue = client.get(reverse("proposals:moderation")).content.decode()
    assert f'lang="ja">{JA_TITLE}</a>' in queue
    assert f'{proposal.get_absolute_url()}?original=1" hreflang="vi"' in queue
    client.cookies["kakehashi_language"] = "vi"
    queue = client.get(reverse("proposals:moderation")).content.decode()
    assert f'lang="vi">{VI_TITLE}</a>' in queue and JA_TITLE not in queue


def test_reject_without_a_reason_is_refused(client, company):
    proposal = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    client.force_login(moderator_of("ho-chi-minh-city"))
    response = client.post(reverse("proposals:reject", args=[proposal.pk]), {"reason": ""})
    assert response.status_code == 400
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED


def test_the_moderation_queue_is_for_moderators(client):
    client.force_login(UserFactory())
    assert client.get(reverse("proposals:moderation")).status_code == 403


def test_attachments_are_checked_and_served_to_those_who_see_the_proposal(client, company, owner):
    proposal = ProposalFactory(organisation=company)
    client.force_login(owner)
    url = reverse("proposals:attachment_upload", args=[proposal.pk])
    fake = SimpleUploadedFile(
        "brochure.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(url, {"title": "Brochure", "file": fake})
    assert response.status_code == 400
    assert "Only PDF, PNG and JPEG files are accepted." in response.content.decode()
    truncated = SimpleUploadedFile("b.pdf", b"%PDF-1.7\n1 0 obj", content_type="application/pdf")
    assert client.post(url, {"title": "Brochure", "file": truncated}).status_code == 400
    assert ProposalAttachment.objects.count() == 0
    good = SimpleUploadedFile("brochure.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"title": "Brochure", "file": good}).status_code == 302
    attachment = ProposalAttachment.objects.get()
    download = reverse("proposals:attachment", args=[proposal.pk, attachment.pk])
    response = client.get(download)
    assert b"".join(response.streaming_content) == PDF
    client.force_login(UserFactory())  # the proposal is a draft: outsiders get nothing
    assert client.get(download).status_code == 404
    other = member_of(OrganisationFactory())
    client.force_login(other)
    again = SimpleUploadedFile("x.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"title": "Mine", "file": again}).status_code == 404
    assert ProposalAttachment.objects.count() == 1


def test_express_interest_and_accept_through_the_pages(client, company, owner):
    proposal = published(organisation=company, is_anonymous=True)
    buyer = OrganisationFactory(name="Osaka Foods", country="JP")
    buyer_member = member_of(buyer)
    client.force_login(buyer_member)
    client.post(
        reverse("proposals:express_interest", args=[proposal.pk]),
        {"organisation": buyer.pk, "message": "We would like samples."},
    )
    interest = Interest.objects.get()
    client.force_login(owner)
    inbox = client.get(reverse("proposals:interests")).content.decode()
    assert "We would like samples." in inbox
    # On a phone each interest received is a card, each cell under its column's name.
    client.cookies["kakehashi_language"] = "ja"
    (table,) = tables(client.get(reverse("proposals:interests")).content.decode())
    assert table.classes == {"interests"} and len(table.rows) == 1
    assert_stacks_on_phone(table)
    assert table.headings == ["案件", "差出人", "メッセージ", "ステータス"]
    assert table.rows[0][2].text == "We would like samples."
    assert table.rows[0][2].attrs.get("lang") == "en"  # the sender's words, marked as theirs
    del client.cookies["kakehashi_language"]
    client.post(reverse("proposals:interest_decide", args=[interest.pk, "accept"]))
    client.force_login(buyer_member)
    assert "Saigon Seafood" in client.get(proposal.get_absolute_url()).content.decode()


def test_an_interest_message_is_marked_with_its_language(client, company, owner):
    proposal = published(organisation=company)
    buyer = OrganisationFactory(name="Osaka Foods", country="JP")
    client.force_login(member_of(buyer))
    client.post(
        reverse("proposals:express_interest", args=[proposal.pk]),
        {"organisation": buyer.pk, "message": "サンプルを送っていただけますか。"},
    )
    assert Interest.objects.get().message_language == "ja"
    client.force_login(owner)
    client.cookies["kakehashi_language"] = "vi"
    (table,) = tables(client.get(reverse("proposals:interests")).content.decode())
    assert table.rows[0][2].attrs.get("lang") == "ja"


def test_an_outsider_cannot_answer_an_interest(client, company):
    proposal = published(organisation=company)
    buyer = OrganisationFactory()
    interest = Interest.objects.create(proposal=proposal, organisation=buyer, message="hi")
    client.force_login(member_of(buyer))
    url = reverse("proposals:interest_decide", args=[interest.pk, "accept"])
    assert client.post(url).status_code == 404
    assert Interest.objects.get().status == "pending"


def assert_reads_on_a_phone(screening):
    """A screening table (site.css `.screening`): on a phone each criterion is a line, its
    level, weight and points each after its column's name, which every cell carries."""
    assert screening.classes == {"screening"} and len(screening.rows) == 6
    for row in screening.rows:
        assert [cell.label for cell in row] == screening.headings


def test_the_ranking_shows_contributions_and_moderators_set_weights(client):
    government = OrganisationFactory(locality=locality("da-nang"))
    green = investment_project(
        {"environment": 4, "technology": 2},
        organisation=government,
        title="Green park",
        status=ProposalStatus.PUBLISHED,
        published_on=dt.date(2026, 1, 1),
        expires_on=dt.date(2027, 1, 1),
    )
    chips = investment_project(
        {"technology": 4, "environment": 1},
        organisation=government,
        title="Chip plant",
        status=ProposalStatus.PUBLISHED,
        published_on=dt.date(2026, 1, 1),
        expires_on=dt.date(2027, 1, 1),
    )
    url = reverse("proposals:ranking", args=["da-nang"])
    page = client.get(url).content.decode()
    # Default weights: technology 3, environment 3 → green 18/48 = 37.5, chips 15/48 = 31.3
    assert page.index("Green park") < page.index("Chip plant")
    assert "37.5" in page and "31.3" in page
    # On a phone a project's screening is a line per criterion, its figures labelled.
    screenings = tables(page)
    assert len(screenings) == 2
    for table in screenings:
        assert_reads_on_a_phone(table)
    client.cookies["kakehashi_language"] = "ja"
    japanese = client.get(url).content.decode()
    assert_reads_on_a_phone(tables(japanese)[0])
    assert "<li>技術水準（先進技術・新技術・ハイテク・クリーン技術）：3</li>" in japanese
    del client.cookies["kakehashi_language"]
    # An outsider cannot change the weights.
    client.force_login(UserFactory())
    weights = {"technology": 10, "governance": 0, "added_value": 0, "spillover": 0,
               "supply_chain": 0, "environment": 1}  # fmt: skip
    assert client.post(url, weights).status_code == 403
    assert not ScreeningWeights.objects.exists()
    client.force_login(moderator_of("da-nang"))
    assert client.post(url, {**weights, "technology": 0, "environment": 0}).status_code == 400
    assert not ScreeningWeights.objects.exists()
    client.post(url, weights)
    page = client.get(url).content.decode()
    assert page.index("Chip plant") < page.index("Green park")
    assert green.pk and chips.pk


def test_the_detail_page_of_an_investment_project_shows_the_breakdown(client):
    project = investment_project(
        {"technology": 4, "environment": 2, "added_value": 1},
        status=ProposalStatus.PUBLISHED,
        published_on=dt.date(2026, 1, 1),
        expires_on=dt.date(2027, 1, 1),
    )
    page = client.get(project.get_absolute_url()).content.decode()
    for points in ("25.0", "12.5", "4.2", "41.7"):
        assert points in page
    (screening,) = [table for table in tables(page) if "screening" in table.classes]
    assert_reads_on_a_phone(screening)


def test_an_export_product_page_shows_its_hs_code(client):
    product = export_product(
        status=ProposalStatus.PUBLISHED,
        published_on=dt.date(2026, 1, 1),
        expires_on=dt.date(2027, 1, 1),
    )
    assert "030617" in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.parametrize("language", ["vi", "ja"])
def test_the_confirmation_after_an_action_is_in_the_readers_language(
    client, company, owner, language
):
    from django.utils import translation

    proposal = ProposalFactory(organisation=company)
    client.force_login(owner)
    client.cookies["kakehashi_language"] = language
    response = client.post(reverse("proposals:action", args=[proposal.pk, "submit"]), follow=True)
    with translation.override(language):
        expected = translation.gettext("The proposal is submitted for review.")
    assert expected != "The proposal is submitted for review."
    assert expected in response.content.decode()
    assert "The proposal is submitted for review." not in response.content.decode()


def test_an_investment_projects_amount_and_area_are_in_the_readers_numbers(client):
    project = investment_project(
        {"amount": Decimal("120000000.00"), "land_area_ha": Decimal("25.50")},
        status=ProposalStatus.PUBLISHED,
        published_on=dt.date(2026, 1, 1),
        expires_on=dt.date(2027, 1, 1),
    )
    client.cookies["kakehashi_language"] = "ja"
    page = client.get(project.get_absolute_url()).content.decode()
    assert "<dd>120,000,000米ドル</dd>" in page and "<dd>25.5</dd>" in page
    assert "120000000.00" not in page
    client.cookies["kakehashi_language"] = "vi"
    page = client.get(project.get_absolute_url()).content.decode()
    assert "<dd>120.000.000 USD</dd>" in page and "<dd>25,5</dd>" in page


def test_the_migration_tells_the_language_of_earlier_messages(company):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("kakehashi.proposals.migrations.0007_interest_message_language")
    proposal = published(organisation=company)
    Interest.objects.create(
        proposal=proposal, organisation=OrganisationFactory(), message="Chúng tôi muốn hợp tác."
    )
    migration.tell_message_languages(apps, None)
    assert Interest.objects.get().message_language == "vi"
