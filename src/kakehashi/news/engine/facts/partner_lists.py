"""One fact per priority list (facts/partners.py): a list told twice (a headline and its lead,
a list named again with another chooser) is one fact, its gaps filled from the other."""

from __future__ import annotations


def one_list_per_place(facts: list[tuple[bool, dict]]) -> list[dict]:
    """A headline and its lead often state the same list: one fact per locality, the one
    whose partners are as many as it says (else the one naming the most), its gaps filled
    from the others."""
    best: dict = {}
    for whole, fact in facts:
        key = (fact["locality"] or {}).get("slug")
        rank = (whole, len(fact["partners"]))
        known = best.get(key)
        if known is None or rank > known[0]:
            if known is not None:
                _fill(fact, known[1])
            best[key] = (rank, fact)
        else:
            _fill(known[1], fact)
    return [fact for _, fact in best.values()]


def told_once(facts: list[dict], mutuals: set) -> list[dict]:
    """The same list told again with another chooser (a headline read the wrong way round):
    a list whose partners are all among another's, or that names the other's chooser among
    its partners while the other names it, is left out, unless the choice is said to be
    returned ("ゲアン省も本県を…に選んだ", "Nghe An also chose…": `mutuals`)."""

    def slugs(fact):
        return {p["slug"] for p in fact["partners"]}

    def chooser(fact):
        return (fact["locality"] or {}).get("slug")

    out = []
    for fact in sorted(facts, key=lambda f: -len(f["partners"])):
        mine = slugs(fact)
        if any(
            mine <= slugs(kept)
            or chooser(kept) in mine
            and chooser(fact) in slugs(kept)
            and id(fact) not in mutuals
            for kept in out
        ):
            continue
        out.append(fact)
    return sorted(out, key=lambda f: f["span"][0])


def _fill(fact: dict, other: dict) -> None:
    for name in ("list_size", "until"):
        if fact[name] is None:
            fact[name] = other[name]
