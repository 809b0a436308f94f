"""The one function that names an organisation or a person for a reader of one language
(directory/names.py)."""

import pytest

from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import Organisation, OrganisationTranslation, Person
from kakehashi.directory.names import is_japanese_script, organisation_name, person_name
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.usefixtures("reference")

VI_NAME = "Công ty Cổ phần Logistics Lạnh Sài Gòn"
EN_NAME = "Saigon Cold Chain Logistics JSC"
JA_NAME = "サイゴン・コールドチェーン・ロジスティクス社"


@pytest.fixture
def company():
    company = OrganisationFactory(name=VI_NAME, name_en=EN_NAME, language="vi")
    OrganisationTranslation.objects.create(
        organisation=company, language="ja", name=JA_NAME, source=TranslationSource.AUTHOR
    )
    return company


def test_a_reader_of_a_translated_language_reads_the_translation(company):
    assert organisation_name(company, "ja") == JA_NAME


def test_a_reader_of_another_language_without_translation_reads_the_english_name(company):
    assert organisation_name(company, "en") == EN_NAME


def test_a_reader_of_the_organisations_language_reads_its_own_name(company):
    assert organisation_name(company, "vi") == VI_NAME


def test_without_an_english_name_the_original_is_kept_with_its_diacritics():
    company = OrganisationFactory(name=VI_NAME, name_en="", language="vi")
    # Never "Cong ty Co phan Logistics Lanh Sai Gon": that is no more readable in Japan.
    assert organisation_name(company, "ja") == VI_NAME


def test_the_display_name_follows_the_active_language(company, settings):
    from django.utils import translation

    with translation.override("ja"):
        assert company.display_name == JA_NAME
    with translation.override("vi"):
        assert company.display_name == VI_NAME
    with translation.override("en"):
        assert company.display_name == EN_NAME


def test_prefetched_translations_name_a_list_without_a_query_per_row(
    company, django_assert_num_queries
):
    for number in range(3):
        other = OrganisationFactory(name=f"Sở {number}", name_en=f"Department {number}")
        other.language = "vi"
        other.save()
    with django_assert_num_queries(2):  # the rows, their translations
        names = [
            organisation_name(row, "ja")
            for row in Organisation.objects.prefetch_related("translations").order_by("pk")
        ]
    assert names == [JA_NAME, "Department 0", "Department 1", "Department 2"]


@pytest.mark.parametrize(
    "full_name, latin, kana, language, expected",
    [
        ("田中 宏", "Tanaka Hiroshi", "", "vi", "Tanaka Hiroshi"),
        ("田中 宏", "Tanaka Hiroshi", "", "en", "Tanaka Hiroshi"),
        ("田中 宏", "Tanaka Hiroshi", "", "ja", "田中 宏"),
        ("田中 宏", "", "", "vi", "田中 宏"),  # nothing better is known
        ("Nguyễn Văn An", "", "グエン・ヴァン・アン", "ja", "グエン・ヴァン・アン"),
        ("Nguyễn Văn An", "", "グエン・ヴァン・アン", "vi", "Nguyễn Văn An"),
        ("Nguyễn Văn An", "", "グエン・ヴァン・アン", "en", "Nguyễn Văn An"),
        ("Nguyễn Văn An", "", "", "ja", "Nguyễn Văn An"),
        # A Japanese name written in Japanese script needs no katakana for a Japanese reader.
        ("佐藤 健", "Sato Ken", "サトウ ケン", "ja", "佐藤 健"),
    ],
)
def test_a_persons_name_in_the_readers_script(full_name, latin, kana, language, expected):
    person = Person(full_name=full_name, name_latin=latin, name_kana=kana)
    assert person_name(person, language) == expected


def test_japanese_script_is_told_from_latin_letters():
    assert (
        is_japanese_script("田中 宏")
        and is_japanese_script("グエン")
        and is_japanese_script("ひろし")
    )
    assert not is_japanese_script("Nguyễn Văn An") and not is_japanese_script("")


def test_a_person_gives_their_name_in_the_other_script_on_their_profile(client):
    from django.urls import reverse

    from tests.factories import UserFactory

    user = UserFactory(full_name="Nguyễn Văn An")
    client.force_login(user)
    data = {"full_name": "Nguyễn Văn An", "preferred_language": "vi"}

    response = client.post(
        reverse("accounts:profile"), data | {"name_kana": "グエン・ヴァン・アン", "name_latin": ""}
    )

    assert response.status_code == 302
    assert Person.objects.get(user=user).name_kana == "グエン・ヴァン・アン"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name_kana", "Nguyen Van An", "Write the name in katakana, e.g. グエン・ヴァン・アン."),
        ("name_kana", "阮文安", "Write the name in katakana, e.g. グエン・ヴァン・アン."),
        ("name_latin", "田中 宏", "Write the name in Latin letters, e.g. Tanaka Hiroshi."),
    ],
)
def test_a_name_in_the_wrong_script_is_refused_and_nothing_changes(client, field, value, message):
    from django.urls import reverse

    from tests.factories import UserFactory

    user = UserFactory(full_name="Old name")
    client.force_login(user)
    data = {"full_name": "New name", "preferred_language": "ja", field: value}

    response = client.post(reverse("accounts:profile"), data)

    assert response.status_code == 200 and message in response.content.decode()
    user.refresh_from_db()
    assert (user.full_name, user.preferred_language) == ("Old name", "en")
    assert not Person.objects.filter(user=user).exists()


def test_nobody_else_sets_a_persons_name_forms():
    from django.core.exceptions import PermissionDenied

    from kakehashi.directory.services import set_name_forms
    from tests.factories import PersonFactory, UserFactory

    person = PersonFactory(full_name="田中 宏", user=UserFactory())
    with pytest.raises(PermissionDenied):
        set_name_forms(person=person, name_latin="Someone Else", by=UserFactory())
    person.refresh_from_db()
    assert person.name_latin == ""
    admin = UserFactory(is_superuser=True)
    set_name_forms(person=person, name_latin="Tanaka Hiroshi", by=admin)
    person.refresh_from_db()
    assert person.name_latin == "Tanaka Hiroshi"
