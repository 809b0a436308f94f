"""Machine drafts of translations: the LibreTranslate client against a real HTTP server on
loopback (answering per the protocol, or failing), and the background task that publishing
queues: both missing languages drafted and marked machine, a person's translation kept, and
with the service down the proposal published all the same, the failure logged and retried."""

import datetime as dt
import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from kakehashi.common.machine_translation import LibreTranslate, TranslationUnavailable
from kakehashi.common.translations import TranslationSource
from kakehashi.proposals import services
from kakehashi.proposals.models import ProposalStatus
from kakehashi.proposals.tasks import draft_translations
from kakehashi.proposals.translation_services import save_translation
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import ProposalFactory, moderator_of
from tests.translation_server import TranslationServer, refused_url

pytestmark = pytest.mark.usefixtures("reference")

DATABASE_QUEUE = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "scheduler"]}


# --- the client -----------------------------------------------------------------------


def test_the_client_speaks_the_protocol():
    with TranslationServer() as server:
        client = LibreTranslate(server.url + "/", api_key="s3cret", timeout=5)
        assert client.translate(["Tôm đông lạnh", "Chế biến"], "vi", "ja") == [
            "[ja] Tôm đông lạnh",
            "[ja] Chế biến",
        ]
        assert client.translate([], "vi", "ja") == []
    assert server.requests == [
        {
            "path": "/translate",
            "q": ["Tôm đông lạnh", "Chế biến"],
            "source": "vi",
            "target": "ja",
            "format": "text",
            "api_key": "s3cret",
        }
    ]


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("error", "answered 500"),
        ("garbled", "answered without translations"),
        ("short", "answered 1 translations for 2 texts"),
        ("slow", "did not answer within 0.3 s"),
    ],
)
def test_every_failure_of_the_service_is_translation_unavailable(mode, message):
    with TranslationServer(mode, delay=1.5) as server:
        client = LibreTranslate(server.url, timeout=0.3)
        with pytest.raises(TranslationUnavailable, match=message):
            client.translate(["Tôm", "Cá"], "vi", "en")


def test_a_refused_connection_is_translation_unavailable():
    with pytest.raises(TranslationUnavailable, match="could not be reached"):
        LibreTranslate(refused_url(), timeout=2).translate(["Tôm"], "vi", "en")


# --- publishing drafts the missing translations ---------------------------------------


@pytest.fixture
def company():
    return OrganisationFactory(locality=locality("ho-chi-minh-city"))


@pytest.fixture
def author(company):
    return member_of(company)


@pytest.fixture
def moderator():
    return moderator_of("ho-chi-minh-city")


@pytest.fixture
def submitted(company, author):
    return ProposalFactory(
        organisation=company,
        created_by=author,
        status=ProposalStatus.SUBMITTED,
        language="vi",
        title="Tôm đông lạnh cho thị trường Nhật Bản",
        summary="Chúng tôi chế biến tôm sú đạt tiêu chuẩn JAS.",
        description="",
    )


def publish(proposal, moderator, capture):
    with capture(execute=True):
        services.publish(proposal=proposal, by=moderator, today=dt.date(2026, 11, 23))
    proposal.refresh_from_db()
    return proposal


def rows(proposal):
    return {
        row.language: (row.source, row.title, row.summary, row.description)
        for row in proposal.translations.all()
    }


def test_publishing_drafts_both_missing_languages_as_machine(
    settings, submitted, moderator, django_capture_on_commit_callbacks
):
    with TranslationServer() as server:
        settings.KAKEHASHI_TRANSLATION_URL = server.url
        publish(submitted, moderator, django_capture_on_commit_callbacks)
        assert rows(submitted) == {
            "en": (
                TranslationSource.MACHINE,
                "[en] Tôm đông lạnh cho thị trường Nhật Bản",
                "[en] Chúng tôi chế biến tôm sú đạt tiêu chuẩn JAS.",
                "",
            ),
            "ja": (
                TranslationSource.MACHINE,
                "[ja] Tôm đông lạnh cho thị trường Nhật Bản",
                "[ja] Chúng tôi chế biến tôm sú đạt tiêu chuẩn JAS.",
                "",
            ),
        }
        # The empty description was not sent; nothing of the original language was asked.
        assert [(r["source"], r["target"], len(r["q"])) for r in server.requests] == [
            ("vi", "en", 2),
            ("vi", "ja", 2),
        ]
        # Idempotent: run again, nothing is asked or changed.
        assert draft_translations.call(submitted.pk) == []
        assert len(server.requests) == 2


def test_a_persons_translation_is_kept(
    settings, submitted, author, moderator, django_capture_on_commit_callbacks
):
    save_translation(
        proposal=submitted, language="ja", title="日本市場向け冷凍エビ", summary="", by=author
    )
    with TranslationServer() as server:
        settings.KAKEHASHI_TRANSLATION_URL = server.url
        publish(submitted, moderator, django_capture_on_commit_callbacks)
    assert rows(submitted)["ja"] == (TranslationSource.AUTHOR, "日本市場向け冷凍エビ", "", "")
    assert rows(submitted)["en"][0] == TranslationSource.MACHINE
    assert [r["target"] for r in server.requests] == ["en"]


def test_without_a_service_nothing_is_queued_or_drafted(
    settings, submitted, moderator, django_capture_on_commit_callbacks
):
    settings.KAKEHASHI_TRANSLATION_URL = ""
    settings.TASKS = {"default": DATABASE_QUEUE}
    publish(submitted, moderator, django_capture_on_commit_callbacks)
    assert submitted.status == ProposalStatus.PUBLISHED
    assert not queued_drafts().exists()
    assert not submitted.translations.exists()


def queued_drafts():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=draft_translations.module_path
    ).order_by("pk")


def test_with_the_service_down_the_proposal_is_published_and_the_draft_retried(
    settings, submitted, moderator, django_capture_on_commit_callbacks, caplog
):
    settings.KAKEHASHI_TRANSLATION_URL = refused_url()
    settings.TASKS = {"default": DATABASE_QUEUE}
    publish(submitted, moderator, django_capture_on_commit_callbacks)
    assert submitted.status == ProposalStatus.PUBLISHED
    (first,) = queued_drafts()
    assert first.args_kwargs == {"args": [submitted.pk], "kwargs": {}}

    # The worker runs it: the service is down.
    first.delete()
    with caplog.at_level(logging.WARNING, logger="kakehashi.proposals.tasks"):
        assert draft_translations.call(submitted.pk) == []
    assert f"Machine translation of proposal {submitted.pk} failed (attempt 1 of 6)" in caplog.text
    assert "could not be reached" in caplog.text
    (retry,) = queued_drafts()
    assert retry.args_kwargs == {"args": [submitted.pk, 2], "kwargs": {}}
    assert dt.timedelta(minutes=4) < retry.run_after - timezone.now() <= dt.timedelta(minutes=5)
    assert not submitted.translations.exists()

    # The service is back when the retry runs.
    retry.delete()
    with TranslationServer() as server:
        settings.KAKEHASHI_TRANSLATION_URL = server.url
        assert draft_translations.call(submitted.pk, 2) == ["en", "ja"]
    assert {row[0] for row in rows(submitted).values()} == {TranslationSource.MACHINE}
    assert not queued_drafts().exists()


def test_the_last_attempt_is_not_retried(settings, submitted, caplog):
    submitted.status = ProposalStatus.PUBLISHED
    submitted.published_on, submitted.expires_on = dt.date(2026, 11, 23), dt.date(2027, 11, 23)
    submitted.save()
    settings.KAKEHASHI_TRANSLATION_URL = refused_url()
    settings.TASKS = {"default": DATABASE_QUEUE}
    with caplog.at_level(logging.WARNING, logger="kakehashi.proposals.tasks"):
        draft_translations.call(submitted.pk, 6)
    assert "(attempt 6 of 6), not retried" in caplog.text
    assert not queued_drafts().exists()


def test_the_daily_catch_up_drafts_what_is_still_missing(settings, company, author, caplog):
    dates = {"published_on": dt.date(2026, 11, 23), "expires_on": dt.date(2027, 11, 23)}
    bare = ProposalFactory(
        organisation=company, status=ProposalStatus.PUBLISHED, language="en", **dates
    )
    half = ProposalFactory(
        organisation=company, status=ProposalStatus.PUBLISHED, language="en", **dates
    )
    save_translation(proposal=half, language="ja", title="冷凍エビ", summary="", by=author)
    ProposalFactory(organisation=company, status=ProposalStatus.DRAFT, language="en")

    settings.KAKEHASHI_TRANSLATION_URL = refused_url()
    out = StringIO()
    with caplog.at_level(logging.WARNING, logger="kakehashi.proposals.machine_drafts"):
        call_command("draft_translations", stdout=out)
    assert out.getvalue() == "0 proposal(s) translated, 2 still without translations.\n"
    assert "catch-up stopped" in caplog.text

    with TranslationServer() as server:
        settings.KAKEHASHI_TRANSLATION_URL = server.url
        out = StringIO()
        call_command("draft_translations", stdout=out)
    assert out.getvalue() == "2 proposal(s) translated, 0 still without translations.\n"
    assert rows(bare).keys() == {"ja", "vi"}
    assert rows(half)["ja"][0] == TranslationSource.COLLEAGUE  # kept; "vi" drafted
    assert [r["target"] for r in server.requests] == ["vi", "ja", "vi"]
