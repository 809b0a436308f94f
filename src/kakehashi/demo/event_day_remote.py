"""Meet Japan on the day: one delegation attends remotely (Kitakyushu Eco-Tech, from Japan),
one interpreter can join remote meetings, and the schedule is made by the real scheduler and
published, so that every delegation's agenda shows its tables, video meetings and times in its
own time zone."""

from django.utils import timezone

from kakehashi.events.models import Event, Interpreter, Meeting, Registration, ScheduleRun
from kakehashi.events.services.schedule import apply_run, build_instance
from kakehashi.scheduling.instance import parse_instance

REMOTE_DELEGATION = "kitakyushu-ecotech"
REMOTE_INTERPRETER = "Suzuki Mai (demo)"


def load_remote_delegation(conference: Event, organisations) -> None:
    Registration.objects.filter(
        event=conference, organisation=organisations[REMOTE_DELEGATION]
    ).update(attends_remotely=True)
    Interpreter.objects.filter(event=conference, name=REMOTE_INTERPRETER).update(
        joins_remotely=True
    )
    if conference.schedule_published_at is None:
        _schedule_and_publish(conference)


def _schedule_and_publish(conference: Event) -> None:
    """Run the scheduler (a few seconds at most: the demo's meetings are few) and publish its
    draft without e-mails (the demo's people are invented)."""
    from kakehashi.scheduling.solve import solve

    result = solve(
        parse_instance(build_instance(conference, allow_moves=True)), time_limit=5, seed=0
    )
    run = ScheduleRun.objects.create(event=conference, time_limit=5)
    apply_run(run=run, result=result.to_json())
    for meeting in Meeting.objects.filter(event=conference, slot__isnull=False):
        meeting.published_slot_id, meeting.published_table_id = meeting.slot_id, meeting.table_id
        meeting.save(update_fields=["published_slot", "published_table"])
    conference.schedule_published_at = timezone.now()
    conference.save(update_fields=["schedule_published_at"])
