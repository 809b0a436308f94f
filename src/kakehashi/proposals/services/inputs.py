"""What a proposal is written from (the form, the API, an import): the inputs and their
checks, each refusal a ValidationError with a code."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import LANGUAGE_INVALID, CommonError, invalid
from kakehashi.common.i18n import Language
from kakehashi.common.language import detect_language
from kakehashi.directory.models import Country, Locality, Sector
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.hs import validate_hs_code
from kakehashi.proposals.models import (
    Currency,
    InvestmentDetails,
    InvestmentForm,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalKind,
    TechnologyStage,
)
from kakehashi.proposals.screening import CRITERIA, MAX_LEVEL


@dataclass
class InvestmentInput:
    industrial_zone: str = ""
    amount: Decimal | None = None
    currency: str = Currency.USD
    land_area_ha: Decimal | None = None
    investment_form: str = ""
    timeline: str = ""
    technology: int = 0
    governance: int = 0
    added_value: int = 0
    spillover: int = 0
    supply_chain: int = 0
    environment: int = 0


@dataclass
class ExportInput:
    product: str = ""
    hs_code: str = ""
    capacity: str = ""
    certifications: str = ""
    target_market: str = ""


@dataclass
class ProposalInput:
    kind: str
    title: str
    summary: str
    description: str = ""
    advantages: str = ""
    sought: str = ""
    partner_role: str = ""
    stage: str = ""
    programme_area: str = ""
    keywords: str = ""
    sectors: list[Sector] = field(default_factory=list)
    partnership_types: list[str] = field(default_factory=list)
    target_countries: list[str] = field(default_factory=list)
    target_localities: list[Locality] = field(default_factory=list)
    locality: Locality | None = None
    # Blank: detect it from the text; set: the author confirmed (or chose) it.
    language: str = ""
    is_anonymous: bool = False
    investment: InvestmentInput | None = None
    export: ExportInput | None = None


def check_input(data: ProposalInput) -> None:
    if data.kind not in ProposalKind.values:
        raise invalid(_("Choose the kind of proposal."), ProposalError.KIND_INVALID)
    if not data.title.strip():
        raise invalid(_("Give the proposal a title."), CommonError.TITLE_MISSING)
    if not data.summary.strip():
        raise invalid(_("Give the proposal a short summary."), ProposalError.SUMMARY_MISSING)
    for name, limit in (("title", 200), ("summary", 500), ("description", 4000)):
        if len(getattr(data, name)) > limit:
            raise invalid(
                _("The %(field)s is longer than %(limit)s characters."),
                CommonError.TOO_LONG,
                field=Proposal._meta.get_field(name).verbose_name,
                limit=limit,
            )
    if data.stage and data.stage not in TechnologyStage.values:
        raise invalid(
            _("Choose a stage of development from the list."), ProposalError.STAGE_INVALID
        )
    if data.programme_area and data.programme_area not in ProgrammeArea.values:
        raise invalid(
            _("Choose an area of the programme from the list."), ProposalError.AREA_INVALID
        )
    for value in data.partnership_types:
        if value not in PartnershipType.values:
            raise invalid(
                _("“%(value)s” is not a type of partnership."),
                ProposalError.PARTNERSHIP_TYPE_INVALID,
                value=value,
            )
    for value in data.target_countries:
        if value not in Country.values:
            raise invalid(
                _("“%(value)s” is not a country this platform serves."),
                ProposalError.COUNTRY_INVALID,
                value=value,
            )
    if data.language and data.language not in Language.values:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID)
    if data.kind == ProposalKind.INVESTMENT_PROJECT:
        _check_investment(data.investment or InvestmentInput())
    if data.kind == ProposalKind.EXPORT_PRODUCT:
        _check_export(data.export)


def _check_investment(details: InvestmentInput) -> None:
    for name in ("amount", "land_area_ha"):
        value = getattr(details, name)
        if value is not None and value < 0:
            raise invalid(
                _("The %(field)s cannot be negative."),
                ProposalError.NEGATIVE_AMOUNT,
                field=InvestmentDetails._meta.get_field(name).verbose_name,
            )
    if details.currency not in Currency.values:
        raise invalid(
            _("Choose US dollars, Vietnamese dong or Japanese yen."), ProposalError.CURRENCY_INVALID
        )
    if details.investment_form and details.investment_form not in InvestmentForm.values:
        raise invalid(
            _("Choose a form of investment from the list."), ProposalError.INVESTMENT_FORM_INVALID
        )
    for criterion in CRITERIA:
        level = getattr(details, criterion)
        if not (isinstance(level, int) and 0 <= level <= MAX_LEVEL):
            raise invalid(
                _("Rate each criterion from 0 to %(max)s."),
                ProposalError.LEVEL_OUT_OF_RANGE,
                max=MAX_LEVEL,
            )


def _check_export(details: ExportInput | None) -> None:
    if details is None or not details.product.strip():
        raise invalid(_("Name the product to export."), ProposalError.PRODUCT_MISSING)
    details.hs_code = validate_hs_code(details.hs_code)


def language_of(data: ProposalInput) -> tuple[str, bool]:
    """The language of the proposal's text, and whether the author chose it (else detected)."""
    if data.language:
        return data.language, True
    text = "\n".join([data.title, data.summary, data.description])
    return detect_language(text) or "en", False
