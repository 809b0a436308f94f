"""Translations of an obstacle's public texts: its title (the reporter's language) and its
public summary (the authority's, which may differ): who may write them, what is refused,
what readers see, and what reopening does."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kakehashi.common.models import AuditEntry
from kakehashi.common.translations import TranslationSource
from kakehashi.obstacles import services
from kakehashi.obstacles.models import ObstacleTranslation

SUMMARY_EN = "The permit was issued after the department checked the file online."
SUMMARY_JA = "局がオンラインで書類を確認した後、許可が発行されました。"
TITLE_JA = "建設許可が6か月間止まっている"
TITLE_VI = "Giấy phép xây dựng bị treo sáu tháng"


@pytest.fixture
def closed(obstacle, officer):
    """The obstacle (in English) resolved by the officer with a public summary in English."""
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    return services.resolve(
        obstacle=obstacle,
        reason="Issued.",
        public_summary=SUMMARY_EN,
        summary_language="en",
        by=officer,
    )


def test_participants_translate_with_their_source(closed, reporter, colleague, officer):
    row = services.save_translation(
        obstacle=closed, language="ja", title=TITLE_JA, public_summary=SUMMARY_JA, by=reporter
    )
    assert (row.source, row.made_by, row.title, row.public_summary) == (
        TranslationSource.AUTHOR,
        reporter,
        TITLE_JA,
        SUMMARY_JA,
    )
    row = services.save_translation(obstacle=closed, language="vi", title=TITLE_VI, by=colleague)
    assert row.source == TranslationSource.COLLEAGUE
    assert (
        services.save_translation(
            obstacle=closed, language="vi", title=TITLE_VI + ".", by=officer
        ).source
        == TranslationSource.AUTHOR
    )  # the owner wrote the summary


def test_a_platform_administrator_translates_as_a_moderator(closed, platform_admin):
    row = services.save_translation(
        obstacle=closed, language="ja", title=TITLE_JA, by=platform_admin
    )
    assert (row.source, row.made_by) == (TranslationSource.MODERATOR, platform_admin)


def test_an_outsider_may_not_translate(closed, outsider):
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        services.save_translation(obstacle=closed, language="ja", title=TITLE_JA, by=outsider)
    assert not ObstacleTranslation.objects.exists()
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize(
    ("language", "texts", "code", "field"),
    [
        ("en", {"title": "x"}, "original_language", "language"),
        ("fr", {"title": "x"}, "language_invalid", "language"),
        ("ja", {"title": ""}, "title_missing", "title"),
        ("ja", {"title": "題" * 201}, "too_long", "title"),
        ("ja", {"title": TITLE_JA, "public_summary": "要" * 2001}, "too_long", "public_summary"),
    ],
)
def test_bad_input_is_refused_with_a_code(closed, reporter, language, texts, code, field):
    with pytest.raises(ValidationError) as refused:
        services.save_translation(obstacle=closed, language=language, by=reporter, **texts)
    assert refused.value.error_dict[field][0].code == code
    assert not ObstacleTranslation.objects.exists()


def test_each_text_is_translated_from_its_own_language(obstacle, officer, reporter):
    """A Japanese summary of an English obstacle: the ja row carries the title only and the
    en row the summary only."""
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(
        obstacle=obstacle,
        reason="Issued.",
        public_summary=SUMMARY_JA,
        summary_language="ja",
        by=officer,
    )
    with pytest.raises(ValidationError) as refused:
        services.save_translation(
            obstacle=obstacle, language="ja", title=TITLE_JA, public_summary="要約", by=reporter
        )
    assert refused.value.error_dict["public_summary"][0].code == "summary_is_original"
    with pytest.raises(ValidationError) as refused:
        services.save_translation(obstacle=obstacle, language="en", title="x", by=reporter)
    assert refused.value.error_dict["title"][0].code == "title_is_original"
    with pytest.raises(ValidationError) as refused:
        services.save_translation(obstacle=obstacle, language="en", by=reporter)
    assert refused.value.error_dict["public_summary"][0].code == "summary_missing"
    row = services.save_translation(
        obstacle=obstacle, language="en", public_summary=SUMMARY_EN, by=reporter
    )
    assert (row.title, row.public_summary) == ("", SUMMARY_EN)


def test_a_summary_without_an_original_is_refused(obstacle, reporter):
    with pytest.raises(ValidationError) as refused:
        services.save_translation(
            obstacle=obstacle, language="ja", title=TITLE_JA, public_summary="要約", by=reporter
        )
    assert refused.value.error_dict["public_summary"][0].code == "summary_without_original"


def test_reopening_drops_the_translated_summary(closed, reporter, officer):
    services.save_translation(
        obstacle=closed, language="ja", title=TITLE_JA, public_summary=SUMMARY_JA, by=reporter
    )
    services.reopen(obstacle=closed, by=reporter)
    row = ObstacleTranslation.objects.get()
    assert (row.title, row.public_summary) == (TITLE_JA, "")


def test_readers_see_their_language_marked_on_the_list_and_the_page(client, closed, reporter):
    services.save_reference_translation(
        obstacle=closed, language="ja", title=TITLE_JA, public_summary=SUMMARY_JA
    )
    listing = client.get("/obstacles/resolved/", headers={"accept-language": "ja"}).content
    text = listing.decode()
    assert TITLE_JA in text and SUMMARY_JA in text and "（翻訳）" in text
    assert SUMMARY_EN not in text

    page = client.get(closed.get_absolute_url(), headers={"accept-language": "ja"}).content
    text = page.decode()
    assert f'<h1 lang="ja">{TITLE_JA}</h1>' in text
    assert text.count("英語から審査担当者が翻訳しました。") == 2  # the title's and the summary's
    assert SUMMARY_JA in text and SUMMARY_EN not in text
    original = client.get(
        closed.get_absolute_url() + "?original=1", headers={"accept-language": "ja"}
    )
    assert SUMMARY_EN in original.content.decode()

    vietnamese = client.get(closed.get_absolute_url(), headers={"accept-language": "vi"})
    assert "Chưa có bản dịch sang" in vietnamese.content.decode()


def test_the_resolved_list_reads_translations_in_one_query(client, file, licence_rule, officer):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/obstacles/resolved/", headers={"accept-language": "ja"})
        return len(captured)

    def close_one(number):
        obstacle = file(title=f"Permit {number}")
        services.assign(obstacle=obstacle, owner=officer, by=officer)
        services.resolve(obstacle=obstacle, reason="Done.", public_summary="Done.", by=officer)
        services.save_reference_translation(
            obstacle=obstacle, language="ja", title=f"許可{number}", public_summary="完了。"
        )

    close_one(0)
    few = queries()
    for number in range(1, 5):
        close_one(number)
    assert queries() == few


def test_the_translate_page(client, closed, reporter, outsider):
    url = f"/obstacles/{closed.pk}/translate/"
    client.force_login(outsider)
    assert client.get(url).status_code in (403, 404)
    client.force_login(reporter)
    assert client.get(url + "?language=ja").status_code == 200
    refused = client.post(url, {"language": "ja", "title": ""})
    assert refused.status_code == 200 and not ObstacleTranslation.objects.exists()
    response = client.post(url, {"language": "ja", "title": TITLE_JA, "public_summary": SUMMARY_JA})
    assert response.status_code == 302
    assert ObstacleTranslation.objects.get().public_summary == SUMMARY_JA
