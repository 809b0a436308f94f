"""Translations of delegation visits: the purpose, the outcome, who led it and the visiting
body in the reader's language on the record's page and the locality's timeline, as written
when there is no translation; who may translate and who may not; bad input refused. The
page where people translate a visit: the visit's place (its agreement's page, or the
locality's timeline) links to it for those who may record the visit, and for no one else."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships import services
from kakehashi.partnerships.models import DelegationVisitTranslation
from kakehashi.partnerships.visit_translation_services import (
    save_visit_reference_translation,
    save_visit_translation,
)
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.shapes import user_named

pytestmark = pytest.mark.usefixtures("reference")

PURPOSE = "Investment promotion seminar."
PURPOSE_VI = "Hội thảo xúc tiến đầu tư."
PURPOSE_JA = "投資促進セミナー。"


def government(slug: str, country: str):
    return OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country=country, locality=locality(slug)
    )


@pytest.fixture
def hcmc_editor():
    return member_of(government("ho-chi-minh-city", "VN"))


@pytest.fixture
def visit():
    """A ministry's visit to Osaka, recorded by a platform administrator."""
    return services.record_visit(
        partnership=None,
        visitor=None,
        visitor_name="Ministry of Industry and Trade",
        host=locality("osaka-prefecture"),
        started_on=dt.date(2024, 10, 14),
        ended_on=None,
        purpose=PURPOSE,
        delegation_lead="Deputy Minister",
        by=user_named("platform_admin"),
    )


@pytest.fixture
def hcmc_visit(hcmc_editor):
    return services.record_visit(
        partnership=None,
        visitor=locality("ho-chi-minh-city"),
        host=locality("osaka-prefecture"),
        started_on=dt.date(2024, 10, 14),
        ended_on=None,
        purpose=PURPOSE,
        by=hcmc_editor,
    )


def osaka_agreement(editor):
    """An agreement between Osaka Prefecture and Ho Chi Minh City, recorded by `editor`."""
    return services.create_partnership(
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


def page(client, language: str, slug: str = "osaka-prefecture") -> str:
    client.cookies["kakehashi_language"] = language
    return client.get(f"/localities/{slug}/").content.decode()


def test_the_reader_sees_the_visiting_body_in_their_language(client, visit):
    save_visit_reference_translation(
        visit=visit, language="ja", purpose=PURPOSE_JA, visitor_name="商工省"
    )
    assert "商工省" in page(client, "ja") and "Ministry of Industry" not in page(client, "ja")
    # No Vietnamese translation: the body as written.
    assert "Ministry of Industry and Trade" in page(client, "vi")


def test_the_record_page_shows_purpose_and_leader_in_the_readers_language(client, hcmc_editor):
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    partnership = osaka_agreement(hcmc_editor)
    visit = services.record_visit(
        partnership=partnership,
        visitor=hcmc,
        host=osaka,
        started_on=dt.date(2024, 10, 14),
        ended_on=None,
        purpose=PURPOSE,
        outcome="Three companies will visit.",
        delegation_lead="Vice-Chairman",
        by=hcmc_editor,
    )
    save_visit_reference_translation(
        visit=visit,
        language="vi",
        purpose=PURPOSE_VI,
        delegation_lead="Phó Chủ tịch",
        outcome="",
    )
    client.cookies["kakehashi_language"] = "vi"
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert f'<span lang="vi">{PURPOSE_VI}</span>' in html and "Phó Chủ tịch" in html
    # The outcome is not translated: shown as written, marked as English.
    assert '<span lang="en">Three companies will visit.</span>' in html
    assert PURPOSE not in html and "Vice-Chairman" not in html
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert f'<span lang="en">{PURPOSE}</span>' in html


def test_the_recorder_translates_as_the_author_and_an_administrator_as_a_moderator(
    hcmc_visit, hcmc_editor
):
    row = save_visit_translation(
        visit=hcmc_visit, language="ja", purpose=f" {PURPOSE_JA} ", by=hcmc_editor
    )
    assert (row.source, row.made_by, row.purpose) == (
        TranslationSource.AUTHOR,
        hcmc_editor,
        PURPOSE_JA,
    )
    admin_row = save_visit_translation(
        visit=hcmc_visit, language="ja", purpose="投資セミナー。", by=user_named("platform_admin")
    )
    assert (admin_row.pk, admin_row.source) == (row.pk, TranslationSource.MODERATOR)
    assert (
        save_visit_reference_translation(visit=hcmc_visit, language="ja", purpose=PURPOSE_JA)
        is None
    )


@pytest.mark.parametrize("who", ["outsider", "stranger", "anonymous"])
def test_who_may_not_record_the_visit_may_not_translate_it(hcmc_visit, who):
    by = {
        "outsider": lambda: member_of(government("kyoto-prefecture", "JP")),
        "stranger": UserFactory,
    }.get(who, lambda: user_named("anonymous"))()
    with pytest.raises(PermissionDenied):
        save_visit_translation(visit=hcmc_visit, language="ja", purpose=PURPOSE_JA, by=by)
    assert not DelegationVisitTranslation.objects.exists()


@pytest.mark.parametrize(
    ("language", "texts", "code"),
    [
        ("en", {"purpose": PURPOSE}, "original_language"),
        ("fr", {"purpose": "Séminaire."}, "language_invalid"),
        ("ja", {"purpose": "  "}, "visit_purpose_missing"),
        ("ja", {"purpose": "注" * 2001}, "too_long"),
        ("ja", {"purpose": PURPOSE_JA, "outcome": "成果"}, "visit_text_without_original"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    hcmc_visit, hcmc_editor, language, texts, code
):
    with pytest.raises(ValidationError) as refused:
        save_visit_translation(visit=hcmc_visit, language=language, by=hcmc_editor, **texts)
    assert refused.value.code == code
    assert not DelegationVisitTranslation.objects.exists()


def test_a_visit_in_another_language_than_ours_is_refused(hcmc_editor):
    with pytest.raises(ValidationError) as refused:
        services.record_visit(
            partnership=None,
            visitor=locality("ho-chi-minh-city"),
            host=locality("osaka-prefecture"),
            started_on=dt.date(2024, 10, 14),
            ended_on=None,
            purpose=PURPOSE,
            language="fr",
            by=hcmc_editor,
        )
    assert refused.value.code == "language_invalid"


def test_the_visit_form_records_the_language_the_texts_are_written_in(client, hcmc_editor):
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    partnership = osaka_agreement(hcmc_editor)
    client.force_login(hcmc_editor)
    client.cookies["kakehashi_language"] = "vi"
    url = f"/partnerships/{partnership.pk}/visits/new/"
    assert '<option value="vi" selected>' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "visitor": hcmc.pk,
            "host": osaka.pk,
            "started_on": "2024-10-14",
            "purpose": PURPOSE_VI,
            "language": "vi",
        },
    )
    assert response.status_code == 302
    assert partnership.visits.get().language == "vi"


# The translation page.


@pytest.fixture
def agreement_visit(hcmc_editor):
    """Ho Chi Minh City's visit to Osaka under an agreement its government recorded."""
    return services.record_visit(
        partnership=osaka_agreement(hcmc_editor),
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


@pytest.mark.parametrize("kind", ["hcmc_visit", "agreement_visit"])
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
    response = client.post(translate_url(visit), {"language": "vi", "purpose": PURPOSE_VI})
    assert response.status_code == 302
    assert response.url == visit.get_absolute_url()
    row = DelegationVisitTranslation.objects.get()
    assert (row.visit, row.language, row.purpose, row.made_by) == (
        visit,
        "vi",
        PURPOSE_VI,
        hcmc_editor,
    )


def test_the_form_opens_with_the_stored_translation(client, hcmc_editor, hcmc_visit):
    save_visit_reference_translation(visit=hcmc_visit, language="vi", purpose=PURPOSE_VI)
    client.force_login(hcmc_editor)
    assert PURPOSE_VI in client.get(translate_url(hcmc_visit) + "?language=vi").content.decode()


def test_a_reader_of_the_originals_language_sees_the_first_other_languages_texts(
    client, hcmc_editor, hcmc_visit
):
    """The menu shows Vietnamese first: the texts below are the Vietnamese translation's."""
    save_visit_reference_translation(visit=hcmc_visit, language="vi", purpose=PURPOSE_VI)
    client.force_login(hcmc_editor)
    url = translate_url(hcmc_visit)
    html = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert '<option value="vi" selected>' in html and PURPOSE_VI in html


def test_a_platform_administrator_translates_any_visit(client, visit):
    client.force_login(user_named("platform_admin"))
    assert translate_url(visit) in where_shown(client, visit)
    response = client.post(
        translate_url(visit), {"language": "ja", "purpose": PURPOSE_JA, "visitor_name": "商工省"}
    )
    assert response.status_code == 302
    assert DelegationVisitTranslation.objects.get().visitor_name == "商工省"


@pytest.mark.parametrize("kind", ["hcmc_visit", "agreement_visit"])
@pytest.mark.parametrize("who", ["other_government", "plain_member", "stranger", "anonymous"])
def test_who_may_not_record_the_visit_may_not_open_the_page(client, who, kind, request):
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


@pytest.mark.parametrize("who", ["stranger", "other_government"])
def test_a_visit_of_an_agreement_the_reader_may_not_see_is_not_found(client, who, agreement_visit):
    agreement_visit.partnership.is_published = False
    agreement_visit.partnership.save()
    if who == "stranger":
        client.force_login(UserFactory())
    else:
        client.force_login(member_of(government("kyoto-prefecture", "JP")))
    for response in (
        client.get(translate_url(agreement_visit)),
        client.post(translate_url(agreement_visit), {"language": "vi", "purpose": PURPOSE_VI}),
    ):
        assert response.status_code == 404
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
def test_bad_input_is_told_on_the_form_and_changes_nothing(client, hcmc_editor, hcmc_visit, data):
    client.force_login(hcmc_editor)
    response = client.post(translate_url(hcmc_visit), data)
    assert response.status_code == 200
    assert 'class="error' in response.content.decode()
    assert not DelegationVisitTranslation.objects.exists()


def test_a_text_the_visit_lacks_cannot_be_slipped_in(client, hcmc_editor, hcmc_visit):
    """The form has no field for the outcome the visit lacks: a posted one is ignored."""
    client.force_login(hcmc_editor)
    response = client.post(
        translate_url(hcmc_visit), {"language": "vi", "purpose": PURPOSE_VI, "outcome": "Kết quả"}
    )
    assert response.status_code == 302
    assert DelegationVisitTranslation.objects.get().outcome == ""
