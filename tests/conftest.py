import pytest

from kakehashi.directory.models import Locality
from kakehashi.directory.reference import load_reference


def ensure_reference_data():
    if not Locality.objects.exists():
        load_reference()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_reference_data()


@pytest.fixture
def reference(db):
    """Sectors and localities (loaded once per database; reloaded after a flush)."""
    ensure_reference_data()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MATCHING_SNAPSHOT_DIR = tmp_path / "matching-snapshots"
    # Tasks run at once, in the test's own thread and transaction.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    # Hashing passwords properly is slow by design; tests need no protection.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english(settings):
    """Tests read English unless they choose another language."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_matching_context():
    """The matching's relationship context is cached a minute per process; each test's
    database is new."""
    from kakehashi.matching.context import forget_context

    forget_context()
    yield
    forget_context()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches (pages kept for anonymous visitors among them)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
