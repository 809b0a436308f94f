"""Translations of an organisation's name and description: who may make them (and who may
not), what bad input gets (a message in the reader's language, nothing written), and what a
reader of each language sees on the organisation's page and in the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kakehashi.common.models import AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import MembershipRole, OrganisationTranslation
from kakehashi.directory.translation_services import save_organisation_translation
from tests.factories import OrganisationFactory, UserFactory, member_of

pytestmark = pytest.mark.usefixtures("reference")

VI_NAME = "Sở Ngoại vụ Thành phố Hồ Chí Minh"
VI_DESCRIPTION = "Đầu mối hợp tác quốc tế của Thành phố."
JA_NAME = "ホーチミン市外務局"
JA_DESCRIPTION = "ホーチミン市の国際協力の窓口です。"


@pytest.fixture
def department():
    return OrganisationFactory(
        name=VI_NAME,
        name_en="Ho Chi Minh City Department of Foreign Affairs",
        description=VI_DESCRIPTION,
        language="vi",
    )


@pytest.fixture
def member(department):
    return member_of(department, role=MembershipRole.MEMBER)


def translate_url(organisation):
    return reverse("directory:organisation_translate", args=[organisation.pk])


def test_a_member_translates_and_the_organisation_is_its_author(department, member):
    row = save_organisation_translation(
        organisation=department,
        language="ja",
        name=f"  {JA_NAME} ",
        description=JA_DESCRIPTION,
        by=member,
    )
    assert (row.name, row.description, row.source, row.made_by) == (
        JA_NAME,
        JA_DESCRIPTION,
        TranslationSource.AUTHOR,
        member,
    )
    assert AuditEntry.objects.filter(owners=department).count() == 1


def test_a_second_translation_into_a_language_replaces_the_first(department, member):
    save_organisation_translation(organisation=department, language="ja", name="旧", by=member)
    save_organisation_translation(organisation=department, language="ja", name=JA_NAME, by=member)
    assert list(department.translations.values_list("language", "name")) == [("ja", JA_NAME)]


def test_a_platform_administrator_corrects_one_as_a_moderator(department):
    admin = UserFactory(is_superuser=True)
    row = save_organisation_translation(
        organisation=department, language="en", name="HCMC Department of Foreign Affairs", by=admin
    )
    assert row.source == TranslationSource.MODERATOR


@pytest.mark.parametrize("who", ["outsider", "member_elsewhere", "anonymous"])
def test_who_does_not_act_for_the_organisation_may_not_translate_it(client, department, who):
    from django.contrib.auth.models import AnonymousUser

    user = {
        "outsider": lambda: UserFactory(),
        "member_elsewhere": lambda: member_of(OrganisationFactory(), role=MembershipRole.ADMIN),
        "anonymous": AnonymousUser,
    }[who]()
    with pytest.raises(PermissionDenied):
        save_organisation_translation(organisation=department, language="ja", name="x", by=user)
    if who != "anonymous":
        client.force_login(user)
        assert client.get(translate_url(department)).status_code == 403
        response = client.post(translate_url(department), {"language": "ja", "name": JA_NAME})
        assert response.status_code == 403
    else:
        assert client.get(translate_url(department)).status_code == 302  # to sign in
    assert not OrganisationTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "language, name, description, code",
    [
        ("vi", "Sở Ngoại vụ", "", "original_language"),
        ("ja", "   ", "", "name_missing"),
        ("ja", "\u200b", "", "name_missing"),
        ("ja", "名" * 201, "", "too_long"),
        ("ja", JA_NAME, "説" * 4001, "too_long"),
        ("fr", "Département", "", "language_invalid"),
    ],
)
def test_bad_input_changes_nothing(department, member, language, name, description, code):
    with pytest.raises(ValidationError) as raised:
        save_organisation_translation(
            organisation=department,
            language=language,
            name=name,
            description=description,
            by=member,
        )
    assert raised.value.code == code
    assert not OrganisationTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_page_says_what_is_wrong_in_the_readers_language(client, department, member):
    client.force_login(member)
    client.cookies["kakehashi_language"] = "ja"
    response = client.post(translate_url(department), {"language": "ja", "name": ""})
    assert response.status_code == 200
    assert "この項目は必須です。" in response.content.decode()
    assert not OrganisationTranslation.objects.exists()


def test_the_page_offers_the_readers_language_and_saves(client, department, member):
    client.force_login(member)
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(translate_url(department)).content.decode()
    assert '<option value="ja" selected>' in html and '<option value="vi"' not in html
    response = client.post(
        translate_url(department),
        {"language": "ja", "name": JA_NAME, "description": JA_DESCRIPTION},
    )
    assert response.status_code == 302 and response.url == department.get_absolute_url()
    assert department.translations.get().name == JA_NAME


def test_a_japanese_reader_sees_the_translation_with_the_original_one_click_away(
    client, department, member
):
    save_organisation_translation(
        organisation=department,
        language="ja",
        name=JA_NAME,
        description=JA_DESCRIPTION,
        by=member,
    )
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(department.get_absolute_url()).content.decode()
    assert f'<h1 lang="ja">{JA_NAME}' in html and JA_DESCRIPTION in html
    assert f'<span lang="vi">{VI_NAME}</span>' in html  # its own name under the translation
    assert "ベトナム語から作成者が翻訳しました。" in html and 'href="?original=1"' in html

    original = client.get(department.get_absolute_url(), {"original": "1"}).content.decode()
    assert f'<h1 lang="vi">{VI_NAME}' in original and VI_DESCRIPTION in original
    assert JA_DESCRIPTION not in original


def test_members_are_offered_a_translation_and_visitors_are_not(client, department, member):
    client.cookies["kakehashi_language"] = "ja"
    assert (
        translate_url(department) not in client.get(department.get_absolute_url()).content.decode()
    )
    client.force_login(member)
    html = client.get(department.get_absolute_url()).content.decode()
    assert f"{translate_url(department)}?language=ja" in html


def test_the_api_shows_the_translations(client, department, member):
    save_organisation_translation(
        organisation=department, language="ja", name=JA_NAME, description=JA_DESCRIPTION, by=member
    )
    body = client.get(f"/api/v1/organisations/{department.pk}", HTTP_ACCEPT_LANGUAGE="ja").json()
    assert body["display_name"] == JA_NAME
    assert [
        (row["language"], row["name"], row["description"], row["source"])
        for row in body["translations"]
    ] == [("ja", JA_NAME, JA_DESCRIPTION, "author")]
