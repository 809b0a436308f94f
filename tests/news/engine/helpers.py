import datetime as dt

from kakehashi.news.engine import extract


def facts(text, language, published=dt.date(2023, 11, 26), kind=None):
    """The facts of `text` without evidence, span and confidence (checked elsewhere)."""
    doc = extract(text, language=language, published=published)
    out = []
    for fact in doc["facts"]:
        if kind is None or fact["type"] == kind:
            out.append(
                {k: v for k, v in fact.items() if k not in ("evidence", "span", "confidence")}
            )
    return out


def visit_rows(text, language, published):
    """Each visit of `text` as (visitor, host, host locality's slug, date)."""
    return [
        (f["visitor"], f["host"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in facts(text, language, published=published, kind="visit")
    ]


def people_roles(text, language):
    """{name: (role, country)} of the people of `text`."""
    return {f["name"]: (f["role"], f["country"]) for f in facts(text, language, kind="person")}


def place(name, slug):
    return {"name": name, "slug": slug}


def org(name, key=None):
    return {"name": name, "slug": None, "key": key}


def event_rows(text, language, published):
    """Each event of `text` as (name, date), in the engine's order."""
    return [
        (f["name"], f["date"]) for f in facts(text, language, published=published, kind="event")
    ]


def _list_row(fact, fields, partners=tuple):
    return (
        (fact["locality"] or {}).get("slug") or (fact["locality"] or {}).get("name"),
        partners(sorted(p["slug"] or p["name"] for p in fact["partners"])),
        *(fact[name] for name in fields),
    )


def list_rows(text, language, published, fields=("list_size", "until")):
    """Each priority list of `text` as (chooser's slug, its partners' slugs — or names, outside
    the directory, for both — sorted, then `fields`), the lists sorted."""
    found = facts(text, language, published=published, kind="priority_partners")
    return sorted(_list_row(fact, fields) for fact in found)


def list_rows_in_order(text, language, published):
    """Each priority list of `text` as (chooser's slug, [partners sorted], list_size, until), in
    the engine's order."""
    found = facts(text, language, published=published, kind="priority_partners")
    return [_list_row(fact, ("list_size", "until"), partners=list) for fact in found]
