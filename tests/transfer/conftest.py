import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kakehashi.directory.models import MembershipRole
from kakehashi.transfer.models import ImportBatch
from tests.factories import OrganisationFactory, UserFactory, locality, member_of


def csv_bytes(rows: list[list[str]], *, bom: bool = False, delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def read_xlsx(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def content_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def post_import(client: Client, kind: str, name: str, content: bytes):
    return client.post(reverse("transfer:index"), {"kind": kind, "file": upload(name, content)})


def latest_batch() -> ImportBatch:
    return ImportBatch.objects.order_by("-pk").first()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def platform_admin(reference):
    return UserFactory(is_superuser=True, is_staff=True, full_name="Platform Admin")


@pytest.fixture
def hcmc_government(reference):
    return OrganisationFactory(
        name="Ho Chi Minh City People's Committee",
        kind="local_government",
        locality=locality("ho-chi-minh-city"),
    )


@pytest.fixture
def hcmc_official(hcmc_government):
    """An administrator of Ho Chi Minh City's government."""
    return member_of(hcmc_government, role=MembershipRole.ADMIN, full_name="HCMC Official")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
