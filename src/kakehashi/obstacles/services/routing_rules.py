"""Routing rules (locality or country, and category → authority and deadline); platform
administrators only. No notices."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Locality, Organisation
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import ANY_CATEGORY, Category, RoutingRule
from kakehashi.obstacles.rules import require
from kakehashi.obstacles.services.base import invalid


@transaction.atomic
def save_rule(
    *,
    by,
    authority: Organisation,
    category: str = ANY_CATEGORY,
    locality: Locality | None = None,
    country: str = "",
    deadline_days: int = 30,
    rule: RoutingRule | None = None,
) -> RoutingRule:
    """Create (or change) a routing rule; platform administrators only. A rule names a unit
    in force today (former units are covered through it) or, without a locality, a whole
    country."""
    require(by, "obstacles.manage_rules")
    errors = {}
    if locality is not None and not locality.is_current:
        errors["locality"] = invalid(
            _("Choose the unit in force today; its former units are covered through it."),
            ObstacleError.FORMER_LOCALITY,
        )
    country = locality.country if locality is not None else country
    if not country:
        errors["country"] = invalid(
            _("Choose a locality, or a country for a country-wide rule."),
            ObstacleError.COUNTRY_MISSING,
        )
    if category != ANY_CATEGORY and category not in Category.values:
        errors["category"] = invalid(_("Choose a category."), ObstacleError.INVALID_CATEGORY)
    if not 1 <= deadline_days <= 365:
        errors["deadline_days"] = invalid(
            _("Give between 1 and 365 days."), ObstacleError.INVALID_DEADLINE
        )
    if not errors:
        clash = RoutingRule.objects.filter(category=category)
        clash = (
            clash.filter(locality=locality)
            if locality is not None
            else clash.filter(locality__isnull=True, country=country)
        )
        if rule is not None:
            clash = clash.exclude(pk=rule.pk)
        if clash.exists():
            errors["category"] = invalid(
                _("A rule for this place and category exists already."),
                ObstacleError.DUPLICATE_RULE,
            )
    if errors:
        raise ValidationError({name: [error] for name, error in errors.items()})
    rule = rule or RoutingRule()
    rule.locality = locality
    rule.country = country
    rule.category = category
    rule.authority = authority
    rule.deadline_days = deadline_days
    rule.save()
    return rule


@transaction.atomic
def delete_rule(*, rule: RoutingRule, by) -> None:
    require(by, "obstacles.manage_rules")
    rule.delete()
