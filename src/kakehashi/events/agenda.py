"""A delegation's agenda as documents: the PDF to print (events/printing.py), the ICS file
to download and the calendar feed (events/calendar.py).

Each document is written in one reader language, and names every counterpart organisation,
its people and every session in that language where known (an organisation's translation,
a person's Latin or katakana form, a session's translated title: directory/names.py and
`Session.title_in`), otherwise in the English or romanised form; the interface's words
(headings, "Interpreting") are in that language too. Which language:

- a download (the PDF, the ICS file): the language of the request, i.e. of the page the
  person clicked on (`reader_language()`);
- the calendar feed, which a calendar program fetches without signing in: the `language`
  of its address (the meeting page shows the address with the reader's language in it),
  else the delegation's language (`registration_language`);
- e-mails about meetings: the delegation's language.

Times are in the delegation's own time zone, named (events/remote.py); a remote meeting shows
its video link instead of a table.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from kakehashi.common.i18n import LANGUAGE_CODES, Language
from kakehashi.directory.models import Country
from kakehashi.directory.names import organisation_name, person_name
from kakehashi.events.models import Event, Meeting, Registration, Session
from kakehashi.events.queries import published_agenda
from kakehashi.events.remote import (
    hours_in_zone,
    place_of,
    registration_zone,
    span_in_zone,
    video_link,
)

COUNTRY_LANGUAGE = {Country.JAPAN: Language.JA, Country.VIETNAM: Language.VI}


def registration_language(registration: Registration) -> str:
    """The language to write to a delegation in when no request says it: the preferred
    language of its lead's account; else the first language it said it speaks; else its
    country's language (Japanese for a Japanese organisation, Vietnamese for a Vietnamese
    one)."""
    lead = registration.lead
    if lead.user_id and lead.user.preferred_language in LANGUAGE_CODES:
        return lead.user.preferred_language
    for code in registration.languages or ():
        if code in LANGUAGE_CODES:
            return code
    return COUNTRY_LANGUAGE.get(registration.organisation.country, Language.EN)


def programme_sessions(event: Event) -> QuerySet[Session]:
    """The event's sessions in time order, with their translations."""
    return event.sessions.prefetch_related("translations")


@dataclass
class Counterpart:
    """Another delegation at one of the meetings, named for the document's reader."""

    organisation: str
    people: list[str]


@dataclass
class AgendaMeeting:
    meeting: Meeting
    counterparts: list[Counterpart]
    remote: bool = False  # held by video
    link: str = ""  # its video link, if a video server is configured
    place: str = ""  # the table, or the video link or what to expect instead
    when: str = ""  # day and times in the delegation's time zone, the zone named
    hours: str = ""  # the times alone, the zone named


@dataclass
class AgendaSession:
    session: Session
    title: str
    when: str = ""
    hours: str = ""


@dataclass
class Agenda:
    event: Event
    registration: Registration
    language: str
    delegation: str  # the delegation's own organisation, named for the reader
    meetings: list[AgendaMeeting]
    sessions: list[AgendaSession]
    zone: str = ""  # the delegation's time zone (events/remote.py)


def delegation_people(registration: Registration, language: str) -> list[str]:
    return [person_name(person, language) for person in registration.delegates]


def agenda_of(registration: Registration, language: str) -> Agenda:
    """Everything a delegation's agenda names, in `language`."""
    event = registration.event
    zone = registration_zone(registration)
    meetings = []
    for meeting in published_agenda(registration):
        counterparts = [
            Counterpart(
                organisation=organisation_name(participant.registration.organisation, language),
                people=delegation_people(participant.registration, language),
            )
            for participant in meeting.participants.all()
            if participant.registration_id != registration.pk
        ]
        remote, slot = meeting.is_remote, meeting.published_slot
        table = meeting.published_table.name if meeting.published_table else ""
        meetings.append(
            AgendaMeeting(
                meeting=meeting,
                counterparts=counterparts,
                remote=remote,
                link=video_link(meeting) if remote else "",
                place=place_of(meeting, remote=remote, table_name=table, language=language),
                when=span_in_zone(slot.starts_at, slot.ends_at, zone, language),
                hours=hours_in_zone(slot.starts_at, slot.ends_at, zone, language),
            )
        )
    sessions = [
        AgendaSession(
            session=session,
            title=session.title_in(language),
            when=span_in_zone(session.starts_at, session.ends_at, zone, language),
            hours=hours_in_zone(session.starts_at, session.ends_at, zone, language),
        )
        for session in programme_sessions(event)
    ]
    return Agenda(
        event=event,
        registration=registration,
        language=language,
        delegation=organisation_name(registration.organisation, language),
        meetings=meetings,
        sessions=sessions,
        zone=zone,
    )
