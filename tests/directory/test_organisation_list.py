"""The organisation list: the published organisations matching each filter, by name (the id
breaking ties, so that pages neither repeat nor skip one), with few queries."""

import pytest
from django.urls import reverse

from kakehashi.directory.models import Sector
from kakehashi.directory.views import PAGE_SIZE
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.usefixtures("reference")


def _listed(client, **filters) -> list[int]:
    pages, number = [], 1
    while True:
        page = client.get(reverse("directory:organisations"), {**filters, "page": number})
        page = page.context["page"]
        pages += [organisation.pk for organisation in page.object_list]
        if not page.has_next():
            return pages
        number += 1


def test_pages_list_each_published_organisation_once_by_name_then_id(client):
    agriculture = Sector.objects.get(key="agriculture")
    created = [OrganisationFactory(name="Same name") for _ in range(PAGE_SIZE + 3)]
    created += [OrganisationFactory(name="Another"), OrganisationFactory(name="Zeta", country="JP")]
    OrganisationFactory(name="Hidden", is_published=False)
    for organisation in created[::2]:
        organisation.sectors.add(agriculture)
    by_name = sorted(created, key=lambda o: (o.name, o.pk))
    assert _listed(client) == [o.pk for o in by_name]
    assert _listed(client, sector="agriculture") == [o.pk for o in by_name if o in created[::2]]
    assert _listed(client, country="JP") == [created[-1].pk]
