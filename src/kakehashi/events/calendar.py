"""A delegation's agenda as an iCalendar file (the download and the feed), written in one
reader language (see events/agenda.py): its meetings, each with the other delegations and
their people, and the event's programme. Times carry the delegation's own time zone (a TZID
with its VTIMEZONE, events/remote.py), so that a calendar shows them right wherever it is; a
remote meeting's place is its video link."""

import zoneinfo

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from kakehashi.common.i18n import Language, join_list
from kakehashi.events.agenda import Agenda, agenda_of
from kakehashi.events.models import Registration


def _place(venue: str, room: str) -> str:
    return f"{venue} – {room}" if venue and room else venue or room


def _meeting_entry(agenda: Agenda, item) -> CalendarEvent:
    meeting, event = item.meeting, agenda.event
    entry = CalendarEvent()
    entry.add("uid", f"meeting-{meeting.pk}@{event.slug}.kakehashi")
    zone = zoneinfo.ZoneInfo(agenda.zone)
    entry.add("dtstart", meeting.published_slot.starts_at.astimezone(zone))
    entry.add("dtend", meeting.published_slot.ends_at.astimezone(zone))
    entry.add("summary", " / ".join(other.organisation for other in item.counterparts))
    if item.remote:
        entry.add("location", item.link or item.place)
        if item.link:
            entry.add("url", item.link)
    else:
        entry.add("location", _place(event.venue, item.place))
    lines = [
        _("%(organisation)s: %(people)s")
        % {"organisation": other.organisation, "people": join_list(other.people)}
        for other in item.counterparts
    ]
    if meeting.interpreting:
        names = dict(Language.choices)
        languages = " ↔ ".join(str(names.get(code, code)) for code in meeting.interpreting)
        lines.append(_("Interpreting: %(languages)s") % {"languages": languages})
    if item.remote:
        lines.append(item.place)
    entry.add("description", "\n".join(lines))
    return entry


def _session_entry(agenda: Agenda, item) -> CalendarEvent:
    session, event = item.session, agenda.event
    entry = CalendarEvent()
    entry.add("uid", f"session-{session.pk}@{event.slug}.kakehashi")
    zone = zoneinfo.ZoneInfo(agenda.zone)
    entry.add("dtstart", session.starts_at.astimezone(zone))
    entry.add("dtend", session.ends_at.astimezone(zone))
    entry.add("summary", item.title)
    entry.add("location", _place(event.venue, session.room))
    if session.speakers:
        entry.add("description", session.speakers)
    return entry


def agenda_ics(registration: Registration, language: str) -> bytes:
    with translation.override(language):
        agenda = agenda_of(registration, language)
        calendar = Calendar()
        calendar.add("prodid", "-//Kakehashi//Meeting agenda//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"{agenda.event.name} – {agenda.delegation}")
        for item in agenda.sessions:
            calendar.add_component(_session_entry(agenda, item))
        for item in agenda.meetings:
            calendar.add_component(_meeting_entry(agenda, item))
        calendar.add_missing_timezones()
        return calendar.to_ical()
