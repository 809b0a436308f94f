"""Who may NOT change the partnership registry: every service refuses a member of an
organisation that is no party, a signed-in user who acts for none and an anonymous caller
(partnerships.rules.require), and writes nothing. The pages and the API ask the same
permissions first (their own tests); this is the services' own guard."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.common.models import AuditEntry
from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships import services
from kakehashi.partnerships.models import (
    DelegationVisit,
    Document,
    Partnership,
    PartnershipTranslation,
    PriorityList,
    PriorityListTranslation,
    PriorityPartner,
    Renewal,
)
from kakehashi.partnerships.priority_list_services import (
    add_priority_partners,
    record_priority_list,
    save_priority_list_translation,
)
from kakehashi.partnerships.translation_services import save_translation
from tests.factories import OrganisationFactory, locality, member_of
from tests.shapes import OTHERS, assert_done, assert_refused, user_named

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _agreement(title: str) -> services.PartnershipInput:
    return services.PartnershipInput(
        title=title,
        kind="cooperation_mou",
        parties=[
            services.PartyInput(locality=locality("da-nang")),
            services.PartyInput(locality=locality("yokohama-city")),
        ],
    )


@pytest.fixture
def registry():
    """Da Nang's government records an agreement with Yokohama and a list of priority
    partners; Kyoto's government is no party to either."""
    danang = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country="VN", locality=locality("da-nang")
    )
    kyoto = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country="JP", locality=locality("kyoto-prefecture")
    )
    editor = member_of(danang)
    partnership = services.create_partnership(data=_agreement("Da Nang – Yokohama MoU"), by=editor)
    priority_list = record_priority_list(
        locality=locality("da-nang"),
        title="Priority partners to 2030",
        period_start=2025,
        period_end=2030,
        partners=[locality("yokohama-city")],
        by=editor,
    )
    return editor, member_of(kyoto), partnership, priority_list


CALLS = {
    "update_partnership": lambda p, pl, by: services.update_partnership(
        partnership=p, data=_agreement("Renamed"), by=by
    ),
    "delete_partnership": lambda p, pl, by: services.delete_partnership(partnership=p, by=by),
    "add_document": lambda p, pl, by: services.add_document(
        partnership=p,
        title="Signed MoU",
        upload=SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf"),
        by=by,
    ),
    "record_visit": lambda p, pl, by: services.record_visit(
        partnership=p,
        visitor=locality("da-nang"),
        host=locality("yokohama-city"),
        started_on=dt.date(2024, 5, 1),
        ended_on=None,
        purpose="Study tour",
        by=by,
    ),
    "record_visit_under_no_agreement": lambda p, pl, by: services.record_visit(
        partnership=None,
        visitor=locality("da-nang"),
        host=locality("osaka-city"),
        started_on=dt.date(2024, 6, 1),
        ended_on=None,
        purpose="Trade mission",
        by=by,
    ),
    "add_renewal": lambda p, pl, by: services.add_renewal(
        partnership=p, renewed_on=dt.date(2024, 1, 1), note="Renewed", by=by
    ),
    "save_translation": lambda p, pl, by: save_translation(
        partnership=p, language="ja", title="ダナン・横浜覚書", by=by
    ),
    "record_priority_list": lambda p, pl, by: record_priority_list(
        locality=locality("da-nang"),
        title="Priority partners to 2035",
        period_start=2031,
        period_end=2035,
        partners=[locality("osaka-city")],
        by=by,
    ),
    "add_priority_partners": lambda p, pl, by: add_priority_partners(
        priority_list=pl, partners=[locality("osaka-city")], by=by
    ),
    "save_priority_list_translation": lambda p, pl, by: save_priority_list_translation(
        priority_list=pl, language="vi", title="Đối tác ưu tiên đến năm 2030", by=by
    ),
}


def state() -> tuple:
    """What any of the calls would change."""
    return (
        list(Partnership.objects.values_list("pk", "title")),
        Document.objects.count(),
        DelegationVisit.objects.count(),
        Renewal.objects.count(),
        PartnershipTranslation.objects.count(),
        list(PriorityList.objects.values_list("pk", "title")),
        PriorityPartner.objects.count(),
        PriorityListTranslation.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize("who", OTHERS)
def test_only_the_parties_may(registry, call, who):
    _editor, outsider, partnership, priority_list = registry
    by = outsider if who == "outsider" else user_named(who)
    assert_refused(lambda: call(partnership, priority_list, by), state)


@pytest.mark.parametrize("who", ["stranger", "anonymous"])
def test_only_members_of_an_organisation_may_record_an_agreement(registry, who):
    by = user_named(who)
    assert_refused(
        lambda: services.create_partnership(data=_agreement("Another MoU"), by=by), state
    )


def test_a_member_of_another_organisation_may_not_record_it_for_the_parties(registry):
    """They may record agreements, only not this one: a refusal of the parties named."""
    _editor, outsider, _partnership, _list = registry
    error = assert_refused(
        lambda: services.create_partnership(data=_agreement("Another MoU"), by=outsider),
        state,
        ValidationError,
    )
    assert error.code == "not_a_party"


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize("who", ["editor", "platform_admin"])
def test_a_party_and_a_platform_administrator_may(registry, call, who):
    editor, _outsider, partnership, priority_list = registry
    by = editor if who == "editor" else user_named(who)
    assert_done(lambda: call(partnership, priority_list, by), state)
