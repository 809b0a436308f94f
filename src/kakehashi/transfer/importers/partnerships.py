"""Partnerships from a file: one new partnership per row, with its parties, sectors and
sources. Each row must name a party that the importer acts for."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kakehashi.common.dates import DatePrecision, parse_partial_date, partial_date_text
from kakehashi.common.i18n import Language
from kakehashi.directory.models import Organisation
from kakehashi.directory.queries import organisations_visible_to
from kakehashi.partnerships import services
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from kakehashi.partnerships.queries import partnerships_visible_to
from kakehashi.transfer.importers.base import (
    LocalityFinder,
    RowCheck,
    RowReader,
    is_web_address,
    sectors_by_key,
    split_list,
)
from kakehashi.transfer.kinds import MAX_PARTIES
from kakehashi.transfer.problems import problem, service_problem

ORGANISATION_PREFIX = "org:"


def _organisation_id(text: str) -> int | None:
    if text[: len(ORGANISATION_PREFIX)].lower() != ORGANISATION_PREFIX:
        return None
    number = text[len(ORGANISATION_PREFIX) :].strip()
    return int(number) if number.isdigit() else None


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else value


class PartnershipImporter:
    preview_headers = (_("Title"), _("Type"), _("Signed"), _("Parties"), _("Status"))

    def __init__(self, *, user, rows: list[dict[str, str]]):
        self.user = user
        self.localities = LocalityFinder()
        self.sectors = sectors_by_key()
        ids = {
            _organisation_id((values.get(f"party_{number}") or "").strip())
            for values in rows
            for number in range(1, MAX_PARTIES + 1)
        } - {None}
        self.organisations: dict[int, Organisation] = {
            organisation.pk: organisation
            for organisation in organisations_visible_to(user).filter(pk__in=ids)
        }
        self.recording_refusals: dict[tuple, ValidationError | None] = {}
        titles = {(values.get("title") or "").strip() for values in rows}
        self.existing_titles = set(
            partnerships_visible_to(user)
            .filter(title__in=titles)
            .values_list("title", flat=True)
            .order_by()
        )

    def check(self, number: int, values: dict[str, str]) -> RowCheck:
        row = RowReader(values)
        title = row.text("title", limit=200, required=True)
        kind = row.choice("kind", PartnershipKind, PartnershipKind.OTHER)
        type_as_stated = row.text("type_as_stated", limit=300)
        parties = self._parties(row)
        signed_on, precision = self._signed_on(row)
        status = row.choice("status", PartnershipStatus, PartnershipStatus.ACTIVE)
        sectors = row.sectors("sectors", self.sectors)
        summary = row.text("summary", limit=4000)
        language = row.choice("language", Language, Language.EN)
        sources = self._sources(row)
        is_published = row.boolean("published", default=True)
        preview = {
            "title": title,
            "kind": kind or row.raw("kind"),
            "signed_on": partial_date_text(signed_on, precision) or row.raw("signed_on"),
            "parties": [
                party.resolved_name() if party else row.raw(f"party_{position}")
                for position, party in parties
            ],
            "status": status or row.raw("status"),
        }
        warnings = [problem("partnership_exists")] if title in self.existing_titles else []
        self.existing_titles.add(title)
        if row.problems:
            return RowCheck(problems=row.problems, warnings=warnings, preview=preview)
        plan = services.PartnershipInput(
            title=title,
            kind=kind,
            type_as_stated=type_as_stated,
            parties=[party for _position, party in parties],
            sectors=sectors,
            signed_on=signed_on,
            signed_precision=precision,
            status=status,
            summary=summary,
            language=language,
            is_published=is_published,
            sources=sources,
        )
        return RowCheck(warnings=warnings, preview=preview, plan=plan)

    def _parties(self, row: RowReader) -> list[tuple[int, services.PartyInput | None]]:
        """(position, party) for each party column that is filled in; the party is None
        when it cannot be found. Checks the parties as a whole when all are found."""
        parties = []
        for position in range(1, MAX_PARTIES + 1):
            column, name_column = f"party_{position}", f"party_{position}_as_signed"
            text = row.raw(column)
            name = row.text(name_column, limit=200)
            if not text:
                if name:
                    row.add("party_name_without_party", column=name_column, party=column)
                continue
            parties.append((position, self._party(row, column, text, name)))
        found = [party for _position, party in parties if party is not None]
        if len(found) < len(parties):
            return parties
        if len(found) < 2:
            row.add("too_few_parties")
        elif len({(p.locality, p.organisation) for p in found}) < len(found):
            row.add("party_duplicate")
        else:
            error = self._recording_refused(found)
            if error is not None and error.code == PartnershipError.NOT_A_PARTY:
                row.add("not_a_party")
            elif error is not None:
                row.problems.append(service_problem(error))
        return parties

    def _recording_refused(self, parties: list[services.PartyInput]) -> ValidationError | None:
        """Why the user may not record an agreement between these parties (None if they
        may), asked of the partnership services once per combination of parties in a file."""
        key = tuple((party.locality, party.organisation) for party in parties)
        if key not in self.recording_refusals:
            try:
                services.recording_organisation(by=self.user, parties=parties)
            except ValidationError as error:
                self.recording_refusals[key] = error
            else:
                self.recording_refusals[key] = None
        return self.recording_refusals[key]

    def _party(self, row: RowReader, column: str, text: str, name: str):
        organisation_id = _organisation_id(text)
        if organisation_id is not None or text.lower().startswith(ORGANISATION_PREFIX):
            organisation = self.organisations.get(organisation_id)
            if organisation is None:
                row.add("organisation_unknown", value=text, column=column)
                return None
            return services.PartyInput(organisation=organisation, name_as_signed=name)
        locality, _country = self.localities.find(text)
        if locality is None:
            row.add("locality_unknown", value=text, column=column)
            return None
        return services.PartyInput(locality=locality, name_as_signed=name)

    def _signed_on(self, row: RowReader):
        text = row.raw("signed_on")
        if not text:
            return None, DatePrecision.DAY
        try:
            return parse_partial_date(text)
        except ValueError:
            row.add("date_invalid", value=text)
            return None, DatePrecision.DAY

    def _sources(self, row: RowReader) -> list[str]:
        urls = split_list(row.raw("sources"), " \t\r\n;")
        for url in urls:
            if not is_web_address(url, limit=500):
                row.add("url_invalid", value=url, column="sources")
        return urls

    def write(self, plan) -> Partnership:
        return services.create_partnership(data=plan, by=self.user)

    @staticmethod
    def display(preview: dict) -> list[str]:
        return [
            preview["title"],
            _label(PartnershipKind, preview["kind"]),
            preview["signed_on"],
            " – ".join(preview["parties"]),
            _label(PartnershipStatus, preview["status"]),
        ]
