"""Organisations from a file: one new organisation per row."""

from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language, join_list
from kakehashi.directory import services
from kakehashi.directory.models import Country, Organisation, OrganisationKind
from kakehashi.directory.queries import organisations_visible_to
from kakehashi.transfer.importers.base import (
    YES_NO,
    LocalityFinder,
    RowCheck,
    RowReader,
    sectors_by_key,
)
from kakehashi.transfer.problems import problem


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else value


class OrganisationImporter:
    preview_headers = (
        _("Name"),
        _("Kind"),
        _("Country"),
        _("Locality"),
        _("Sectors"),
        _("Published"),
    )

    def __init__(self, *, user, rows: list[dict[str, str]]):
        self.user = user
        self.localities = LocalityFinder()
        self.sectors = sectors_by_key()
        names = {(values.get("name") or "").strip() for values in rows}
        self.existing_names = set(
            organisations_visible_to(user).filter(name__in=names).values_list("name", flat=True)
        )

    def check(self, number: int, values: dict[str, str]) -> RowCheck:
        row = RowReader(values)
        fields = {
            "name": row.text("name", limit=200, required=True),
            "name_en": row.text("name_en", limit=200),
            "kind": row.choice("kind", OrganisationKind, OrganisationKind.OTHER),
            "country": row.choice("country", Country, ""),
            "website": row.url("website", limit=200),
            "description": row.text("description", limit=4000),
            "language": row.choice("language", Language, Language.EN),
            "is_published": row.boolean("published", default=False),
        }
        fields["locality"], fields["country"] = self._locality(row, fields["country"])
        sectors = row.sectors("sectors", self.sectors)
        locality = fields["locality"]
        preview = {
            "name": fields["name"],
            "kind": fields["kind"] or row.raw("kind"),
            "country": fields["country"] or row.raw("country"),
            "locality": locality.name_en if locality else row.raw("locality"),
            "sectors": [sector.key for sector in sectors],
            "published": fields["is_published"],
        }
        warnings = []
        if fields["name"] in self.existing_names:
            warnings.append(problem("organisation_exists"))
        self.existing_names.add(fields["name"])
        if row.problems:
            return RowCheck(problems=row.problems, warnings=warnings, preview=preview)
        return RowCheck(warnings=warnings, preview=preview, plan=(fields, sectors))

    def _locality(self, row: RowReader, country: str | None):
        """The locality and the country, the one completing the other where it can."""
        text = row.raw("locality")
        if not text:
            if country == "":
                row.add("country_missing")
            return None, country
        locality, named_country = self.localities.find(text, country=country or "")
        if locality is None:
            if not named_country and not row.raw("country"):
                row.add("country_missing")
            else:
                row.add("locality_unknown", value=text, column="locality")
            return None, country
        if not locality.is_current:
            row.add("locality_former", value=text, column="locality")
        if country and locality.country != country:
            row.add("locality_country_mismatch", value=text, country=country)
        return locality, country or locality.country

    def write(self, plan) -> Organisation:
        fields, sectors = plan
        return services.create_organisation(by=self.user, sectors=sectors, **fields)

    @staticmethod
    def display(preview: dict) -> list[str]:
        return [
            preview["name"],
            _label(OrganisationKind, preview["kind"]),
            _label(Country, preview["country"]),
            preview["locality"],
            join_list(preview["sectors"]),
            str(YES_NO[preview["published"]]),
        ]
