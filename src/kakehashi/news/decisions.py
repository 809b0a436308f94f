"""Accepting or rejecting a suggestion. Accepting writes through the owning app's services
with the article as the record's source; each suggestion is decided once (its row is locked
and its state checked in the same transaction); nothing is written on bad input."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kakehashi.common.dates import DatePrecision
from kakehashi.common.workflow import transition
from kakehashi.directory.models import Locality
from kakehashi.directory.services import create_person
from kakehashi.events.models import Event
from kakehashi.events.services import create_event
from kakehashi.news.errors import NewsError
from kakehashi.news.models import Article, Suggestion, SuggestionKind, SuggestionStatus
from kakehashi.news.queries import may_decide_for, may_use_desk
from kakehashi.news.registry import (
    Resolver,
    agreement_recorded,
    existing_agreement,
    existing_event,
    existing_person,
    existing_visit,
)
from kakehashi.partnerships.models import PartnershipKind
from kakehashi.partnerships.priority_list_services import (
    add_priority_partners,
    record_priority_list,
)
from kakehashi.partnerships.services import (
    PartnershipInput,
    PartyInput,
    add_renewal,
    create_partnership,
    record_visit,
)


def article_source(article: Article, base_url: str) -> tuple[str, str]:
    """The source a record cites for the article: its own address, or its page on the
    platform; and its title with the date of publication."""
    url = article.url or base_url.rstrip("/") + reverse("news:article", args=[article.pk])
    title = article.title
    if article.published_on:
        title = f"{title} ({article.published_on.isoformat()})"
    return url, title[:300]


def _locked(suggestion: Suggestion) -> Suggestion:
    return Suggestion.objects.select_for_update().select_related("article").get(pk=suggestion.pk)


def _decision(suggestion: Suggestion, by):
    """Deciding a new suggestion (common.workflow.transition): who may decide depends on the
    places it concerns, so the caller checks it inside the block."""
    return transition(
        suggestion,
        by=by,
        permission=None,
        lock=_locked,
        allowed_from=(SuggestionStatus.NEW,),
        refusal=ValidationError(
            _("This suggestion was already accepted or rejected."), code=NewsError.ALREADY_DECIDED
        ),
    )


def _check_may_decide(by, places: list[Locality]) -> None:
    if not may_decide_for(by, [place for place in places if place is not None]):
        raise ValidationError(
            _("Only a moderator or an editor of a locality it concerns can decide this."),
            code=NewsError.NOT_ALLOWED,
        )


def _already(label: str) -> ValidationError:
    return ValidationError(
        _("The registry already holds this: %(record)s."),
        code=NewsError.DUPLICATE,
        params={"record": label},
    )


def _accept_visit(suggestion, values, source, by):
    visitor, host = values.get("visitor"), values["host"]
    _check_may_decide(by, [visitor, host])
    if existing := existing_visit(host=host, started_on=values["started_on"], visitor=visitor):
        raise _already(str(existing))
    visit = record_visit(
        partnership=existing_agreement([visitor, host]) if visitor is not None else None,
        visitor=visitor,
        visitor_name="" if visitor is not None else values.get("visitor_name", ""),
        host=host,
        started_on=values["started_on"],
        ended_on=values.get("ended_on"),
        purpose=values["purpose"],
        delegation_lead=values.get("delegation_lead", ""),
        source_url=source[0],
        source_title=source[1],
        # The purpose and who led it are written from the article: in its language.
        language=suggestion.article.language,
        by=by,
    )
    url = visit.partnership.get_absolute_url() if visit.partnership_id else host.get_absolute_url()
    return visit, str(visit), url


def _accept_agreement(suggestion, values, source, by):
    partnership = values.get("partnership")
    date, precision = values.get("date"), values.get("precision") or DatePrecision.DAY
    if partnership is not None:
        _check_may_decide(by, [party.place for party in partnership.parties.all()])
        if date is None:
            raise ValidationError(_("Give the date of the renewal."), code=NewsError.DATE_MISSING)
        if agreement_recorded(partnership, date, precision):
            raise _already(partnership.title)
        add_renewal(
            partnership=partnership,
            renewed_on=date,
            precision=precision,
            note=values.get("type_as_stated", ""),
            source_url=source[0],
            source_title=source[1],
            by=by,
        )
        return partnership, partnership.title, partnership.get_absolute_url()
    parties = values["parties"]
    _check_may_decide(by, parties)
    data = PartnershipInput(
        title=values["title"],
        kind=values.get("kind") or PartnershipKind.COOPERATION_MOU,
        parties=[PartyInput(locality=place) for place in parties],
        signed_on=date,
        signed_precision=precision,
        type_as_stated=values.get("type_as_stated", ""),
        summary=suggestion.evidence[:4000],
        language=suggestion.article.language,
        sources=[source[0]],
        source_titles={source[0]: source[1]},
    )
    partnership = create_partnership(data=data, by=by)
    return partnership, partnership.title, partnership.get_absolute_url()


def _accept_priority_partners(suggestion, values, source, by):
    priority_list = values.get("priority_list")
    locality = priority_list.locality if priority_list is not None else values["locality"]
    _check_may_decide(by, [locality])
    if priority_list is not None:
        add_priority_partners(
            priority_list=priority_list, partners=values["partners"], source_url=source[0], by=by
        )
    else:
        priority_list = record_priority_list(
            locality=locality,
            title=values["title"],
            period_start=values["period_start"],
            period_end=values["period_end"],
            partners=values["partners"],
            source_url=source[0],
            source_title=source[1],
            # The title is written from the article, as an agreement's is: in its language.
            language=suggestion.article.language,
            by=by,
        )
    return priority_list, str(priority_list), locality.get_absolute_url()


def _accept_person(suggestion, values, source, by):
    place = Resolver.for_article(suggestion.article, [suggestion.fact]).place_of_body(
        suggestion.fact.get("organisation")
    )
    _check_may_decide(by, [place])
    if existing := existing_person(values["full_name"]):
        raise _already(existing.full_name)
    person = create_person(full_name=values["full_name"], by=by)
    return person, person.full_name, ""


def _event_slug(name: str, starts_on) -> str:
    """A free address for the draft: its name in ASCII letters (if any) and its first day."""
    ascii_name = slugify(name.replace("đ", "d").replace("Đ", "D"))  # đ has no decomposition
    base = f"{ascii_name[:50].strip('-') or 'event'}-{starts_on:%Y-%m-%d}"
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _accept_event(suggestion, values, source, by):
    """An unpublished draft, closed to registration, that its organisers complete; the
    article (its sentence, title and address) in its description."""
    organisers, host = list(values["organisers"]), values.get("host_locality")
    _check_may_decide(by, [o.locality for o in organisers if o.locality_id] + [host])
    name, name_en = values["name"].strip(), (values.get("name_en") or "").strip()
    starts_on = values["starts_on"]
    if existing := existing_event([name, name_en], starts_on):
        raise _already(existing.name)
    language = suggestion.article.language
    names = {f"name_{language}": name} if language in ("vi", "ja") else {}
    event = create_event(
        by=by,
        organisers=organisers,
        slug=_event_slug(name_en or name, starts_on),
        name_en=name_en or name,
        **names,
        description="\n\n".join(
            part for part in (suggestion.evidence, source[1], source[0]) if part
        )[:8000],
        language=language,
        host_locality=host,
        starts_on=starts_on,
        ends_on=values.get("ends_on") or starts_on,
        time_zone=values["time_zone"],
        registration_open=False,
        is_published=False,
    )
    return event, event.name, event.get_absolute_url()


ACCEPT = {
    SuggestionKind.EVENT: _accept_event,
    SuggestionKind.VISIT: _accept_visit,
    SuggestionKind.AGREEMENT: _accept_agreement,
    SuggestionKind.PRIORITY_PARTNERS: _accept_priority_partners,
    SuggestionKind.PERSON: _accept_person,
}


@transaction.atomic
def accept_suggestion(*, suggestion: Suggestion, values: dict, base_url: str, by) -> Suggestion:
    """Write the record the suggestion proposes, with `values` as the person confirmed or
    corrected them (the cleaned Accept form), citing the article as its source. Raises
    ValidationError when it was decided already, when `by` may not decide it, when the
    registry already holds the record, or on bad values."""
    with _decision(suggestion, by) as suggestion:
        accept = ACCEPT[suggestion.kind]
        # Whoever accepts speaks for a place the article names (when it names one the
        # directory knows) as well as for the places of the record written: an editor cannot
        # take another city's news for their own by changing the host in the form.
        places = concerned_places(suggestion)
        if places:
            _check_may_decide(by, places)
        source = article_source(suggestion.article, base_url)
        record, label, url = accept(suggestion, values, source, by)
        suggestion.status = SuggestionStatus.ACCEPTED
        suggestion.decided_by = by
        suggestion.decided_at = timezone.now()
        suggestion.record_model = record._meta.label_lower
        suggestion.record_id = record.pk
        suggestion.record_label = label[:300]
        suggestion.record_url = url[:500]
    return suggestion


def concerned_places(suggestion: Suggestion) -> list[Locality]:
    """The places the suggestion speaks of, as the engine resolved them."""
    from kakehashi.news.comparison import compare

    resolver = Resolver.for_article(suggestion.article, [suggestion.fact])
    return compare(suggestion, resolver).places


@transaction.atomic
def reject_suggestion(*, suggestion: Suggestion, reason: str, by) -> Suggestion:
    """Keep the suggestion as rejected, with the reason; nothing else is written."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(
            _("Say why the suggestion is rejected."), code=NewsError.REASON_MISSING
        )
    with _decision(suggestion, by) as suggestion:
        places = concerned_places(suggestion)
        # A suggestion that names no known place (a misread, say) is set aside by whoever
        # uses the desk; one that names places, by those who speak for one of them.
        if places:
            _check_may_decide(by, places)
        elif not may_use_desk(by):
            raise ValidationError(_("You cannot use the news desk."), code=NewsError.NOT_ALLOWED)
        suggestion.status = SuggestionStatus.REJECTED
        suggestion.reason = reason[:500]
        suggestion.decided_by = by
        suggestion.decided_at = timezone.now()
    return suggestion
