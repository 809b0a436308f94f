"""Importing people: only into organisations the importer administers."""

import pytest
from django.urls import reverse

from kakehashi.directory.models import Membership, MembershipRole, Person
from kakehashi.transfer.models import ImportBatch
from tests.factories import OrganisationFactory, PersonFactory, UserFactory, member_of
from tests.transfer.conftest import client_for, csv_bytes, latest_batch, post_import

HEADER = ["full_name", "email", "phone", "organisation", "role", "position"]


@pytest.fixture
def org_a(reference):
    return OrganisationFactory(name="Org A")


@pytest.fixture
def org_b(reference):
    return OrganisationFactory(name="Org B")


@pytest.fixture
def admin_of_a(org_a):
    return member_of(org_a, role=MembershipRole.ADMIN, email="boss@a.example")


def test_an_admin_adds_people_to_their_organisation_only(admin_of_a, org_a, org_b):
    client = client_for(admin_of_a)
    rows = [
        ["Nguyễn Văn An", "an@a.example", "+84 28 1234 5678", "Org A", "member", "Engineer"],
        ["Tanaka Hanako", "hanako@b.example", "", str(org_b.pk), "", ""],
        ["Lê Thị Bình", "", "", str(org_a.pk), "admin", "Director"],
    ]
    post_import(client, "people", "people.csv", csv_bytes([HEADER, *rows]))
    batch = latest_batch()
    assert batch.errors == [{"row": 3, "code": "not_organisation_admin", "params": {}}]
    assert Person.objects.count() == 1  # the administrator only
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert "Row 3: you can only add people to organisations you administer" in page

    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert sorted(
        Membership.objects.values_list(
            "person__full_name",
            "person__email",
            "person__phone",
            "organisation__name",
            "role",
            "position",
        )
    ) == [
        ("Lê Thị Bình", "", "", "Org A", "admin", "Director"),
        ("Nguyễn Văn An", "an@a.example", "+84 28 1234 5678", "Org A", "member", "Engineer"),
        (admin_of_a.full_name, "boss@a.example", "", "Org A", "admin", ""),
    ]
    assert not Person.objects.filter(full_name="Tanaka Hanako").exists()


def test_a_member_who_is_not_an_admin_can_add_nobody(org_a):
    client = client_for(member_of(org_a))
    post_import(client, "people", "p.csv", csv_bytes([HEADER, ["X", "", "", "Org A", "", ""]]))
    assert latest_batch().errors == [{"row": 2, "code": "not_organisation_admin", "params": {}}]


def test_a_row_for_someone_already_there_updates_the_membership(admin_of_a, org_a):
    colleague = PersonFactory(full_name="Old Name", email="Colleague@A.example")
    Membership.objects.create(person=colleague, organisation=org_a, role="member", position="")
    signed_up = UserFactory(email="signed@up.example", full_name="Signed Up")
    client = client_for(admin_of_a)
    rows = [
        ["New Name", "colleague@a.example", "", "Org A", "admin", "Head of unit"],
        ["Signed Up", "SIGNED@up.example", "", "Org A", "", "Analyst"],
        ["Signed Up", "signed@up.example", "", "Org A", "", "Senior analyst"],
    ]
    post_import(client, "people", "p.csv", csv_bytes([HEADER, *rows]))
    batch = latest_batch()
    assert [row["preview"]["action"] for row in batch.rows] == [
        "update_membership",
        "existing_person",
        "update_membership",
    ]
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert "row 3 of this file is for the same person" in page

    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    colleague.refresh_from_db()
    assert colleague.full_name == "Old Name"  # people keep their own name
    assert list(Membership.objects.filter(person=colleague).values_list("role", "position")) == [
        ("admin", "Head of unit")
    ]
    assert list(
        Membership.objects.filter(person__user=signed_up).values_list("role", "position")
    ) == [("member", "Senior analyst")]
    assert Person.objects.count() == 3


def test_unknown_and_ambiguous_organisations(admin_of_a):
    OrganisationFactory(name="Twin")
    OrganisationFactory(name="Twin")
    client = client_for(admin_of_a)
    rows = [
        ["A", "", "", "Twin", "", ""],
        ["B", "", "", "Nowhere", "", ""],
        ["C", "not-an-address", "", "", "boss", ""],
    ]
    post_import(client, "people", "p.csv", csv_bytes([HEADER, *rows]))
    assert [(item["row"], item["code"]) for item in latest_batch().errors] == [
        (2, "organisation_ambiguous"),
        (3, "organisation_unknown"),
        (4, "email_invalid"),
        (4, "choice_unknown"),
        (4, "required"),
    ]


def test_someone_without_an_organisation_cannot_import_people(reference):
    client = client_for(UserFactory())
    response = post_import(
        client, "people", "p.csv", csv_bytes([HEADER, ["X", "", "", "1", "", ""]])
    )
    assert response.status_code == 403
    assert ImportBatch.objects.count() == 0
