"""Dates typed in the order of the page's language, not the browser's: day first in
Vietnamese and English, year first in Japanese; the ISO form from everyone; a refusal that
shows how to write it, in the reader's language, and nothing written."""

import datetime as dt

import pytest
from django.utils import translation

from kakehashi.common.date_input import ReaderDateField, input_format, parse_typed, typed
from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships import services
from kakehashi.partnerships.models import DelegationVisit
from tests.factories import OrganisationFactory, locality, member_of

DAY = dt.date(2026, 3, 9)


@pytest.mark.parametrize(
    ("language", "form", "text"),
    [
        ("vi", "%d/%m/%Y", "9/3/2026"),
        ("ja", "%Y/%m/%d", "2026/3/9"),
        ("en", "%d/%m/%Y", "09/03/2026"),
    ],
)
def test_each_language_types_the_date_in_its_own_order(language, form, text):
    assert input_format(language) == form
    assert typed(DAY, language) == text
    assert parse_typed(text, language) == DAY
    assert parse_typed("2026-03-09", language) == DAY  # ISO, from scripts and the API
    assert parse_typed("March 9", language) is None


def test_a_vietnamese_reader_is_not_read_month_first():
    assert parse_typed("3/9/2026", "vi") == dt.date(2026, 9, 3)
    assert parse_typed("12/31/2026", "vi") is None


@pytest.mark.parametrize(
    ("language", "hint", "refusal"),
    [
        ("vi", "Ngày/tháng/năm, ví dụ 9/3/2026.", "Hãy viết ngày theo mẫu: 9/3/2026."),
        (
            "ja",
            "年/月/日の順に入力してください（例：2026/3/9）。",
            "日付は次の形式で入力してください：2026/3/9。",
        ),
        (
            "en",
            "Day, month and year, for example 09/03/2026.",
            "Write the date like this: 09/03/2026.",
        ),
    ],
)
def test_the_hint_and_the_refusal_are_in_the_readers_language(language, hint, refusal):
    field = ReaderDateField(label="Day")
    with translation.override(language):
        assert str(field.help_text) == hint
        with pytest.raises(Exception) as refused:
            field.clean("31.12.")
        assert refused.value.messages == [refusal]
        assert field.widget.format_value(DAY) == typed(DAY, language)


@pytest.fixture
def partnership(reference):
    hcmc = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country="VN", locality=locality("ho-chi-minh-city")
    )
    editor = member_of(hcmc)
    record = services.create_partnership(
        data=services.PartnershipInput(
            title="Osaka MoU",
            kind="cooperation_mou",
            parties=[
                services.PartyInput(locality=locality("osaka-prefecture")),
                services.PartyInput(locality=locality("ho-chi-minh-city")),
            ],
        ),
        by=editor,
    )
    return record, editor


def _visit(client, partnership, started_on):
    return client.post(
        f"/partnerships/{partnership.pk}/visits/new/",
        {
            "visitor": locality("ho-chi-minh-city").pk,
            "host": locality("osaka-prefecture").pk,
            "started_on": started_on,
            "purpose": "Hội thảo xúc tiến đầu tư.",
            "language": "vi",
        },
    )


def test_the_visit_form_reads_the_vietnamese_order(client, partnership):
    record, editor = partnership
    client.force_login(editor)
    client.cookies["kakehashi_language"] = "vi"
    page = client.get(f"/partnerships/{record.pk}/visits/new/").content.decode()
    assert 'type="date"' not in page and "ví dụ 9/3/2026" in page
    assert _visit(client, record, "14/10/2024").status_code == 302
    assert DelegationVisit.objects.get().started_on == dt.date(2024, 10, 14)


def test_a_date_the_reader_cannot_mean_is_refused_and_nothing_is_written(client, partnership):
    record, editor = partnership
    client.force_login(editor)
    client.cookies["kakehashi_language"] = "vi"
    response = _visit(client, record, "10/14/2024")  # month first: not a Vietnamese date
    assert response.status_code == 200
    assert "Hãy viết ngày theo mẫu: 9/3/2026." in response.content.decode()
    assert 'value="10/14/2024"' in response.content.decode()  # kept as typed, to correct
    assert not DelegationVisit.objects.exists()
