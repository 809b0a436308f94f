import pytest

from kakehashi.matching import live


@pytest.fixture(autouse=True)
def _fresh_live_index():
    """Each test's database starts empty; so does this process's in-memory index."""
    live.forget()
    yield
    live.forget()
