"""The engine's plain data: documents to match, the relationship context, matches and reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

KINDS = (
    "business_offer",
    "business_request",
    "technology_offer",
    "technology_request",
    "investment_project",
    "export_product",
    "cooperation_programme",
    "research_cooperation",
    "organisation",
)
LANGUAGE_CODES = ("vi", "ja", "en")


@dataclass(frozen=True)
class Translation:
    """A document's title and text in another language than its own (made by a person or a
    machine): indexed with the document, so that a reader's words find it in any of them."""

    language: str
    title: str
    text: str


@dataclass(frozen=True)
class Document:
    """A proposal or an organisation profile, as the engine sees it."""

    id: str
    title: str
    text: str
    language: str | None = None
    kind: str | None = None
    sectors: frozenset[str] = frozenset()
    keywords: tuple[str, ...] = ()
    locality: str | None = None
    country: str | None = None
    organisation: str | None = None
    partnership_types: frozenset[str] = frozenset()
    target_countries: frozenset[str] = frozenset()
    target_localities: frozenset[str] = frozenset()
    translations: tuple[Translation, ...] = ()

    def to_json(self) -> dict:
        data = {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "language": self.language,
            "kind": self.kind,
            "sectors": sorted(self.sectors),
            "keywords": list(self.keywords),
            "locality": self.locality,
            "country": self.country,
            "organisation": self.organisation,
            "partnership_types": sorted(self.partnership_types),
            "target_countries": sorted(self.target_countries),
            "target_localities": sorted(self.target_localities),
        }
        if self.translations:
            data["translations"] = [
                {"language": t.language, "title": t.title, "text": t.text}
                for t in self.translations
            ]
        return data

    @classmethod
    def from_json(cls, data: Mapping, *, strict: bool = True) -> Document:
        """Build a Document from a JSON object; raises ValueError with a reason when the object
        does not describe one (missing id, a list where a string belongs, unknown language...).
        `strict=False` (reading a saved index) accepts any kind and an empty text."""
        if not isinstance(data, Mapping):
            raise ValueError("expected a JSON object")

        def text(name, required=False):
            value = data.get(name)
            if value is None:
                if required:
                    raise ValueError(f'missing "{name}"')
                return None
            if not isinstance(value, str):
                raise ValueError(f'"{name}" must be a string')
            return value

        def strings(name):
            value = data.get(name) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f'"{name}" must be a list of strings')
            return value

        doc_id = text("id", required=True)
        if not doc_id.strip():
            raise ValueError('"id" is empty')
        language = text("language")
        if language is not None and language not in LANGUAGE_CODES:
            raise ValueError(f'unknown language {language!r} (expected "vi", "ja" or "en")')
        kind = text("kind")
        if strict and kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        title = text("title") or ""
        body = text("text") or ""
        if strict and not (title.strip() or body.strip()):
            raise ValueError('no "title" and no "text"')
        return cls(
            id=doc_id,
            title=title,
            text=body,
            language=language,
            kind=kind,
            sectors=frozenset(strings("sectors")),
            keywords=tuple(strings("keywords")),
            locality=text("locality"),
            country=text("country"),
            organisation=text("organisation"),
            partnership_types=frozenset(strings("partnership_types")),
            target_countries=frozenset(strings("target_countries")),
            target_localities=frozenset(strings("target_localities")),
            translations=_translations(data.get("translations")),
        )


def _translations(value) -> tuple[Translation, ...]:
    """The "translations" of a document's JSON: a list of objects with a language other than
    the document's, a title and a text."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError('"translations" must be a list')
    rows = []
    for item in value:
        if not isinstance(item, Mapping):
            raise ValueError('each of "translations" must be a JSON object')
        language, title, text = (item.get(name) for name in ("language", "title", "text"))
        if language not in LANGUAGE_CODES:
            raise ValueError(f"unknown translation language {language!r}")
        if not all(isinstance(v, str) for v in (title or "", text or "")):
            raise ValueError('a translation\'s "title" and "text" must be strings')
        rows.append(Translation(language, title or "", text or ""))
    return tuple(rows)


@dataclass(frozen=True)
class Context:
    """Relationship context for ranking; every part is optional."""

    partnerships: frozenset[frozenset[str]] = frozenset()
    priority_partners: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    met_before: frozenset[frozenset[str]] = frozenset()
    # Words never shown as shared keywords, as the analysis writes them (lower case, a
    # Vietnamese word's syllables joined with "_"): the platform gives its place names in
    # the three languages and its demo marker (they still count in the score).
    unshown_terms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    """Why a match was made: a code, JSON-able parameters and its contribution to the score."""

    code: str
    params: Mapping
    weight: float


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    reasons: tuple[Reason, ...]
