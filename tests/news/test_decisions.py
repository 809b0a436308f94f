"""Accepting writes the visit, agreement or list through the owning app's services with the
article as its source; rejecting writes nothing but the reason; each suggestion is decided
once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kakehashi.common.models import AuditEntry
from kakehashi.directory.models import Person
from kakehashi.news.decisions import accept_suggestion
from kakehashi.news.models import SuggestionStatus
from kakehashi.partnerships.models import (
    DelegationVisit,
    Partnership,
    PriorityList,
    PriorityPartner,
    Renewal,
    Source,
)
from kakehashi.partnerships.priority_list_services import record_priority_list
from tests.factories import locality, partnership_between
from tests.news.conftest import client_for, visit_form

BASE = "https://kakehashi.example/"


def _suggestion(article, kind):
    return article.suggestions.get(kind=kind)


def _registry_counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            DelegationVisit,
            Partnership,
            PriorityList,
            PriorityPartner,
            Renewal,
            Source,
            Person,
        )
    }


def test_accepting_the_visit_writes_it_with_the_article_as_source(vi_article, hcmc_editor):
    suggestion = _suggestion(vi_article, "visit")
    accept_suggestion(
        suggestion=suggestion,
        values={
            "visitor": None,
            "visitor_name": "Bộ Ngoại giao Nhật Bản",
            "host": locality("ho-chi-minh-city"),
            "started_on": dt.date(2023, 11, 25),
            "delegation_lead": "Yamada Kenji",
            "purpose": "Làm việc về hợp tác địa phương",
        },
        base_url=BASE,
        by=hcmc_editor,
    )
    visit = DelegationVisit.objects.get()
    assert (visit.visitor, visit.visitor_name) == (None, "Bộ Ngoại giao Nhật Bản")
    assert visit.host == locality("ho-chi-minh-city")
    assert visit.started_on == dt.date(2023, 11, 25)
    assert visit.source_url == "https://news.example.vn/tphcm-nhat-ban"
    assert visit.source_title == f"{vi_article.title}"
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert (suggestion.record_model, suggestion.record_id) == (
        "partnerships.delegationvisit",
        visit.pk,
    )
    assert suggestion.decided_by == hcmc_editor


def test_an_article_without_address_is_cited_by_its_page_on_the_platform(vi_article, moderator):
    vi_article.url = ""
    vi_article.published_on = dt.date(2023, 11, 26)
    vi_article.save()
    accept_suggestion(
        suggestion=_suggestion(vi_article, "priority_partners"),
        values={
            "priority_list": None,
            "locality": locality("ho-chi-minh-city"),
            "title": "Đối tác ưu tiên đến năm 2025",
            "period_start": 2021,
            "period_end": 2025,
            "partners": [locality("aichi-prefecture"), locality("osaka-city")],
        },
        base_url=BASE,
        by=moderator,
    )
    priority_list = PriorityList.objects.get()
    # The title was written from the Vietnamese article: the list says so, and a reader of
    # another language sees it as written until someone translates it.
    assert priority_list.language == "vi"
    assert priority_list.source_url == f"https://kakehashi.example/news/{vi_article.pk}/"
    assert priority_list.source_title == f"{vi_article.title} (2023-11-26)"
    assert [entry.partner.slug for entry in priority_list.entries.all()] == [
        "aichi-prefecture",
        "osaka-city",
    ]
    entry = AuditEntry.objects.get(model_label="partnerships.prioritylist")
    assert entry.actor == moderator


def test_a_list_that_adds_partners_updates_the_known_list(vi_article, hcmc_editor):
    known = record_priority_list(
        locality=locality("ho-chi-minh-city"),
        title="Priority partners 2021–2025",
        period_start=2021,
        period_end=2025,
        partners=[locality("aichi-prefecture")],
        by=hcmc_editor,
    )
    client = client_for(hcmc_editor)
    page = client.get(vi_article.get_absolute_url()).content.decode()
    assert "Accept as an update…" in page
    suggestion = _suggestion(vi_article, "priority_partners")
    response = client.post(
        f"/news/suggestions/{suggestion.pk}/accept/",
        {
            f"s{suggestion.pk}-priority_list": known.pk,
            f"s{suggestion.pk}-partners": [
                locality("osaka-city").pk,
                locality("osaka-prefecture").pk,
            ],
        },
    )
    assert response.status_code == 302
    assert PriorityList.objects.count() == 1
    assert sorted(e.partner.slug for e in known.entries.all()) == [
        "aichi-prefecture",
        "osaka-city",
        "osaka-prefecture",
    ]


def test_a_new_agreement_is_recorded_with_the_article_as_its_source(vi_article, hcmc_editor):
    suggestion = _suggestion(vi_article, "agreement")
    client = client_for(hcmc_editor)
    prefix = f"s{suggestion.pk}"
    response = client.post(
        f"/news/suggestions/{suggestion.pk}/accept/",
        {
            f"{prefix}-title": "TP.HCM – Osaka: hợp tác nông nghiệp",
            f"{prefix}-kind": "field_mou",
            f"{prefix}-first_party": locality("ho-chi-minh-city").pk,
            f"{prefix}-second_party": locality("osaka-prefecture").pk,
            f"{prefix}-date": "2024-03-01",
            f"{prefix}-type_as_stated": "biên bản ghi nhớ nông nghiệp",
        },
    )
    assert response.status_code == 302
    partnership = Partnership.objects.get()
    assert partnership.signed_on == dt.date(2024, 3, 1)
    assert partnership.language == "vi"
    source = partnership.sources.get()
    assert (source.url, source.title) == (
        "https://news.example.vn/tphcm-nhat-ban",
        vi_article.title,
    )
    assert AuditEntry.objects.filter(model_label="partnerships.partnership").count() == 1


def test_a_known_agreement_is_renewed_not_recorded_twice(vi_article, hcmc_editor):
    known = partnership_between(
        locality("ho-chi-minh-city"), locality("osaka-prefecture"), signed_on=dt.date(2018, 5, 1)
    )
    client = client_for(hcmc_editor)
    assert "Accept as an update…" in client.get(vi_article.get_absolute_url()).content.decode()
    suggestion = _suggestion(vi_article, "agreement")
    prefix = f"s{suggestion.pk}"
    response = client.post(
        f"/news/suggestions/{suggestion.pk}/accept/",
        {f"{prefix}-partnership": known.pk, f"{prefix}-date": "2024-03-01"},
    )
    assert response.status_code == 302
    assert Partnership.objects.count() == 1
    assert [r.renewed_on for r in known.renewals.all()] == [dt.date(2024, 3, 1)]
    assert [s.url for s in known.sources.all()] == ["https://news.example.vn/tphcm-nhat-ban"]


def test_a_duplicate_is_shown_with_a_link_and_cannot_be_accepted(vi_article, hcmc_editor):
    known = partnership_between(
        locality("ho-chi-minh-city"), locality("osaka-prefecture"), signed_on=dt.date(2024, 3, 1)
    )
    page = client_for(hcmc_editor).get(vi_article.get_absolute_url()).content.decode()
    assert "Already in the registry" in page
    assert known.get_absolute_url() in page
    suggestion = _suggestion(vi_article, "agreement")
    with pytest.raises(ValidationError) as refused:
        accept_suggestion(
            suggestion=suggestion,
            values={"partnership": known, "date": dt.date(2024, 3, 1), "precision": "day"},
            base_url=BASE,
            by=hcmc_editor,
        )
    assert refused.value.code == "duplicate"
    assert Renewal.objects.count() == 0


def test_rejecting_keeps_the_reason_and_writes_nothing(vi_article, hcmc_editor):
    before = _registry_counts()
    suggestion = _suggestion(vi_article, "visit")
    response = client_for(hcmc_editor).post(
        f"/news/suggestions/{suggestion.pk}/reject/",
        {f"s{suggestion.pk}-reason": "Đã ghi nhận trước đó"},
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.reason) == ("rejected", "Đã ghi nhận trước đó")
    assert _registry_counts() == before


def test_a_rejection_needs_a_reason(vi_article, hcmc_editor):
    suggestion = _suggestion(vi_article, "visit")
    response = client_for(hcmc_editor).post(
        f"/news/suggestions/{suggestion.pk}/reject/", {f"s{suggestion.pk}-reason": "  "}
    )
    assert response.status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.status == "new"


def test_accepting_twice_writes_once(vi_article, hcmc_editor):
    suggestion = _suggestion(vi_article, "visit")
    form = visit_form(suggestion)
    client = client_for(hcmc_editor)
    assert client.post(f"/news/suggestions/{suggestion.pk}/accept/", form).status_code == 302
    again = client.post(f"/news/suggestions/{suggestion.pk}/accept/", form, follow=True)
    assert "This suggestion was already accepted or rejected." in again.content.decode()
    assert DelegationVisit.objects.count() == 1


def test_a_missing_date_is_given_in_the_form_before_accepting(vi_article, hcmc_editor):
    suggestion = _suggestion(vi_article, "visit")
    suggestion.fact = {**suggestion.fact, "date": "--11-25"}
    suggestion.save()
    client = client_for(hcmc_editor)
    missing = client.post(
        f"/news/suggestions/{suggestion.pk}/accept/", visit_form(suggestion, started_on=None)
    )
    assert missing.status_code == 400
    assert DelegationVisit.objects.count() == 0
    fixed = client.post(f"/news/suggestions/{suggestion.pk}/accept/", visit_form(suggestion))
    assert fixed.status_code == 302
    assert DelegationVisit.objects.get().started_on == dt.date(2023, 11, 25)


def test_an_unresolved_locality_is_chosen_by_the_person(hcmc_editor, moderator):
    from kakehashi.news.importing import import_article
    from kakehashi.news.reading import store_facts
    from tests.news.conftest import VI_TEXT, vi_document

    article, _ = import_article(text=VI_TEXT, origin="pasted", by=moderator)
    store_facts(article=article, document=vi_document(host_slug=None))
    suggestion = article.suggestions.get(kind="visit")
    page = client_for(moderator).get(article.get_absolute_url()).content.decode()
    assert "Not found in the directory: TP.HCM." in page
    response = client_for(moderator).post(
        f"/news/suggestions/{suggestion.pk}/accept/", visit_form(suggestion)
    )
    assert response.status_code == 302
    assert DelegationVisit.objects.get().host.slug == "ho-chi-minh-city"


def test_a_person_is_added_by_an_editor_of_the_place_their_body_names(vi_article, hcmc_editor):
    """ "UBND TP.HCM" is no organisation in the directory; the place it names is."""
    suggestion = _suggestion(vi_article, "person")
    prefix = f"s{suggestion.pk}"
    response = client_for(hcmc_editor).post(
        f"/news/suggestions/{suggestion.pk}/accept/", {f"{prefix}-full_name": "Võ Văn Hoan"}
    )
    assert response.status_code == 302
    assert Person.objects.filter(full_name="Võ Văn Hoan").count() == 1
    # Accepting the same person from another article finds them there.
    page = client_for(hcmc_editor).get(vi_article.get_absolute_url()).content.decode()
    assert "Võ Văn Hoan" in page


def test_a_person_of_another_place_is_not_offered(vi_article, kyoto_editor):
    page = client_for(kyoto_editor).get(vi_article.get_absolute_url()).content.decode()
    suggestion = _suggestion(vi_article, "person")
    assert f'action="/news/suggestions/{suggestion.pk}/accept/"' not in page
