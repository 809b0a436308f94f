"""The demo speaks to each reader: every organisation has a name a Japanese and a Vietnamese
reader can read, demo people a form in the other script and their positions a translation
into each language they are not written in, the conference's programme and
description a Japanese and a Vietnamese text — and a Japanese delegation's printed agenda and
calendar name its counterparts and sessions in Japanese."""

from io import BytesIO

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from kakehashi.demo.loader import load_demo
from kakehashi.directory.models import Membership, Organisation, Person
from kakehashi.directory.names import is_japanese_script, organisation_name, person_name
from kakehashi.directory.positions import position_for_reader
from kakehashi.events.calendar import agenda_ics
from kakehashi.events.models import Event, Registration
from kakehashi.events.printing import agenda_pdf

VIETNAMESE_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


@pytest.fixture
def demo(db):
    load_demo()


def test_organisations_people_and_programme_in_each_language(demo):
    # Every organisation has a name a Japanese and a Vietnamese reader can read, and an
    # English one.
    for organisation in Organisation.objects.prefetch_related("translations"):
        in_japanese = organisation_name(organisation, "ja")
        in_vietnamese = organisation_name(organisation, "vi")
        assert is_japanese_script(in_japanese), organisation.name
        assert not is_japanese_script(in_vietnamese), organisation.name
        assert organisation_name(organisation, "en").isascii() or organisation.language == "en"
        assert organisation.name_en, organisation.name
    # A Vietnamese company is written as Japanese firms write one.
    company = Organisation.objects.get(name="Công ty CP Logistics Lạnh Sài Gòn (demo)")
    assert (
        organisation_name(company, "ja") == "サイゴン・コールドチェーン・ロジスティクス社（デモ）"
    )
    # Demo people have a form in the other script.
    for person in Person.objects.filter(is_demo=True).exclude(full_name__startswith="Platform"):
        if is_japanese_script(person.full_name):
            assert person.name_latin.isascii() and person.name_latin, person.full_name
            assert person_name(person, "vi") == person.name_latin
        else:
            assert is_japanese_script(person.name_kana), person.full_name
            assert person_name(person, "ja") == person.name_kana
    # Demo people's positions read in each language: Japanese script for a Japanese reader,
    # Vietnamese letters for a Vietnamese one, and each is written in the language it is in.
    positions = Membership.objects.filter(person__is_demo=True).exclude(position="")
    assert positions.count() == 5
    for membership in positions.select_related("organisation").prefetch_related("translations"):
        in_japanese = position_for_reader(membership, "ja")
        in_vietnamese = position_for_reader(membership, "vi")
        in_english = position_for_reader(membership, "en")
        assert is_japanese_script(str(in_japanese)), membership.position
        assert set(str(in_vietnamese).lower()) & VIETNAMESE_LETTERS, membership.position
        assert str(in_english).isascii(), membership.position
        assert {in_japanese.language, in_vietnamese.language, in_english.language} == {
            "ja",
            "vi",
            "en",
        }
    # The conference's programme and description are in each language.
    conference = Event.objects.get(slug="meet-japan-2027")
    for session in conference.sessions.prefetch_related("translations"):
        assert is_japanese_script(session.title_in("ja")), session.title
        assert set(session.title_in("vi").lower()) & VIETNAMESE_LETTERS, session.title
    assert {row.language for row in conference.translations.all()} == {"vi", "ja"}


def test_a_japanese_delegations_agenda_names_counterparts_and_sessions_in_japanese(demo):
    osaka = Registration.objects.get(
        event__slug="meet-japan-2027", organisation__name="大阪府 国際交流課（デモ）"
    )
    calendar = Calendar.from_ical(agenda_ics(osaka, "ja"))
    summaries = [str(entry["summary"]) for entry in calendar.walk("VEVENT")]
    # The demo's meetings are not scheduled yet: the programme is there in Japanese.
    assert summaries and all(is_japanese_script(summary) for summary in summaries)
    text = "".join(
        page.extract_text() for page in PdfReader(BytesIO(agenda_pdf(osaka, "ja"))).pages
    )
    assert "開会全体会合" in text and "Opening plenary" not in text
