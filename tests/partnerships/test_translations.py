"""Translations of partnership records: who may write them (and who may not), what is
refused (with a code, nothing written), and what readers see on the registry's pages."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kakehashi.common.models import AuditAction, AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships.models import PartnershipTranslation, Renewal, original_fingerprint
from kakehashi.partnerships.translation_services import (
    save_reference_translation,
    save_translation,
)
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    locality,
    member_of,
    partnership_between,
)

pytestmark = pytest.mark.usefixtures("reference")

TITLE_JA = "堺市とダナン市との交流及び協力に関する覚書"
TITLE_VI = "Biên bản ghi nhớ về giao lưu và hợp tác giữa thành phố Sakai và thành phố Đà Nẵng"


@pytest.fixture
def danang():
    return OrganisationFactory(kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("da-nang"))


@pytest.fixture
def recorder(danang):
    return member_of(danang, email="recorder@example.org")


@pytest.fixture
def agreement(danang, recorder):
    partnership = partnership_between(
        locality("sakai-city"),
        locality("da-nang"),
        title="Sakai City – Da Nang MoU on exchange and cooperation",
        summary="Signed in the spring.",
        signed_on=dt.date(2009, 2, 1),
        recorded_by=danang,
        created_by=recorder,
    )
    Renewal.objects.create(partnership=partnership, renewed_on=dt.date(2019, 1, 1), note="MoU")
    Renewal.objects.create(partnership=partnership, renewed_on=dt.date(2024, 1, 1), note="MoU")
    return partnership


def translate(partnership, by, language="ja", **texts):
    return save_translation(
        partnership=partnership,
        language=language,
        title=texts.get("title", TITLE_JA),
        summary=texts.get("summary", "春に締結。"),
        renewal_notes=texts.get("renewal_notes", {"MoU": "覚書を締結"}),
        type_as_stated=texts.get("type_as_stated", ""),
        by=by,
    )


def test_the_recorder_a_colleague_and_an_administrator_translate(agreement, recorder, danang):
    row = translate(agreement, recorder)
    assert (row.source, row.made_by, row.title, row.renewal_notes) == (
        TranslationSource.AUTHOR,
        recorder,
        TITLE_JA,
        {"MoU": "覚書を締結"},
    )
    assert row.made_from == original_fingerprint(agreement)
    colleague = member_of(danang)
    assert translate(
        agreement, colleague, "vi", title=TITLE_VI, summary="", renewal_notes={}
    ).source == (TranslationSource.COLLEAGUE)
    admin = UserFactory(is_superuser=True, is_staff=True)
    row = translate(agreement, admin, "vi", title=TITLE_VI + ".", summary="", renewal_notes={})
    assert (row.source, row.made_by) == (TranslationSource.MODERATOR, admin)
    assert sorted(agreement.translations.values_list("language", flat=True)) == ["ja", "vi"]
    actions = list(
        AuditEntry.objects.filter(owners=danang).order_by("pk").values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATED, AuditAction.CREATED, AuditAction.CHANGED]


@pytest.mark.parametrize("who", ["anonymous", "outsider", "other_government"])
def test_who_may_not_translate(agreement, who):
    by = {
        "anonymous": lambda: AnonymousUser(),
        "outsider": lambda: member_of(OrganisationFactory(name="A company")),
        "other_government": lambda: member_of(
            OrganisationFactory(
                kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("hai-phong")
            )
        ),
    }[who]()
    with pytest.raises(PermissionDenied):
        translate(agreement, by)
    assert not PartnershipTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        ({"language": "en"}, "original_language"),
        ({"language": "fr"}, "language_invalid"),
        ({"title": "  "}, "title_missing"),
        ({"title": "題" * 201}, "too_long"),
        ({"renewal_notes": {"MoU": "覚" * 301}}, "too_long"),
        ({"renewal_notes": {"Renewed": "更新"}}, "note_unknown"),
    ],
)
def test_bad_input_is_refused_with_a_code_and_nothing_is_written(agreement, recorder, texts, code):
    language = texts.pop("language", "ja")
    with pytest.raises(ValidationError) as refused:
        translate(agreement, recorder, language, **texts)
    assert refused.value.code == code
    assert not PartnershipTranslation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_summary_is_refused_when_the_record_has_none(agreement, recorder):
    agreement.summary = ""
    agreement.save()
    with pytest.raises(ValidationError) as refused:
        translate(agreement, recorder, summary="春に締結。")
    assert refused.value.code == "summary_without_original"


def test_the_type_as_stated_is_translated_and_shown_in_the_readers_language(
    client, agreement, recorder
):
    agreement.type_as_stated = "MoU on exchange & cooperation"
    agreement.save()
    with pytest.raises(ValidationError) as refused:
        translate(agreement, recorder, type_as_stated="注" * 301)
    assert refused.value.code == "too_long"
    row = translate(agreement, recorder, type_as_stated=" 交流及び協力に関する覚書 ")
    assert row.type_as_stated == "交流及び協力に関する覚書"
    url = agreement.get_absolute_url()
    page = client.get(url, headers={"accept-language": "ja"}).content.decode()
    assert '<dd lang="ja">交流及び協力に関する覚書</dd>' in page
    assert "MoU on exchange &amp; cooperation" not in page
    # Without a translation of it, the type is shown as written, marked as English.
    save_reference_translation(partnership=agreement, language="vi", title=TITLE_VI)
    page = client.get(url, headers={"accept-language": "vi"}).content.decode()
    assert '<dd lang="en">MoU on exchange &amp; cooperation</dd>' in page


def test_a_type_as_stated_is_refused_when_the_record_states_none(agreement, recorder):
    with pytest.raises(ValidationError) as refused:
        translate(agreement, recorder, type_as_stated="覚書")
    assert refused.value.code == "type_without_original"
    assert not PartnershipTranslation.objects.exists()


def test_the_reference_translation_keeps_a_persons_correction(agreement, recorder):
    row = save_reference_translation(partnership=agreement, language="ja", title=TITLE_JA)
    assert (row.source, row.made_by) == (TranslationSource.MODERATOR, None)
    translate(agreement, recorder, title=TITLE_JA + "（改訂）")
    assert save_reference_translation(partnership=agreement, language="ja", title=TITLE_JA) is None
    assert agreement.translations.get().title == TITLE_JA + "（改訂）"


def test_the_record_page_shows_the_readers_language_with_the_original_one_click_away(
    client, agreement
):
    save_reference_translation(
        partnership=agreement,
        language="ja",
        title=TITLE_JA,
        summary="春に締結。",
        renewal_notes={"MoU": "覚書を締結"},
    )
    url = agreement.get_absolute_url()
    page = client.get(url, headers={"accept-language": "ja"}).content.decode()
    assert f'<h1 lang="ja">{TITLE_JA}' in page
    assert "英語から審査担当者が翻訳しました。" in page
    assert '<a href="?original=1">' in page
    assert page.count("覚書を締結") == 2 and '— <span lang="en">MoU' not in page
    assert "Signed in the spring." not in page and "春に締結。" in page

    original = client.get(url + "?original=1", headers={"accept-language": "ja"})
    assert "Sakai City – Da Nang MoU" in original.content.decode()
    assert "Signed in the spring." in original.content.decode()

    # A Vietnamese reader has no translation yet: the original, and a note that says so.
    page = client.get(url, headers={"accept-language": "vi"}).content.decode()
    assert "Sakai City – Da Nang MoU" in page
    assert "Chưa có bản dịch sang" in page


def test_lists_the_locality_page_and_the_timeline_show_translations_marked(client, agreement):
    save_reference_translation(
        partnership=agreement, language="ja", title=TITLE_JA, renewal_notes={"MoU": "覚書を締結"}
    )
    listing = client.get(reverse("partnerships:list"), headers={"accept-language": "ja"})
    text = listing.content.decode()
    assert TITLE_JA in text and "（翻訳）" in text
    assert "Sakai City – Da Nang MoU" not in text

    page = client.get(locality("da-nang").get_absolute_url(), headers={"accept-language": "ja"})
    text = page.content.decode()
    assert TITLE_JA in text and "（翻訳）" in text
    assert "覚書を締結" in text and ": MoU<" not in text
    timeline = text.split('id="timeline"', 1)[1]
    assert TITLE_JA in timeline and "Sakai City" not in timeline

    english = client.get(reverse("partnerships:list"), headers={"accept-language": "en"})
    assert "Sakai City – Da Nang MoU" in english.content.decode()
    assert "(translated)" not in english.content.decode()


def test_the_list_reads_translations_in_one_query_however_many(client, danang):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("partnerships:list"), headers={"accept-language": "ja"})
        return len(captured)

    first = partnership_between(locality("sakai-city"), locality("da-nang"), title="One")
    save_reference_translation(partnership=first, language="ja", title="一")
    few = queries()
    for number in range(4):
        more = partnership_between(locality("osaka-city"), locality("da-nang"), title=f"M{number}")
        save_reference_translation(partnership=more, language="ja", title=f"多{number}")
    assert queries() == few


def test_the_translate_page_saves_and_refuses_outsiders(client, agreement, recorder):
    url = reverse("partnerships:translate", args=[agreement.pk])
    client.force_login(member_of(OrganisationFactory(name="A company")))
    assert client.get(url).status_code == 403
    assert client.post(url, {"language": "ja", "title": TITLE_JA}).status_code == 403
    assert not PartnershipTranslation.objects.exists()

    client.force_login(recorder)
    form = client.get(url + "?language=ja", headers={"accept-language": "ja"})
    assert form.status_code == 200 and 'name="note_0"' in form.content.decode()
    refused = client.post(url, {"language": "en", "title": "x"})
    assert refused.status_code == 200 and not PartnershipTranslation.objects.exists()
    response = client.post(
        url, {"language": "ja", "title": TITLE_JA, "summary": "", "note_0": "覚書を締結"}
    )
    assert response.status_code == 302
    assert agreement.translations.get().renewal_notes == {"MoU": "覚書を締結"}
    recorder.preferred_language = "ja"  # a signed-in reader's own choice decides
    recorder.save()
    page = client.get(agreement.get_absolute_url())
    assert "作成者が翻訳しました" in page.content.decode()


def test_the_audit_page_shows_a_translations_renewal_notes(client, agreement, recorder):
    translate(agreement, recorder)
    client.force_login(recorder)
    response = client.get("/audit/")
    assert response.status_code == 200
    assert "MoU: 覚書を締結" in response.content.decode()
