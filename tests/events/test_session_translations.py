"""A session's title and an event's description in each language: given on the session and
event forms by the organisers (and nobody else), refused with a message and nothing written
when wrong, and shown to each reader in their language."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.events import services
from kakehashi.events.models import EventTranslation, Session, SessionTranslation
from tests.events.test_events import EVENT
from tests.factories import OrganisationFactory, locality, member_of

pytestmark = pytest.mark.usefixtures("reference")

TITLE_EN = "Panel: digital transformation and smart cities"
TITLE_JA = "パネルディスカッション：デジタルトランスフォーメーションとスマートシティ"
TITLE_VI = "Phiên thảo luận: chuyển đổi số và đô thị thông minh"
SESSION = {
    "kind": "panel",
    "title": TITLE_EN,
    "language": "en",
    "starts_at": "2027-03-10T10:30",
    "ends_at": "2027-03-10T12:00",
    "room": "Hall A",
    "speakers": "",
}


@pytest.fixture
def ministry():
    return OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY, locality=locality("hanoi"))


@pytest.fixture
def organiser(ministry):
    return member_of(ministry, role=MembershipRole.ADMIN)


@pytest.fixture
def event(ministry, organiser):
    return services.create_event(by=organiser, organisers=[ministry], **EVENT)


def event_time(hour, minute=0):
    return dt.datetime(2027, 3, 10, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def page(client, url, language):
    client.cookies["kakehashi_language"] = language
    return client.get(url).content.decode()


def test_an_organiser_adds_a_session_with_its_titles_in_each_language(client, event, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("events:session_create", args=[event.slug]),
        SESSION | {"title_ja": TITLE_JA, "title_vi": TITLE_VI, "title_en": ""},
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert dict(session.translations.values_list("language", "title")) == {
        "ja": TITLE_JA,
        "vi": TITLE_VI,
    }
    assert {row.source for row in session.translations.all()} == {TranslationSource.AUTHOR}

    url = event.get_absolute_url()
    assert TITLE_JA in page(client, url, "ja") and TITLE_EN not in page(client, url, "ja")
    assert TITLE_VI in page(client, url, "vi")
    assert TITLE_EN in page(client, url, "en") and TITLE_JA not in page(client, url, "en")


def test_editing_a_session_changes_and_removes_its_translations(client, event, organiser):
    session = services.add_session(
        event=event,
        by=organiser,
        title_translations={"ja": "旧題", "vi": TITLE_VI},
        **(SESSION | {"starts_at": event_time(10, 30), "ends_at": event_time(12)}),
    )
    client.force_login(organiser)
    url = reverse("events:session_edit", args=[event.slug, session.pk])
    assert "旧題" in client.get(url).content.decode()  # the form shows what is there

    response = client.post(url, SESSION | {"title_ja": TITLE_JA, "title_vi": ""})

    assert response.status_code == 302
    assert dict(session.translations.values_list("language", "title")) == {"ja": TITLE_JA}


def test_a_translation_in_the_titles_own_language_is_refused_and_nothing_changes(
    client, event, organiser
):
    client.force_login(organiser)
    client.cookies["kakehashi_language"] = "vi"
    response = client.post(
        reverse("events:session_create", args=[event.slug]),
        SESSION | {"title_en": "Another English title", "title_ja": TITLE_JA},
    )
    assert response.status_code == 200
    assert (
        "Phần tiêu đề được viết bằng Tiếng Anh: hãy nhập bản dịch sang các ngôn ngữ còn lại."
        in response.content.decode()
    )
    assert not Session.objects.exists() and not SessionTranslation.objects.exists()


@pytest.mark.parametrize(
    "titles, code",
    [
        ({"en": "Another"}, "original_language"),
        ({"ja": "題" * 201}, "too_long"),
        ({"fr": "Table ronde"}, "language_invalid"),
    ],
)
def test_bad_translations_change_nothing(event, organiser, titles, code):
    session = services.add_session(
        event=event,
        by=organiser,
        title_translations={"ja": TITLE_JA},
        **(SESSION | {"starts_at": event_time(10, 30), "ends_at": event_time(12)}),
    )
    with pytest.raises(ValidationError) as raised:
        services.update_session(
            session=session, by=organiser, title="Changed", title_translations=titles
        )
    assert raised.value.code == code
    session.refresh_from_db()
    assert session.title == TITLE_EN
    assert dict(session.translations.values_list("language", "title")) == {"ja": TITLE_JA}


def test_who_does_not_organise_the_event_may_not_edit_its_sessions(client, event, organiser):
    session = services.add_session(
        event=event,
        by=organiser,
        **(SESSION | {"starts_at": event_time(10, 30), "ends_at": event_time(12)}),
    )
    client.force_login(member_of(OrganisationFactory(), role=MembershipRole.ADMIN))
    url = reverse("events:session_edit", args=[event.slug, session.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, SESSION | {"title_ja": "乗っ取り"}).status_code == 403
    assert not SessionTranslation.objects.exists()


def test_the_event_description_in_the_readers_language_with_the_original_at_hand(
    client,
    event,
    organiser,
    ministry,
):
    client.force_login(organiser)
    data = {k: v for k, v in EVENT.items() if not isinstance(v, bool)} | {
        "organisers": [ministry.pk],
        "description": "Provincial leaders meet Japanese partners.",
        "language": "en",
        "description_ja": "各省の幹部が日本のパートナーと会します。",
        "is_published": "on",
    }
    response = client.post(reverse("events:edit", args=[event.slug]), data)
    assert response.status_code == 302
    assert EventTranslation.objects.get().language == "ja"
    client.logout()

    html = page(client, event.get_absolute_url(), "ja")
    assert "各省の幹部が日本のパートナーと会します。" in html and 'href="?original=1"' in html
    original = client.get(event.get_absolute_url(), {"original": "1"}).content.decode()
    assert "Provincial leaders meet Japanese partners." in original
    # A Vietnamese reader has no translation yet: the original, said so.
    html = page(client, event.get_absolute_url(), "vi")
    assert "Provincial leaders meet Japanese partners." in html
    assert "Chưa có bản dịch sang tiếng Việt." in html
