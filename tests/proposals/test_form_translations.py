"""The proposal form's language tabs: the original first, the other languages beside it; what
the author writes there is stored as the author's translation in the same transaction as the
proposal; a tab emptied deletes a person's translation, a machine draft stays unless the
author writes that language; refusals name the text and the language and write nothing."""

import pytest
from django.urls import reverse

from kakehashi.common.models import AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.proposals import authoring
from kakehashi.proposals.models import Proposal, ProposalTranslation, original_fingerprint
from kakehashi.proposals.services import ProposalInput
from kakehashi.proposals.translation_services import save_machine_translation, save_translation
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.usefixtures("reference")

VI = {
    "title": "Kho lạnh cho thủy sản xuất khẩu",
    "summary": "Chúng tôi cần đối tác Nhật Bản đầu tư kho lạnh tại Cần Thơ.",
}
JA_TITLE = "輸出水産物向け冷凍倉庫"
JA_SUMMARY = "カントーに冷凍倉庫を建設する日本の投資パートナーを求めています。"


@pytest.fixture
def company():
    return OrganisationFactory(name="Mekong Seafood", locality=locality("can-tho"))


def signed_in(client, user, language="en"):
    client.force_login(user)
    client.cookies["kakehashi_language"] = language
    return client


def form_data(company, **changes):
    data = {
        "organisation": company.pk,
        "kind": "business_request",
        "title": VI["title"],
        "summary": VI["summary"],
        "description": "",
        "language": "vi",
        "text_tab": "original",
        **{
            f"{name}_{code}": ""
            for code in ("vi", "ja", "en")
            for name in ("title", "summary", "description")
        },
    }
    data.update(changes)
    return data


def test_the_new_form_has_a_tab_per_language_the_original_first(client, author):
    html = signed_in(client, author, "vi").get(reverse("proposals:create")).content.decode()
    tabs = html.index('id="text-tab-original"'), html.index('id="text-tab-ja"')
    assert tabs[0] < tabs[1] < html.index('id="text-tab-en"')
    # The reader writes in Vietnamese, most likely: no Vietnamese translation tab.
    assert 'id="text-tab-vi"' not in html
    assert 'name="title_ja"' in html and 'lang="ja"' in html
    assert 'id="text-tab-original" value="original" checked' in html or (
        'value="original" id="text-tab-original" checked' in html
    )


def test_saving_the_form_stores_the_authors_translation(client, company, author):
    response = signed_in(client, author).post(
        reverse("proposals:create"),
        form_data(company, title_ja=JA_TITLE, summary_ja=JA_SUMMARY),
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.title, proposal.language) == (VI["title"], "vi")
    row = proposal.translations.get()
    assert (row.language, row.title, row.summary, row.description) == (
        "ja",
        JA_TITLE,
        JA_SUMMARY,
        "",
    )
    assert (row.source, row.made_by) == (TranslationSource.AUTHOR, author)
    assert row.made_from == original_fingerprint(proposal)
    # The draft is among the author's proposals.
    assert VI["title"] in client.get(reverse("proposals:mine")).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"summary_ja": JA_SUMMARY},
            "title_ja",
            "Give the translation into Japanese a title.",
        ),
        (
            {"title_en": "x" * 201},
            "title_en",
            "The title in English can be at most 200 characters long (you entered 201).",
        ),
        (
            {"title_vi": "Kho lạnh", "summary_vi": "Bản tiếng Việt"},
            "title_vi",
            "The proposal is written in Vietnamese: leave its translation into Vietnamese empty.",
        ),
        # The language left to detection: the text is Vietnamese, so is the tab.
        (
            {"language": "", "title_vi": "Kho lạnh"},
            "title_vi",
            "The proposal is written in Vietnamese: leave its translation into Vietnamese empty.",
        ),
    ],
)
def test_a_refused_tab_names_the_text_and_language_and_nothing_is_written(
    client, company, author, changes, field, message
):
    response = signed_in(client, author).post(
        reverse("proposals:create"), form_data(company, **changes)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field] == [message]
    html = response.content.decode()
    assert message in html
    # The tab with the error is the one open, and marked.
    tab = field.split("_")[1]
    assert f'id="text-tab-{tab}" checked' in html
    assert not Proposal.objects.exists()
    assert not ProposalTranslation.objects.exists()


def test_the_refusal_is_in_the_readers_language(client, company, author):
    response = signed_in(client, author, "vi").post(
        reverse("proposals:create"), form_data(company, summary_ja=JA_SUMMARY)
    )
    assert "Hãy nhập tiêu đề cho bản dịch sang tiếng Nhật." in response.content.decode()
    response = signed_in(client, author, "ja").post(
        reverse("proposals:create"), form_data(company, title_en="x" * 201)
    )
    assert "英語のタイトルは200文字以内で入力してください（現在201文字）。" in (
        response.content.decode()
    )


def test_a_translation_refused_by_the_service_leaves_no_proposal(company, author):
    data = ProposalInput(kind="business_request", language="vi", **VI)
    with pytest.raises(Exception) as refused:
        authoring.create_proposal(
            data=data,
            organisation=company,
            by=author,
            translations={"ja": {"title": "", "summary": JA_SUMMARY}},
        )
    assert refused.value.message_dict == {
        "title_ja": ["Give the translation into Japanese a title."]
    }
    assert not Proposal.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.fixture
def draft(company, author):
    return ProposalFactory(
        organisation=company, created_by=author, kind="business_request", language="vi", **VI
    )


def edit(client, user, draft, company, **changes):
    return signed_in(client, user).post(
        reverse("proposals:edit", args=[draft.pk]), form_data(company, **changes)
    )


def test_editing_shows_peoples_translations_not_machine_drafts(client, draft, author):
    save_translation(proposal=draft, language="ja", title=JA_TITLE, summary=JA_SUMMARY, by=author)
    save_machine_translation(
        proposal=draft,
        language="en",
        title="Machine title",
        summary="",
        made_from=original_fingerprint(draft),
    )
    response = signed_in(client, author).get(reverse("proposals:edit", args=[draft.pk]))
    form = response.context["form"]
    assert form["title_ja"].value() == JA_TITLE
    assert form["title_en"].value() in (None, "")
    assert "A machine translation is shown to readers of this language." in (
        response.content.decode()
    )


def test_an_emptied_tab_deletes_a_persons_translation_and_keeps_a_machine_draft(
    client, draft, company, author
):
    save_translation(proposal=draft, language="ja", title=JA_TITLE, summary=JA_SUMMARY, by=author)
    save_machine_translation(
        proposal=draft,
        language="en",
        title="Machine title",
        summary="",
        made_from=original_fingerprint(draft),
    )
    assert edit(client, author, draft, company).status_code == 302
    rows = {row.language: row for row in draft.translations.all()}
    assert list(rows) == ["en"] and rows["en"].is_machine
    assert AuditEntry.objects.filter(action="deleted").count() == 1


def test_writing_a_language_replaces_its_machine_draft(client, draft, company, author):
    save_machine_translation(
        proposal=draft,
        language="en",
        title="Machine title",
        summary="",
        made_from=original_fingerprint(draft),
    )
    edit(client, author, draft, company, title_en="Cold storage for seafood exports")
    row = draft.translations.get()
    assert (row.title, row.source) == ("Cold storage for seafood exports", "author")


def test_an_unchanged_translation_keeps_its_translator(client, draft, company):
    colleague = member_of(company)
    save_translation(
        proposal=draft, language="ja", title=JA_TITLE, summary=JA_SUMMARY, by=colleague
    )
    author = draft.created_by
    edit(client, author, draft, company, title_ja=JA_TITLE, summary_ja=JA_SUMMARY)
    row = draft.translations.get()
    assert (row.source, row.made_by) == (TranslationSource.COLLEAGUE, colleague)
    edit(client, author, draft, company, title_ja=JA_TITLE + "（改訂）", summary_ja=JA_SUMMARY)
    row = draft.translations.get()
    assert (row.title, row.source, row.made_by) == (
        JA_TITLE + "（改訂）",
        TranslationSource.AUTHOR,
        author,
    )


def test_changing_the_original_language_drops_the_translation_into_it(
    client, draft, company, author
):
    save_translation(proposal=draft, language="ja", title=JA_TITLE, summary=JA_SUMMARY, by=author)
    response = edit(
        client,
        author,
        draft,
        company,
        title=JA_TITLE,
        summary=JA_SUMMARY,
        language="ja",
        title_vi=VI["title"],
        summary_vi=VI["summary"],
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.language == "ja"
    assert [(row.language, row.title) for row in draft.translations.all()] == [("vi", VI["title"])]


def test_who_may_not_edit_cannot_write_translations_through_the_form(client, draft, company):
    outsider = member_of(OrganisationFactory(locality=locality("hanoi")))
    response = edit(client, outsider, draft, company, title_ja=JA_TITLE)
    assert response.status_code == 404  # a draft is not visible to others
    assert not ProposalTranslation.objects.exists()
