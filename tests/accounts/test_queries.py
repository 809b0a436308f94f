"""Who the platform administrators are, for those who must hear of something."""

import pytest

from kakehashi.accounts.queries import platform_admins
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_platform_admins_are_the_active_superusers_in_the_order_they_joined():
    first = UserFactory(is_superuser=True)
    UserFactory(is_superuser=True, is_active=False)
    UserFactory()
    second = UserFactory(is_superuser=True)

    assert platform_admins() == [first, second]
