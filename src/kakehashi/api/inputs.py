"""Turning what a client sends (slugs, keys, ids, partial dates, web addresses) into what the
services take (model instances, dates). Every problem is collected with the field it belongs
to and raised together as one django ValidationError, which the API answers with 422."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from kakehashi.api.errors import ApiInputError
from kakehashi.common.dates import parse_partial_date
from kakehashi.common.errors import ErrorCode
from kakehashi.directory.models import Locality, Organisation, Sector
from kakehashi.directory.queries import organisations_visible_to


class FieldErrors:
    """Errors gathered while converting one request; `raise_if_any()` ends the conversion."""

    def __init__(self):
        self.errors: dict[str, list[ValidationError]] = {}

    def add(self, field: str, message, code: ErrorCode, **params) -> None:
        self.errors.setdefault(field, []).append(
            ValidationError(message, code=code, params=params or None)
        )

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def locality(self, slug: str | None, field: str, *, current_only: bool = False):
        if slug is None:
            return None
        locality = Locality.objects.select_related("successor").filter(slug=slug).first()
        if locality is None:
            self.add(
                field,
                _("There is no locality “%(slug)s”."),
                ApiInputError.UNKNOWN_LOCALITY,
                slug=slug,
            )
        elif current_only and not locality.is_current:
            self.add(
                field,
                _("“%(slug)s” is a former unit; use “%(successor)s”, which took it over."),
                ApiInputError.FORMER_LOCALITY,
                slug=slug,
                successor=locality.successor.slug if locality.successor_id else "",
            )
            return None
        return locality

    def sectors(self, keys: list[str], field: str) -> list[Sector]:
        keys = list(dict.fromkeys(keys))
        found = {sector.key: sector for sector in Sector.objects.filter(key__in=keys)}
        for position, key in enumerate(keys):
            if key not in found:
                self.add(
                    f"{field}.{position}",
                    _("There is no sector “%(key)s”."),
                    ApiInputError.UNKNOWN_SECTOR,
                    key=key,
                )
        return [found[key] for key in keys if key in found]

    def sector(self, key: str | None, field: str) -> Sector | None:
        if key is None:
            return None
        sector = Sector.objects.filter(key=key).first()
        if sector is None:
            self.add(
                field, _("There is no sector “%(key)s”."), ApiInputError.UNKNOWN_SECTOR, key=key
            )
        return sector

    def organisation(self, pk: int | None, field: str, *, user) -> Organisation | None:
        """An organisation the user can see (a party may be an unpublished organisation of
        their own, never someone else's)."""
        if pk is None:
            return None
        organisation = organisations_visible_to(user).filter(pk=pk).first()
        if organisation is None:
            self.add(
                field,
                _("There is no organisation with the id %(id)s."),
                ApiInputError.UNKNOWN_ORGANISATION,
                id=pk,
            )
        return organisation

    def partial_date(
        self, text: str | None, field: str, *, required: bool = False
    ) -> tuple[dt.date | None, str | None]:
        """(date, precision) for "YYYY", "YYYY-MM" or "YYYY-MM-DD"; (None, None) if empty."""
        if text is None or not text.strip():
            if required:
                self.add(
                    field,
                    _("Give a date: YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-09-13."),
                    ApiInputError.INVALID_DATE,
                )
            return None, None
        try:
            return parse_partial_date(text)
        except ValueError:
            self.add(
                field,
                _("“%(value)s” is not a date. Write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-09-13."),
                ApiInputError.INVALID_DATE,
                value=text,
            )
            return None, None

    def web_address(self, url: str, field: str) -> str:
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                self.add(
                    field, _("“%(url)s” is not a web address."), ApiInputError.INVALID_URL, url=url
                )
        return url
