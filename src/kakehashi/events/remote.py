"""Meetings in person or remote, and times in each participant's own time zone.

A delegation that attends remotely (`Registration.attends_remotely`) joins all its meetings by
video: such a meeting takes no table (the scheduler knows: `"remote"` in its instance) and has
a video link on the Jitsi-compatible server named by the `KAKEHASHI_VIDEO_URL` setting, in
the meeting's own unguessable room (`Meeting.video_room`). Without that setting no link is
made up: the meeting says that the organisers will send the link.

A participant reads times in its own time zone: that of its organisation's country (Vietnam
UTC+7, Japan UTC+9), else the event's; every time shown to it names the zone, in the reader's
language ("09:00 (giờ Việt Nam)", "11:00（日本時間）")."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.common.formats import format_hours, format_period, format_time_zone
from kakehashi.directory.models import Country
from kakehashi.events.models import Meeting, Registration

COUNTRY_ZONE = {Country.VIETNAM: "Asia/Ho_Chi_Minh", Country.JAPAN: "Asia/Tokyo"}


def registration_zone(registration: Registration) -> str:
    """The time zone a delegation reads its times in: its organisation's country's, else the
    event's."""
    return COUNTRY_ZONE.get(registration.organisation.country, registration.event.time_zone)


def video_link(meeting: Meeting) -> str:
    """The meeting's video link, or "" when no video server is configured."""
    server = settings.KAKEHASHI_VIDEO_URL
    if not server or not meeting.video_room:
        return ""
    return f"{server.rstrip('/')}/{meeting.video_room}"


def zone_name(zone: str, language: str) -> str:
    """The zone as it reads inside a sentence: "Vietnam Time", "giờ Việt Nam", "日本時間"."""
    name = format_time_zone(zone, language)
    if language == "vi" and name:
        name = name[0].lower() + name[1:]
    return name


def with_zone(text: str, zone: str, language: str) -> str:
    """A time followed by its zone, as the language writes it: "09:00 (giờ Việt Nam)"."""
    with translation.override(language):
        # Translators: a time or a time span, then the time zone it is in, e.g.
        # "10 Mar 2027, 09:00 – 09:20 (Vietnam Time)". Japanese uses full-width brackets.
        return _("%(time)s (%(zone)s)") % {"time": text, "zone": zone_name(zone, language)}


def span_in_zone(start: dt.datetime, end: dt.datetime, zone: str, language: str) -> str:
    """A meeting's or a session's day and times in `zone`, the zone named: "10 Mar 2027,
    09:00 – 09:20 (Vietnam Time)", "09:00 – 09:20, 10 tháng 3 năm 2027 (giờ Việt Nam)"."""
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        text = format_period(start, end, language)
    return with_zone(text, zone, language)


def hours_in_zone(start: dt.datetime, end: dt.datetime, zone: str, language: str) -> str:
    """The times alone in `zone`, the zone named: "09:00 – 09:20 (Vietnam Time)"."""
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        text = format_hours(start, end, language)
    return with_zone(text, zone, language)


def place_of(meeting: Meeting, *, remote: bool, table_name: str, language: str) -> str:
    """Where a participant goes: the table, or for a remote meeting its link or, without a
    video server, what to expect instead."""
    if not remote:
        return table_name
    link = video_link(meeting)
    with translation.override(language):
        if link:
            return _("Video meeting: %(link)s") % {"link": link}
        return _("Video meeting: the organisers will send the link.")


def place_line(meeting: Meeting, language: str) -> str:
    """Where a delegation goes for a published meeting, in `language`: "Table: Table 2", or
    for a remote meeting its video link (or that the organisers will send it)."""
    table = meeting.published_table.name if meeting.published_table else ""
    if not meeting.is_remote:
        with translation.override(language):
            return _("Table: %(table)s") % {"table": table} if table else ""
    return place_of(meeting, remote=True, table_name=table, language=language)


def agenda_rows(meetings, sessions, registration: Registration, language: str):
    """A delegation's published meetings and the programme for its page, each marked with its
    times in the delegation's zone (`when`) and, for meetings, whether it is remote and where
    to go (`remote`, `link`, `place`)."""
    zone = registration_zone(registration)
    meetings = list(meetings)
    for meeting in meetings:
        slot = meeting.published_slot
        meeting.when = span_in_zone(slot.starts_at, slot.ends_at, zone, language)
        meeting.remote = meeting.is_remote
        meeting.link = video_link(meeting) if meeting.remote else ""
        table = meeting.published_table.name if meeting.published_table else ""
        meeting.place = place_of(
            meeting, remote=meeting.remote, table_name=table, language=language
        )
    sessions = list(sessions)
    for session in sessions:
        session.when = span_in_zone(session.starts_at, session.ends_at, zone, language)
    return meetings, sessions, zone


def mark_draft_places(meetings, registration: Registration, language: str) -> None:
    """For an e-mail about changed meetings: each meeting's new time in the delegation's zone
    (`when`) and where to go (`place`), from the draft about to be published."""
    zone = registration_zone(registration)
    for meeting in meetings:
        if meeting.slot_id is None:
            meeting.when, meeting.place = "", ""
            continue
        remote = meeting.is_remote
        meeting.when = span_in_zone(meeting.slot.starts_at, meeting.slot.ends_at, zone, language)
        table = meeting.table.name if meeting.table_id else ""
        meeting.place = place_of(meeting, remote=remote, table_name=table, language=language)
