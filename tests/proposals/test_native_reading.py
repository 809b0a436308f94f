"""Three readings a native reader asked for on proposal pages: target countries under their
own name ("Quốc gia mục tiêu: Nhật Bản"), an investment project's capital as "Vốn đầu tư" and an
outcome's amount as "Giá trị", and language names inside sentences in lower case in Vietnamese
("dịch từ tiếng Nhật")."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import translation

from kakehashi.common.i18n import Language
from kakehashi.directory.models import Locality
from kakehashi.insights.forms import OutcomeForm
from kakehashi.proposals.models import ProposalTargetCountry
from kakehashi.proposals.translation_services import save_translation
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import investment_project, published

pytestmark = pytest.mark.usefixtures("reference")


def page(client, proposal, language):
    client.cookies["kakehashi_language"] = language
    response = client.get(proposal.get_absolute_url())
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("language", "in_sentence"),
    [("vi", ["tiếng Anh", "tiếng Việt", "tiếng Nhật"]), ("ja", ["英語", "ベトナム語", "日本語"])],
)
def test_language_names_inside_a_sentence(language, in_sentence):
    with translation.override(language):
        assert [Language(code).in_sentence for code in Language.values] == in_sentence
        # Standing alone (a menu, a tab), the label keeps its capital.
        assert str(Language.VI.label) == ("Tiếng Việt" if language == "vi" else "ベトナム語")


def test_the_translation_note_names_the_language_in_lower_case(client):
    company = OrganisationFactory(locality=locality("osaka-prefecture"), country="JP")
    author = member_of(company)
    proposal = published(
        organisation=company, created_by=author, language="ja", title="冷凍倉庫の設計"
    )
    save_translation(
        proposal=proposal, language="vi", title="Thiết kế kho lạnh", summary="", by=author
    )
    assert "Được người soạn dịch từ tiếng Nhật." in page(client, proposal, "vi")
    save_translation(
        proposal=proposal, language="en", title="Cold storage design", summary="", by=author
    )
    assert "Translated from Japanese by the author." in page(client, proposal, "en")


def test_target_countries_and_investment_capital_read_natively(client):
    proposal = investment_project(
        status="published",
        published_on=dt.date(2026, 11, 23),
        expires_on=dt.date(2027, 11, 23),
        language="vi",
        organisation=OrganisationFactory(locality=locality("can-tho")),
    )
    proposal.investment.amount = Decimal("1500000")
    proposal.investment.save()
    ProposalTargetCountry.objects.create(proposal=proposal, country="JP")
    proposal.target_localities.add(Locality.objects.get(slug="osaka-prefecture"))
    html = page(client, proposal, "vi")
    assert "<dt>Quốc gia mục tiêu</dt><dd>Nhật Bản</dd>" in html
    assert "<dt>Địa phương mục tiêu</dt>" in html
    assert "<dt>Vốn đầu tư</dt>" in html
    assert "<dt>投資額</dt>" in page(client, proposal, "ja")


def test_an_outcome_amount_is_a_value_not_investment_capital():
    with translation.override("vi"):
        form = OutcomeForm(localities=Locality.objects.none())
        assert str(form.fields["amount"].label) == "Giá trị"
