"""Why the scheduler left a meeting out, in the reader's language and with names.

The scheduler gives each meeting it leaves out a diagnosis: a code, parameters that hold its
own ids (`r<pk>` a delegation, `s<pk>` a slot, `m<pk>` a meeting) and counts, and the
producer (scheduling/diagnosis.py, docs/scheduling-format.md). Here it becomes whole
sentences: what stands in the way, why the scheduler chose so, and what the organiser can do.
Names are looked up once per page (`learn`), then each diagnosis is written (`sentences`)."""

from __future__ import annotations

import zoneinfo

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from kakehashi.common.i18n import Language, join_list
from kakehashi.events.models import Event, Meeting, MeetingParticipant, Registration

SHOWN_TIMES = 4


def _pk(value, prefix: str) -> int | None:
    if isinstance(value, str) and value[:1] == prefix and value[1:].isdigit():
        return int(value[1:])
    return None


class DiagnosisWriter:
    def __init__(self, event: Event):
        self.event = event
        self.zone = zoneinfo.ZoneInfo(event.time_zone)
        self.several_days = event.starts_on != event.ends_on
        self.delegations: dict[int, str] = {}
        self.times: dict[int, str] = {}
        self.meetings: dict[int, str] = {}

    # -- names -------------------------------------------------------------------------------
    def learn(self, diagnoses) -> None:
        """Look up at once every name the diagnoses need."""
        registrations, slots, meetings = set(), set(), set()
        for diagnosis in diagnoses:
            params = (diagnosis or {}).get("params") or {}
            for key in ("participant", "partners", "participants"):
                value = params.get(key)
                for item in value if isinstance(value, list) else [value]:
                    registrations.add(_pk(item, "r"))
            for key in ("slots", "member_busy_slots", "no_table_slots", "no_interpreter_slots"):
                slots |= {_pk(item, "s") for item in params.get(key) or []}
            meetings |= {_pk(item, "m") for item in params.get("meetings") or []}
        self._learn_meetings(meetings - {None} - set(self.meetings), slots)
        registrations -= {None} | set(self.delegations)
        slots -= {None} | set(self.times)
        if registrations:
            for registration in (
                Registration.objects.filter(event=self.event, pk__in=registrations)
                .select_related("organisation")
                .prefetch_related("organisation__translations")
            ):
                self.delegations[registration.pk] = registration.organisation.display_name
        if slots:
            for slot in self.event.meeting_slots.filter(pk__in=slots):
                self.times[slot.pk] = self._time(slot.starts_at)

    def _learn_meetings(self, pks: set, slots: set) -> None:
        if not pks:
            return
        participants = (
            MeetingParticipant.objects.filter(meeting_id__in=pks)
            .select_related("registration__organisation")
            .prefetch_related("registration__organisation__translations")
        )
        names: dict[int, list[str]] = {}
        for participant in participants.order_by("registration_id"):
            names.setdefault(participant.meeting_id, []).append(
                participant.registration.organisation.display_name
            )
        for meeting in Meeting.objects.filter(pk__in=pks, event=self.event).select_related("slot"):
            delegations = self._join(names.get(meeting.pk, []))
            if meeting.slot is None:
                self.meetings[meeting.pk] = delegations
            else:
                self.meetings[meeting.pk] = _("%(delegations)s at %(time)s") % {
                    "delegations": delegations,
                    "time": self._time(meeting.slot.starts_at),
                }

    def _time(self, moment) -> str:
        local = moment.astimezone(self.zone)
        time = formats.time_format(local, "H:i")
        if self.several_days:
            return f"{formats.date_format(local, 'MONTH_DAY_FORMAT')} {time}"
        return time

    @staticmethod
    def _join(names: list[str]) -> str:
        return join_list(names)

    def _delegation(self, value) -> str:
        return self.delegations.get(_pk(value, "r"), _("a delegation no longer registered"))

    def _delegation_list(self, values) -> str:
        return self._join([self._delegation(value) for value in values])

    def _time_list(self, values) -> str:
        times = [self.times.get(_pk(value, "s"), "?") for value in values]
        shown = self._join(times[:SHOWN_TIMES])
        return shown + "…" if len(times) > SHOWN_TIMES else shown

    @staticmethod
    def _languages(codes) -> str:
        order = list(Language.values)
        codes = sorted(codes or [], key=lambda c: order.index(c) if c in order else len(order))
        # Inside a sentence: Vietnamese writes "tiếng Việt", not the menu's "Tiếng Việt".
        labels = [Language(c).in_sentence if c in Language.values else c for c in codes]
        if len(labels) != 2:
            return join_list(labels)
        return pgettext("language pair", "%(first)s–%(second)s") % {
            "first": labels[0],
            "second": labels[1],
        }

    # -- sentences ---------------------------------------------------------------------------
    def sentences(self, diagnosis: dict | None) -> list[str]:
        """What stands in the way, how the scheduler chose (if it did), what to do."""
        if not diagnosis or not diagnosis.get("code"):
            return []
        self.learn([diagnosis])
        code, params = diagnosis["code"], diagnosis.get("params") or {}
        try:
            out = getattr(self, f"_{code}")(params)
        except (AttributeError, KeyError, TypeError, ValueError):
            return [_("The scheduler left this meeting out.")]
        context = self._context(diagnosis.get("context"))
        if context and _depends_on_choice(code, params):
            out.insert(-1, context)
        return out

    def _participant_busy(self, params) -> list[str]:
        values = {
            "delegation": self._delegation(params["participant"]),
            "busy": params["busy_slots"],
            "total": params["candidate_slots"],
            "times": self._time_list(params["slots"]),
            "partners": self._delegation_list(params["partners"]),
        }
        out = [
            ngettext(
                "%(delegation)s is in another meeting in the only slot this meeting could "
                "take (%(times)s), with %(partners)s.",
                "%(delegation)s is in other meetings in %(busy)s of the %(total)s slots this "
                "meeting could take (%(times)s), with %(partners)s.",
                values["total"],
            )
            % values
        ]
        others = len(params["member_busy_slots"]) - params["busy_slots"]
        out += self._other_slots(params, others)
        out.append(
            _("Move one of these meetings of %(delegation)s to another slot, or add a slot.")
            % values
        )
        return out

    def _no_table(self, params) -> list[str]:
        if params["variant"] == "too_small":
            values = {"seats": params["seats"], "largest": params["largest"]}
            return [
                _("No table has %(seats)s seats; the largest has %(largest)s.") % values,
                _("Add a table with at least %(seats)s seats.") % values,
            ]
        values = {
            "seats": params["seats"],
            "count": len(params["no_table_slots"]),
            "total": params["candidate_slots"],
            "times": self._time_list(params["no_table_slots"]),
        }
        out = [
            ngettext(
                "Every table with %(seats)s seats or more is in use in the only slot this "
                "meeting could take (%(times)s).",
                "Every table with %(seats)s seats or more is in use in %(count)s of the "
                "%(total)s slots this meeting could take (%(times)s).",
                values["total"],
            )
            % values
        ]
        out += self._other_slots(params, len(params["member_busy_slots"]), tables=False)
        out.append(
            _("Free a table in one of these slots, or add a table with at least %(seats)s seats.")
            % values
        )
        return out

    def _no_interpreter(self, params) -> list[str]:
        languages = self._languages(params["languages"])
        if params["variant"] == "none":
            return [
                _("The event has no interpreter for %(languages)s.") % {"languages": languages},
                _("Add an interpreter for %(languages)s.") % {"languages": languages},
            ]
        if params["variant"] == "none_remote":
            return [
                _(
                    "This meeting is held by video, and no interpreter for %(languages)s can "
                    "join remotely."
                )
                % {"languages": languages},
                _("Add an interpreter for %(languages)s who can join remote meetings.")
                % {"languages": languages},
            ]
        values = {
            "languages": languages,
            "count": len(params["no_interpreter_slots"]),
            "total": params["candidate_slots"],
            "times": self._time_list(params["no_interpreter_slots"]),
        }
        out = [
            ngettext(
                "No interpreter for %(languages)s is free in the only slot this meeting could "
                "take (%(times)s).",
                "No interpreter for %(languages)s is free in %(count)s of the %(total)s slots "
                "this meeting could take (%(times)s).",
                values["total"],
            )
            % values
        ]
        out += self._other_slots(params, len(params["member_busy_slots"]), interpreters=False)
        out.append(
            _("Add an interpreter for %(languages)s, or free one in one of these slots.") % values
        )
        return out

    def _other_slots(self, params, busy: int, tables=True, interpreters=True) -> list[str]:
        """The slots taken for another reason than the binding one, one sentence each."""
        out = []
        if busy > 0:
            out.append(
                ngettext(
                    "In %(count)s other slot a delegation of this meeting is in another meeting.",
                    "In %(count)s other slots a delegation of this meeting is in another meeting.",
                    busy,
                )
                % {"count": busy}
            )
        count = len(params["no_table_slots"])
        if tables and count:
            out.append(
                ngettext(
                    "In %(count)s other slot every table with %(seats)s seats or more is in use.",
                    "In %(count)s other slots every table with %(seats)s seats or more is in use.",
                    count,
                )
                % {"count": count, "seats": params["seats"]}
            )
        count = len(params["no_interpreter_slots"])
        if interpreters and count:
            out.append(
                ngettext(
                    "In %(count)s other slot no interpreter for %(languages)s is free.",
                    "In %(count)s other slots no interpreter for %(languages)s is free.",
                    count,
                )
                % {"count": count, "languages": self._languages(params["languages"])}
            )
        return out

    def _max_meetings_reached(self, params) -> list[str]:
        out = []
        for participant, limit in zip(params["participants"], params["max_meetings"], strict=True):
            values = {"delegation": self._delegation(participant), "count": limit}
            if limit == 0:
                out.append(_("%(delegation)s accepts no meetings (its maximum is 0).") % values)
            else:
                out.append(
                    ngettext(
                        "%(delegation)s already has its maximum of %(count)s meeting.",
                        "%(delegation)s already has its maximum of %(count)s meetings.",
                        limit,
                    )
                    % values
                )
        out.append(
            _("Raise the maximum number of meetings of %(delegations)s.")
            % {"delegations": self._delegation_list(params["participants"])}
        )
        return out

    def _fixed_meetings_block(self, params) -> list[str]:
        meetings = [self.meetings.get(_pk(m, "m"), "?") for m in params["meetings"]]
        values = {"times": self._time_list(params["slots"]), "meetings": self._join(meetings)}
        return [
            _(
                "Every slot this meeting could take (%(times)s) is held by meetings that are "
                "locked or already published: %(meetings)s."
            )
            % values,
            _(
                "Unlock or move one of these meetings, or allow moving published meetings when "
                "you run the scheduler."
            ),
        ]

    def _impossible(self, params) -> list[str]:
        delegations = self._delegation_list(params["participants"])
        if params["cause"] == "no_common_slot":
            return [
                _("%(delegations)s have no available slot in common.")
                % {"delegations": delegations},
                _("Ask them to keep a slot free at the same time, or add a slot."),
            ]
        values = {"delegations": delegations, "seats": params["seats"]}
        if params.get("languages"):
            values["languages"] = self._languages(params["languages"])
            return [
                _(
                    "No slot has %(delegations)s, a table with %(seats)s seats or more and an "
                    "interpreter for %(languages)s all available."
                )
                % values,
                _(
                    "Make a table and an interpreter for %(languages)s available when these "
                    "delegations are free."
                )
                % values,
            ]
        return [
            _("No slot has %(delegations)s and a table with %(seats)s seats or more available.")
            % values,
            _(
                "Make a table with %(seats)s seats or more available when these delegations are "
                "free."
            )
            % values,
        ]

    def _unexplained(self, params) -> list[str]:
        return [_("The scheduler left this meeting out.")]

    @staticmethod
    def _context(context) -> str | None:
        return {
            "optimal": _(
                "The schedule is proven the best possible: fitting this meeting in would drop "
                "meetings of at least the same priority."
            ),
            "best_found": _(
                "This is the best schedule found within the time limit; a longer run may fit "
                "this meeting in."
            ),
            "fcfs": _("Requests were placed in the order they arrived."),
            "priority": _("Meetings of higher priority were placed first."),
        }.get(context)


def _depends_on_choice(code: str, params: dict) -> bool:
    """Whether the cause comes from the other meetings the scheduler chose (then its
    sentence says how it chose), not from the programme alone."""
    if code == "participant_busy":
        return True
    if code in ("no_table", "no_interpreter"):
        return params.get("variant") in ("in_use", "busy")
    return code == "max_meetings_reached" and any(params.get("max_meetings") or [])
