import pytest

from tests.insights.builders import build_world


@pytest.fixture
def world(reference):
    """See build_world."""
    return build_world()
