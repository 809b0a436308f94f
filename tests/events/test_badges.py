"""Badges and check-in: badges for every approved delegate with an unguessable code read back
from the PDF, check-in by code or by name (idempotent, with the next meeting), refusals of
revoked, foreign, unknown and someone else's codes (nothing written), revoking audited,
attendance counts, and who may NOT do any of it."""

import datetime as dt
import html
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from kakehashi.common.models import AuditEntry
from kakehashi.directory.models import Membership
from kakehashi.events import services
from kakehashi.events.badge_printing import (
    badges_html,
    badges_pdf,
    room_overview_html,
    table_cards_html,
)
from kakehashi.events.checkin import (
    attendance,
    awaited,
    badges_to_print,
    check_in_answer,
    search_delegates,
)
from kakehashi.events.models import Badge, CheckIn, Meeting, Registration, RegistrationStatus
from kakehashi.events.services import checkin
from tests.events.builders import a_finished_run, at
from tests.factories import OrganisationFactory, PersonFactory, UserFactory, member_of
from tests.qr_reading import qr_codes_in_pdf

pytestmark = pytest.mark.usefixtures("reference")


def published_meeting(event, organiser, delegations, first, second, hour=14, table="Table 1"):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    meeting = Meeting.objects.get(request=request)
    services.place_meeting(
        meeting=meeting,
        slot=event.meeting_slots.get(starts_at=at(hour)),
        table=event.meeting_tables.get(name=table),
        by=organiser,
    )
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    return meeting


@pytest.fixture
def day(conference):
    """The conference with a second delegate in Da Nang's delegation (a name in Vietnamese
    with its katakana form) and a Japanese name with its Latin form leading Osaka's."""
    event, organiser, delegations = conference
    danang = delegations["danang"][0]
    colleague = PersonFactory(full_name="Nguyễn Thị Hoa", name_kana="グエン・ティ・ホア")
    danang.members.add(colleague)
    osaka = delegations["osaka"][0]
    osaka.lead.full_name, osaka.lead.name_latin = "田中 宏", "Tanaka Hiroshi"
    osaka.lead.save()
    Membership.objects.filter(person=osaka.lead).update(position="部長")
    return event, organiser, delegations, colleague


def test_every_approved_delegate_gets_one_badge_with_an_unguessable_code(day):
    event, organiser, delegations, colleague = day
    badges = checkin.issue_badges(event=event, by=organiser)
    people = [b.person for b in badges]
    assert len(badges) == 5  # four leads and Da Nang's second delegate
    assert colleague in people
    assert {b.registration for b in badges} == {r for r, _u in delegations.values()}
    tokens = {b.token for b in badges}
    assert len(tokens) == 5
    assert all(len(b.token) == 24 and b.token != str(b.pk) for b in badges)
    # Issuing again gives the same badges and creates none.
    assert checkin.issue_badges(event=event, by=organiser) == badges
    assert Badge.objects.count() == 5


def test_a_person_in_two_delegations_keeps_one_badge(day):
    event, organiser, delegations, colleague = day
    delegations["hue"][0].members.add(colleague)
    first = {b.person: b for b in checkin.issue_badges(event=event, by=organiser)}
    hue_only = checkin.issue_badges(
        event=event, by=organiser, registrations=[delegations["hue"][0]]
    )
    again = {b.person: b for b in checkin.issue_badges(event=event, by=organiser)}
    assert again[colleague] == first[colleague] and colleague in {b.person for b in hue_only}
    assert Badge.objects.filter(person=colleague).count() == 1
    # Da Nang withdraws: the colleague's badge, which named Da Nang, is replaced by Hue's.
    danang = delegations["danang"][0]
    danang.status = RegistrationStatus.CANCELLED
    danang.save()
    (hue_badge,) = [
        b for b in checkin.issue_badges(event=event, by=organiser) if b.person == colleague
    ]
    assert hue_badge.registration == delegations["hue"][0]
    assert Badge.objects.get(pk=first[colleague].pk).revoked_at is not None


def test_a_delegation_no_longer_approved_gets_no_badge(day):
    event, organiser, delegations, _colleague = day
    hue = delegations["hue"][0]
    hue.status = RegistrationStatus.CANCELLED
    hue.save()
    badges = checkin.issue_badges(event=event, by=organiser)
    assert hue not in {b.registration for b in badges}


def test_the_pdf_badges_carry_names_in_both_forms_and_a_qr_code_with_the_token(day):
    event, organiser, delegations, colleague = day
    badges = checkin.issue_badges(event=event, by=organiser)
    content = badges_pdf(event, badges_to_print(event, badges), "en", "a6")
    pages = qr_codes_in_pdf(content)
    assert len(pages) == 5
    assert sorted(code for page in pages for code in page) == sorted(b.token for b in badges)
    # The words as printed (read from the HTML printed: this machine's PDF text extraction
    # depends on the fonts installed).
    text = html.unescape(badges_html(event, badges_to_print(event, badges), "en", "a6"))
    assert "Nguyễn Thị Hoa" in text and "グエン・ティ・ホア" in text
    assert "Tanaka Hiroshi" in text
    # The position as written, marked as Japanese (it has no English translation).
    assert 'Head of delegation · <span lang="ja">部長</span>' in text
    assert "Speaks English, Vietnamese" in text  # Hue's delegation


def test_an_a4_sheet_holds_four_badges(day):
    event, organiser, _delegations, _colleague = day
    badges = checkin.issue_badges(event=event, by=organiser)
    pages = qr_codes_in_pdf(badges_pdf(event, badges_to_print(event, badges), "ja", "a4"))
    assert [len(page) for page in pages] == [4, 1]
    # Written in Japanese: the role and the locality too.
    text = badges_html(event, badges_to_print(event, badges), "ja", "a4")
    assert "団長" in text and "Head of delegation" not in text
    assert "大阪府" in text


def test_a_scan_checks_in_once_and_says_where_the_first_meeting_is(day):
    event, organiser, delegations, _colleague = day
    published_meeting(event, organiser, delegations, "danang", "osaka", hour=15)
    published_meeting(event, organiser, delegations, "danang", "aichi", hour=14, table="Table 3")
    badge = next(
        b
        for b in checkin.issue_badges(event=event, by=organiser)
        if b.person == delegations["danang"][0].lead
    )
    nine = dt.datetime(2027, 3, 10, 9, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    with translation.override("en"):
        first = check_in_answer(
            checkin.check_in_badge(event=event, token=badge.token, by=organiser)
        )
    assert first["created"] is True
    assert (first["meeting"]["time"], first["meeting"]["day"]) == ("14:00–14:30", "10 Mar 2027")
    assert first["meeting"]["when"] == "10 Mar 2027, 14:00 – 14:30"
    assert first["meeting"]["table"] == "Table 3"
    CheckIn.objects.update(checked_in_at=nine)
    with translation.override("ja"):
        again = check_in_answer(
            checkin.check_in_badge(event=event, token=badge.token, by=organiser)
        )
    assert again["created"] is False
    # The day before the times in Japanese, with the Japanese range mark.
    assert again["meeting"]["when"] == "2027年3月10日 14:00～14:30"
    assert "9:12" in again["message"]
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize("case", ["revoked", "other_event", "unknown_badge", "other_person"])
def test_refused_codes_write_nothing(day, case):
    event, organiser, delegations, colleague = day
    badges = checkin.issue_badges(event=event, by=organiser)
    badge = badges[0]
    expected_person = None
    if case == "revoked":
        checkin.revoke_badge(badge=badge, by=organiser)
        token = badge.token
    elif case == "other_event":
        other, other_organiser, _d = build_conference_elsewhere()
        token = checkin.issue_badges(event=other, by=other_organiser)[0].token
    elif case == "unknown_badge":
        token = "not-a-badge"
    else:
        token = badge.token
        expected_person = colleague if badge.person != colleague else badges[1].person
    with translation.override("en"), pytest.raises(ValidationError) as error:
        checkin.check_in_badge(
            event=event, token=token, by=organiser, expected_person=expected_person
        )
    assert error.value.code == case
    assert CheckIn.objects.count() == 0


def build_conference_elsewhere():
    from tests.events.builders import _event_with_programme

    event, organiser = _event_with_programme("meet-vietnam-2027", "Meet Vietnam 2027", 30)
    organisation = OrganisationFactory()
    user = member_of(organisation)
    registration = services.register(
        event=event, organisation=organisation, by=user, languages=["vi"]
    )
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.APPROVED)
    return event, organiser, {}


def test_the_refusal_messages_say_why_in_the_readers_language(client, day):
    event, organiser, _delegations, _colleague = day
    badge = checkin.issue_badges(event=event, by=organiser)[0]
    checkin.revoke_badge(badge=badge, by=organiser)
    client.force_login(organiser)
    url = reverse("events:check_in", args=[event.slug])
    client.cookies["kakehashi_language"] = "vi"
    answer = client.post(url, {"token": badge.token}, HTTP_ACCEPT="application/json")
    assert answer.status_code == 400
    assert answer.json()["code"] == "revoked"
    assert answer.json()["message"].startswith("Thẻ của ")
    client.cookies["kakehashi_language"] = "en"
    page = client.post(url, {"token": "nonsense"})
    assert page.status_code == 400
    assert "This code is not a badge of this platform." in page.content.decode()


def test_revoking_is_audited_and_a_reissued_badge_works(day):
    event, organiser, _delegations, _colleague = day
    badge = checkin.issue_badges(event=event, by=organiser)[0]
    new = checkin.revoke_badge(badge=badge, by=organiser, reissue=True)
    badge.refresh_from_db()
    assert badge.revoked_by == organiser and badge.revoked_at is not None
    assert new.person == badge.person and new.token != badge.token
    entry = AuditEntry.objects.get(model_label="events.badge", object_id=str(badge.pk))
    assert entry.actor == organiser
    assert entry.before["revoked_at"] is None
    assert checkin.check_in_badge(event=event, token=new.token, by=organiser).created
    with pytest.raises(ValidationError) as error:
        checkin.revoke_badge(badge=badge, by=organiser)
    assert error.value.code == "already_revoked"


def test_a_queued_scan_keeps_its_time_unless_it_is_unbelievable(day):
    event, organiser, _delegations, _colleague = day
    first, second = checkin.issue_badges(event=event, by=organiser)[:2]
    earlier = timezone.now() - dt.timedelta(minutes=40)
    kept = checkin.check_in_badge(event=event, token=first.token, by=organiser, scanned_at=earlier)
    assert kept.check_in.checked_in_at == earlier
    future = timezone.now() + dt.timedelta(days=3)
    now = checkin.check_in_badge(event=event, token=second.token, by=organiser, scanned_at=future)
    assert now.check_in.checked_in_at < future - dt.timedelta(days=2)


def test_check_in_by_name_and_at_a_session_door(day):
    event, organiser, delegations, colleague = day
    assert [f.person for f in search_delegates(event, "nguyen hoa")] == [colleague]
    assert [f.person for f in search_delegates(event, "tanaka")] == [delegations["osaka"][0].lead]
    session = services.add_session(
        event=event,
        by=organiser,
        kind="plenary",
        title="Opening",
        starts_at=at(9),
        ends_at=at(10),
    )
    delegations["danang"][0].attends_sessions.add(session)
    checkin.check_in_person(event=event, person=colleague, by=organiser)
    checkin.check_in_person(event=event, person=colleague, by=organiser, session=session)
    assert checkin.check_in_person(event=event, person=colleague, by=organiser).created is False
    stranger = PersonFactory()
    with pytest.raises(ValidationError) as error:
        checkin.check_in_person(event=event, person=stranger, by=organiser)
    assert error.value.code == "not_a_delegate"
    counts = attendance(event)
    assert (counts.delegates, counts.checked_in) == (5, 1)
    assert [(s.title, n, expected) for s, n, expected in counts.sessions] == [("Opening", 1, 2)]
    assert sum(n for _hour, n in counts.hours) == 1


def test_only_the_organisers_may_print_check_in_or_revoke(client, day):
    event, organiser, delegations, _colleague = day
    badge = checkin.issue_badges(event=event, by=organiser)[0]
    delegate = delegations["danang"][1]
    for user in [delegate, UserFactory()]:
        with pytest.raises(PermissionDenied):
            checkin.issue_badges(event=event, by=user)
        with pytest.raises(PermissionDenied):
            checkin.revoke_badge(badge=badge, by=user)
        with pytest.raises(PermissionDenied):
            checkin.check_in_badge(event=event, token=badge.token, by=user)
        client.force_login(user)
        slug = event.slug
        for name, method, args in [
            ("badges", "get", [slug]),
            ("badges_print", "post", [slug]),
            ("badge_revoke", "post", [slug, badge.pk]),
            ("check_in", "get", [slug]),
            ("check_in", "post", [slug]),
            ("table_cards", "get", [slug]),
            ("room_overview", "get", [slug]),
        ]:
            response = getattr(client, method)(
                reverse(f"events:{name}", args=args), {"token": badge.token}
            )
            assert response.status_code == 403, name
    badge.refresh_from_db()
    assert badge.revoked_at is None
    assert CheckIn.objects.count() == 0
    client.logout()
    response = client.get(reverse("events:check_in", args=[event.slug]))
    assert response.status_code == 302


def test_the_organiser_prints_badges_from_the_page(client, day):
    event, organiser, delegations, _colleague = day
    client.force_login(organiser)
    response = client.post(
        reverse("events:badges_print", args=[event.slug]),
        {"layout": "a6", "registration": delegations["danang"][0].pk},
    )
    assert response["Content-Type"] == "application/pdf"
    assert [len(page) for page in qr_codes_in_pdf(response.content)] == [1, 1]
    assert Badge.objects.count() == 2


def test_the_badge_page_reads_a_constant_number_of_queries(
    client, day, django_assert_max_num_queries
):
    event, organiser, _delegations, _colleague = day
    checkin.issue_badges(event=event, by=organiser)
    client.force_login(organiser)
    url = reverse("events:badges", args=[event.slug])
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    build_more = PersonFactory.create_batch(6)
    event.registrations.first().members.add(*build_more)
    checkin.issue_badges(event=event, by=organiser)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_table_cards_and_the_room_overview_name_each_party_in_its_script(client, day):
    event, organiser, delegations, _colleague = day
    published_meeting(event, organiser, delegations, "danang", "osaka", hour=15)
    client.force_login(organiser)
    client.cookies["kakehashi_language"] = "en"
    response = client.get(reverse("events:table_cards", args=[event.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1  # one table, one period
    with translation.override("en"):
        cards = html.unescape(table_cards_html(event, "en"))
    assert "Table 1" in cards and "15:00–15:30" in cards
    assert "田中 宏 (Tanaka Hiroshi)" in cards
    assert "Nguyễn Thị Hoa (グエン・ティ・ホア)" in cards
    response = client.get(reverse("events:room_overview", args=[event.slug]))
    assert response["Content-Type"] == "application/pdf"
    overview = html.unescape(room_overview_html(event, "ja"))
    assert "会場の一覧：Meet Japan 2027" in overview
    assert delegations["osaka"][0].organisation.name in overview


def test_the_check_in_desk_reads_a_constant_number_of_queries(
    client, day, django_assert_max_num_queries
):
    event, organiser, delegations, _colleague = day
    for badge in checkin.issue_badges(event=event, by=organiser):
        checkin.check_in_badge(event=event, token=badge.token, by=organiser)
    client.force_login(organiser)
    url = reverse("events:check_in", args=[event.slug]) + "?q=e"
    # The menu's news-desk check included (one), and the meetings about to start (one).
    with django_assert_max_num_queries(22) as few:
        client.get(url)
    more = PersonFactory.create_batch(6, full_name="Lê Văn Nam")
    delegations["hue"][0].members.add(*more)
    for badge in checkin.issue_badges(event=event, by=organiser):
        checkin.check_in_badge(event=event, token=badge.token, by=organiser)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert page.content.decode().count("Lê Văn Nam") == 6


def test_the_desk_lists_delegations_awaited_at_a_meeting_until_one_of_them_arrives(client, day):
    """At 14:50 the 15:00 meeting of Da Nang and Osaka starts soon: both delegations are
    awaited; once Da Nang's colleague is checked in, only Osaka is; at 15:10 it has started.
    A delegation attending by video is never awaited at the door."""
    event, organiser, delegations, colleague = day
    published_meeting(event, organiser, delegations, "danang", "osaka", hour=15)
    published_meeting(event, organiser, delegations, "hue", "aichi", hour=15, table="Table 2")
    Registration.objects.filter(pk=delegations["aichi"][0].pk).update(attends_remotely=True)
    vn = dt.timezone(dt.timedelta(hours=7))
    before = dt.datetime(2027, 3, 10, 14, 50, tzinfo=vn)

    with translation.override("en"):
        rows = awaited(event, before)
    assert [(r.hours, r.started, r.table, r.delegation) for r in rows] == [
        ("15:00–15:30", False, "Table 1", delegations["danang"][0].organisation.name),
        ("15:00–15:30", False, "Table 1", delegations["osaka"][0].organisation.name),
        ("15:00–15:30", False, "Table 2", delegations["hue"][0].organisation.name),
    ]
    assert rows[0].counterparts == delegations["osaka"][0].organisation.name

    checkin.check_in_person(event=event, person=colleague, by=organiser)
    later = dt.datetime(2027, 3, 10, 15, 10, tzinfo=vn)
    rows = awaited(event, later)
    assert [(r.delegation, r.started) for r in rows] == [
        (delegations["osaka"][0].organisation.name, True),
        (delegations["hue"][0].organisation.name, True),
    ]
    assert awaited(event, dt.datetime(2027, 3, 10, 15, 30, tzinfo=vn)) == []


def test_the_desk_says_in_japanese_when_no_delegation_is_awaited(client, day):
    event, organiser, _delegations, _colleague = day
    client.force_login(organiser)
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(reverse("events:check_in", args=[event.slug])).content.decode()
    assert '<h1>受付：<a href="' in html
    assert "面談に未到着の代表団" in html
    assert "未到着の代表団はありません。" in html
