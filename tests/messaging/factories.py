"""Factories for the direct channel: organisations with people, and threads opened through
the services (so that parties, members and notices are what the platform makes)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.directory.models import MembershipRole
from kakehashi.messaging import services
from tests.factories import OrganisationFactory, locality, member_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def vietnamese_company(**fields):
    return OrganisationFactory(name=fields.pop("name", "Saigon Robotics"), country="VN", **fields)


def japanese_company(**fields):
    return OrganisationFactory(
        name=fields.pop("name", "Osaka Precision"),
        country="JP",
        locality=locality("osaka-prefecture"),
        **fields,
    )


def admin_of(organisation, **user_fields):
    return member_of(organisation, role=MembershipRole.ADMIN, **user_fields)


def thread_between(sender, from_organisation, to_organisation, *, body="Xin chào", **kwargs):
    return services.open_thread(
        subject=kwargs.pop("subject", "Cooperation on robotics"),
        from_organisation=from_organisation,
        to_organisation=to_organisation,
        by=sender,
        body=body,
        **kwargs,
    )


def upload(content: bytes = PDF, name: str = "offer.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def sized_upload(size: int, name: str = "big.pdf"):
    data = io.BytesIO(PDF[:-6] + b"0" * max(0, size - len(PDF)) + b"%%EOF\n")
    return SimpleUploadedFile(name, data.getvalue(), content_type="application/pdf")
