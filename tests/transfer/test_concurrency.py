"""Two confirmations of the same batch at once: one writes, the other is refused."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from kakehashi.directory.models import Organisation
from kakehashi.transfer import services
from kakehashi.transfer.models import BatchStatus, ImportBatch
from tests.factories import UserFactory
from tests.transfer.conftest import csv_bytes, upload


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_confirmations_write_once(reference):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("threads cannot share an in-memory SQLite test database")
    admin = UserFactory(is_superuser=True)
    content = csv_bytes([["name", "country"], ["Acme", "VN"], ["Beta", "JP"]])
    batch = services.create_batch(by=admin, kind="organisations", upload=upload("o.csv", content))
    barrier = threading.Barrier(2)
    outcomes = []

    def confirm():
        barrier.wait()
        try:
            services.apply_batch(batch=ImportBatch.objects.get(pk=batch.pk), by=admin)
            outcomes.append("applied")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["applied", "batch_not_pending"]
    assert Organisation.objects.count() == 2
    assert ImportBatch.objects.get().status == BatchStatus.APPLIED
