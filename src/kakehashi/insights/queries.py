"""Reads for recording outcomes (the dashboards' figures are in figures.py)."""

from django.db.models import Q, QuerySet

from kakehashi.directory.models import PROVINCE_LEVELS, Country, Locality, Organisation
from kakehashi.insights.models import Outcome


def outcome_localities(parties: list[Organisation]) -> QuerySet[Locality]:
    """The localities an outcome may be placed in: today's Vietnamese provinces and cities,
    and the parties' own localities with the prefectures or provinces they belong to."""
    own = [party.locality for party in parties if party.locality_id]
    ids = {place.pk for place in own} | {place.parent_id for place in own if place.parent_id}
    return Locality.objects.filter(
        Q(pk__in=ids) | Q(country=Country.VIETNAM, is_current=True, level__in=PROVINCE_LEVELS)
    ).order_by("country", "code")


def outcomes_following(*, meeting=None, interest=None, thread=None) -> QuerySet[Outcome]:
    """What was already recorded for this one source."""
    return Outcome.objects.filter(meeting=meeting, interest=interest, thread=thread).select_related(
        "locality", "partnership"
    )
