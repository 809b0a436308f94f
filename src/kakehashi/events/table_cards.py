"""Table cards and the room overview for the desk: what meets at each table, when, with which
interpreter, written in the organiser's language with every party's name also in its own
script (and a romanised form of each person's name)."""

from dataclasses import dataclass

from django.db.models import Prefetch

from kakehashi.events.checkin import organisation_names, romanised_name
from kakehashi.events.models import (
    Event,
    MeetingParticipant,
    MeetingSlot,
    MeetingStatus,
    MeetingTable,
)
from kakehashi.events.queries import with_names


@dataclass
class Party:
    name: str  # in the reader's language
    own_name: str  # as the organisation writes it, when different
    people: list[tuple[str, str]]  # (name as written, romanised form or "")


@dataclass
class CardRow:
    slot: MeetingSlot
    parties: list[Party]
    interpreter: str
    interpreting: list[str]


@dataclass
class TableCard:
    table: MeetingTable
    starts_at: object
    ends_at: object
    rows: list[CardRow]


def _party(registration, language: str) -> Party:
    name, own = organisation_names(registration.organisation, language)
    people = [(person.full_name, romanised_name(person)) for person in registration.delegates]
    return Party(name=name, own_name=own, people=people)


def published_meetings(event: Event):
    return (
        event.meetings.filter(published_slot__isnull=False, published_table__isnull=False)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("published_slot", "published_table", "interpreter")
        .prefetch_related(
            Prefetch("participants", queryset=with_names(MeetingParticipant.objects.all()))
        )
        .order_by("published_table__name", "published_slot__starts_at", "pk")
    )


def _rows(event: Event, language: str) -> list[tuple[MeetingTable, CardRow]]:
    return [
        (
            meeting.published_table,
            CardRow(
                slot=meeting.published_slot,
                parties=[_party(p.registration, language) for p in meeting.participants.all()],
                interpreter=meeting.interpreter.name if meeting.interpreter else "",
                interpreting=list(meeting.interpreting or []),
            ),
        )
        for meeting in published_meetings(event)
    ]


def table_cards(event: Event, language: str) -> list[TableCard]:
    """One card per table and meeting period (a slot range) in which the table is used."""
    periods = list(event.meeting_periods.all())

    def period_of(slot):
        for period in periods:
            if period.starts_at <= slot.starts_at < period.ends_at:
                return period.starts_at, period.ends_at
        return slot.starts_at, slot.ends_at

    cards: dict[tuple, TableCard] = {}
    for table, row in _rows(event, language):
        starts_at, ends_at = period_of(row.slot)
        key = (table.pk, starts_at)
        if key not in cards:
            cards[key] = TableCard(table=table, starts_at=starts_at, ends_at=ends_at, rows=[])
        cards[key].rows.append(row)
    return sorted(cards.values(), key=lambda card: (card.table.name, card.starts_at))


@dataclass
class RoomOverview:
    tables: list[MeetingTable]
    rows: list[tuple[MeetingSlot, list[CardRow | None]]]  # one cell per table


def room_overview(event: Event, language: str) -> RoomOverview:
    """The published meetings as a grid: a row per slot, a column per table in use."""
    cells: dict[tuple[int, int], CardRow] = {}
    tables: dict[int, MeetingTable] = {}
    slots: dict[int, MeetingSlot] = {}
    for table, row in _rows(event, language):
        tables[table.pk] = table
        slots[row.slot.pk] = row.slot
        cells[(row.slot.pk, table.pk)] = row
    ordered_tables = sorted(tables.values(), key=lambda table: table.name)
    return RoomOverview(
        tables=ordered_tables,
        rows=[
            (slot, [cells.get((slot.pk, table.pk)) for table in ordered_tables])
            for slot in sorted(slots.values(), key=lambda slot: slot.starts_at)
        ],
    )
