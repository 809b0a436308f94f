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
