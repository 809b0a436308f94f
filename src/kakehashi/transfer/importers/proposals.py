"""Proposals from a file: one new draft per row, for an organisation the importer acts for,
with the author's translations from the columns title_vi, summary_vi, description_vi,
title_ja… (written through proposals.authoring, as the proposal form writes them: the
importer is their author)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language, join_list
from kakehashi.directory.models import Country, Organisation
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.proposals import authoring
from kakehashi.proposals.hs import validate_hs_code
from kakehashi.proposals.models import (
    Currency,
    InvestmentForm,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalKind,
    TechnologyStage,
)
from kakehashi.proposals.screening import CRITERIA, MAX_LEVEL
from kakehashi.proposals.services import ExportInput, InvestmentInput, ProposalInput, language_of
from kakehashi.proposals.translation_services import check_texts
from kakehashi.transfer.importers.base import (
    LocalityFinder,
    RowCheck,
    RowReader,
    sectors_by_key,
    split_list,
)
from kakehashi.transfer.kinds import TRANSLATION_LANGUAGES, TRANSLATION_TEXTS, translation_column
from kakehashi.transfer.problems import service_problem

TEXT_LIMITS = {"advantages": 2000, "sought": 2000, "partner_role": 2000, "keywords": 300}


def _label(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else value


class ProposalImporter:
    preview_headers = (
        _("Title"),
        _("Kind of proposal"),
        _("Organisation"),
        _("Language of the text"),
        _("Translations by the author"),
    )

    def __init__(self, *, user, rows: list[dict[str, str]]):
        self.user = user
        self.localities = LocalityFinder()
        self.sectors = sectors_by_key()
        references = {(values.get("organisation") or "").strip() for values in rows}
        ids = {int(text) for text in references if text.isdigit()}
        names = {text for text in references if text and not text.isdigit()}
        organisations = Organisation.objects.filter(Q(pk__in=ids) | Q(name__in=names))
        if not is_platform_admin(user):
            organisations = organisations.filter(pk__in=organisation_ids_of(user))
        organisations = list(organisations.select_related("locality"))
        self.by_id = {organisation.pk: organisation for organisation in organisations}
        self.by_name: dict[str, list[Organisation]] = {}
        for organisation in organisations:
            self.by_name.setdefault(organisation.name, []).append(organisation)

    def _organisation(self, row: RowReader) -> Organisation | None:
        text = row.raw("organisation")
        if not text:
            row.add("required", column="organisation")
            return None
        found = [self.by_id[int(text)]] if text.isdigit() and int(text) in self.by_id else []
        found = found or self.by_name.get(text, [])
        if len(found) > 1:
            row.add("organisation_ambiguous", value=text)
            return None
        if not found:
            # Unknown and not one's own read the same: nothing is told about others.
            row.add("not_acting_for_organisation", value=text)
            return None
        return found[0]

    def _list(self, row: RowReader, column: str, choices) -> list[str]:
        values = []
        for item in split_list(row.raw(column), ";"):
            match = next((value for value in choices.values if value.lower() == item.lower()), None)
            if match is None:
                row.add(
                    "choice_unknown", value=item, column=column, choices=join_list(choices.values)
                )
            elif match not in values:
                values.append(match)
        return values

    def _number(self, row: RowReader, column: str) -> Decimal | None:
        text = row.raw(column).replace(",", "").replace(" ", "")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or value < 0 or value >= Decimal("1e16"):
            row.add("number_invalid", value=row.raw(column), column=column)
            return None
        return value

    def _level(self, row: RowReader, column: str) -> int:
        text = row.raw(column)
        if not text:
            return 0
        if text.isdigit() and int(text) <= MAX_LEVEL:
            return int(text)
        row.add("level_invalid", value=text, column=column, max=MAX_LEVEL)
        return 0

    def _localities(self, row: RowReader):
        locality = None
        text = row.raw("locality")
        if text:
            locality, _country = self.localities.find(text)
            if locality is None:
                row.add("locality_unknown", value=text, column="locality")
            elif not locality.is_current:
                row.add("locality_former", value=text, column="locality")
        targets = []
        for slug in split_list(row.raw("target_localities"), ";"):
            place, _country = self.localities.find(slug)
            if place is None:
                row.add("locality_unknown", value=slug, column="target_localities")
            elif place not in targets:
                targets.append(place)
        return locality, targets

    def _details(self, row: RowReader, kind: str):
        investment = export = None
        if kind == ProposalKind.INVESTMENT_PROJECT:
            investment = InvestmentInput(
                industrial_zone=row.text("industrial_zone", limit=200),
                amount=self._number(row, "amount"),
                currency=row.choice("currency", Currency, Currency.USD) or Currency.USD,
                land_area_ha=self._number(row, "land_area_ha"),
                investment_form=row.choice("investment_form", InvestmentForm, "") or "",
                timeline=row.text("timeline", limit=300),
                **{criterion: self._level(row, criterion) for criterion in CRITERIA},
            )
        if kind == ProposalKind.EXPORT_PRODUCT:
            export = ExportInput(
                product=row.text("product", limit=200, required=True),
                hs_code=row.raw("hs_code"),
                capacity=row.text("capacity", limit=200),
                certifications=row.text("certifications", limit=300),
                target_market=row.text("target_market", limit=200),
            )
            try:
                export.hs_code = validate_hs_code(export.hs_code)
            except ValidationError as error:
                row.problems.append(service_problem(error))
        return investment, export

    def _translations(
        self, row: RowReader, original: str, kind: str | None
    ) -> dict[str, dict[str, str]]:
        """The author's translations given in the row, checked as the proposal form checks
        its tabs (a language of the file whose columns are all empty is left out); a text of
        another kind than the row's (advantages_ja for a request) is refused."""
        translations = {}
        for language in TRANSLATION_LANGUAGES:
            texts = {
                name: row.raw(translation_column(name, language)) for name in TRANSLATION_TEXTS
            }
            if not any(texts.values()):
                continue
            if language == original:
                for name, value in texts.items():
                    if value:
                        row.add(
                            "translation_of_original",
                            language=language,
                            column=translation_column(name, language),
                        )
                continue
            try:
                check_texts(language, texts, original=original, kind=kind)
            except ValidationError as error:
                row.problems.append(service_problem(error))
                continue
            translations[language] = texts
        return translations

    def check(self, number: int, values: dict[str, str]) -> RowCheck:
        row = RowReader(values)
        organisation = self._organisation(row)
        kind = row.choice("kind", ProposalKind, None)
        locality, targets = self._localities(row)
        investment, export = self._details(row, kind)
        data = ProposalInput(
            kind=kind or "",
            title=row.text("title", limit=200, required=True),
            summary=row.text("summary", limit=500, required=True),
            description=row.text("description", limit=4000),
            language=row.choice("language", Language, "") or "",
            stage=row.choice("stage", TechnologyStage, "") or "",
            programme_area=row.choice("programme_area", ProgrammeArea, "") or "",
            sectors=row.sectors("sectors", self.sectors),
            partnership_types=self._list(row, "partnership_types", PartnershipType),
            target_countries=self._list(row, "target_countries", Country),
            target_localities=targets,
            locality=locality,
            is_anonymous=row.boolean("anonymous", default=False),
            investment=investment,
            export=export,
            **{name: row.text(name, limit=limit) for name, limit in TEXT_LIMITS.items()},
        )
        if organisation is not None and locality is None and organisation.locality is None:
            row.add("required", column="locality")
        original, _chosen = language_of(data)
        translations = self._translations(row, original, kind)
        preview = {
            "title": data.title,
            "kind": data.kind or row.raw("kind"),
            "organisation": organisation.name if organisation else row.raw("organisation"),
            "language": original,
            "translations": {language: texts["title"] for language, texts in translations.items()},
        }
        if row.problems:
            return RowCheck(problems=row.problems, preview=preview)
        return RowCheck(preview=preview, plan=(organisation, data, translations))

    def write(self, plan) -> Proposal:
        organisation, data, translations = plan
        return authoring.create_proposal(
            data=data, organisation=organisation, by=self.user, translations=translations
        )

    @staticmethod
    def display(preview: dict) -> list[str]:
        return [
            preview["title"],
            _label(ProposalKind, preview["kind"]),
            preview["organisation"],
            _label(Language, preview["language"]),
            "; ".join(
                f"{_label(Language, language)}: {title}"
                for language, title in preview["translations"].items()
            ),
        ]
