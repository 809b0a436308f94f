"""What the registry already holds that a fact speaks of: its places, organisations and
people resolved against the directory, and the visit, agreement, list or person it may
repeat. Used both to label a suggestion (duplicate, update, new) and, with the values a
person confirmed, when it is accepted."""

import datetime as dt
import re

from django.db.models import Q

from kakehashi.common.dates import DatePrecision
from kakehashi.directory.models import Locality, Organisation, OrganisationKind, Person
from kakehashi.events.models import Event
from kakehashi.partnerships.models import DelegationVisit, Partnership, PriorityList

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def fact_date(value) -> tuple[dt.date | None, str]:
    """A fact's ISO date as (date, precision): 2020-11-25 (day), 2020-11 (month), 2020
    (year); (None, day) for a date without its year (--11-25) or none."""
    value = str(value or "").strip()
    try:
        if match := _DAY.match(value):
            return dt.date(*map(int, match.groups())), DatePrecision.DAY
        if match := _MONTH.match(value):
            return dt.date(int(match[1]), int(match[2]), 1), DatePrecision.MONTH
        if match := _YEAR.match(value):
            return dt.date(int(match[1]), 1, 1), DatePrecision.YEAR
    except ValueError:
        pass
    return None, DatePrecision.DAY


def fact_year(value) -> int | None:
    match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", str(value or ""))
    return int(match[1]) if match else None


def as_text(value) -> str:
    """A fact's field as text: a string, or the name of a place or organisation."""
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return str(value or "")


class Resolver:
    """Resolves the places and organisations of an article's facts, with one query for all
    the places named by slug."""

    def __init__(self, facts: list[dict], mentions=()):
        slugs = {ref["slug"] for fact in facts for ref in _place_refs(fact) if ref.get("slug")}
        self._named = [
            (str(mention.get("text") or ""), mention["slug"])
            for mention in mentions
            if isinstance(mention, dict)
            and mention.get("kind") == "locality"
            and mention.get("slug")
        ]
        slugs |= {slug for _text, slug in self._named}
        self._by_slug = {
            place.slug: place
            for place in Locality.objects.filter(slug__in=slugs).select_related("successor")
        }
        self._organisations: dict[str, Organisation | None] = {}

    @classmethod
    def for_article(cls, article, facts: list[dict] | None = None) -> "Resolver":
        document = article.facts or {}
        return cls(
            facts if facts is not None else document.get("facts") or [],
            document.get("mentions") or [],
        )

    def place_of_body(self, ref) -> Locality | None:
        """The place an organisation stands for or is based in: the directory's record of
        it, else the longest place the article names inside its name ("UBND thành phố Đà
        Nẵng" is Da Nang's; "tỉnh Kanagawa" is Kanagawa itself)."""
        organisation = self.organisation(ref)
        if organisation is not None and organisation.locality_id:
            return organisation.locality
        name = as_text(ref)
        inside = [(len(text), slug) for text, slug in self._named if text and text in name]
        return self._by_slug.get(max(inside)[1]) if inside else None

    def locality(self, ref) -> Locality | None:
        """The place a fact names; a former unit stands for itself (its page leads on)."""
        if not isinstance(ref, dict):
            return None
        slug = ref.get("slug")
        if slug:
            return self._by_slug.get(slug)
        return None

    def organisation(self, ref) -> Organisation | None:
        name = as_text(ref).strip()
        if not name:
            return None
        if name not in self._organisations:
            self._organisations[name] = (
                Organisation.objects.filter(Q(name__iexact=name) | Q(name_en__iexact=name))
                .select_related("locality")
                .order_by("pk")
                .first()
            )
        return self._organisations[name]


def _place_refs(fact: dict) -> list[dict]:
    refs = []
    for key in ("host_locality", "locality"):
        if isinstance(fact.get(key), dict):
            refs.append(fact[key])
    for key in ("partners", "parties"):
        refs.extend(ref for ref in fact.get(key) or [] if isinstance(ref, dict))
    return refs


def _lineage_ids(place: Locality) -> list[int]:
    """The place, today's unit it became, and the former units either took over."""
    current = place.successor if (not place.is_current and place.successor_id) else place
    return [unit.pk for unit in current.lineage] + [place.pk]


def existing_visit(*, host: Locality, started_on: dt.date, visitor: Locality | None = None):
    visits = DelegationVisit.objects.filter(host_id__in=_lineage_ids(host), started_on=started_on)
    if visitor is not None:
        visits = visits.filter(visitor_id__in=_lineage_ids(visitor))
    return visits.select_related("visitor", "host", "partnership").order_by("pk").first()


def existing_agreement(places: list[Locality]) -> Partnership | None:
    """The partnership to which all these places (or their predecessors) are parties."""
    if len(places) < 2:
        return None
    # The places themselves as parties first; then organisations based there.
    for by_organisation in (False, True):
        partnerships = Partnership.objects.all()
        for place in places:
            ids = _lineage_ids(place)
            party = Q(parties__locality_id__in=ids)
            if by_organisation:
                party |= Q(parties__organisation__locality_id__in=ids)
            partnerships = partnerships.filter(pk__in=Partnership.objects.filter(party))
        found = partnerships.prefetch_related("renewals").order_by("-signed_on", "pk").first()
        if found is not None:
            return found
    return None


def _same_date(a: dt.date | None, b: dt.date | None, precision: str) -> bool:
    if a is None or b is None:
        return False
    if precision == DatePrecision.YEAR:
        return a.year == b.year
    if precision == DatePrecision.MONTH:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def agreement_recorded(partnership: Partnership, date: dt.date | None, precision: str) -> bool:
    """Whether the partnership already holds a signature or renewal on this date."""
    dates = [partnership.signed_on, *(renewal.renewed_on for renewal in partnership.renewals.all())]
    return any(_same_date(known, date, precision) for known in dates)


def existing_priority_list(locality: Locality, until: int | None) -> PriorityList | None:
    lists = PriorityList.objects.filter(locality_id__in=_lineage_ids(locality))
    if until is not None:
        lists = lists.filter(period_start__lte=until, period_end__gte=until)
    return lists.prefetch_related("entries", "translations").order_by("-period_end", "pk").first()


def existing_person(name: str) -> Person | None:
    name = name.strip()
    if not name:
        return None
    return (
        Person.objects.filter(Q(full_name__iexact=name) | Q(name_latin__iexact=name))
        .order_by("pk")
        .first()
    )


def existing_event(names, starts_on: dt.date | None) -> Event | None:
    """The event of one of these names (in any of its languages) that starts on that day;
    an event of the same name another year is another edition, not this one."""
    names = {name.strip() for name in names if name and name.strip()}
    if not names or starts_on is None:
        return None
    same_name = Q()
    for name in names:
        same_name |= Q(name_en__iexact=name) | Q(name_vi__iexact=name) | Q(name_ja__iexact=name)
    return Event.objects.filter(same_name, starts_on=starts_on).order_by("pk").first()


# What is left of a body's name once its place is taken out, when the body is the place's
# government or one of its departments ("UBND TP.HCM", "Sở Công Thương tỉnh Nghệ An",
# 愛知県庁, "Osaka Prefectural Government"); "JETRO Hà Nội" is not.
_GOVERNMENT = re.compile(
    r"(?i)^\W*(?:(?:UBND|HĐND|Ủy ban nhân dân|Sở [\w\s,&-]+?|Thành ủy|Tỉnh ủy)\s*"
    r"|(?:the\s+)?(?:People['’]s Committee(?: of)?|(?:Prefectural|City|Metropolitan|"
    r"Provincial|Municipal)?\s*Government(?: of)?|Department of [\w\s,&-]+?(?: of)?)\s*)?\W*"
    r"(?:庁|役所|県庁|府庁|市役所|都庁|政府|\s*(?:Prefectural|Provincial|City|Municipal)?\s*"
    r"(?:Government|People['’]s Committee))?\W*$"
)


def organiser_of(resolver: Resolver, ref) -> Organisation | None:
    """The directory's organisation an event's organiser names: by its name, else, when it
    names a place's government ("UBND TP.HCM", 愛知県), that place's local government."""
    organisation = resolver.organisation(ref)
    if organisation is not None:
        return organisation
    name = as_text(ref)
    inside = [text for text, _slug in resolver._named if text and text in name]
    place = resolver.place_of_body(ref)
    if place is None or not inside:
        return None
    if not _GOVERNMENT.match(name.replace(max(inside, key=len), " ", 1)):
        return None
    return (
        Organisation.objects.filter(kind=OrganisationKind.LOCAL_GOVERNMENT, locality=place)
        .select_related("locality")
        .order_by("pk")
        .first()
    )
