"""The API's schemas of proposals: what a proposal reads as (with the caller's rights: an
anonymous owner and a rejection reason are hidden from those who may not see them), and the
bodies that create, change and act on one."""

from decimal import Decimal

from ninja import Field, Schema

from kakehashi.api.schemas import (
    Id,
    InputSchema,
    PageQuery,
    SectorKey,
    Slug,
    text,
    two_places,
)
from kakehashi.directory.models import Country
from kakehashi.proposals import queries
from kakehashi.proposals.models import (
    Currency,
    InvestmentForm,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalKind,
    ProposalStatus,
    TechnologyStage,
)
from kakehashi.proposals.screening import screen

Level = Field(0, ge=0, le=4)


class ContributionOut(Schema):
    criterion: str
    level: int
    weight: int
    points: Decimal


class ScreeningOut(Schema):
    score: Decimal = Field(..., description="0–100; the contributions' points add up to it")
    contributions: list[ContributionOut]


class InvestmentOut(Schema):
    industrial_zone: str
    amount: Decimal | None
    currency: str
    land_area_ha: Decimal | None
    investment_form: str
    timeline: str
    technology: int
    governance: int
    added_value: int
    spillover: int
    supply_chain: int
    environment: int


class ExportOut(Schema):
    product: str
    hs_code: str
    capacity: str
    certifications: str
    target_market: str


class ProposalOut(Schema):
    id: int
    kind: str
    status: str
    title: str
    summary: str
    description: str
    advantages: str
    sought: str
    partner_role: str
    stage: str
    programme_area: str
    keywords: str
    language: str
    language_confirmed: bool
    is_anonymous: bool
    organisation: int | None = Field(
        None, description="Id of the proposing organisation; null while it stays anonymous"
    )
    locality: str = Field(..., description="Slug of the locality")
    sectors: list[str]
    partnership_types: list[str]
    target_countries: list[str]
    target_localities: list[str]
    published_on: str | None
    expires_on: str | None
    rejection_reason: str = Field(..., description="Shown to the owners and moderators only")
    investment: InvestmentOut | None = None
    export: ExportOut | None = None
    screening: ScreeningOut | None = Field(
        None, description="Investment projects: the score under the locality's weights"
    )

    @staticmethod
    def resolve_organisation(proposal: Proposal, context) -> int | None:
        return proposal.organisation_id if _reader(context).sees_owner(proposal) else None

    @staticmethod
    def resolve_rejection_reason(proposal: Proposal, context) -> str:
        reader = _reader(context)
        allowed = reader.owns(proposal) or reader.moderates(proposal)
        return proposal.rejection_reason if allowed else ""

    @staticmethod
    def resolve_locality(proposal: Proposal) -> str:
        return proposal.locality.slug

    @staticmethod
    def resolve_sectors(proposal: Proposal) -> list[str]:
        return [sector.key for sector in proposal.sectors.all()]

    @staticmethod
    def resolve_partnership_types(proposal: Proposal) -> list[str]:
        return [row.type for row in proposal.partnership_types.all()]

    @staticmethod
    def resolve_target_countries(proposal: Proposal) -> list[str]:
        return [row.country for row in proposal.target_countries.all()]

    @staticmethod
    def resolve_target_localities(proposal: Proposal) -> list[str]:
        return [place.slug for place in proposal.target_localities.all()]

    @staticmethod
    def resolve_published_on(proposal: Proposal) -> str | None:
        return proposal.published_on.isoformat() if proposal.published_on else None

    @staticmethod
    def resolve_expires_on(proposal: Proposal) -> str | None:
        return proposal.expires_on.isoformat() if proposal.expires_on else None

    @staticmethod
    def resolve_investment(proposal: Proposal):
        return getattr(proposal, "investment", None) if proposal.is_investment else None

    @staticmethod
    def resolve_export(proposal: Proposal):
        return getattr(proposal, "export", None) if proposal.is_export else None

    @staticmethod
    def resolve_screening(proposal: Proposal, context):
        details = getattr(proposal, "investment", None) if proposal.is_investment else None
        if details is None:
            return None
        result = screen(details.levels, _reader(context).weights(proposal.locality))
        return {"score": result.score, "contributions": list(result.contributions)}


class ProposalTranslationOut(Schema):
    language: str
    title: str
    summary: str
    description: str
    advantages: str = Field(..., description="Offers: the advantages and innovation")
    sought: str = Field(..., description="Requests and programmes: what is sought")
    partner_role: str = Field(..., description="Requests and programmes: the partner's role")
    source: str = Field(..., description="author, colleague, moderator or machine")
    made_at: str = Field(..., description="When it was made (ISO 8601)")

    @staticmethod
    def resolve_made_at(translation) -> str:
        return translation.made_at.isoformat()


class ProposalDetailOut(ProposalOut):
    translations: list[ProposalTranslationOut] = Field(
        ..., description="Its title, summary, description and kind's texts in the other languages"
    )

    @staticmethod
    def resolve_translations(proposal: Proposal):
        return list(proposal.translations.all())


def _reader(context) -> queries.ProposalReader:
    """The caller's rights over proposals, read once per request (a list asks for each row)."""
    request = context["request"]
    reader = getattr(request, "_proposal_reader", None)
    if reader is None or reader.user is not request.user:
        reader = request._proposal_reader = queries.ProposalReader(request.user)
    return reader


class ProposalList(Schema):
    count: int
    items: list[ProposalOut]


class ProposalQuery(PageQuery):
    """The filters of proposals.queries.listed, with the same meanings as the marketplace
    page's."""

    kind: ProposalKind | None = Field(None, description="The proposal's kind")
    status: ProposalStatus | None = Field(
        None, description="Default: all the caller may see (published ones for anonymous callers)"
    )
    sector: SectorKey | None = Field(None, description="Key of one of the proposal's sectors")
    partnership_type: PartnershipType | None = Field(
        None, description="One of the partnership types the proposal seeks"
    )
    country: Country | None = Field(
        None,
        description="One of the countries the proposal targets (not the country it comes from)",
    )
    locality: Slug | None = Field(None, description="The proposal's locality (with former units)")


class InvestmentIn(InputSchema):
    industrial_zone: text(200) = ""
    amount: two_places(18) | None = None
    currency: Currency = Currency.USD
    land_area_ha: two_places(12) | None = None
    investment_form: InvestmentForm | None = None
    timeline: text(300) = ""
    technology: int = Level
    governance: int = Level
    added_value: int = Level
    spillover: int = Level
    supply_chain: int = Level
    environment: int = Level


class ExportIn(InputSchema):
    product: text(200, min_length=1)
    hs_code: text(12) = Field(..., description="Six digits of HS 2022, e.g. 090111")
    capacity: text(200) = ""
    certifications: text(300) = ""
    target_market: text(200) = ""


class ProposalIn(InputSchema):
    organisation: Id = Field(..., description="Id of an organisation the caller acts for")
    kind: ProposalKind
    title: text(200, min_length=1)
    summary: text(500, min_length=1)
    description: text(4000) = ""
    advantages: text(2000) = ""
    sought: text(2000) = ""
    partner_role: text(2000) = ""
    stage: TechnologyStage | None = None
    programme_area: ProgrammeArea | None = None
    keywords: text(300) = ""
    sectors: list[SectorKey] = Field([], max_length=50)
    partnership_types: list[PartnershipType] = Field([], max_length=10)
    target_countries: list[Country] = Field([], max_length=10)
    target_localities: list[Slug] = Field([], max_length=100)
    locality: Slug | None = Field(None, description="Default: the organisation's locality")
    language: str | None = Field(
        None, pattern="^(vi|ja|en)$", description="Omit to detect it from the text"
    )
    is_anonymous: bool = False
    investment: InvestmentIn | None = None
    export: ExportIn | None = None


class ProposalPatch(InputSchema):
    """Only the fields sent change; a list sent replaces the stored one."""

    kind: ProposalKind = None
    title: text(200, min_length=1) = None
    summary: text(500, min_length=1) = None
    description: text(4000) = None
    advantages: text(2000) = None
    sought: text(2000) = None
    partner_role: text(2000) = None
    stage: TechnologyStage | None = None
    programme_area: ProgrammeArea | None = None
    keywords: text(300) = None
    sectors: list[SectorKey] = Field(None, max_length=50)
    partnership_types: list[PartnershipType] = Field(None, max_length=10)
    target_countries: list[Country] = Field(None, max_length=10)
    target_localities: list[Slug] = Field(None, max_length=100)
    locality: Slug | None = None
    language: str | None = Field(None, pattern="^(vi|ja|en)$")
    is_anonymous: bool = None
    investment: InvestmentIn | None = None
    export: ExportIn | None = None


class RejectIn(InputSchema):
    reason: text(2000, min_length=1)


class InterestIn(InputSchema):
    organisation: Id = Field(..., description="Id of an organisation the caller acts for")
    message: text(2000, min_length=1)


class InterestOut(Schema):
    id: int
    proposal: int
    organisation: int
    status: str
    message: str

    @staticmethod
    def resolve_proposal(interest) -> int:
        return interest.proposal_id

    @staticmethod
    def resolve_organisation(interest) -> int:
        return interest.organisation_id
