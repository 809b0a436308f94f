import pytest

from tests.events.builders import build_conference


@pytest.fixture
def conference(reference):
    """See build_conference."""
    return build_conference()
