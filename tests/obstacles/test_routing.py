"""Routing: the most specific rule for the locality and category decides the authority and
the deadline; former units count as today's unit; Japanese cities fall back to their
prefecture; no rule means the platform administrators' queue."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kakehashi.common.formats import format_day
from kakehashi.common.models import AuditEntry
from kakehashi.directory.models import OrganisationKind
from kakehashi.notifications.models import Notification
from kakehashi.obstacles import queries, services
from kakehashi.obstacles.models import Obstacle, RoutingRule, Status
from tests.factories import OrganisationFactory, locality

pytestmark = pytest.mark.django_db


def rule(place, category, authority, days=30, country=None):
    return RoutingRule.objects.create(
        locality=locality(place) if place else None,
        country=country or locality(place).country,
        category=category,
        authority=authority,
        deadline_days=days,
    )


def authority(name, place="ho-chi-minh-city", kind=OrganisationKind.LOCAL_GOVERNMENT):
    return OrganisationFactory(name=name, kind=kind, locality=locality(place))


def test_category_rule_beats_any_category_rule_of_the_same_place(
    file, licence_rule, hcmc_dpi, hcmc_people_committee
):
    licences = file(category="licences")
    tax = file(category="tax")

    assert (licences.authority, licences.rule) == (hcmc_dpi, licence_rule)
    assert tax.authority == hcmc_people_committee
    assert licences.status == tax.status == Status.RECEIVED


def test_deadline_comes_from_the_rule(file, licence_rule):
    today = timezone.localdate()

    assert file(category="licences").deadline == today + dt.timedelta(days=14)
    assert file(category="land").deadline == today + dt.timedelta(days=45)


def test_a_former_unit_is_routed_by_the_rule_of_the_unit_that_took_it_over(
    file, licence_rule, hcmc_dpi
):
    binh_duong = locality("binh-duong-before-2025")
    assert binh_duong.successor == locality("ho-chi-minh-city")

    obstacle = file(locality=binh_duong)

    assert obstacle.authority == hcmc_dpi
    assert obstacle.locality == binh_duong  # kept as filed


def test_other_localities_do_not_match(file, licence_rule):
    obstacle = file(locality=locality("da-nang"))

    assert obstacle.authority is None and obstacle.rule is None


def test_japanese_city_uses_its_own_rule_else_its_prefecture(file, reference):
    prefecture = authority("Osaka Prefecture", "osaka-prefecture")
    city = authority("Osaka City", "osaka-city")
    rule("osaka-prefecture", "any", prefecture, days=20)
    rule("osaka-city", "labour", city, days=10)

    in_city_labour = file(locality=locality("osaka-city"), category="labour")
    in_city_land = file(locality=locality("osaka-city"), category="land")
    in_sakai = file(locality=locality("sakai-city"), category="labour")

    assert in_city_labour.authority == city
    assert in_city_land.authority == prefecture  # no city rule for land
    assert in_sakai.authority == prefecture
    assert in_sakai.deadline == timezone.localdate() + dt.timedelta(days=20)


def test_a_place_rule_beats_a_country_wide_rule(file, licence_rule, hcmc_dpi):
    customs = authority("General Department of Customs", "hanoi", OrganisationKind.CENTRAL_AGENCY)
    rule(None, "customs", customs, days=7, country="VN")

    assert file(category="customs", locality=locality("da-nang")).authority == customs
    assert file(category="licences").authority == hcmc_dpi
    assert file(category="customs", locality=locality("osaka-city")).authority is None


def test_a_place_rule_for_any_category_beats_a_country_wide_category_rule(
    file, hcmc_people_committee
):
    customs = authority("General Department of Customs", "hanoi", OrganisationKind.CENTRAL_AGENCY)
    rule("ho-chi-minh-city", "any", hcmc_people_committee)
    rule(None, "customs", customs, country="VN")

    assert file(category="customs").authority == hcmc_people_committee


def test_no_rule_goes_to_the_platform_administrators(file, platform_admin, reporter):
    obstacle = file(locality=locality("hue"))

    assert obstacle.authority is None
    assert obstacle.status == Status.RECEIVED
    assert obstacle.deadline == timezone.localdate() + dt.timedelta(
        days=services.FALLBACK_DEADLINE_DAYS
    )
    assert list(queries.queue_of(platform_admin)) == [obstacle]
    (notice,) = Notification.objects.filter(recipient=platform_admin)
    assert notice.subject == f"New obstacle to answer: {obstacle.title}"
    (receipt,) = Notification.objects.filter(recipient=reporter)
    assert "platform administrators will route it" in receipt.body


def test_new_obstacle_notifies_the_authority_admins_only(obstacle, hcmc_admin, officer, reporter):
    (notice,) = Notification.objects.filter(recipient=hcmc_admin)
    assert notice.subject == "New obstacle to answer: Construction permit stuck for six months"
    assert notice.link == obstacle.get_absolute_url()
    assert not Notification.objects.filter(recipient=officer).exists()
    (receipt,) = Notification.objects.filter(recipient=reporter)
    assert "HCMC Department of Finance" not in receipt.body  # the name as written
    assert "Sở Tài chính TP.HCM" in receipt.body


def test_filing_needs_membership_of_the_organisation(file, licence_rule, outsider, business):
    with pytest.raises(PermissionDenied):
        file(by=outsider, organisation=business)
    assert not Obstacle.objects.exists()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"title": "  "}, "title_missing"),
        ({"description": ""}, "description_missing"),
        ({"category": "weather"}, "invalid_category"),
        ({"locality": None}, "locality_missing"),
        ({"language": "fr"}, "language"),
    ],
)
def test_bad_input_writes_nothing(file, licence_rule, fields, code):
    with pytest.raises(ValidationError) as error:
        file(**fields)
    assert code in [e.code for errors in error.value.error_dict.values() for e in errors]
    assert not Obstacle.objects.exists()
    assert not Notification.objects.exists()


def test_platform_admin_routes_an_unrouted_obstacle(file, platform_admin, hcmc_dpi, hcmc_admin):
    obstacle = file(locality=locality("hue"))

    services.route(obstacle=obstacle, authority=hcmc_dpi, by=platform_admin, deadline_days=5)

    obstacle.refresh_from_db()
    assert obstacle.authority == hcmc_dpi
    assert obstacle.deadline == timezone.localdate() + dt.timedelta(days=5)
    assert Notification.objects.filter(recipient=hcmc_admin).count() == 1


def test_the_authority_an_obstacle_leaves_keeps_the_entry_of_its_routing(
    file, platform_admin, hcmc_dpi
):
    hue_office = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("hue")
    )
    obstacle = file(locality=locality("hue"))
    services.route(obstacle=obstacle, authority=hue_office, by=platform_admin)
    services.route(obstacle=obstacle, authority=hcmc_dpi, by=platform_admin)

    entry = AuditEntry.objects.filter(object_id=str(obstacle.pk)).order_by("-pk").first()
    assert entry.before["authority"]["id"] == hue_office.pk
    assert entry.after["authority"]["id"] == hcmc_dpi.pk
    assert {hue_office.pk, hcmc_dpi.pk} <= set(entry.owners.values_list("pk", flat=True))


def test_a_refused_routing_writes_nothing(file, platform_admin, hcmc_dpi):
    obstacle = file(locality=locality("hue"))
    services.route(obstacle=obstacle, authority=hcmc_dpi, by=platform_admin)
    entries = AuditEntry.objects.count()
    for authority, days in ((hcmc_dpi, None), (OrganisationFactory(), 400)):
        with pytest.raises(ValidationError):
            services.route(
                obstacle=obstacle, authority=authority, by=platform_admin, deadline_days=days
            )
    obstacle.refresh_from_db()
    assert obstacle.authority == hcmc_dpi
    assert AuditEntry.objects.count() == entries


def test_only_platform_admins_route(file, hcmc_admin, hcmc_dpi):
    obstacle = file(locality=locality("hue"))

    with pytest.raises(PermissionDenied):
        services.route(obstacle=obstacle, authority=hcmc_dpi, by=hcmc_admin)
    obstacle.refresh_from_db()
    assert obstacle.authority is None


def test_rules_are_kept_by_platform_admins_on_units_in_force(
    platform_admin, hcmc_admin, hcmc_dpi, reference
):
    with pytest.raises(PermissionDenied):
        services.save_rule(by=hcmc_admin, authority=hcmc_dpi, locality=locality("hanoi"))
    with pytest.raises(ValidationError) as error:
        services.save_rule(
            by=platform_admin, authority=hcmc_dpi, locality=locality("binh-duong-before-2025")
        )
    assert error.value.error_dict["locality"][0].code == "former_locality"
    services.save_rule(by=platform_admin, authority=hcmc_dpi, locality=locality("hanoi"))
    with pytest.raises(ValidationError) as error:
        services.save_rule(by=platform_admin, authority=hcmc_dpi, locality=locality("hanoi"))
    assert error.value.error_dict["category"][0].code == "duplicate_rule"
    assert RoutingRule.objects.count() == 1


def test_each_notice_names_the_place_and_the_deadline_in_its_readers_language(
    file, licence_rule, hcmc_admin, reporter
):
    hcmc_admin.preferred_language = "vi"
    hcmc_admin.save(update_fields=["preferred_language"])
    reporter.preferred_language = "ja"
    reporter.save(update_fields=["preferred_language"])

    obstacle = file()

    (notice,) = Notification.objects.filter(recipient=hcmc_admin)
    assert "tại Thành phố Hồ Chí Minh (Giấy phép và thủ tục)" in notice.body
    assert format_day(obstacle.deadline, "vi") in notice.body
    (receipt,) = Notification.objects.filter(recipient=reporter)
    assert format_day(obstacle.deadline, "ja") in receipt.body
    assert obstacle.deadline.isoformat() not in notice.body + receipt.body
