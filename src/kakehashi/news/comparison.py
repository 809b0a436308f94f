"""Each suggestion compared with what the registry holds: duplicate (already there: link to
it), update (a renewal of a known partnership, a list that gains partners) or new; with the
values an Accept form starts from and the places the suggestion concerns."""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kakehashi.common.dates import format_partial_date
from kakehashi.directory.models import Locality
from kakehashi.news.models import Suggestion, SuggestionKind
from kakehashi.news.registry import (
    Resolver,
    agreement_recorded,
    as_text,
    existing_agreement,
    existing_event,
    existing_person,
    existing_priority_list,
    existing_visit,
    fact_date,
    fact_year,
    organiser_of,
)
from kakehashi.partnerships.models import PartnershipKind

DUPLICATE, UPDATE, NEW, PLANNED = "duplicate", "update", "new", "planned"


@dataclass
class Comparison:
    verdict: str
    record_label: str = ""
    record_url: str = ""
    note: str = ""
    initial: dict = field(default_factory=dict)
    places: list[Locality] = field(default_factory=list)
    # Names the engine could not match with the directory: the person picks them.
    unresolved: list[str] = field(default_factory=list)


def _day_to_choose(date, precision: str) -> str:
    """What the reader must add when the article dates a visit or an event only to the month
    or the year: the form's day starts empty, and this says why."""
    if date is None or precision == "day":
        return ""
    return _("The article dates it only to %(date)s: choose the day in the form.") % {
        "date": format_partial_date(date, precision)
    }


def _notes(*sentences: str) -> str:
    """Sentences as one note: Japanese sets them without a space between."""
    space = "" if (get_language() or "").startswith("ja") else " "
    return space.join(sentence for sentence in sentences if sentence)


def _unresolved(refs, resolver: Resolver) -> list[str]:
    return [as_text(ref) for ref in refs if as_text(ref) and resolver.locality(ref) is None]


def _visitor_body(fact: dict, article) -> str:
    """The body the visitor came from, as the article's person fact about them names it
    ("Bộ Ngoại giao Nhật Bản"); else their role as written."""
    facts = (article.facts or {}).get("facts") or [] if article is not None else []
    for other in facts:
        if (
            isinstance(other, dict)
            and other.get("type") == "person"
            and as_text(other.get("name")) == as_text(fact.get("visitor"))
            and as_text(other.get("organisation"))
        ):
            return as_text(other.get("organisation"))
    return as_text(fact.get("visitor_role"))


def _visit(fact: dict, resolver: Resolver, article=None) -> Comparison:
    host = resolver.locality(fact.get("host_locality"))
    date, precision = fact_date(fact.get("date"))
    started_on = date if precision == "day" else None
    lead = " ".join(as_text(fact.get(key)) for key in ("visitor_role", "visitor"))
    initial = {
        "host": host,
        "started_on": started_on,
        "visitor_name": _visitor_body(fact, article)[:200],
        "delegation_lead": lead.strip()[:200],
        "purpose": as_text(fact.get("purpose")) or as_text(fact.get("evidence")),
    }
    places = [host] if host else []
    unresolved = _unresolved([fact.get("host_locality")], resolver)
    if host and started_on and (visit := existing_visit(host=host, started_on=started_on)):
        return Comparison(
            DUPLICATE,
            str(visit),
            visit.partnership.get_absolute_url()
            if visit.partnership_id
            else host.get_absolute_url(),
            initial=initial,
            places=places,
        )
    return Comparison(
        NEW,
        note=_day_to_choose(date, precision),
        initial=initial,
        places=places,
        unresolved=unresolved,
    )


def _agreement(fact: dict, resolver: Resolver) -> Comparison:
    refs = fact.get("parties") or []
    places = [place for ref in refs if (place := resolver.locality(ref))]
    organisations = [
        organisation
        for ref in refs
        if resolver.locality(ref) is None and (organisation := resolver.organisation(ref))
    ]
    places += [o.locality for o in organisations if o.locality_id and o.locality not in places]
    date, precision = fact_date(fact.get("date"))
    initial = {
        "title": " – ".join(as_text(ref) for ref in refs)[:200],
        "kind": fact.get("agreement_type")
        if fact.get("agreement_type") in PartnershipKind.values
        else PartnershipKind.COOPERATION_MOU,
        "type_as_stated": " – ".join(
            part
            for part in (as_text(fact.get("type_as_stated")), as_text(fact.get("field")))
            if part
        )[:300],
        "date": date,
        "precision": precision,
        "parties": places,
    }
    unresolved = [
        as_text(ref)
        for ref in refs
        if resolver.locality(ref) is None and resolver.organisation(ref) is None
    ]
    if fact.get("status") == "planned":
        return Comparison(
            PLANNED,
            note=_("Not signed yet: nothing to record until it is."),
            initial=initial,
            places=places,
        )
    partnership = existing_agreement(places)
    if partnership is not None:
        initial["partnership"] = partnership
        if date is None or agreement_recorded(partnership, date, precision):
            return Comparison(
                DUPLICATE,
                partnership.shown.title,
                partnership.get_absolute_url(),
                initial=initial,
                places=places,
            )
        return Comparison(
            UPDATE,
            partnership.shown.title,
            partnership.get_absolute_url(),
            note=_("A renewal or a new document under this partnership, dated %(date)s.")
            % {"date": format_partial_date(date, precision)},
            initial=initial,
            places=places,
        )
    return Comparison(
        NEW,
        note=_day_to_choose(date, precision),
        initial=initial,
        places=places,
        unresolved=unresolved,
    )


def _priority_partners(fact: dict, resolver: Resolver, article) -> Comparison:
    locality = resolver.locality(fact.get("locality"))
    refs = fact.get("partners") or []
    partners = [place for ref in refs if (place := resolver.locality(ref))]
    until = fact_year(fact.get("until"))
    start = article.published_on.year if article.published_on else None
    initial = {
        "locality": locality,
        "partners": partners,
        "period_end": until,
        "period_start": start if start and until and start <= until else None,
    }
    unresolved = _unresolved([fact.get("locality"), *refs], resolver)
    places = [locality] if locality else []
    priority_list = existing_priority_list(locality, until) if locality else None
    if priority_list is None:
        return Comparison(NEW, initial=initial, places=places, unresolved=unresolved)
    initial["priority_list"] = priority_list
    present = {entry.partner_id for entry in priority_list.entries.all()}
    missing = [place for place in partners if place.pk not in present]
    # Its title in the reader's language, as the locality page shows it.
    first, last = priority_list.period_start, priority_list.period_end
    label = f"{priority_list.shown.title} ({first}–{last})"
    url = priority_list.locality.get_absolute_url()
    if not missing:
        return Comparison(DUPLICATE, label, url, initial=initial, places=places)
    return Comparison(
        UPDATE,
        label,
        url,
        note=_("The list gains %(count)s partners.") % {"count": len(missing)},
        initial={**initial, "partners": missing},
        places=places,
        unresolved=unresolved,
    )


def _person(fact: dict, resolver: Resolver) -> Comparison:
    name = as_text(fact.get("name"))
    place = resolver.place_of_body(fact.get("organisation"))
    places = [place] if place is not None else []
    initial = {"full_name": name[:200]}
    if person := existing_person(name):
        return Comparison(DUPLICATE, person.full_name, "", initial=initial, places=places)
    return Comparison(NEW, initial=initial, places=places)


def _event(fact: dict, resolver: Resolver, article) -> Comparison:
    """An event: a draft for its organisers to complete (venue, programme), unless the
    registry holds one of that name on that day."""
    name = as_text(fact.get("name"))
    refs = fact.get("organisers") or []
    organisers = list({o.pk: o for ref in refs if (o := organiser_of(resolver, ref))}.values())
    places = [p for ref in refs if (p := resolver.place_of_body(ref))]
    places += [o.locality for o in organisers if o.locality_id and o.locality not in places]
    date, precision = fact_date(fact.get("date"))
    starts_on = date if precision == "day" else None
    host = places[0] if places else None
    japanese = host.country == "JP" if host else (article is not None and article.language == "ja")
    initial = {
        "name": name[:200],
        "name_en": name[:200] if article is not None and article.language == "en" else "",
        "starts_on": starts_on,
        "organisers": organisers,
        "host_locality": host,
        "time_zone": "Asia/Tokyo" if japanese else "Asia/Ho_Chi_Minh",
    }
    if event := existing_event([name], starts_on):
        return Comparison(
            DUPLICATE, event.name, event.get_absolute_url(), initial=initial, places=places
        )
    return Comparison(
        NEW,
        note=_notes(
            _day_to_choose(date, precision),
            _(
                "Accepting records an unpublished draft; its organisers add the venue and the "
                "programme on the events pages."
            ),
        ),
        initial=initial,
        places=places,
    )


def compare(suggestion: Suggestion, resolver: Resolver) -> Comparison:
    fact = suggestion.fact
    if suggestion.kind == SuggestionKind.VISIT:
        return _visit(fact, resolver, suggestion.article)
    if suggestion.kind == SuggestionKind.AGREEMENT:
        return _agreement(fact, resolver)
    if suggestion.kind == SuggestionKind.PRIORITY_PARTNERS:
        return _priority_partners(fact, resolver, suggestion.article)
    if suggestion.kind == SuggestionKind.PERSON:
        return _person(fact, resolver)
    return _event(fact, resolver, suggestion.article)
