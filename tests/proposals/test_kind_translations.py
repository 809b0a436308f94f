"""The kind's texts in a translation (advantages for offers; what is sought and the partner's
role for requests): written through the service, the translate page and the proposal form's
tabs, shown to a reader of that language, indexed for matching; a text the kind has not, or
one too long, is refused and nothing is written."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kakehashi.common.models import AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.matching.proposal_documents import proposal_document
from kakehashi.proposals import authoring
from kakehashi.proposals.models import ProposalTranslation
from kakehashi.proposals.services import ProposalInput
from tests.proposals.factories import (
    JA_TITLE,
    VI_SUMMARY,
    VI_TITLE,
    ProposalFactory,
    page,
    published,
    translate,
)

pytestmark = pytest.mark.usefixtures("reference")

VI_SOUGHT = "Công nghệ máy nén hiệu suất cao và cảm biến theo dõi nhiệt độ."
VI_ROLE = "Chuyển giao công nghệ, đào tạo kỹ sư vận hành."
JA_SOUGHT = "高効率の冷凍機と温度監視センサーの技術。"
JA_ROLE = "技術移転と運転技術者の研修。"


@pytest.fixture
def proposal(company, author):
    """A published request in Vietnamese, with what it seeks and the partner's role."""
    return published(
        organisation=company,
        created_by=author,
        kind="business_request",
        language="vi",
        title=VI_TITLE,
        summary=VI_SUMMARY,
        sought=VI_SOUGHT,
        partner_role=VI_ROLE,
    )


def test_the_kind_texts_are_stored_and_shown_to_a_reader_of_that_language(client, proposal, author):
    row = translate(proposal, author, sought=JA_SOUGHT, partner_role=JA_ROLE)
    assert (row.sought, row.partner_role, row.advantages, row.source) == (
        JA_SOUGHT,
        JA_ROLE,
        "",
        TranslationSource.AUTHOR,
    )
    html = page(client, proposal, "ja")
    assert f'<h2>求めている内容</h2><p lang="ja">{JA_SOUGHT}</p>' in html
    assert f'<h2>パートナーに期待する役割</h2><p lang="ja">{JA_ROLE}</p>' in html
    assert VI_SOUGHT not in html
    # The original, one click away, and a reader of the original's language.
    original = page(client, proposal, "ja", original="1")
    assert VI_SOUGHT in original and JA_SOUGHT not in original
    assert JA_SOUGHT not in page(client, proposal, "vi")


def test_a_kind_text_left_untranslated_is_shown_as_written(client, proposal, author):
    translate(proposal, author, sought=JA_SOUGHT)
    html = page(client, proposal, "ja")
    assert f'<p lang="ja">{JA_SOUGHT}</p>' in html
    assert f'<h2>パートナーに期待する役割</h2><p lang="vi">{VI_ROLE}</p>' in html


@pytest.mark.parametrize(
    ("texts", "code", "field", "message"),
    [
        (
            {"advantages": "強み"},
            "not_of_kind",
            "advantages",
            "This kind of proposal has no advantages and innovation: leave their translation "
            "into Japanese empty.",
        ),
        (
            {"sought": "求" * 2001},
            "too_long",
            "sought",
            "What is sought, in Japanese, can be at most 2,000 characters long "
            "(you entered 2,001).",
        ),
        (
            {"partner_role": "役" * 2001},
            "too_long",
            "partner_role",
            "The partner's expected role in Japanese can be at most 2,000 characters long "
            "(you entered 2,001).",
        ),
    ],
)
def test_a_refused_kind_text_writes_nothing(proposal, author, texts, code, field, message):
    with pytest.raises(ValidationError) as refused:
        translate(proposal, author, **texts)
    assert (refused.value.code, refused.value.params["field"]) == (code, field)
    assert refused.value.messages == [message]
    assert not ProposalTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_offer_translates_its_advantages_and_not_what_a_request_seeks(company, author):
    offer = published(
        organisation=company,
        created_by=author,
        kind="business_offer",
        language="vi",
        title=VI_TITLE,
        advantages="Tiết kiệm 30% điện năng.",
    )
    row = translate(offer, author, advantages="電力を30%削減します。")
    assert row.advantages == "電力を30%削減します。"
    with pytest.raises(ValidationError) as refused:
        translate(offer, author, language="en", title="Cold store", sought="Partners")
    assert refused.value.code == "not_of_kind"
    assert list(offer.translations.values_list("language", flat=True)) == ["ja"]


def test_the_translate_page_asks_for_the_kinds_texts_only(client, proposal, author):
    client.force_login(author)
    client.cookies["kakehashi_language"] = "en"
    url = reverse("proposals:translate", args=[proposal.pk])
    html = client.get(url, {"language": "ja"}).content.decode()
    assert 'name="sought"' in html and 'name="partner_role"' in html
    assert 'name="advantages"' not in html
    assert f'<p lang="vi">{VI_SOUGHT}</p>' in html  # the original, above the form
    response = client.post(
        url,
        {
            "language": "ja",
            "title": JA_TITLE,
            "summary": "概要",
            "description": "",
            "sought": JA_SOUGHT,
            "partner_role": JA_ROLE,
        },
    )
    assert response.status_code == 302
    row = ProposalTranslation.objects.get()
    assert (row.sought, row.partner_role) == (JA_SOUGHT, JA_ROLE)


def test_the_translate_page_shows_a_refusal_beside_its_field(client, proposal, author):
    client.force_login(author)
    client.cookies["kakehashi_language"] = "en"
    response = client.post(
        reverse("proposals:translate", args=[proposal.pk]),
        {"language": "ja", "title": JA_TITLE, "summary": "概要", "sought": "求" * 2001},
    )
    assert response.status_code == 200
    # The form's limit, as for the title and summary (the service's sentence is above).
    assert response.context["form"].errors["sought"] == [
        "Ensure this value has at most 2000 characters (it has 2001)."
    ]
    assert not ProposalTranslation.objects.exists()


def form_data(company, **changes):
    data = {
        "organisation": company.pk,
        "kind": "business_request",
        "title": VI_TITLE,
        "summary": VI_SUMMARY,
        "description": "",
        "sought": VI_SOUGHT,
        "partner_role": VI_ROLE,
        "language": "vi",
        "text_tab": "original",
        **{
            f"{name}_{code}": ""
            for code in ("vi", "ja", "en")
            for name in ("title", "summary", "description", "advantages", "sought", "partner_role")
        },
    }
    data.update(changes)
    return data


def test_the_proposal_forms_tabs_carry_the_kinds_texts(client, company, author):
    client.force_login(author)
    client.cookies["kakehashi_language"] = "en"
    html = client.get(reverse("proposals:create")).content.decode()
    assert 'name="sought_ja"' in html and 'name="advantages_ja"' in html
    response = client.post(
        reverse("proposals:create"),
        form_data(
            company,
            title_ja=JA_TITLE,
            sought_ja=JA_SOUGHT,
            partner_role_ja=JA_ROLE,
            # Typed before the kind was changed to a request: not saved, as on the original.
            advantages_ja="強み",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    row = ProposalTranslation.objects.get()
    assert (row.title, row.sought, row.partner_role, row.advantages) == (
        JA_TITLE,
        JA_SOUGHT,
        JA_ROLE,
        "",
    )


def test_the_proposal_forms_tab_refuses_a_kind_text_too_long(client, company, author):
    client.force_login(author)
    client.cookies["kakehashi_language"] = "en"
    response = client.post(
        reverse("proposals:create"),
        form_data(company, title_ja=JA_TITLE, partner_role_ja="役" * 2001),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["partner_role_ja"] == [
        "The partner's expected role in Japanese can be at most 2,000 characters long "
        "(you entered 2,001)."
    ]
    assert not ProposalTranslation.objects.exists()


def test_changing_the_kind_empties_the_former_kinds_texts_in_the_translations(company, author):
    draft = ProposalFactory(
        organisation=company,
        created_by=author,
        kind="business_request",
        language="vi",
        title=VI_TITLE,
        summary=VI_SUMMARY,
        sought=VI_SOUGHT,
    )
    translate(draft, author, sought=JA_SOUGHT)
    data = ProposalInput(
        kind="business_offer",
        title=VI_TITLE,
        summary=VI_SUMMARY,
        language="vi",
        advantages="Tiết kiệm điện.",
    )
    authoring.update_proposal(proposal=draft, data=data, by=author, translations={})
    row = ProposalTranslation.objects.get()
    assert (row.title, row.sought) == (JA_TITLE, "")


def test_matching_indexes_the_translated_kind_texts(proposal, author):
    translate(proposal, author, sought=JA_SOUGHT, partner_role=JA_ROLE)
    (translation,) = proposal_document(proposal).translations
    assert translation.language == "ja"
    assert JA_SOUGHT in translation.text and JA_ROLE in translation.text
