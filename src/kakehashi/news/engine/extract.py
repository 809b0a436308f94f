"""`extract()`: an article in, its facts and mentions out (the kakehashi-news/1 format)."""

from __future__ import annotations

import datetime as dt

from kakehashi.news.engine.anaphora import find_anaphora, not_in_paper_names, prefer_named_city
from kakehashi.news.engine.bodies import find_bodies
from kakehashi.news.engine.dates import find_dates
from kakehashi.news.engine.facts import Context, all_facts
from kakehashi.news.engine.gazetteer import Gazetteer, Mention
from kakehashi.news.engine.municipalities import is_unlisted
from kakehashi.news.engine.people import (
    find_people_by_title,
    find_people_latin,
    link_aliases,
    repeated,
)
from kakehashi.news.engine.people_ja import find_people_ja
from kakehashi.news.engine.people_lower import find_people_lower
from kakehashi.news.engine.people_orgs import fill_organisations
from kakehashi.news.engine.role_aliases import role_aliases
from kakehashi.news.engine.sectors import sectors_in
from kakehashi.news.engine.text import Text

FORMAT = "kakehashi-news/1"
LANGUAGES = ("vi", "ja", "en")


def analyse(text: str, language: str | None, published, gazetteer, *, sudachi=True) -> Context:
    if language is None:
        from kakehashi.common.language import detect_language

        language = detect_language(text[:4000])
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of vi, ja, en")
    if published is not None and not isinstance(published, dt.date):
        raise TypeError("published must be a datetime.date or None")
    gazetteer = gazetteer or Gazetteer.default()
    doc = Text(text)
    places = prefer_named_city(not_in_paper_names(gazetteer.find(doc), doc.norm), doc.norm)
    places = sorted(places + find_anaphora(doc.norm, language, places), key=lambda m: m.start)
    mentions = sorted(places + find_bodies(doc.norm, language, places), key=lambda m: m.start)
    dates = find_dates(doc.norm, language, published)
    if language == "ja":
        people = find_people_ja(doc.norm, mentions, use_sudachi=sudachi)
    else:
        people = find_people_latin(doc.norm, language, mentions)
        # a name with a role in lower case before the same name with its title alone
        people += find_people_lower(doc.norm, language, mentions)
        people += find_people_by_title(doc.norm, language, mentions)
    people = _distinct(people)
    fill_organisations(doc.norm, language, people, mentions)
    people = _distinct(people + repeated(doc.norm, people))
    people = link_aliases(doc.norm, people, language)
    people = role_aliases(doc.norm, people, language)
    # a place inside a person's name ("Kenji Yamaguchi") is no place of the text
    mentions = [m for m in mentions if not any(p.start <= m.start < p.end for p in people)]
    sectors = sectors_in(doc.sentences, language)
    return Context(doc, language, published, mentions, dates, people, sectors)


def _distinct(people):
    out, taken = [], set()
    for person in sorted(people, key=lambda p: (p.start, -(p.end - p.start))):
        if person.start in taken:
            continue
        taken.update(range(person.start, person.end))
        out.append(person)
    return out


def extract(
    text: str,
    language: str | None = None,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
) -> dict:
    """The facts and mentions of `text` as a JSON-ready dict (see docs/news-format.md).
    `language` None: detected; `gazetteer` None: Gazetteer.default()."""
    ctx = analyse(text, language, published, gazetteer)
    return {
        "format": FORMAT,
        "language": ctx.language,
        "published": published.isoformat() if published else None,
        "facts": all_facts(ctx),
        "mentions": _mentions(ctx),
    }


def _mentions(ctx: Context) -> list[dict]:
    rows: list[tuple[int, int, str, str | None, str | None, str | None]] = []
    for m in ctx.mentions:
        slug = None if is_unlisted(m.slug) else m.slug  # (its key tells it: municipalities.py)
        rows.append((m.start, m.end, m.kind, slug, m.key, m.successor))
    for person in ctx.people:
        rows.append((person.start, person.end, "person", None, None, None))
    for date in ctx.dates:
        rows.append((date.start, date.end, "date", None, date.value, None))
    for start, end, key in ctx.sectors:
        rows.append((start, end, "sector", None, key, None))
    out = []
    for start, end, kind, slug, key, successor in sorted(rows, key=lambda r: (r[0], -r[1])):
        a, b = ctx.text.span(start, end)
        out.append(
            {
                "kind": kind,
                "start": a,
                "end": b,
                "text": ctx.text.original[a:b],
                "slug": slug,
                "key": key,
                "successor": successor,
            }
        )
    return out


__all__ = ["FORMAT", "LANGUAGES", "Mention", "extract"]
