"""The audit log itself: what record_change stores, that it lives and dies with the change's
transaction, and who may read it (page and admin)."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from kakehashi.common.audit import AuditAction, entries_visible_to, record_change, snapshot
from kakehashi.common.models import AuditEntry
from kakehashi.directory.models import Organisation
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    locality,
    member_of,
    partnership_between,
)

pytestmark = pytest.mark.usefixtures("reference")


def test_snapshot_gives_json_values_foreign_keys_as_id_and_repr_and_sorted_lists():
    one, two = OrganisationFactory(name="Zeta"), OrganisationFactory(name="Alpha")
    partnership = partnership_between(one, two, signed_on=dt.date(2013, 4, 9))
    partnership.recorded_by = one
    values = snapshot(
        partnership, ["signed_on", "recorded_by", "parties", "parties.organisation_id", "title"]
    )
    assert values == {
        "signed_on": "2013-04-09",
        "recorded_by": {"id": one.pk, "repr": "Zeta"},
        "parties": ["Alpha", "Zeta"],
        "parties.organisation_id": sorted([one.pk, two.pk], key=str),
        "title": partnership.title,
    }
    partnership.recorded_by = None
    assert snapshot(partnership, ["recorded_by"]) == {"recorded_by": None}


def test_record_change_keeps_only_what_changed_and_names_actor_and_owner():
    company = OrganisationFactory(name="Saigon Seafood")
    user = member_of(company)
    before = snapshot(company, ["name", "locality", "is_published"])
    company.name, company.locality = "Saigon Seafood JSC", locality("hanoi")
    company.save()
    entry = record_change(
        obj=company, by=user, action=AuditAction.CHANGED, before=before, owners=[company]
    )
    assert entry.before == {
        "name": "Saigon Seafood",
        "locality": {"id": locality("ho-chi-minh-city").pk, "repr": "Ho Chi Minh City"},
    }
    assert entry.after == {
        "name": "Saigon Seafood JSC",
        "locality": {"id": locality("hanoi").pk, "repr": "Hanoi"},
    }
    assert (entry.actor, entry.acted_for, entry.model_label) == (
        user,
        company,
        "directory.organisation",
    )
    assert (entry.object_id, entry.object_repr) == (str(company.pk), "Saigon Seafood JSC")
    assert list(entry.owners.all()) == [company]


def test_a_change_that_changes_nothing_writes_nothing():
    company = OrganisationFactory()
    before = snapshot(company, ["name"])
    assert record_change(obj=company, by=None, action=AuditAction.CHANGED, before=before) is None
    assert not AuditEntry.objects.exists()


def test_the_platform_itself_is_an_actor_of_none():
    company = OrganisationFactory()
    entry = record_change(obj=company, by=None, action=AuditAction.CREATED, after={"name": "x"})
    assert (entry.actor, entry.actor_repr, entry.acted_for) == (None, "", None)


def test_a_rolled_back_change_leaves_no_entry():
    company = OrganisationFactory(name="Before")
    with pytest.raises(RuntimeError), transaction.atomic():
        before = snapshot(company, ["name"])
        company.name = "After"
        company.save()
        record_change(obj=company, by=None, action=AuditAction.CHANGED, before=before)
        raise RuntimeError("the change fails after the entry was written")
    assert not AuditEntry.objects.exists()
    company.refresh_from_db()
    assert company.name == "Before"


@pytest.mark.django_db(transaction=True)
def test_record_change_refuses_to_run_outside_a_transaction():
    user = UserFactory()
    with pytest.raises(RuntimeError):
        record_change(obj=user, by=user, action=AuditAction.CHANGED, before={"full_name": "x"})
    assert not AuditEntry.objects.exists()


# --- who may read it -------------------------------------------------------------------


def entry_owned_by(organisation: Organisation, **fields) -> AuditEntry:
    with transaction.atomic():
        return record_change(
            obj=organisation,
            by=None,
            action=AuditAction.CHANGED,
            before={"name": "Old name"},
            owners=[organisation],
            **fields,
        )


@pytest.fixture
def two_companies():
    mine, theirs = OrganisationFactory(name="Mine Ltd"), OrganisationFactory(name="Theirs KK")
    return mine, theirs, entry_owned_by(mine), entry_owned_by(theirs)


def test_members_see_their_organisations_entries_only(client, two_companies):
    mine, theirs, my_entry, their_entry = two_companies
    client.force_login(member_of(mine))
    page = client.get(reverse("audit"))
    assert page.status_code == 200
    assert [row["entry"] for row in page.context["rows"]] == [my_entry]
    assert "Mine Ltd" in page.content.decode() and "Theirs KK" not in page.content.decode()
    # Asking for the other organisation's record by id shows nothing either.
    page = client.get(
        reverse("audit"), {"model": "directory.organisation", "object": str(theirs.pk)}
    )
    assert page.status_code == 200
    assert page.context["rows"] == []
    assert "No changes recorded." in page.content.decode()


def test_a_user_of_no_organisation_sees_nothing(client, two_companies):
    client.force_login(UserFactory())
    page = client.get(reverse("audit"))
    assert page.context["rows"] == [] and page.context["kinds"] == []


def test_visitors_are_sent_to_sign_in(client, two_companies):
    page = client.get(reverse("audit"))
    assert page.status_code == 302
    assert "Old name" not in page.content.decode()


def test_an_inactive_or_staff_only_user_sees_nothing(two_companies):
    mine, *_ = two_companies
    staff = UserFactory(is_staff=True)
    inactive_member = member_of(mine, is_active=False)
    assert not entries_visible_to(staff).exists()
    assert not entries_visible_to(inactive_member).exists()


def test_platform_admins_see_all_and_filter_by_record(client, two_companies):
    mine, theirs, my_entry, their_entry = two_companies
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get(reverse("audit"))
    assert {row["entry"] for row in page.context["rows"]} == {my_entry, their_entry}
    page = client.get(
        reverse("audit"), {"model": "directory.organisation", "object": str(theirs.pk)}
    )
    assert [row["entry"] for row in page.context["rows"]] == [their_entry]
    (change,) = page.context["rows"][0]["changes"]
    assert (change["before"], change["after"]) == ("Old name", "Theirs KK")


def test_only_platform_admins_open_the_log_in_the_admin(client, two_companies):
    url = reverse("admin:common_auditentry_changelist")
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get(url)
    assert page.status_code == 200 and "Theirs KK" in page.content.decode()
    entry = two_companies[2]
    change = client.post(
        reverse("admin:common_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert change.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_page_costs_the_same_queries_for_few_and_many_entries(
    client, django_assert_max_num_queries
):
    company = OrganisationFactory()
    user = member_of(company)
    client.force_login(user)
    for _ in range(2):
        entry_owned_by(company, acted_for=company)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("audit"))
    for _ in range(20):
        entry_owned_by(company, acted_for=company)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        page = client.get(reverse("audit"))
    assert len(page.context["rows"]) == 22
    assert len(many.captured_queries) == len(few.captured_queries)
