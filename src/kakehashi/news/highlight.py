"""The article's text cut into pieces around the names the engine recognised, for the review
page to mark them; the template escapes every piece (no HTML is built here)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str = ""  # locality, organisation, person, date, sector; "" for plain text
    slug: str = ""


KINDS = {"locality", "organisation", "person", "date", "sector"}


def pieces(text: str, mentions) -> list[Piece]:
    """The text as plain pieces and marked ones, in order. Mentions that overlap an earlier
    one, fall outside the text, or are malformed are left unmarked."""
    spans = []
    for mention in mentions or []:
        if not isinstance(mention, dict):
            continue
        start, end = mention.get("start"), mention.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        kind = mention.get("kind") if mention.get("kind") in KINDS else "other"
        spans.append((start, end, kind, str(mention.get("slug") or "")))
    result, at = [], 0
    for start, end, kind, slug in sorted(spans):
        if start < at:
            continue
        if start > at:
            result.append(Piece(text[at:start]))
        result.append(Piece(text[start:end], kind, slug))
        at = end
    if at < len(text):
        result.append(Piece(text[at:]))
    return result
