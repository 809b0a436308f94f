"""Fixtures of the news desk's tests: who uses the desk, and a Vietnamese article with the
facts document the engine gives for it, written by hand in the engine's format
(docs/news-format.md), so that the desk is tested without the engine's own judgement."""

import pytest
from django.test import Client

from kakehashi.directory.models import OrganisationKind
from kakehashi.news.importing import import_article
from kakehashi.news.models import ArticleOrigin
from kakehashi.news.reading import store_facts
from tests.factories import OrganisationFactory, UserFactory, locality, member_of

VI_TEXT = (
    "TP.HCM tăng cường hợp tác với các địa phương Nhật Bản\n\n"
    "Ngày 25/11/2023, Phó Chủ tịch UBND TP.HCM Võ Văn Hoan đã tiếp Thứ trưởng Bộ Ngoại giao "
    "Nhật Bản Yamada Kenji đang thăm và làm việc tại TP.HCM.\n\n"
    "Thành phố đã chọn tỉnh Aichi, thành phố Osaka và tỉnh Osaka là đối tác ưu tiên đến năm "
    "2025.\n\n"
    "Hai bên đã ký biên bản ghi nhớ hợp tác về nông nghiệp giữa TP.HCM và tỉnh Osaka ngày "
    "1/3/2024.\n\n"
    "Hiện TP.HCM có quan hệ hợp tác với 7 địa phương Nhật Bản."
)


def sentence(text: str, start_of: str) -> tuple[str, list[int]]:
    start = text.index(start_of)
    end = min(i for i in (text.find(".\n", start), len(text) - 1) if i >= 0) + 1
    return text[start:end], [start, end]


def place(name: str, slug: str | None) -> dict:
    return {"name": name, "slug": slug}


def mention(text: str, written: str, kind: str, slug=None) -> dict:
    start = text.index(written)
    return {
        "kind": kind,
        "start": start,
        "end": start + len(written),
        "text": written,
        "slug": slug,
        "key": None,
    }


def vi_document(text: str = VI_TEXT, *, host_slug="ho-chi-minh-city") -> dict:
    visit_evidence, visit_span = sentence(text, "Ngày 25/11/2023")
    list_evidence, list_span = sentence(text, "Thành phố đã chọn")
    mou_evidence, mou_span = sentence(text, "Hai bên đã ký")
    count_evidence, count_span = sentence(text, "Hiện TP.HCM")
    hcmc = place("TP.HCM", "ho-chi-minh-city")
    return {
        "format": "kakehashi-news/1",
        "language": "vi",
        "published": "2023-11-26",
        "facts": [
            {
                "type": "visit",
                "visitor": "Yamada Kenji",
                "visitor_role": "Thứ trưởng Bộ Ngoại giao Nhật Bản",
                "host": "Võ Văn Hoan",
                "host_role": "Phó Chủ tịch UBND TP.HCM",
                "host_locality": place("TP.HCM", host_slug),
                "date": "2023-11-25",
                "purpose": None,
                "evidence": visit_evidence,
                "confidence": 0.9,
                "span": visit_span,
            },
            {
                "type": "priority_partners",
                "locality": hcmc,
                "partners": [
                    place("tỉnh Aichi", "aichi-prefecture"),
                    place("thành phố Osaka", "osaka-city"),
                    place("tỉnh Osaka", "osaka-prefecture"),
                ],
                "list_size": 3,
                "until": "2025",
                "evidence": list_evidence,
                "confidence": 0.85,
                "span": list_span,
            },
            {
                "type": "agreement",
                "parties": [hcmc, place("tỉnh Osaka", "osaka-prefecture")],
                "agreement_type": "field_mou",
                "type_as_stated": "biên bản ghi nhớ hợp tác",
                "field": "nông nghiệp",
                "date": "2024-03-01",
                "status": "signed",
                "evidence": mou_evidence,
                "confidence": 0.8,
                "span": mou_span,
            },
            {
                "type": "person",
                "name": "Võ Văn Hoan",
                "role": "Phó Chủ tịch",
                "organisation": {"name": "UBND TP.HCM", "slug": None, "key": None},
                "country": "VN",
                "evidence": visit_evidence,
                "confidence": 0.9,
                "span": visit_span,
            },
            {
                "type": "partnership_count",
                "locality": hcmc,
                "country": "JP",
                "count": 7,
                "evidence": count_evidence,
                "confidence": 0.8,
                "span": count_span,
            },
        ],
        "mentions": [
            mention(text, "TP.HCM", "locality", "ho-chi-minh-city"),
            mention(text, "Ngày 25/11/2023", "date"),
            mention(text, "Võ Văn Hoan", "person"),
            mention(text, "Bộ Ngoại giao", "organisation"),
            mention(text, "tỉnh Aichi", "locality", "aichi-prefecture"),
            mention(text, "thành phố Osaka", "locality", "osaka-city"),
        ],
    }


def visit_form(suggestion, *, host: str = "ho-chi-minh-city", started_on="2023-11-25") -> dict:
    """The Accept form of a visit suggestion as a person fills it in: from the Ministry of
    Foreign Affairs of Japan (a body, not a locality) to `host` (a slug)."""
    prefix = f"s{suggestion.pk}"
    form = {
        f"{prefix}-visitor_name": "Bộ Ngoại giao Nhật Bản",
        f"{prefix}-host": locality(host).pk,
        f"{prefix}-purpose": "Làm việc",
    }
    if started_on:
        form[f"{prefix}-started_on"] = started_on
    return form


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator(reference):
    return UserFactory(is_superuser=True, is_staff=True, full_name="Desk Moderator")


@pytest.fixture
def hcmc_government(reference):
    return OrganisationFactory(
        name="Ho Chi Minh City People's Committee",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        country="VN",
        locality=locality("ho-chi-minh-city"),
    )


@pytest.fixture
def hcmc_editor(hcmc_government):
    return member_of(hcmc_government, full_name="HCMC Editor")


@pytest.fixture
def osaka_editor(reference):
    osaka = OrganisationFactory(
        name="Osaka Prefectural Government",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        country="JP",
        locality=locality("osaka-prefecture"),
    )
    return member_of(osaka, full_name="Osaka Editor")


@pytest.fixture
def kyoto_editor(reference):
    kyoto = OrganisationFactory(
        name="Kyoto Prefectural Government",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        country="JP",
        locality=locality("kyoto-prefecture"),
    )
    return member_of(kyoto, full_name="Kyoto Editor")


@pytest.fixture
def plain_member(reference):
    return member_of(OrganisationFactory(name="Cold Chain Co."), full_name="Plain Member")


@pytest.fixture
def vi_article(hcmc_editor):
    """The Vietnamese article, imported by HCMC's editor and read (by hand)."""
    article, _created = import_article(
        text=VI_TEXT,
        url="https://news.example.vn/tphcm-nhat-ban",
        origin=ArticleOrigin.PASTED,
        by=hcmc_editor,
    )
    store_facts(article=article, document=vi_document())
    article.refresh_from_db()
    return article
