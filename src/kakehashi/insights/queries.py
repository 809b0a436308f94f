"""Reads for recording outcomes (the dashboards' figures are in figures.py)."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kakehashi.directory.models import PROVINCE_LEVELS, Country, Locality, Organisation
from kakehashi.events.models import Meeting
from kakehashi.insights import services
from kakehashi.insights.models import Outcome
from kakehashi.messaging.queries import threads_visible_to
from kakehashi.proposals.models import Interest


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
    return (
        Outcome.objects.filter(meeting=meeting, interest=interest, thread=thread)
        .select_related("locality", "partnership")
        .prefetch_related("partnership__translations")
    )


def named_source(user, *, thread: int | None, interest: int | None, meeting: int | None) -> dict:
    """The source the page or the API names by id (the first of thread, interest, meeting
    given), as record_outcome's keyword arguments (through services.outcome_source); 404
    for an unknown id and for a thread the user is not a member of. Whether the user may
    record on a meeting or an interest is services.check_source's to say."""
    if thread is not None:
        found = get_object_or_404(
            threads_visible_to(user).select_related("meeting", "proposal"), pk=thread
        )
        return services.outcome_source(thread=found)
    if interest is not None:
        found = get_object_or_404(
            Interest.objects.select_related("proposal__organisation", "organisation"),
            pk=interest,
        )
        return services.outcome_source(interest=found)
    if meeting is not None:
        found = get_object_or_404(Meeting.objects.select_related("event"), pk=meeting)
        return services.outcome_source(meeting=found)
    raise Http404
