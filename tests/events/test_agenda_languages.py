"""A Japanese delegation's agenda names every counterpart, its people and every session in
Japanese where a Japanese form is known, otherwise in the English or romanised form — never
in a Vietnamese a Japanese reader cannot read; the PDF and the ICS (download and feed) are
parsed as their readers' programs read them."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import OrganisationTranslation, Person
from kakehashi.events import services
from kakehashi.events.agenda import registration_language
from tests.events.builders import at
from tests.events.test_follow_up import accepted, published

DANANG_VI = "UBND thành phố Đà Nẵng"
DANANG_JA = "ダナン市人民委員会"
HUE_VI = "Sở Ngoại vụ thành phố Huế"
HUE_EN = "Hue Department of Foreign Affairs"
AN_VI, AN_KANA = "Nguyễn Văn An", "グエン・ヴァン・アン"
HOA_VI = "Lê Thị Hoa"
OPENING_EN, OPENING_JA = (
    "Opening plenary: cooperation between localities",
    "開会全体会合：地方間協力",
)
BREAK_EN = "Coffee break"


@pytest.fixture
def agenda(conference):
    """Osaka (ja) meets Da Nang (a Japanese translation of its name, a lead with a katakana
    form) and Hue (an English name only, a lead without a katakana form); the programme has a
    session translated into Japanese and one that is not."""
    event, organiser, delegations = conference
    danang, hue = delegations["danang"][0], delegations["hue"][0]
    for registration, name, name_en, lead, kana in [
        (danang, DANANG_VI, "", AN_VI, AN_KANA),
        (hue, HUE_VI, HUE_EN, HOA_VI, ""),
    ]:
        organisation = registration.organisation
        organisation.name, organisation.name_en, organisation.language = name, name_en, "vi"
        organisation.save()
        Person.objects.filter(pk=registration.lead_id).update(full_name=lead, name_kana=kana)
    OrganisationTranslation.objects.create(
        organisation=danang.organisation,
        language="ja",
        name=DANANG_JA,
        source=TranslationSource.AUTHOR,
    )
    services.add_session(
        event=event,
        by=organiser,
        kind="plenary",
        title=OPENING_EN,
        language="en",
        title_translations={"ja": OPENING_JA},
        starts_at=at(9),
        ends_at=at(10, 30),
        room="Hall A",
    )
    services.add_session(
        event=event,
        by=organiser,
        kind="break",
        title=BREAK_EN,
        starts_at=at(10, 30),
        ends_at=at(11),
    )
    published(event, organiser, accepted(delegations, "danang", "osaka"), slot_index=0)
    published(event, organiser, accepted(delegations, "hue", "osaka"), slot_index=1)
    osaka, osaka_user = delegations["osaka"]
    osaka_user.preferred_language = "ja"
    osaka_user.save()
    return event, osaka, osaka_user


def squashed(text: str) -> str:
    """Without spaces and line breaks: a name may wrap inside a table's cell."""
    return re.sub(r"\s+", "", text)


def pdf_text(content: bytes) -> str:
    """The PDF's text, squashed."""
    return squashed("".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages))


def entries(content: bytes) -> dict[str, dict]:
    """The calendar's entries by summary, as a calendar program reads them."""
    calendar = Calendar.from_ical(content)
    return {
        str(entry["summary"]): {
            "description": str(entry.get("description", "")),
            "location": str(entry.get("location", "")),
        }
        for entry in calendar.walk("VEVENT")
    }


def test_the_pdf_agenda_of_a_japanese_delegation_names_everyone_in_japanese_or_english(
    client, agenda
):
    event, _osaka, osaka_user = agenda
    client.force_login(osaka_user)
    client.cookies["kakehashi_language"] = "ja"

    response = client.get(reverse("events:agenda_pdf", args=[event.slug]))

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for known in [DANANG_JA, HUE_EN, AN_KANA, HOA_VI, OPENING_JA, BREAK_EN, "Table 1"]:
        assert squashed(known) in text, known
    for unreadable in [DANANG_VI, HUE_VI, "Da Nang", AN_VI, OPENING_EN]:
        assert squashed(unreadable) not in text, unreadable
    # The document's own words are Japanese too.
    assert "通訳" in text and "プログラム" in text
    assert "Interpreting" not in text and "Programme" not in text


def test_the_ics_of_a_japanese_delegation_names_everyone_in_japanese_or_english(client, agenda):
    event, _osaka, osaka_user = agenda
    client.force_login(osaka_user)
    client.cookies["kakehashi_language"] = "ja"

    found = entries(client.get(reverse("events:agenda_ics", args=[event.slug])).content)

    assert set(found) == {DANANG_JA, HUE_EN, OPENING_JA, BREAK_EN}
    assert AN_KANA in found[DANANG_JA]["description"]
    assert HOA_VI in found[HUE_EN]["description"]
    for description in (found[DANANG_JA]["description"], found[HUE_EN]["description"]):
        assert "通訳" in description and "日本語" in description and "ベトナム語" in description
        assert "Interpreting" not in description
    assert "Hall A" in found[OPENING_JA]["location"]


def test_the_feed_is_written_in_the_language_of_its_address_else_the_delegations(client, agenda):
    event, osaka, _osaka_user = agenda
    feed = reverse("events:calendar_feed", args=[event.slug, osaka.calendar_token])

    # No language in the address: the language of the lead's account (Japanese).
    assert set(entries(client.get(feed).content)) == {DANANG_JA, HUE_EN, OPENING_JA, BREAK_EN}
    # The address says Vietnamese: the Vietnamese organisations by their own names.
    in_vietnamese = entries(client.get(feed, {"language": "vi"}).content)
    assert set(in_vietnamese) == {DANANG_VI, HUE_VI, OPENING_EN, BREAK_EN}
    assert AN_VI in in_vietnamese[DANANG_VI]["description"]
    assert "Phiên dịch" in in_vietnamese[DANANG_VI]["description"]
    # A language the platform does not speak is ignored, not an error.
    assert set(entries(client.get(feed, {"language": "xx"}).content)) == {
        DANANG_JA,
        HUE_EN,
        OPENING_JA,
        BREAK_EN,
    }


def test_the_meeting_page_names_counterparts_and_sessions_in_the_readers_language(client, agenda):
    event, _osaka, osaka_user = agenda
    client.force_login(osaka_user)
    client.cookies["kakehashi_language"] = "ja"

    html = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()

    for known in [DANANG_JA, HUE_EN, AN_KANA, OPENING_JA, BREAK_EN, "?language=ja"]:
        assert known in html, known
    for unreadable in [DANANG_VI, HUE_VI, OPENING_EN]:
        assert unreadable not in html, unreadable


def test_the_sheets_name_the_delegations_and_their_people_in_the_organisers_language(
    client, agenda, conference
):
    event, organiser, _delegations = conference
    client.force_login(organiser)
    client.cookies["kakehashi_language"] = "ja"

    html = client.get(reverse("events:sheets", args=[event.slug])).content.decode()

    for known in [DANANG_JA, HUE_EN, AN_KANA, HOA_VI]:
        assert known in html, known
    assert DANANG_VI not in html and HUE_VI not in html
    # The heading joins the page's name and the event's with a Japanese full-width colon.
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert heading == f"テーブル別・通訳者別シート：{event.name}"


def test_the_language_of_a_delegation_without_a_request_to_go_by(conference):
    _event, _organiser, delegations = conference
    osaka, osaka_user = delegations["osaka"]
    osaka_user.preferred_language = "vi"
    osaka_user.save()
    assert registration_language(osaka) == "vi"  # the lead's account first

    lead = osaka.lead
    lead.user = None
    lead.save()
    osaka.refresh_from_db()
    assert registration_language(osaka) == "ja"  # then the languages it speaks
    osaka.languages = []
    assert registration_language(osaka) == "ja"  # then its country's
    danang = delegations["danang"][0]
    danang.lead.user = None
    danang.languages = []
    assert registration_language(danang) == "vi"


def test_the_programme_names_a_sessions_kind_in_each_languages_typography(client, agenda):
    """Japanese: "開会全体会合：地方間協力（全体会議）", no half-width space or brackets."""
    event, _osaka, _osaka_user = agenda
    pages = {}
    for language in ["ja", "vi", "en"]:
        client.cookies["kakehashi_language"] = language
        pages[language] = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert f'{OPENING_JA}</strong><span class="muted">（全体会議）</span>' in pages["ja"]
    assert " （" not in pages["ja"]
    assert '</strong><span class="muted"> (Phiên toàn thể)</span>' in pages["vi"]
    assert f'{OPENING_EN}</strong><span class="muted"> (Plenary session)</span>' in pages["en"]
