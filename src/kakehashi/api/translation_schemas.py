"""What the API shows of the translations a record carries (common/translations.py): one
entry per language, with who made it and when; and what a client sends to write one."""

from ninja import Field, Schema

from kakehashi.api.schemas import InputSchema, text

SOURCE_HELP = "author, colleague, moderator or machine"


class TranslationOut(Schema):
    language: str
    source: str = Field(..., description=SOURCE_HELP)
    made_at: str = Field(..., description="When it was made (ISO 8601)")
    updated_at: str = Field(..., description="When it was last changed (ISO 8601)")

    @staticmethod
    def resolve_made_at(row) -> str:
        return row["made_at"] if isinstance(row, dict) else row.made_at.isoformat()

    @staticmethod
    def resolve_updated_at(row) -> str:
        return row["updated_at"] if isinstance(row, dict) else row.updated_at.isoformat()

    @staticmethod
    def fields_of(row) -> dict:
        """The row's common fields as a dict (for a resolver that changes one of them)."""
        return {
            "language": row.language,
            "source": row.source,
            "made_at": row.made_at.isoformat(),
            "updated_at": row.updated_at.isoformat(),
            "title": row.title,
        }


class PartnershipTranslationOut(TranslationOut):
    title: str
    summary: str
    type_as_stated: str = Field(
        ..., description="The type as the source states it; empty: shown as written"
    )
    renewal_notes: dict[str, str] = Field(
        ..., description="Each renewal note as written, with its translation"
    )


class ObstacleTranslationOut(TranslationOut):
    title: str = Field(..., description="Empty when the title is in this language already")
    public_summary: str = Field(
        ..., description="Empty when there is none to show, or it is in this language already"
    )


class PartnershipTranslationIn(InputSchema):
    title: text(200, min_length=1)
    summary: text(4000) = ""
    type_as_stated: text(300) = Field(
        "", description="Leave empty when the record states no type (or to show it as written)"
    )
    renewal_notes: dict[text(300), text(300)] = Field(
        {}, max_length=50, description="Renewal note as written → its translation"
    )


class ObstacleTranslationIn(InputSchema):
    title: text(200) = Field("", description="Leave empty when the title is in this language")
    public_summary: text(2000) = Field(
        "", description="Leave empty when the summary is in this language"
    )
