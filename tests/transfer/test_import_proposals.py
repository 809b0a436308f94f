"""Importing proposals from CSV and XLSX files, with the author's translations in the columns
title_vi … description_en: the preview shows them, a column in the original's language is
refused with a row message, confirming writes drafts and author translations; an export of
proposals imports again into the same records."""

import pytest
from django.urls import reverse

from kakehashi.common.translations import TranslationSource
from kakehashi.proposals.models import (
    Proposal,
    ProposalStatus,
    ProposalTranslation,
    original_fingerprint,
)
from kakehashi.proposals.translation_services import save_machine_translation, save_translation
from kakehashi.transfer.kinds import column_names
from kakehashi.transfer.models import BatchStatus
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import ProposalFactory
from tests.transfer.conftest import (
    client_for,
    content_of,
    csv_bytes,
    latest_batch,
    post_import,
    read_csv,
    read_xlsx,
    xlsx_bytes,
)

pytestmark = pytest.mark.usefixtures("reference")

HEADER = [
    "organisation",
    "kind",
    "title",
    "summary",
    "language",
    "sectors",
    "title_ja",
    "summary_ja",
    "title_en",
    "summary_en",
    "title_vi",
]
VI_TITLE = "Kho lạnh cho thủy sản xuất khẩu"
VI_SUMMARY = "Cần đối tác Nhật Bản đầu tư kho lạnh tại Cần Thơ."
JA_TITLE = "輸出水産物向け冷凍倉庫"
JA_SUMMARY = "カントーの冷凍倉庫への投資パートナーを求めています。"


@pytest.fixture
def company():
    return OrganisationFactory(name="Mekong Seafood", locality=locality("can-tho"))


@pytest.fixture
def author(company):
    return member_of(company, full_name="Nguyễn Văn An")


def rows(company):
    return [
        HEADER,
        # A Vietnamese request with its Japanese translation.
        [
            "Mekong Seafood",
            "business_request",
            VI_TITLE,
            VI_SUMMARY,
            "",
            "agriculture",
            JA_TITLE,
            JA_SUMMARY,
            "",
            "",
            "",
        ],
        # A Japanese translation of a Japanese proposal: refused.
        [
            str(company.pk),
            "business_offer",
            "冷凍倉庫の設計と施工",
            "日本の冷凍倉庫技術を提供します。",
            "ja",
            "",
            "冷凍倉庫",
            "",
            "Cold storage design",
            "",
            "",
        ],
        # A Vietnamese title too long: refused.
        [
            str(company.pk),
            "business_offer",
            "Cold chain consulting",
            "We advise on cold chains.",
            "en",
            "",
            "コールドチェーン",
            "",
            "",
            "",
            "Tư vấn chuỗi lạnh " * 12,
        ],
    ]


def test_the_preview_shows_the_translations_and_refuses_the_originals_columns(
    client, company, author
):
    client.force_login(author)
    response = post_import(client, "proposals", "proposals.csv", csv_bytes(rows(company)))
    assert response.status_code == 302
    batch = latest_batch()
    assert [row["valid"] for row in batch.rows] == [True, False, False]
    assert batch.rows[0]["preview"]["language"] == "vi"  # detected from the text
    assert batch.rows[0]["preview"]["translations"] == {"ja": JA_TITLE}
    html = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert f"Japanese: {JA_TITLE}" in html
    assert (
        "Row 3: the proposal is written in Japanese, so &#x27;title_ja&#x27; must be empty: "
        "its text goes in title, summary and description"
    ) in html
    assert (
        "Row 4: The title in Vietnamese can be at most 200 characters long (you entered 215)."
    ) in html
    assert not Proposal.objects.exists()


def test_the_row_message_is_in_the_readers_language(client, company, author):
    client.force_login(author)
    client.cookies["kakehashi_language"] = "vi"
    post_import(client, "proposals", "proposals.csv", csv_bytes(rows(company)))
    html = client.get(reverse("transfer:batch", args=[latest_batch().pk])).content.decode()
    assert "đề xuất được viết bằng tiếng Nhật nên cột" in html


def test_confirming_writes_drafts_and_the_authors_translations(client, company, author):
    client.force_login(author)
    post_import(client, "proposals", "proposals.csv", csv_bytes(rows(company)))
    batch = latest_batch()
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.written_count, batch.skipped_count) == (BatchStatus.APPLIED, 1, 2)
    proposal = Proposal.objects.get()
    assert (proposal.title, proposal.language, proposal.status, proposal.created_by) == (
        VI_TITLE,
        "vi",
        ProposalStatus.DRAFT,
        author,
    )
    row = proposal.translations.get()
    assert (row.language, row.title, row.summary, row.source, row.made_by) == (
        "ja",
        JA_TITLE,
        JA_SUMMARY,
        TranslationSource.AUTHOR,
        author,
    )


def test_an_xlsx_file_imports_the_same(client, company, author):
    client.force_login(author)
    post_import(client, "proposals", "proposals.xlsx", xlsx_bytes(rows(company)))
    batch = latest_batch()
    assert [row["valid"] for row in batch.rows] == [True, False, False]
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert [(t.language, t.title) for t in ProposalTranslation.objects.all()] == [("ja", JA_TITLE)]


def test_only_an_organisation_one_acts_for(client, company):
    outsider = member_of(OrganisationFactory(name="Other Co", locality=locality("hanoi")))
    client.force_login(outsider)
    post_import(client, "proposals", "proposals.csv", csv_bytes(rows(company)[:2]))
    batch = latest_batch()
    assert batch.rows[0]["valid"] is False
    assert batch.errors[0]["code"] == "not_acting_for_organisation"
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert not Proposal.objects.exists()


def test_someone_acting_for_no_organisation_may_not_import_proposals(client, company):
    client.force_login(UserFactory())
    response = post_import(client, "proposals", "proposals.csv", csv_bytes(rows(company)))
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_an_export_imports_again_into_the_same_proposals(client, company, author):
    proposal = ProposalFactory(
        organisation=company,
        created_by=author,
        kind="business_request",
        title=VI_TITLE,
        summary=VI_SUMMARY,
        language="vi",
        keywords="kho lạnh, thủy sản",
    )
    save_translation(
        proposal=proposal, language="ja", title=JA_TITLE, summary=JA_SUMMARY, by=author
    )
    save_machine_translation(
        proposal=proposal,
        language="en",
        title="Machine title",
        summary="",
        made_from=original_fingerprint(proposal),
    )
    client.force_login(author)
    csv_rows = read_csv(
        content_of(client.get(reverse("transfer:export", args=["proposals", "csv"])))
    )
    xlsx_rows = read_xlsx(
        content_of(client.get(reverse("transfer:export", args=["proposals", "xlsx"])))
    )
    assert csv_rows[0] == column_names("proposals")
    exported = dict(zip(csv_rows[0], csv_rows[1], strict=True))
    assert (exported["title_ja"], exported["summary_ja"]) == (JA_TITLE, JA_SUMMARY)
    assert exported["title_en"] == ""  # a machine draft is not exported
    assert [str(cell or "") for cell in xlsx_rows[1]] == csv_rows[1]

    post_import(client, "proposals", "again.csv", csv_bytes(csv_rows))
    batch = latest_batch()
    assert [row["valid"] for row in batch.rows] == [True], batch.errors
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    copy = Proposal.objects.exclude(pk=proposal.pk).get()
    fields = ("kind", "title", "summary", "description", "language", "keywords", "locality")
    assert [getattr(copy, name) for name in fields] == [getattr(proposal, name) for name in fields]
    assert [(t.language, t.title, t.summary) for t in copy.translations.all()] == [
        ("ja", JA_TITLE, JA_SUMMARY)
    ]


def test_an_investment_project_and_an_export_product_round_trip(client, company, author):
    header = ["organisation", "kind", "title", "summary", "language", "amount", "currency"]
    header += ["technology", "product", "hs_code", "title_vi"]
    client.force_login(author)
    post_import(
        client,
        "proposals",
        "kinds.csv",
        csv_bytes(
            [
                header,
                [str(company.pk), "investment_project", "Cold store", "Capital.", "en"]
                + ["1500000", "usd", "3", "", "", "Kho lạnh"],
                [str(company.pk), "export_product", "Shrimp", "Frozen.", "en"]
                + ["", "", "", "Frozen shrimp", "030617", ""],
                [str(company.pk), "export_product", "Coffee", "Beans.", "en"]
                + ["", "", "", "Coffee", "090119", ""],
                [str(company.pk), "investment_project", "Bad", "Capital.", "en"]
                + ["-5", "", "7", "", "", ""],
            ]
        ),
    )
    batch = latest_batch()
    assert [row["valid"] for row in batch.rows] == [True, True, False, False]
    codes = [(item["row"], item["code"]) for item in batch.errors]
    assert codes == [(4, "service"), (5, "number_invalid"), (5, "level_invalid")]
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    project = Proposal.objects.get(kind="investment_project")
    assert (project.investment.amount, project.investment.technology) == (1500000, 3)
    assert project.translations.get().title == "Kho lạnh"
    exported = read_csv(
        content_of(client.get(reverse("transfer:export", args=["proposals", "csv"])))
    )
    by_title = {row[2]: dict(zip(exported[0], row, strict=True)) for row in exported[1:]}
    assert (by_title["Cold store"]["amount"], by_title["Cold store"]["currency"]) == (
        "1500000",
        "USD",
    )
    assert by_title["Shrimp"]["hs_code"] == "030617"


def test_the_column_reference_lists_the_translation_columns(client, author):
    html = client_for(author).get(reverse("transfer:index")).content.decode()
    assert "<code>title_ja</code>" in html and "<code>description_en</code>" in html


def test_the_kinds_texts_round_trip_through_export_and_import(client, company, author):
    proposal = ProposalFactory(
        organisation=company,
        created_by=author,
        kind="business_request",
        title=VI_TITLE,
        summary=VI_SUMMARY,
        sought="Công nghệ máy nén hiệu suất cao.",
        partner_role="Chuyển giao công nghệ.",
        language="vi",
    )
    save_translation(
        proposal=proposal,
        language="ja",
        title=JA_TITLE,
        summary=JA_SUMMARY,
        sought="高効率の冷凍機技術。",
        partner_role="技術移転。",
        by=author,
    )
    client.force_login(author)
    csv_rows = read_csv(
        content_of(client.get(reverse("transfer:export", args=["proposals", "csv"])))
    )
    exported = dict(zip(csv_rows[0], csv_rows[1], strict=True))
    assert (exported["sought_ja"], exported["partner_role_ja"], exported["advantages_ja"]) == (
        "高効率の冷凍機技術。",
        "技術移転。",
        "",
    )
    post_import(client, "proposals", "again.csv", csv_bytes(csv_rows))
    batch = latest_batch()
    assert [row["valid"] for row in batch.rows] == [True], batch.errors
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    copy = Proposal.objects.exclude(pk=proposal.pk).get()
    assert [(t.language, t.sought, t.partner_role) for t in copy.translations.all()] == [
        ("ja", "高効率の冷凍機技術。", "技術移転。")
    ]


def test_a_kind_text_the_kind_has_not_is_refused_on_import(client, company, author):
    header = ["organisation", "kind", "title", "summary", "language", "title_ja"]
    header += ["advantages_ja", "sought_ja"]
    client.force_login(author)
    post_import(
        client,
        "proposals",
        "kinds.csv",
        csv_bytes(
            [
                header,
                [str(company.pk), "business_request", VI_TITLE, VI_SUMMARY, "vi", JA_TITLE]
                + ["強み", ""],
                [str(company.pk), "business_request", VI_TITLE, VI_SUMMARY, "vi", JA_TITLE]
                + ["", "求" * 2001],
            ]
        ),
    )
    batch = latest_batch()
    assert [row["valid"] for row in batch.rows] == [False, False]
    html = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert (
        "Row 2: This kind of proposal has no advantages and innovation: leave their "
        "translation into Japanese empty."
    ) in html
    assert (
        "Row 3: What is sought, in Japanese, can be at most 2,000 characters long "
        "(you entered 2,001)."
    ) in html
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert not Proposal.objects.exists()
    assert not ProposalTranslation.objects.exists()
