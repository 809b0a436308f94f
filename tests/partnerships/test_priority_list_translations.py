"""Translations of priority-partner lists: what readers of each language see on the
locality page, what is refused (with a code, nothing written), who may translate on the
page and who may not, and what a list without a translation shows."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships.models import PriorityListTranslation
from kakehashi.partnerships.priority_list_models import priority_list_fingerprint
from kakehashi.partnerships.priority_list_services import (
    record_priority_list,
    save_priority_list_reference_translation,
    save_priority_list_translation,
)
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.shapes import user_named

pytestmark = pytest.mark.usefixtures("reference")

TITLE_EN = "Priority localities to 2030"
TITLE_VI = "Các địa phương ưu tiên đến năm 2030"
TITLE_JA = "2030年までの重点自治体"
NOTE_EN = "One of 12 priority localities"


@pytest.fixture
def danang_editor():
    danang = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country="VN", locality=locality("da-nang")
    )
    return member_of(danang, email="editor@danang.example")


@pytest.fixture
def priority_list(danang_editor):
    priority_list = record_priority_list(
        locality=locality("da-nang"),
        title=TITLE_EN,
        period_start=2026,
        period_end=2030,
        partners=[locality("yokohama-city"), locality("sakai-city")],
        by=danang_editor,
    )
    priority_list.entries.update(note=NOTE_EN)
    return priority_list


def page(client, language: str) -> str:
    url = reverse("locality", args=["da-nang"])
    return client.get(url, headers={"accept-language": language}).content.decode()


def test_each_reader_sees_the_title_and_notes_in_their_language(client, priority_list):
    save_priority_list_reference_translation(
        priority_list=priority_list,
        language="vi",
        title=TITLE_VI,
        notes={NOTE_EN: "Một trong 12 địa phương ưu tiên"},
    )
    save_priority_list_reference_translation(
        priority_list=priority_list, language="ja", title=TITLE_JA, notes={}
    )
    vi = page(client, "vi")
    assert f'<span lang="vi">{TITLE_VI}</span>' in vi and "Một trong 12 địa phương ưu tiên" in vi
    assert TITLE_EN not in vi and NOTE_EN not in vi
    ja = page(client, "ja")
    # A note the translation leaves out is shown as written.
    assert f'<span lang="ja">{TITLE_JA}</span>' in ja and NOTE_EN in ja
    assert TITLE_EN not in ja
    en = page(client, "en")
    assert f'<span lang="en">{TITLE_EN}</span>' in en
    assert TITLE_VI not in en and TITLE_JA not in en and "(translated)" not in en


def test_a_list_without_a_translation_is_shown_as_written(client, priority_list):
    html = page(client, "ja")
    assert f'<span lang="en">{TITLE_EN}</span>' in html and NOTE_EN in html


def test_a_list_written_in_vietnamese_keeps_its_language(client, danang_editor):
    record_priority_list(
        locality=locality("da-nang"),
        title=TITLE_VI,
        language="vi",
        period_start=2026,
        period_end=2030,
        partners=[locality("yokohama-city")],
        by=danang_editor,
    )
    assert f'<span lang="vi">{TITLE_VI}</span>' in page(client, "en")


def test_the_locality_government_translates_as_a_colleague(priority_list, danang_editor):
    row = save_priority_list_translation(
        priority_list=priority_list,
        language="ja",
        title=f"  {TITLE_JA} ",
        notes={NOTE_EN: "12の重点自治体の一つ"},
        by=danang_editor,
    )
    assert (row.source, row.made_by, row.title, row.notes) == (
        TranslationSource.COLLEAGUE,
        danang_editor,
        TITLE_JA,
        {NOTE_EN: "12の重点自治体の一つ"},
    )
    assert row.made_from == priority_list_fingerprint(priority_list)
    admin_row = save_priority_list_translation(
        priority_list=priority_list,
        language="ja",
        title="重点自治体",
        by=user_named("platform_admin"),
    )
    assert (admin_row.pk, admin_row.source) == (row.pk, TranslationSource.MODERATOR)
    # The reference data never replaces a person's translation.
    assert (
        save_priority_list_reference_translation(
            priority_list=priority_list, language="ja", title=TITLE_JA
        )
        is None
    )


@pytest.mark.parametrize(
    ("language", "title", "notes", "code"),
    [
        ("en", TITLE_EN, {}, "original_language"),
        ("fr", "Localités prioritaires", {}, "language_invalid"),
        ("ja", "   ", {}, "title_missing"),
        ("ja", "あ" * 201, {}, "too_long"),
        ("ja", TITLE_JA, {"Not a note": "注"}, "note_unknown"),
        ("ja", TITLE_JA, {NOTE_EN: "注" * 301}, "too_long"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    priority_list, danang_editor, language, title, notes, code
):
    with pytest.raises(ValidationError) as refused:
        save_priority_list_translation(
            priority_list=priority_list,
            language=language,
            title=title,
            notes=notes,
            by=danang_editor,
        )
    assert refused.value.code == code
    assert not PriorityListTranslation.objects.exists()


def test_the_page_saves_a_translation_and_the_locality_page_links_to_it(
    client, priority_list, danang_editor
):
    client.force_login(danang_editor)
    url = reverse("partnerships:translate_priority_list", args=[priority_list.pk])
    assert url in page(client, "en")
    response = client.post(url, {"language": "vi", "title": TITLE_VI, "note_0": ""})
    assert response.status_code == 302
    row = PriorityListTranslation.objects.get()
    assert (row.language, row.title, row.notes) == ("vi", TITLE_VI, {})


def test_the_page_refuses_the_original_language_with_a_message(
    client, priority_list, danang_editor
):
    client.force_login(danang_editor)
    url = reverse("partnerships:translate_priority_list", args=[priority_list.pk])
    response = client.post(url, {"language": "en", "title": TITLE_EN})
    assert response.status_code == 200
    assert not PriorityListTranslation.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "stranger", "anonymous"])
def test_who_may_not_edit_the_list_may_not_open_the_page(client, priority_list, who):
    url = reverse("partnerships:translate_priority_list", args=[priority_list.pk])
    if who == "outsider":
        kyoto = OrganisationFactory(
            kind=OrganisationKind.LOCAL_GOVERNMENT,
            country="JP",
            locality=locality("kyoto-prefecture"),
        )
        client.force_login(member_of(kyoto))
    elif who == "stranger":
        client.force_login(UserFactory())
    assert url not in page(client, "en")
    response = client.post(url, {"language": "vi", "title": TITLE_VI})
    assert response.status_code in (302, 403)
    if who != "anonymous":
        assert response.status_code == 403
    assert not PriorityListTranslation.objects.exists()
