"""Accepting an event suggestion writes an unpublished draft through the events services,
organised by the organiser the article names (when the directory holds it) or by the
user's own organisation, with the article in its description; who may not, and what is
already in the registry."""

import datetime as dt

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from kakehashi.directory.models import OrganisationKind
from kakehashi.events.models import Event
from kakehashi.news.comparison import compare
from kakehashi.news.decisions import accept_suggestion
from kakehashi.news.importing import import_article
from kakehashi.news.models import ArticleOrigin, SuggestionStatus
from kakehashi.news.reading import store_facts
from kakehashi.news.registry import Resolver
from tests.factories import OrganisationFactory, locality
from tests.news.conftest import client_for, mention, sentence

BASE = "https://kakehashi.example/"
TEXT = (
    "TP.HCM tổ chức Diễn đàn hợp tác địa phương Việt Nam - Nhật Bản\n\n"
    "Ngày 12/3/2024, UBND TP.HCM tổ chức Diễn đàn hợp tác địa phương Việt Nam - Nhật Bản với "
    "hơn 50 cuộc gặp song phương.\n\n"
    "Các doanh nghiệp trao đổi về nông nghiệp công nghệ cao."
)
NAME = "Diễn đàn hợp tác địa phương Việt Nam - Nhật Bản"


def _document(organiser: str = "UBND TP.HCM", date: str = "2024-03-12") -> dict:
    evidence, span = sentence(TEXT, "Ngày 12/3/2024")
    return {
        "format": "kakehashi-news/1",
        "language": "vi",
        "published": "2024-03-13",
        "facts": [
            {
                "type": "event",
                "name": NAME,
                "date": date,
                "organisers": [{"name": organiser, "slug": None, "key": None}],
                "sectors": ["agriculture"],
                "one_to_one_meetings": 50,
                "evidence": evidence,
                "confidence": 0.85,
                "span": span,
            }
        ],
        "mentions": [mention(TEXT, "TP.HCM", "locality", "ho-chi-minh-city")],
    }


def _article(by, organiser="UBND TP.HCM", date="2024-03-12"):
    article, _created = import_article(
        text=TEXT,
        url="https://news.example.vn/dien-dan",
        origin=ArticleOrigin.PASTED,
        by=by,
    )
    store_facts(article=article, document=_document(organiser, date))
    article.refresh_from_db()
    return article


@pytest.fixture
def event_article(hcmc_editor):
    return _article(hcmc_editor)


def _values(organisers, **changes) -> dict:
    return {
        "name": NAME,
        "name_en": "",
        "starts_on": dt.date(2024, 3, 12),
        "ends_on": None,
        "organisers": organisers,
        "host_locality": locality("ho-chi-minh-city"),
        "time_zone": "Asia/Ho_Chi_Minh",
        **changes,
    }


def test_the_organiser_named_as_a_place_s_government_is_the_directory_s(
    event_article, hcmc_government
):
    suggestion = event_article.suggestions.get(kind="event")
    comparison = compare(suggestion, Resolver.for_article(event_article))
    assert comparison.verdict == "new"
    assert comparison.initial["organisers"] == [hcmc_government]
    assert comparison.initial["starts_on"] == dt.date(2024, 3, 12)
    assert comparison.initial["host_locality"] == locality("ho-chi-minh-city")
    assert comparison.places == [locality("ho-chi-minh-city")]


def test_accepting_writes_an_unpublished_draft_with_the_article_as_source(
    event_article, hcmc_editor, hcmc_government
):
    suggestion = event_article.suggestions.get(kind="event")
    accept_suggestion(
        suggestion=suggestion, values=_values([hcmc_government]), base_url=BASE, by=hcmc_editor
    )
    event = Event.objects.get()
    assert (event.name_vi, event.name_en, event.language) == (NAME, NAME, "vi")
    assert (event.starts_on, event.ends_on) == (dt.date(2024, 3, 12), dt.date(2024, 3, 12))
    assert (event.is_published, event.registration_open) == (False, False)
    assert list(event.organisers.all()) == [hcmc_government]
    assert event.host_locality == locality("ho-chi-minh-city")
    assert event.slug == "dien-dan-hop-tac-dia-phuong-viet-nam-nhat-ban-2024-03-12"
    assert suggestion.evidence in event.description
    assert "https://news.example.vn/dien-dan" in event.description
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert (suggestion.record_model, suggestion.record_id) == ("events.event", event.pk)


def test_the_review_page_offers_the_event_and_accepting_it_leads_to_the_draft(
    event_article, hcmc_editor, hcmc_government
):
    client = client_for(hcmc_editor)
    page = client.get(event_article.get_absolute_url()).content.decode()
    suggestion = event_article.suggestions.get(kind="event")
    assert f'action="/news/suggestions/{suggestion.pk}/accept/"' in page
    prefix = f"s{suggestion.pk}"
    response = client.post(
        f"/news/suggestions/{suggestion.pk}/accept/",
        {
            f"{prefix}-name": NAME,
            f"{prefix}-name_en": "Vietnam - Japan Local Cooperation Forum",
            f"{prefix}-starts_on": "2024-03-12",
            f"{prefix}-ends_on": "2024-03-13",
            f"{prefix}-organisers": [hcmc_government.pk],
            f"{prefix}-host_locality": locality("ho-chi-minh-city").pk,
            f"{prefix}-time_zone": "Asia/Ho_Chi_Minh",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.name_en == "Vietnam - Japan Local Cooperation Forum"
    assert event.slug == "vietnam-japan-local-cooperation-forum-2024-03-12"
    assert event.ends_on == dt.date(2024, 3, 13)
    # the organiser's member finds the draft among their events, to complete it
    assert client.get(event.get_absolute_url()).status_code == 200


def test_an_organiser_the_directory_lacks_is_offered_as_the_user_s_organisation(
    hcmc_editor, hcmc_government
):
    article = _article(hcmc_editor, organiser="Hiệp hội Doanh nghiệp Nhật Bản")
    client = client_for(hcmc_editor)
    page = client.get(article.get_absolute_url()).content.decode()
    suggestion = article.suggestions.get(kind="event")
    assert f'<option value="{hcmc_government.pk}" selected>' in page
    assert suggestion.status == SuggestionStatus.NEW


def test_an_event_dated_only_to_the_month_asks_for_its_day(hcmc_editor, hcmc_government):
    article = _article(hcmc_editor, date="2024-03")
    comparison = compare(article.suggestions.get(kind="event"), Resolver.for_article(article))
    assert comparison.verdict == "new"
    assert comparison.initial["starts_on"] is None
    with translation.override("en"):
        assert "only to Mar 2024: choose the day" in str(
            compare(article.suggestions.get(kind="event"), Resolver.for_article(article)).note
        )
    client = client_for(hcmc_editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Bài báo chỉ ghi thời gian đến tháng 3 năm 2024" in page


def test_the_same_name_on_the_same_day_is_already_in_the_registry(
    event_article, hcmc_editor, hcmc_government
):
    known = Event.objects.create(
        slug="forum-2024",
        name_en="Vietnam - Japan Local Cooperation Forum",
        name_vi=NAME,
        starts_on=dt.date(2024, 3, 12),
        ends_on=dt.date(2024, 3, 12),
    )
    suggestion = event_article.suggestions.get(kind="event")
    comparison = compare(suggestion, Resolver.for_article(event_article))
    assert (comparison.verdict, comparison.record_url) == ("duplicate", known.get_absolute_url())
    with pytest.raises(ValidationError) as error:
        accept_suggestion(
            suggestion=suggestion, values=_values([hcmc_government]), base_url=BASE, by=hcmc_editor
        )
    assert error.value.code == "duplicate"
    assert Event.objects.count() == 1
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.NEW


def test_the_same_name_another_year_is_a_new_edition(event_article, hcmc_government):
    Event.objects.create(
        slug="forum-2023",
        name_en=NAME,
        starts_on=dt.date(2023, 3, 12),
        ends_on=dt.date(2023, 3, 12),
    )
    suggestion = event_article.suggestions.get(kind="event")
    assert compare(suggestion, Resolver.for_article(event_article)).verdict == "new"


def test_an_editor_of_another_locality_cannot_accept(event_article, kyoto_editor, hcmc_government):
    suggestion = event_article.suggestions.get(kind="event")
    with pytest.raises(ValidationError) as error:
        accept_suggestion(
            suggestion=suggestion, values=_values([hcmc_government]), base_url=BASE, by=kyoto_editor
        )
    assert error.value.code == "not_allowed"
    page = client_for(kyoto_editor).get(event_article.get_absolute_url()).content.decode()
    assert f'action="/news/suggestions/{suggestion.pk}/accept/"' not in page
    assert Event.objects.count() == 0


def test_an_editor_cannot_make_another_body_organise_the_event(
    event_article, hcmc_editor, hcmc_government
):
    """The events services decide who may create an event: a member of one of its
    organisers; an editor does not put a body they do not act for in charge of a draft."""
    jetro = OrganisationFactory(name="JETRO", kind=OrganisationKind.OTHER, country="JP")
    suggestion = event_article.suggestions.get(kind="event")
    with pytest.raises(ValidationError) as error:
        accept_suggestion(
            suggestion=suggestion, values=_values([jetro]), base_url=BASE, by=hcmc_editor
        )
    assert error.value.code == "not_an_organiser"
    assert Event.objects.count() == 0
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.NEW


def test_an_editor_is_offered_beside_organisers_they_do_not_act_for(hcmc_editor, hcmc_government):
    """JETRO organised it, the editor acts for the city: the form names both, so that the
    editor can record the draft; accepting it so writes the event with both organisers."""
    jetro = OrganisationFactory(
        name="JETRO", kind=OrganisationKind.OTHER, country="JP", is_published=True
    )
    article = _article(hcmc_editor, organiser="JETRO")
    suggestion = article.suggestions.get(kind="event")
    page = client_for(hcmc_editor).get(article.get_absolute_url()).content.decode()
    assert f'<option value="{jetro.pk}" selected>' in page
    assert f'<option value="{hcmc_government.pk}" selected>' in page
    accept_suggestion(
        suggestion=suggestion,
        values=_values([jetro, hcmc_government]),
        base_url=BASE,
        by=hcmc_editor,
    )
    assert set(Event.objects.get().organisers.all()) == {jetro, hcmc_government}


def test_a_plain_member_cannot_accept(event_article, plain_member, hcmc_government):
    suggestion = event_article.suggestions.get(kind="event")
    response = client_for(plain_member).post(f"/news/suggestions/{suggestion.pk}/accept/", {})
    assert response.status_code == 403
    assert Event.objects.count() == 0


def test_bad_days_are_refused_with_a_message_and_nothing_written(
    event_article, hcmc_editor, hcmc_government
):
    suggestion = event_article.suggestions.get(kind="event")
    prefix = f"s{suggestion.pk}"
    response = client_for(hcmc_editor).post(
        f"/news/suggestions/{suggestion.pk}/accept/",
        {
            f"{prefix}-name": NAME,
            f"{prefix}-starts_on": "2024-03-12",
            f"{prefix}-ends_on": "2024-03-10",
            f"{prefix}-organisers": [hcmc_government.pk],
            f"{prefix}-time_zone": "Asia/Ho_Chi_Minh",
        },
    )
    assert response.status_code == 400
    assert "The last day cannot be before the first day." in response.content.decode()
    assert Event.objects.count() == 0
