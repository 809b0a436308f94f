"""Reference data: localities (Vietnamese units before and after 1 July 2025, Japanese
prefectures and municipalities) and the sector taxonomy. Public, read-only."""

import datetime as dt
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from kakehashi.api.auth import public
from kakehashi.api.schemas import MAX_OFFSET, Slug, error_responses, text
from kakehashi.directory.models import Country, Locality, LocalityLevel, Sector
from kakehashi.directory.queries import localities

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = ()


router = Router(tags=["reference data"])


class SuccessorOut(Schema):
    slug: str
    code: str
    name: str


class LocalityOut(Schema):
    slug: str
    country: str
    level: str
    code: str
    iso_code: str
    name: str = Field(..., description="The name in the language of the request")
    name_en: str
    name_vi: str
    name_ja: str
    name_kana: str
    name_local: str
    is_current: bool
    valid_until: dt.date | None
    parent: str | None = Field(None, description="Slug of the enclosing unit")
    successor: SuccessorOut | None = Field(
        None, description="For a former unit: the unit that took it over"
    )

    @staticmethod
    def resolve_parent(locality: Locality) -> str | None:
        return locality.parent.slug if locality.parent_id else None


class LocalityList(Schema):
    count: int
    items: list[LocalityOut]


class LocalityQuery(Schema):
    country: Country | None = None
    level: LocalityLevel | None = None
    former: bool = Field(False, description="Include former units (before 1 July 2025 in Vietnam)")
    status: Literal["current", "former", "all"] | None = Field(
        None, description="current, former or all; overrides `former`"
    )
    q: text(100) | None = Field(None, description="Part of a name, the slug or the code")
    limit: int | None = Field(None, ge=1, le=1000, description="Default: every match")
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get("/localities", response={200: LocalityList, **error_responses(401, 422)}, **public())
def list_localities(request, query: Query[LocalityQuery]):
    """Current units by default; `former=true` adds the former ones, each with its successor."""
    status = query.status or ("all" if query.former else "current")
    rows = localities(
        country=query.country, level=query.level, include_former=status != "current"
    ).order_by("country", "-is_current", "code", "pk")
    if status == "former":
        rows = rows.filter(is_current=False)
    if query.q:
        rows = rows.filter(
            Q(name_en__icontains=query.q)
            | Q(name_vi__icontains=query.q)
            | Q(name_ja__icontains=query.q)
            | Q(name_kana__icontains=query.q)
            | Q(name_local__icontains=query.q)
            | Q(slug__icontains=query.q)
            | Q(code=query.q)
        )
    end = None if query.limit is None else query.offset + query.limit
    return {"count": rows.count(), "items": list(rows[query.offset : end])}


@router.get(
    "/localities/{slug}", response={200: LocalityOut, **error_responses(401, 404, 422)}, **public()
)
def get_locality(request, slug: Slug):
    return get_object_or_404(Locality.objects.select_related("parent", "successor"), slug=slug)


class SectorOut(Schema):
    key: str
    label: str = Field(..., description="The label in the language of the request")
    label_en: str
    label_vi: str
    label_ja: str


class SectorList(Schema):
    count: int
    items: list[SectorOut]


@router.get("/sectors", response={200: SectorList, **error_responses(401)}, **public())
def list_sectors(request):
    sectors = list(Sector.objects.all())
    return {"count": len(sectors), "items": sectors}
