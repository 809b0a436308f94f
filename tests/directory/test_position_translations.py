"""A person's position at an organisation (their job title) in the reader's language: the
language it is written in, told or stated; what a reader of each language sees on the
organisation's page, the person's page, the profile and the event badges (the translation
when there is one made from the position as it stands, else the position as written, marked
with its language); who may translate it (the organisation's administrators and the platform
administrators, through the page linked from where they see positions) and who may not; bad
input refused with a message in the reader's language, nothing written."""

import html

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kakehashi.common.models import AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.directory import services
from kakehashi.directory.models import Membership, MembershipRole, PositionTranslation
from kakehashi.directory.positions import position_for_reader
from kakehashi.directory.translation_services import (
    save_position_reference_translation,
    save_position_translation,
)
from tests.factories import OrganisationFactory, PersonFactory, UserFactory, member_of

pytestmark = pytest.mark.usefixtures("reference")

VI_POSITION = "Giám đốc Sở Ngoại vụ"
JA_POSITION = "外務局長"
EN_POSITION = "Director of the Department of Foreign Affairs"


@pytest.fixture
def department():
    return OrganisationFactory(
        name="Sở Ngoại vụ Thành phố Hồ Chí Minh",
        name_en="Ho Chi Minh City Department of Foreign Affairs",
        language="vi",
    )


@pytest.fixture
def admin(department):
    return member_of(department, role=MembershipRole.ADMIN)


@pytest.fixture
def membership(department, admin) -> Membership:
    """The department's director, with a position in Vietnamese, added by its administrator."""
    director = PersonFactory(full_name="Nguyễn Văn An", name_kana="グエン・ヴァン・アン")
    return services.add_member(
        organisation=department,
        person=director,
        role=MembershipRole.MEMBER,
        position=VI_POSITION,
        by=admin,
    )


@pytest.fixture
def translated(membership, admin):
    save_position_translation(membership=membership, language="ja", position=JA_POSITION, by=admin)
    save_position_translation(membership=membership, language="en", position=EN_POSITION, by=admin)
    return membership


def translate_url(membership) -> str:
    return reverse(
        "directory:position_translate", args=[membership.organisation_id, membership.person_id]
    )


def read(client, url: str, language: str) -> str:
    client.cookies["kakehashi_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def span(language: str, text: str) -> str:
    return f'<span lang="{language}">{text}</span>'


def nothing_written() -> bool:
    return (
        not PositionTranslation.objects.exists()
        and not AuditEntry.objects.filter(model_label__icontains="positiontranslation").exists()
    )


# The language a position is written in.


@pytest.mark.parametrize(
    ("organisation_language", "position", "stated", "expected"),
    [
        ("vi", VI_POSITION, "", "vi"),
        ("en", "国際交流課長", "", "ja"),  # a Japanese member of an English-speaking association
        ("vi", "Director of International Affairs", "", "en"),
        ("ja", "CEO", "", "en"),
        ("ja", "  ", "", ""),  # no position, no language
        ("ja", "No. 2", "", "en"),
        ("vi", "2", "", "vi"),  # no letters: the organisation's language
        ("vi", "Director", "vi", "vi"),  # as the administrator states it
    ],
)
def test_the_positions_language_is_stated_or_told_from_its_text(
    organisation_language, position, stated, expected
):
    organisation = OrganisationFactory(language=organisation_language)
    by = member_of(organisation, role=MembershipRole.ADMIN)
    membership = services.add_member(
        organisation=organisation,
        person=PersonFactory(),
        role=MembershipRole.MEMBER,
        position=position,
        position_language=stated,
        by=by,
    )
    assert (membership.position, membership.position_language) == (position.strip(), expected)


def test_an_unknown_stated_language_is_refused(department, admin):
    with pytest.raises(ValidationError) as refused:
        services.add_member(
            organisation=department,
            person=PersonFactory(),
            role=MembershipRole.MEMBER,
            position="Directeur",
            position_language="fr",
            by=admin,
        )
    assert refused.value.code == "language_invalid"
    assert not Membership.objects.filter(position="Directeur").exists()


def test_the_members_form_records_the_stated_language(client, department, admin):
    newcomer = UserFactory(email="director@example.vn")
    client.force_login(admin)
    response = client.post(
        reverse("directory:organisation_members", args=[department.pk]),
        {
            "email": "director@example.vn",
            "role": "member",
            "position": "Director",
            "position_language": "vi",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(person__user=newcomer)
    assert (membership.position, membership.position_language) == ("Director", "vi")


# What readers see.


def test_each_reader_sees_the_position_in_their_language_on_the_organisations_page(
    client, department, translated
):
    page = department.get_absolute_url()
    japanese = read(client, page, "ja")
    assert span("ja", JA_POSITION) in japanese and VI_POSITION not in japanese
    english = read(client, page, "en")
    assert span("en", EN_POSITION) in english and VI_POSITION not in english
    # A reader of the original's language reads it as written.
    vietnamese = read(client, page, "vi")
    assert span("vi", VI_POSITION) in vietnamese
    assert JA_POSITION not in vietnamese and EN_POSITION not in vietnamese


def test_the_persons_page_shows_the_translation_with_the_original_beside_it(client, translated):
    page = read(client, translated.get_absolute_url(), "ja")
    original = f'<span class="muted keep-words" lang="vi">（{VI_POSITION}）</span>'
    assert f"{span('ja', JA_POSITION)} {original}" in page
    page = read(client, translated.get_absolute_url(), "vi")
    assert span("vi", VI_POSITION) in page and JA_POSITION not in page


@pytest.mark.parametrize("language", ["ja", "en"])
def test_with_no_translation_the_reader_sees_the_position_as_written_marked_with_its_language(
    client, department, membership, language
):
    for url in (department.get_absolute_url(), membership.get_absolute_url()):
        page = read(client, url, language)
        assert span("vi", VI_POSITION) in page


def test_a_translation_into_one_language_leaves_the_others_reading_the_original(
    client, department, membership, admin
):
    save_position_translation(membership=membership, language="ja", position=JA_POSITION, by=admin)
    assert span("ja", JA_POSITION) in read(client, department.get_absolute_url(), "ja")
    english = read(client, department.get_absolute_url(), "en")
    assert span("vi", VI_POSITION) in english and JA_POSITION not in english


def test_a_translation_of_a_former_position_is_not_shown(client, department, translated, admin):
    """Promoted from director to chairman: the old title's translation would be false."""
    services.add_member(
        organisation=department,
        person=translated.person,
        role=MembershipRole.MEMBER,
        position="Chủ tịch",
        by=admin,
    )
    page = read(client, department.get_absolute_url(), "ja")
    assert span("vi", "Chủ tịch") in page and JA_POSITION not in page
    # The members page lists no translation of the new position either.
    client.force_login(admin)
    members = read(client, reverse("directory:organisation_members", args=[department.pk]), "ja")
    assert JA_POSITION not in members
    # The translation page opens with the old row, to be corrected.
    assert JA_POSITION in read(client, translate_url(translated) + "?language=ja", "ja")


def test_the_profile_shows_the_readers_language(client, department, admin):
    membership = Membership.objects.get(person__user=admin)
    services.add_member(
        organisation=department,
        person=membership.person,
        role=MembershipRole.ADMIN,
        position=VI_POSITION,
        by=admin,
    )
    save_position_translation(membership=membership, language="ja", position=JA_POSITION, by=admin)
    client.force_login(admin)
    page = html.unescape(read(client, reverse("accounts:profile"), "ja"))
    assert span("ja", JA_POSITION) in page and VI_POSITION not in page
    page = html.unescape(read(client, reverse("accounts:profile"), "en"))
    assert span("vi", VI_POSITION) in page


def test_the_person_page_lists_positions_elsewhere_in_the_readers_language(
    client, department, translated
):
    association = OrganisationFactory(name="Kansai–Vietnam Business Association", language="en")
    services.add_member(
        organisation=association,
        person=translated.person,
        role=MembershipRole.MEMBER,
        position="Board Member",
        by=member_of(association, role=MembershipRole.ADMIN),
    )
    elsewhere = Membership.objects.get(organisation=association, person=translated.person)
    save_position_reference_translation(membership=elsewhere, language="ja", position="理事")
    page = read(client, translated.get_absolute_url(), "ja")
    assert span("ja", "理事") in page and "Board Member" not in page


def test_the_helper_reads_prefetched_translations_in_one_query(
    department, admin, django_assert_num_queries
):
    for number in range(5):
        membership = services.add_member(
            organisation=department,
            person=PersonFactory(),
            role=MembershipRole.MEMBER,
            position=f"Phó Giám đốc {number}",
            by=admin,
        )
        save_position_reference_translation(
            membership=membership, language="ja", position=f"副局長{number}"
        )
    with django_assert_num_queries(2):  # the memberships, their translations
        shown = [
            position_for_reader(membership, "ja")
            for membership in department.memberships.exclude(position="").prefetch_related(
                "translations"
            )
        ]
    assert sorted(str(position) for position in shown) == [f"副局長{n}" for n in range(5)]


def test_the_organisations_page_asks_no_more_queries_for_more_members(
    client, department, admin, django_assert_max_num_queries
):
    def with_members(count: int) -> int:
        for _number in range(count):
            membership = services.add_member(
                organisation=department,
                person=PersonFactory(),
                role=MembershipRole.MEMBER,
                position="Chuyên viên",
                by=admin,
            )
            save_position_reference_translation(
                membership=membership, language="ja", position="職員"
            )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.cookies["kakehashi_language"] = "ja"
        with CaptureQueriesContext(connection) as queries:
            assert client.get(department.get_absolute_url()).status_code == 200
        return len(queries)

    assert with_members(1) == with_members(6)


# Who may translate.


def test_an_administrator_translates_as_the_author_and_a_platform_administrator_as_a_moderator(
    membership, admin
):
    row = save_position_translation(
        membership=membership, language="ja", position=f"  {JA_POSITION} ", by=admin
    )
    assert (row.position, row.source, row.made_by) == (
        JA_POSITION,
        TranslationSource.AUTHOR,
        admin,
    )
    assert AuditEntry.objects.filter(owners=membership.organisation).count() == 1
    platform_admin = UserFactory(is_superuser=True, is_staff=True)
    corrected = save_position_translation(
        membership=membership, language="ja", position="外務局 局長", by=platform_admin
    )
    assert (corrected.pk, corrected.source, corrected.position) == (
        row.pk,
        TranslationSource.MODERATOR,
        "外務局 局長",
    )
    # The demo's (reference) translation does not replace a person's.
    assert (
        save_position_reference_translation(membership=membership, language="ja", position="局長")
        is None
    )


WHO_MAY_NOT = ["other_admin", "plain_member", "the_person", "stranger", "anonymous"]


def someone(who: str, department, membership):
    if who == "other_admin":
        return member_of(OrganisationFactory(name="Sở Công Thương"), role=MembershipRole.ADMIN)
    if who == "plain_member":
        return member_of(department)
    if who == "the_person":
        # The director signed up: their own position is still the organisation's to set.
        membership.person.user = UserFactory()
        membership.person.save()
        return membership.person.user
    if who == "stranger":
        return UserFactory()
    return AnonymousUser()


@pytest.mark.parametrize("who", WHO_MAY_NOT)
def test_who_may_not_change_the_membership_may_not_translate_its_position(
    department, membership, who
):
    by = someone(who, department, membership)
    with pytest.raises(PermissionDenied):
        save_position_translation(membership=membership, language="ja", position=JA_POSITION, by=by)
    assert nothing_written()


@pytest.mark.parametrize("who", WHO_MAY_NOT)
def test_who_may_not_sees_no_link_and_is_refused_the_page(client, department, membership, who):
    by = someone(who, department, membership)
    if who != "anonymous":
        client.force_login(by)
    url = translate_url(membership)
    assert url not in read(client, membership.get_absolute_url(), "en")
    assert url not in read(client, department.get_absolute_url(), "en")
    for response in (
        client.get(url),
        client.post(url, {"language": "ja", "position": JA_POSITION}),
    ):
        assert response.status_code == (302 if who == "anonymous" else 403)
    assert nothing_written()


@pytest.mark.parametrize("who", ["admin", "platform_admin"])
def test_who_may_finds_the_page_where_positions_are_shown_and_saves(
    client, department, membership, admin, who
):
    by = admin if who == "admin" else UserFactory(is_superuser=True, is_staff=True)
    client.force_login(by)
    url = translate_url(membership)
    assert url in read(client, membership.get_absolute_url(), "ja")
    assert url in read(
        client, reverse("directory:organisation_members", args=[department.pk]), "ja"
    )
    form = read(client, url, "ja")
    # The original above the form; the reader's language offered first, never the original's.
    assert f'<p lang="vi"><strong>{VI_POSITION}</strong></p>' in form
    assert '<option value="ja" selected>' in form and '<option value="vi"' not in form
    response = client.post(url, {"language": "ja", "position": JA_POSITION})
    assert response.status_code == 302 and response.url == membership.get_absolute_url()
    row = PositionTranslation.objects.get()
    assert (row.membership, row.language, row.position, row.made_by) == (
        membership,
        "ja",
        JA_POSITION,
        by,
    )
    members = read(client, reverse("directory:organisation_members", args=[department.pk]), "en")
    assert span("vi", VI_POSITION) in members and span("ja", JA_POSITION) in members


def test_a_membership_with_no_position_has_nothing_to_translate(client, department, admin):
    membership = Membership.objects.get(person__user=admin)
    client.force_login(admin)
    assert translate_url(membership) not in read(client, membership.get_absolute_url(), "en")
    assert client.get(translate_url(membership)).status_code == 404
    with pytest.raises(ValidationError) as refused:
        save_position_translation(membership=membership, language="ja", position="局長", by=admin)
    assert refused.value.code == "position_none"
    assert nothing_written()


def test_an_unpublished_organisations_position_is_not_found_by_others(
    client, department, membership
):
    department.is_published = False
    department.save()
    client.force_login(member_of(OrganisationFactory(), role=MembershipRole.ADMIN))
    assert client.get(translate_url(membership)).status_code == 404
    assert nothing_written()


# Bad input.


@pytest.mark.parametrize(
    ("language", "position", "code"),
    [
        ("vi", "Giám đốc", "original_language"),
        ("fr", "Directeur", "language_invalid"),
        ("", "Directeur", "language_invalid"),
        ("ja", "   ", "position_missing"),
        ("ja", "\u200b", "position_missing"),
        ("ja", "長" * 201, "too_long"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(membership, admin, language, position, code):
    with pytest.raises(ValidationError) as refused:
        save_position_translation(
            membership=membership, language=language, position=position, by=admin
        )
    assert refused.value.code == code
    assert nothing_written()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": "vi", "position": "Giám đốc"}, "正しく選択してください。"),
        ({"language": "fr", "position": "Directeur"}, "正しく選択してください。"),
        ({"language": "ja", "position": ""}, "この項目は必須です。"),
        ({"language": "ja", "position": "\u200b"}, "この言語での役職名を入力してください。"),
        (
            {"language": "ja", "position": "長" * 201},
            "役職は200文字以内で入力してください（現在201文字）。",
        ),
    ],
)
def test_the_page_says_what_is_wrong_in_the_readers_language(
    client, membership, admin, data, message
):
    client.force_login(admin)
    client.cookies["kakehashi_language"] = "ja"
    response = client.post(translate_url(membership), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error' in page and message in page
    assert nothing_written()


def test_the_page_answers_odd_input_without_failing(client, department, membership, admin):
    client.force_login(admin)
    url = translate_url(membership)
    for query in ("?language=xx", "?language=", "?language=vi"):
        assert client.get(url + query).status_code == 200
    bogus = reverse("directory:position_translate", args=[department.pk, 999999])
    assert client.get(bogus).status_code == 404
    assert client.post(url, {"position": JA_POSITION}).status_code == 200
    assert nothing_written()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"position": "国際交流課長"}, "ja"),  # rewritten in another language: told again
        ({"position": "Trưởng phòng Hợp tác quốc tế", "position_language": "en"}, "en"),  # stated
        ({}, "vi"),  # unchanged
    ],
)
def test_a_position_rewritten_in_the_back_office_is_told_its_language(data, expected):
    from kakehashi.directory.admin import MembershipAdminForm

    membership = Membership.objects.create(
        person=PersonFactory(),
        organisation=OrganisationFactory(language="vi"),
        position="Trưởng phòng Hợp tác quốc tế",
        position_language="vi",
    )
    fields = {
        "person": membership.person_id,
        "organisation": membership.organisation_id,
        "role": membership.role,
        "position": membership.position,
        "position_language": membership.position_language,
    }
    form = MembershipAdminForm({**fields, **data}, instance=membership)
    assert form.is_valid(), form.errors
    assert form.save().position_language == expected
