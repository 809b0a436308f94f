"""Events: the visible events and one event's public page; for a delegation (the caller acts
for a registered organisation) its registrations, registering and cancelling, meeting
requests (list, send, answer), its published agenda and its availability (busy slots,
sessions attended, most meetings wanted); once the schedule is published, the free slots it
can still book with another delegation, booking one and cancelling a meeting; after a
meeting, "we are meeting", its rating, the six-month follow-up and the networking figures;
for organisers the registrations (approve, decline), the meetings with their draft and
published places, attendance (held or no-show), scheduler runs (start, follow) and publishing
the draft.

The same services and the same checks as the pages (events.views, events.meeting_views): an
event the caller may not see answers 404, as does another delegation's agenda or a request
between others; an organiser page refused to a delegate (403 on the page) is 403 here too.
Times are in the event's time zone, with its offset."""

# Importing the operation modules registers their operations on the router.
from kakehashi.api.events import delegations, feedback, live, organisers  # noqa: F401
from kakehashi.api.events.lookups import router

__all__ = ["router"]
