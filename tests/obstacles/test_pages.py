"""The pages: filing, my obstacles, the queue (overdue first, filters, bounded queries), the
obstacle page for each kind of reader, actions through forms, the public list, the rules page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kakehashi.obstacles import services
from kakehashi.obstacles.models import Obstacle, RoutingRule, Status
from tests.factories import locality
from tests.obstacles.conftest import PDF

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_filing_through_the_form_routes_and_says_where(client, reporter, business, licence_rule):
    response = signed_in(client, reporter).post(
        "/obstacles/new/",
        {
            "organisation": business.pk,
            "title": "Visa for two Japanese engineers",
            "category": "licences",
            "locality": locality("binh-duong-before-2025").pk,
            "description": "Work permits refused twice without a reason.",
            "language": "en",
            "attachments": [SimpleUploadedFile("letter.pdf", PDF)],
        },
        follow=True,
    )

    obstacle = Obstacle.objects.get()
    assert response.redirect_chain == [(obstacle.get_absolute_url(), 302)]
    assert "Your obstacle is filed and sent to Sở Tài chính TP.HCM." in response.content.decode()
    assert obstacle.attachments.get().title == "letter.pdf"


def test_filing_without_a_rule_says_the_admins_route_it(client, reporter, business):
    response = signed_in(client, reporter).post(
        "/obstacles/new/",
        {
            "organisation": business.pk,
            "title": "Road access",
            "category": "infrastructure",
            "locality": locality("hue").pk,
            "description": "No road to the site.",
        },
        follow=True,
    )

    assert "the platform administrators will route it" in response.content.decode()
    assert Obstacle.objects.get().authority is None


def test_a_bad_attachment_shows_an_error_and_files_nothing(client, reporter, business):
    response = signed_in(client, reporter).post(
        "/obstacles/new/",
        {
            "organisation": business.pk,
            "title": "Road access",
            "category": "infrastructure",
            "locality": locality("hue").pk,
            "description": "No road to the site.",
            "attachments": [SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")],
        },
    )

    assert response.status_code == 400
    assert "Only PDF, PNG and JPEG files are accepted." in response.content.decode()
    assert not Obstacle.objects.exists()


def test_someone_acting_for_no_organisation_cannot_file(client, db):
    from tests.factories import UserFactory

    response = signed_in(client, UserFactory()).get("/obstacles/new/")

    assert response.status_code == 403


def test_reporter_sees_details_others_see_nothing_until_public(
    client, obstacle, reporter, colleague, outsider, officer
):
    url = obstacle.get_absolute_url()
    assert signed_in(client, colleague).get(url).status_code == 200
    assert "Our factory extension permit" in client.get(url).content.decode()
    client.logout()
    assert client.get(url).status_code == 404
    assert signed_in(client, outsider).get(url).status_code == 404

    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(
        obstacle=obstacle,
        reason="Inspection done; the internal note names the inspector.",
        public_summary="A permit delayed six months was issued within two weeks.",
        by=officer,
    )
    page = client.get(url).content.decode()
    assert "A permit delayed six months was issued within two weeks." in page
    assert "internal note" not in page
    assert "Our factory extension permit" not in page
    assert "Add the comment" not in page


def test_private_close_stays_private(client, obstacle, officer, outsider):
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(obstacle=obstacle, reason="Done.", by=officer)

    assert signed_in(client, outsider).get(obstacle.get_absolute_url()).status_code == 404
    assert obstacle.title not in client.get("/obstacles/resolved/").content.decode()


def test_actions_shown_only_to_the_authority(client, obstacle, reporter, officer):
    page = signed_in(client, reporter).get(obstacle.get_absolute_url()).content.decode()
    assert 'id="assign-form"' not in page
    page = signed_in(client, officer).get(obstacle.get_absolute_url()).content.decode()
    assert 'id="assign-form"' in page


def test_reporter_cannot_act_through_the_urls(client, obstacle, reporter, officer):
    client = signed_in(client, reporter)
    assert (
        client.post(f"/obstacles/{obstacle.pk}/assign/", {"owner": officer.pk}).status_code == 403
    )
    assert client.post(f"/obstacles/{obstacle.pk}/start/").status_code == 403
    assert (
        client.post(f"/obstacles/{obstacle.pk}/resolve/", {"reason": "Self-served"}).status_code
        == 403
    )
    obstacle.refresh_from_db()
    assert (obstacle.status, obstacle.owner) == (Status.RECEIVED, None)


def test_authority_works_it_through_the_pages(client, obstacle, officer, reporter):
    client = signed_in(client, officer)
    client.post(f"/obstacles/{obstacle.pk}/assign/", {"owner": officer.pk})
    client.post(f"/obstacles/{obstacle.pk}/start/")
    response = client.post(f"/obstacles/{obstacle.pk}/resolve/", {"reason": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    client.post(
        f"/obstacles/{obstacle.pk}/cannot-resolve/",
        {
            "reason": "Needs a change of national law.",
            "public_summary": "Referred to the ministry.",
        },
    )

    obstacle.refresh_from_db()
    assert obstacle.status == Status.UNRESOLVABLE
    assert obstacle.public_summary == "Referred to the ministry." and obstacle.is_public
    page = signed_in(client, reporter).get("/obstacles/").content.decode()
    assert "Cannot be resolved" in page


def test_queue_puts_overdue_first_and_filters(client, file, licence_rule, officer, hcmc_admin):
    later = file(title="Later")
    overdue = file(title="Overdue")
    Obstacle.objects.filter(pk=overdue.pk).update(deadline=dt.date(2020, 1, 1))
    done = file(title="Done")
    services.assign(obstacle=done, owner=officer, by=officer)
    services.resolve(obstacle=done, reason="Done.", by=officer)

    response = signed_in(client, officer).get("/obstacles/queue/")
    titles = [o.title for o in response.context["page"].object_list]
    assert titles == ["Overdue", "Later", "Done"]
    response = client.get("/obstacles/queue/?status=resolved")
    assert [o.title for o in response.context["page"].object_list] == ["Done"]
    assert later.title not in response.content.decode()
    assert 'class="overdue"' in client.get("/obstacles/queue/").content.decode()


def test_queue_shows_only_the_users_authorities(client, obstacle, reporter, hcmc_people_committee):
    from tests.factories import member_of

    assert not signed_in(client, reporter).get("/obstacles/queue/").context["page"].object_list
    committee_member = member_of(hcmc_people_committee)
    assert (
        not signed_in(client, committee_member).get("/obstacles/queue/").context["page"].object_list
    )


def test_queue_query_count_does_not_grow(client, file, licence_rule, officer):
    client = signed_in(client, officer)
    file()
    with CaptureQueriesContext(connection) as few:
        assert client.get("/obstacles/queue/").status_code == 200
    for number in range(12):
        obstacle = file(title=f"Obstacle {number}")
        if number % 2:
            services.assign(obstacle=obstacle, owner=officer, by=officer)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/obstacles/queue/").status_code == 200

    assert len(many) == len(few)


def test_my_obstacles_query_count_does_not_grow(client, file, licence_rule, reporter):
    client = signed_in(client, reporter)
    file()
    with CaptureQueriesContext(connection) as few:
        client.get("/obstacles/")
    for number in range(8):
        file(title=f"Obstacle {number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/obstacles/")

    assert len(many) == len(few)


def test_comment_and_attachment_through_the_page(client, obstacle, reporter, outsider):
    client = signed_in(client, reporter)
    client.post(f"/obstacles/{obstacle.pk}/comments/", {"body": "Any news?"})
    client.post(
        f"/obstacles/{obstacle.pk}/attachments/",
        {"title": "Refusal", "file": SimpleUploadedFile("refusal.pdf", PDF)},
    )
    attachment = obstacle.attachments.get()
    assert client.get(f"/obstacles/{obstacle.pk}/attachments/{attachment.pk}/").status_code == 200

    signed_in(client, outsider)
    assert client.get(f"/obstacles/{obstacle.pk}/attachments/{attachment.pk}/").status_code == 404
    assert client.post(f"/obstacles/{obstacle.pk}/comments/", {"body": "Spam"}).status_code == 404
    assert list(obstacle.comments.values_list("body", flat=True)) == ["Any news?"]


def test_a_refused_attachment_shows_on_the_form_and_a_lost_file_is_404(client, obstacle, reporter):
    client = signed_in(client, reporter)
    url = f"/obstacles/{obstacle.pk}/attachments/"

    response = client.post(url, {"title": "Scan", "file": SimpleUploadedFile("a.pdf", b"MZ")})
    assert response.status_code == 400
    assert "Only PDF, PNG and JPEG files are accepted." in response.content.decode()
    assert not obstacle.attachments.exists()

    client.post(url, {"title": "Scan", "file": SimpleUploadedFile("a.pdf", PDF)})
    attachment = obstacle.attachments.get()
    attachment.file.delete(save=False)  # the record outlived its file
    assert client.get(f"{url}{attachment.pk}/").status_code == 404


def test_rules_page_for_platform_admins_only(client, platform_admin, hcmc_admin, hcmc_dpi):
    assert signed_in(client, hcmc_admin).get("/obstacles/rules/").status_code == 403
    client = signed_in(client, platform_admin)
    response = client.post(
        "/obstacles/rules/",
        {
            "locality": locality("da-nang").pk,
            "category": "land",
            "authority": hcmc_dpi.pk,
            "deadline_days": 21,
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get()
    assert (rule.locality.slug, rule.category, rule.deadline_days) == ("da-nang", "land", 21)
    response = client.post(
        "/obstacles/rules/", {"category": "land", "authority": hcmc_dpi.pk, "deadline_days": 21}
    )
    assert response.status_code == 400
    assert "Choose a locality, or a country for a country-wide rule." in response.content.decode()
    assert RoutingRule.objects.count() == 1
