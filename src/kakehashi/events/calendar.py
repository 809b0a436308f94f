"""A delegation's agenda as an iCalendar file."""

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from kakehashi.events.models import Event, Meeting, Registration


def agenda_ics(event: Event, registration: Registration, meetings: list[Meeting]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Kakehashi//Meeting agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{event.name} – {registration.organisation.name}")
    for meeting in meetings:
        others = [
            participant.registration.organisation.name
            for participant in meeting.participants.all()
            if participant.registration_id != registration.pk
        ]
        entry = CalendarEvent()
        entry.add("uid", f"meeting-{meeting.pk}@{event.slug}.kakehashi")
        entry.add("dtstart", meeting.published_slot.starts_at)
        entry.add("dtend", meeting.published_slot.ends_at)
        entry.add("summary", " / ".join(others))
        location = meeting.published_table.name if meeting.published_table else ""
        entry.add("location", f"{event.venue} – {location}" if event.venue else location)
        if meeting.interpreting:
            entry.add("description", "Interpreting: " + " ↔ ".join(meeting.interpreting))
        calendar.add_component(entry)
    return calendar.to_ical()
