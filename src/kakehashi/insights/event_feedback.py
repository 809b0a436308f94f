"""An event's feedback results for its organisers: how many delegations answered, how they
rated their meetings, what they said follows and what came of it six months later, and the
held meetings with an outcome per sector and locality (counted as the funnel counts them,
insights.funnel). Each view is a Figure: a chart, columns and rows (insights.dashboards)."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Organisation, Sector
from kakehashi.events.models import (
    NEXT_STEPS,
    Event,
    FollowUpAnswer,
    IntentionKind,
    MeetingFeedback,
    MeetingOutcome,
    MeetingParticipant,
    MeetingStatus,
)
from kakehashi.insights import charts
from kakehashi.insights.dashboards import Figure
from kakehashi.insights.funnel import _today_units, followed_meetings
from kakehashi.insights.models import Outcome

GROUPS = ("answer", "sector", "locality")

GROUP_COLUMNS = [
    ("seats", _("Delegations at held meetings")),
    ("rated", _("Ratings given")),
    ("rate", _("Response rate (%)")),
    ("useful", _("Rated useful")),
    ("meet_again", _("Would meet again")),
    ("answered", _("Six-month answers")),
    ("outcomes", _("Meetings with an outcome")),
]


@dataclass
class Summary:
    held: int
    seats: int
    rated: int
    asked: int
    answered: int

    @property
    def rating_rate(self) -> int | None:
        return round(100 * self.rated / self.seats) if self.seats else None

    @property
    def answer_rate(self) -> int | None:
        return round(100 * self.answered / self.asked) if self.asked else None


@dataclass
class Seat:
    meeting: int
    organisation: int
    feedback: MeetingFeedback | None


def _seats(event: Event) -> list[Seat]:
    """Every delegation's seat at a held meeting of the event, with its feedback (two
    queries)."""
    feedback = {
        (row.meeting_id, row.registration_id): row
        for row in MeetingFeedback.objects.filter(meeting__event=event)
    }
    rows = MeetingParticipant.objects.filter(
        meeting__event=event, meeting__status=MeetingStatus.HELD
    ).values_list("meeting", "registration", "registration__organisation")
    return [
        Seat(meeting, organisation, feedback.get((meeting, registration)))
        for meeting, registration, organisation in rows
    ]


def summary(event: Event, seats: list[Seat] | None = None) -> Summary:
    seats = _seats(event) if seats is None else seats
    given = [s.feedback for s in seats if s.feedback]
    return Summary(
        held=len({s.meeting for s in seats}),
        seats=len(seats),
        rated=sum(f.is_given for f in given),
        asked=sum(f.follow_up_asked_at is not None for f in given),
        answered=sum(f.is_answered for f in given),
    )


def _answer_rows(seats: list[Seat]) -> list[dict]:
    given = [s.feedback for s in seats if s.feedback and s.feedback.is_given]
    answered = [s.feedback for s in seats if s.feedback and s.feedback.is_answered]
    steps = Counter(f.next_step for f in given)
    came = Counter(f.follow_up_answer for f in answered)
    labels = dict(IntentionKind.choices)
    return [
        {"group": _("Found the meeting useful"), "count": sum(f.useful for f in given)},
        {"group": _("Did not find it useful"), "count": sum(not f.useful for f in given)},
        {"group": _("Would meet again"), "count": sum(f.meet_again for f in given)},
        {"group": _("Would not meet again"), "count": sum(not f.meet_again for f in given)},
        *({"group": labels[step], "count": steps[step]} for step in NEXT_STEPS),
        *(
            {"group": _("Six months later: %(answer)s") % {"answer": label}, "count": came[key]}
            for key, label in FollowUpAnswer.choices
        ),
    ]


def _followed(event: Event) -> set[int]:
    return followed_meetings(
        Outcome.objects.filter(meeting__event=event),
        MeetingOutcome.objects.filter(meeting__event=event).exclude(kind=IntentionKind.NONE),
    )


def _group_rows(seats: list[Seat], groups_of, names: dict, followed: set[int]) -> list[dict]:
    counts = defaultdict(Counter)
    meetings = defaultdict(set)
    for seat in seats:
        for group in groups_of(seat.organisation):
            row = counts[group]
            row["seats"] += 1
            given = seat.feedback and seat.feedback.is_given
            row["rated"] += bool(given)
            row["useful"] += bool(given and seat.feedback.useful)
            row["meet_again"] += bool(given and seat.feedback.meet_again)
            row["answered"] += bool(seat.feedback and seat.feedback.is_answered)
            if seat.meeting in followed:
                meetings[group].add(seat.meeting)
    rows = []
    for group, row in counts.items():
        rate = round(100 * row["rated"] / row["seats"]) if row["seats"] else None
        rows.append({"group": names[group], **row, "rate": rate, "outcomes": len(meetings[group])})
    return sorted(rows, key=lambda row: (-row["seats"], str(row["group"])))


def _by_sector(seats: list[Seat], followed: set[int]) -> list[dict]:
    sectors_of = defaultdict(set)
    links = Organisation.sectors.through.objects.filter(
        organisation__in={s.organisation for s in seats}
    )
    for organisation, sector in links.values_list("organisation", "sector"):
        sectors_of[organisation].add(sector)
    names = {s.pk: s.label for s in Sector.objects.filter(pk__in=set().union(*sectors_of.values()))}
    return _group_rows(seats, lambda o: sectors_of[o], names, followed)


def _by_locality(seats: list[Seat], followed: set[int]) -> list[dict]:
    place_of = dict(
        Organisation.objects.filter(
            pk__in={s.organisation for s in seats}, locality__isnull=False
        ).values_list("pk", "locality")
    )
    units = _today_units(set(place_of.values()))
    unit_of = {o: units[place].pk for o, place in place_of.items()}
    names = {unit.pk: unit.name for unit in units.values()}
    return _group_rows(seats, lambda o: {unit_of[o]} if o in unit_of else set(), names, followed)


def results(event: Event, by: str) -> tuple[Summary, Figure]:
    """The summary and the figure of one view (`by`: answer, sector or locality)."""
    seats = _seats(event)
    if by == "answer":
        rows = _answer_rows(seats)
        figure = Figure(
            columns=[("group", _("Answer")), ("count", _("Delegations"))],
            rows=rows,
            chart=charts.bar_chart(
                title=_("What the delegations said about their meetings"),
                items=[(str(row["group"]), row["count"]) for row in rows],
                empty=_("No feedback yet."),
            ),
        )
        return summary(event, seats), figure
    followed = _followed(event)
    rows = (_by_sector if by == "sector" else _by_locality)(seats, followed)
    shown = [c for c in GROUP_COLUMNS if c[0] in ("seats", "rated", "useful", "outcomes")]
    figure = Figure(
        columns=[("group", _("Sector") if by == "sector" else _("Locality")), *GROUP_COLUMNS],
        rows=rows,
        chart=charts.grouped_bar_chart(
            title=_("Held meetings, ratings and outcomes per sector")
            if by == "sector"
            else _("Held meetings, ratings and outcomes per locality"),
            groups=[str(row["group"]) for row in rows],
            series=[(label, [row[key] for row in rows]) for key, label in shown],
            empty=_("No feedback yet."),
        ),
    )
    return summary(event, seats), figure
