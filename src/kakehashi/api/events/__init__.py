"""Events: the visible events and one event's public page; for a delegation (the caller acts
for a registered organisation) its registrations, registering and cancelling, meeting
requests (list, send, answer) and its published agenda; for organisers the registrations
(approve, decline), the meetings with their draft and published places, attendance (held or
no-show), scheduler runs (start, follow) and publishing the draft.

The same services and the same checks as the pages (events.views, events.meeting_views): an
event the caller may not see answers 404, as does another delegation's agenda or a request
between others; an organiser page refused to a delegate (403 on the page) is 403 here too.
Times are in the event's time zone, with its offset."""

from kakehashi.api.events.routes import router

__all__ = ["router"]
