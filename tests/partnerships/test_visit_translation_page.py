"""The page where people translate a delegation visit: those who may record the visit
translate it there, the visit's place (its agreement's page, or the locality's timeline)
links to it for them and for no one else, and bad input changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships import services
from kakehashi.partnerships.models import DelegationVisitTranslation
from kakehashi.partnerships.visit_translation_services import save_visit_reference_translation
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.shapes import user_named

pytestmark = pytest.mark.usefixtures("reference")

PURPOSE = "Investment promotion seminar."
PURPOSE_VI = "Hội thảo xúc tiến đầu tư."
PURPOSE_JA = "投資促進セミナー。"
LEAD_VI = "Phó Chủ tịch"


def government(slug: str, country: str):
    return OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country=country, locality=locality(slug)
    )


@pytest.fixture
def hcmc_editor():
    return member_of(government("ho-chi-minh-city", "VN"))


@pytest.fixture
def visit(hcmc_editor):
    """Ho Chi Minh City's visit to Osaka, under no agreement."""
    return services.record_visit(
        partnership=None,
        visitor=locality("ho-chi-minh-city"),
        host=locality("osaka-prefecture"),
        started_on=dt.date(2024, 10, 14),
        ended_on=None,
        purpose=PURPOSE,
        delegation_lead="Vice-Chairman",
        by=hcmc_editor,
    )


@pytest.fixture
def agreement_visit(hcmc_editor):
    """The same visit, under an agreement Ho Chi Minh City's government recorded."""
    partnership = services.create_partnership(
        data=services.PartnershipInput(
            title="Osaka MoU",
            kind="cooperation_mou",
            parties=[
                services.PartyInput(locality=locality("osaka-prefecture")),
                services.PartyInput(locality=locality("ho-chi-minh-city")),
            ],
        ),
        by=hcmc_editor,
    )
    return services.record_visit(
        partnership=partnership,
        visitor=locality("ho-chi-minh-city"),
        host=locality("osaka-prefecture"),
        started_on=dt.date(2024, 10, 14),
        ended_on=None,
        purpose=PURPOSE,
        by=hcmc_editor,
    )


def translate_url(visit) -> str:
    return reverse("partnerships:translate_visit", args=[visit.pk])


def where_shown(client, visit) -> str:
    return client.get(visit.get_absolute_url()).content.decode()


@pytest.mark.parametrize("kind", ["visit", "agreement_visit"])
def test_who_records_the_visit_translates_it_from_where_it_is_shown(
    client, hcmc_editor, kind, request
):
    visit = request.getfixturevalue(kind)
    client.force_login(hcmc_editor)
    assert translate_url(visit) in where_shown(client, visit)
    form = client.get(translate_url(visit), headers={"accept-language": "vi"}).content.decode()
    # The original's texts above the form; a text with no original has no field.
    assert f'<p lang="en">{PURPOSE}</p>' in form
    assert 'name="purpose"' in form and 'name="outcome"' not in form
    response = client.post(
        translate_url(visit), {"language": "vi", "purpose": PURPOSE_VI, "delegation_lead": ""}
    )
    assert response.status_code == 302
    assert response.url == visit.get_absolute_url()
    row = DelegationVisitTranslation.objects.get()
    assert (row.visit, row.language, row.purpose, row.made_by) == (
        visit,
        "vi",
        PURPOSE_VI,
        hcmc_editor,
    )


def test_the_form_opens_with_the_stored_translation(client, hcmc_editor, visit):
    save_visit_reference_translation(
        visit=visit, language="vi", purpose=PURPOSE_VI, delegation_lead=LEAD_VI
    )
    client.force_login(hcmc_editor)
    html = client.get(translate_url(visit) + "?language=vi").content.decode()
    assert PURPOSE_VI in html and f'value="{LEAD_VI}"' in html


def test_a_reader_of_the_originals_language_sees_the_first_other_languages_texts(
    client, hcmc_editor, visit
):
    """The menu shows Vietnamese first: the texts below are the Vietnamese translation's."""
    save_visit_reference_translation(visit=visit, language="vi", purpose=PURPOSE_VI)
    client.force_login(hcmc_editor)
    html = client.get(translate_url(visit), headers={"accept-language": "en"}).content.decode()
    assert '<option value="vi" selected>' in html and PURPOSE_VI in html


def test_a_platform_administrator_translates_any_visit(client, visit):
    client.force_login(user_named("platform_admin"))
    assert translate_url(visit) in where_shown(client, visit)
    response = client.post(translate_url(visit), {"language": "ja", "purpose": PURPOSE_JA})
    assert response.status_code == 302
    assert DelegationVisitTranslation.objects.get().purpose == PURPOSE_JA


@pytest.mark.parametrize("kind", ["visit", "agreement_visit"])
@pytest.mark.parametrize("who", ["other_government", "plain_member", "stranger", "anonymous"])
def test_who_may_not_record_the_visit_may_not_translate_it(client, who, kind, request):
    visit = request.getfixturevalue(kind)
    if who == "other_government":
        client.force_login(member_of(government("kyoto-prefecture", "JP")))
    elif who == "plain_member":
        company = OrganisationFactory(country="VN", locality=locality("ho-chi-minh-city"))
        client.force_login(member_of(company))
    elif who == "stranger":
        client.force_login(UserFactory())
    assert translate_url(visit) not in where_shown(client, visit)
    for response in (
        client.get(translate_url(visit)),
        client.post(translate_url(visit), {"language": "vi", "purpose": PURPOSE_VI}),
    ):
        assert response.status_code == (302 if who == "anonymous" else 403)
    assert not DelegationVisitTranslation.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"language": "en", "purpose": PURPOSE},  # the original's language
        {"language": "fr", "purpose": "Séminaire."},
        {"language": "vi", "purpose": "  "},
        {"language": "vi", "purpose": "ư" * 2001},
    ],
)
def test_bad_input_is_told_on_the_form_and_changes_nothing(client, hcmc_editor, visit, data):
    client.force_login(hcmc_editor)
    response = client.post(translate_url(visit), data)
    assert response.status_code == 200
    assert 'class="error' in response.content.decode()
    assert not DelegationVisitTranslation.objects.exists()


def test_a_text_the_visit_lacks_cannot_be_slipped_in(client, hcmc_editor, visit):
    """The form has no field for the outcome the visit lacks: a posted one is ignored."""
    client.force_login(hcmc_editor)
    response = client.post(
        translate_url(visit), {"language": "vi", "purpose": PURPOSE_VI, "outcome": "Kết quả"}
    )
    assert response.status_code == 302
    assert DelegationVisitTranslation.objects.get().outcome == ""
