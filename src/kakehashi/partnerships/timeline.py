"""The dated events of a locality's partnerships, in order, for its page."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from kakehashi.common.dates import format_partial_date
from kakehashi.common.i18n import join_list


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    when: str
    text: str
    url: str
    source_url: str = ""
    source_title: str = ""
    translate_url: str = ""  # a visit's translation page, for those who may translate it


def locality_timeline(
    locality, partnerships, visits, translatable: frozenset[int] = frozenset()
) -> list[TimelineEntry]:
    """`translatable`: the ids of the visits whose entry links to their translation page."""
    lineage = {place.pk for place in locality.lineage}
    entries = []
    for partnership in partnerships:
        others = join_list(
            party.current_place.name if party.current_place else party.name_as_signed
            for party in partnership.parties.all()
            if not (party.place and party.place.pk in lineage)
        )
        if partnership.signed_on:
            entries.append(
                TimelineEntry(
                    partnership.signed_on,
                    partnership.signed_display,
                    _("Signed with %(partners)s: %(title)s")
                    % {"partners": others, "title": partnership.shown.title},
                    partnership.get_absolute_url(),
                )
            )
        for renewal in partnership.renewals.all():
            entries.append(
                TimelineEntry(
                    renewal.renewed_on,
                    renewal.date_display,
                    _("With %(partners)s: %(note)s")
                    % {"partners": others, "note": renewal.shown_note or _("renewed")},
                    partnership.get_absolute_url(),
                )
            )
    for visit in visits:
        entries.append(
            TimelineEntry(
                visit.started_on,
                format_partial_date(visit.started_on, "day"),
                _("Delegation from %(visitor)s to %(host)s")
                % {"visitor": visit.visitor_display, "host": visit.host.name},
                reverse("partnerships:detail", args=[visit.partnership_id])
                if visit.partnership_id
                else "",
                visit.source_url,
                visit.source_title,
                reverse("partnerships:translate_visit", args=[visit.pk])
                if visit.pk in translatable
                else "",
            )
        )
    return sorted(entries, key=lambda entry: entry.date)
