"""What every importer shares: reading one row's cells into checked values, and finding
localities and sectors by the names a file gives them."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import join_list
from kakehashi.directory.models import Locality, Sector
from kakehashi.transfer.problems import problem

TRUE_WORDS = {"yes", "1", "true"}
FALSE_WORDS = {"no", "0", "false"}
YES_NO = {True: _("yes"), False: _("no")}


@dataclass
class RowCheck:
    """The outcome of checking one row: what is wrong with it (nothing, if it can be
    written), what to look out for, what it will create (for the preview, JSON-ready) and
    the checked input for the service (None when there are problems)."""

    problems: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    preview: dict = field(default_factory=dict)
    plan: object | None = None


class RowReader:
    """The cells of one row, read column by column; problems are collected, not raised, so
    that a row reports every reason at once."""

    def __init__(self, values: dict[str, str]):
        self.values = values
        self.problems: list[dict] = []

    def add(self, code: str, **params) -> None:
        self.problems.append(problem(code, **params))

    def raw(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def text(self, column: str, *, limit: int, required: bool = False) -> str:
        value = self.raw(column)
        if required and not value:
            self.add("required", column=column)
        if len(value) > limit:
            self.add("too_long", column=column, limit=limit)
        return value

    def choice(self, column: str, choices, default: str | None) -> str | None:
        value = self.raw(column)
        if not value:
            if default is None:
                self.add("required", column=column)
            return default
        for allowed in choices.values:
            if value.lower() == allowed.lower():
                return allowed
        self.add("choice_unknown", value=value, column=column, choices=join_list(choices.values))
        return None

    def boolean(self, column: str, *, default: bool) -> bool:
        value = self.raw(column).lower()
        if not value:
            return default
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
        self.add("boolean_invalid", value=self.raw(column), column=column)
        return default

    def url(self, column: str, *, limit: int) -> str:
        value = self.raw(column)
        if value and not is_web_address(value, limit=limit):
            self.add("url_invalid", value=value, column=column)
        return value

    def email(self, column: str) -> str:
        value = self.raw(column)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                self.add("email_invalid", value=value)
        return value

    def sectors(self, column: str, known: dict[str, Sector]) -> list[Sector]:
        found = []
        for key in split_list(self.raw(column), ";"):
            sector = known.get(key.lower())
            if sector is None:
                self.add("sector_unknown", value=key)
            elif sector not in found:
                found.append(sector)
        return found


def split_list(text: str, separators: str) -> list[str]:
    items = [text]
    for separator in separators:
        items = [part for item in items for part in item.split(separator)]
    return [item.strip() for item in items if item.strip()]


_validate_url = URLValidator(schemes=["http", "https"])


def is_web_address(value: str, *, limit: int) -> bool:
    if len(value) > limit:
        return False
    try:
        _validate_url(value)
    except ValidationError:
        return False
    return True


def sectors_by_key() -> dict[str, Sector]:
    return {sector.key.lower(): sector for sector in Sector.objects.all()}


class LocalityFinder:
    """Every locality, loaded once, found by slug or by official code.

    A code may carry its country (VN:79, JP:271004); a bare code needs the country from
    elsewhere. Vietnamese codes name today's units only (codes were reused in 2025); a
    former Vietnamese province is named by its slug, e.g. binh-duong-before-2025."""

    def __init__(self):
        localities = list(Locality.objects.select_related("successor"))
        self.by_slug = {locality.slug: locality for locality in localities}
        self.by_code = {
            (locality.country, locality.code, locality.is_current): locality
            for locality in localities
        }

    def find(self, text: str, *, country: str = "") -> tuple[Locality | None, str]:
        """The locality and the country the text named (from its prefix, else `country`);
        the locality is None when nothing matches."""
        text = text.strip()
        prefix, colon, code = text.partition(":")
        if colon and prefix.upper() in ("VN", "JP"):
            country, text = prefix.upper(), code.strip()
        if text.isdigit():
            code = text.zfill(2)
            found = self.by_code.get((country, code, True))
            if found is None and country == "JP":
                found = self.by_code.get((country, code, False))
            return found, country
        found = None if colon else self.by_slug.get(text.lower())
        return found, country
