"""What the review page says of a fact: its fields as labelled lines in the reader's
language, and the words for each verdict."""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.dates import format_partial_date
from kakehashi.common.formats import format_day_of_year
from kakehashi.common.i18n import join_list
from kakehashi.news.registry import as_text, fact_date
from kakehashi.partnerships.models import PartnershipKind

VERDICTS = {
    "duplicate": _("Already in the registry"),
    "update": _("Update"),
    "new": pgettext_lazy("news suggestion", "New"),
    "planned": _("Planned"),
}

AGREEMENT_STATUS = {
    "signed": _("signed"),
    "renewed": _("renewed"),
    "planned": _("planned"),
}

OTHER_FACTS = {
    "partnership_count": _("Number of partners"),
    "proposal": pgettext_lazy("news fact", "Proposal"),
    "milestone": _("Milestone"),
}

COUNTRIES = {"VN": _("Vietnam"), "JP": _("Japan")}


_WITHOUT_YEAR = re.compile(r"^--(\d{2})(?:-(\d{2}))?$")


def _date(value) -> str:
    """A fact's date in the reader's language, as precise as the article gives it; a day or
    a month without its year ("--11-12", "--11") is written without one ("12 tháng 11")."""
    date, precision = fact_date(value)
    if date:
        return format_partial_date(date, precision)
    if match := _WITHOUT_YEAR.match(as_text(value).strip()):
        month, day = int(match[1]), int(match[2]) if match[2] else None
        try:
            return format_day_of_year(month, day)
        except ValueError:
            pass
    return as_text(value)


def _place(ref, resolver) -> str:
    """A place as the article writes it, with the directory's name when that differs
    ("Thành phố (Ho Chi Minh City)")."""
    written = as_text(ref)
    place = resolver.locality(ref) if resolver is not None else None
    if place is not None and written and place.name.casefold() not in written.casefold():
        # Translators: a place as an article writes it, then the directory's name for it.
        return _("%(written)s (%(name)s)") % {"written": written, "name": place.name}
    return written


def _names(values, resolver=None) -> str:
    return join_list(_place(value, resolver) for value in values or [] if as_text(value))


def _joined(*parts) -> str:
    return join_list(as_text(part) for part in parts if as_text(part))


def agreement_type(fact: dict) -> str:
    """The kind of agreement the engine read (one of the platform's partnership kinds, named
    in the reader's language; docs/news-format.md)."""
    value = as_text(fact.get("agreement_type"))
    if value in PartnershipKind.values:
        return str(PartnershipKind(value).label)
    return value


def fact_lines(kind: str, fact: dict, resolver=None) -> list[tuple[str, str]]:
    """(label, value) for each field the fact fills, in the reader's language."""
    if kind == "visit":
        lines = [
            (_("Visitor"), _joined(fact.get("visitor_role"), fact.get("visitor"))),
            (_("Received by"), _joined(fact.get("host_role"), fact.get("host"))),
            (_("Host locality"), _place(fact.get("host_locality"), resolver)),
            (_("Date"), _date(fact.get("date"))),
            (_("Purpose"), as_text(fact.get("purpose"))),
        ]
    elif kind == "agreement":
        lines = [
            (_("Parties"), _names(fact.get("parties"), resolver)),
            (_("Type"), agreement_type(fact)),
            (_("Type as stated in the source"), as_text(fact.get("type_as_stated"))),
            (_("Field"), as_text(fact.get("field"))),
            (_("Date"), _date(fact.get("date"))),
            (_("Status"), str(AGREEMENT_STATUS.get(fact.get("status"), ""))),
        ]
    elif kind == "priority_partners":
        lines = [
            (_("Locality"), _place(fact.get("locality"), resolver)),
            (_("Priority partners"), _names(fact.get("partners"), resolver)),
            (_("Size of the list"), as_text(fact.get("list_size"))),
            (pgettext_lazy("news fact", "Until"), as_text(fact.get("until"))),
        ]
    elif kind == "person":
        lines = [
            (_("Name"), as_text(fact.get("name"))),
            (_("Role"), as_text(fact.get("role"))),
            (_("Organisation"), as_text(fact.get("organisation"))),
            (_("Country"), str(COUNTRIES.get(fact.get("country"), ""))),
        ]
    elif kind == "event":
        lines = [
            (_("Name"), as_text(fact.get("name"))),
            (_("Date"), _date(fact.get("date"))),
            (_("Organisers"), _names(fact.get("organisers"))),
            (
                pgettext_lazy("news fact", "One-to-one meetings"),
                as_text(fact.get("one_to_one_meetings")),
            ),
        ]
    else:
        lines = [(str(OTHER_FACTS.get(kind, kind)), as_text(fact.get("evidence")))]
    return [(str(label), value) for label, value in lines if value]
