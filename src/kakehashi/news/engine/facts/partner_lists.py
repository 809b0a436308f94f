"""One fact per priority list (facts/partners.py): a list told twice (a headline and its lead,
a list named again with another chooser) is one fact, its gaps filled from the other."""

from __future__ import annotations

import re


def one_list_per_place(facts: list[tuple[bool, dict]], added: set) -> list[dict]:
    """A headline and its lead often state the same list: one fact per locality, the one
    whose partners are as many as it says (else the one naming the most), its gaps filled
    from the others. Members told as added to a list told before (`added`: ids of facts)
    join its members."""
    best: dict = {}
    for whole, fact in facts:
        key = _stage(best, fact)
        known = best.get(key)
        if known is not None and (
            id(fact) in added or id(known[1]) in added and _EARLIER.search(fact["evidence"])
        ):  # the members added, and those told before or, as the earlier ones, after them
            fact["partners"] = _union(known[1]["partners"], fact["partners"])
        rank = (whole, len(fact["partners"]))
        if known is None or rank > known[0]:
            if known is not None:
                _fill(fact, known[1])
            best[key] = (rank, fact)
        else:
            _fill(known[1], fact)
            if id(fact) in added:  # the headline's list, told again as added to
                added.add(id(known[1]))
    return [fact for _, fact in best.values()]


def told_once(facts: list[dict], mutuals: set, apart: set = frozenset()) -> list[dict]:
    """The same list told again with another chooser (a headline read the wrong way round):
    a list whose partners are all among another's, or whose one partner is the other's chooser
    while the other names it, is left out, unless the choice is said to be returned
    ("ゲアン省も本県を…に選んだ", "Nghe An also chose…": `mutuals`). A partner's own list that
    names the chooser among other members ("クアンチ省は…本県、秋田県及び仙台市の３自治体を選定")
    is a list of its own, and so are the lists told one locality after another (`apart`: "○兵庫県
    ハイフォン市、ダナン市 ○神戸市 ダナン市")."""

    def slugs(fact):  # a place outside the directory by its name
        return {p["slug"] or p["name"] for p in fact["partners"]}

    def chooser(fact):
        return (fact["locality"] or {}).get("slug")

    out = []
    for fact in sorted(facts, key=lambda f: -len(f["partners"])):
        mine = slugs(fact)
        if any(
            mine <= slugs(kept)
            or mine == {chooser(kept)}
            and chooser(fact) in slugs(kept)
            and id(fact) not in mutuals
            for kept in out
            if not (id(fact) in apart and id(kept) in apart)
        ):
            continue
        out.append(fact)
    return sorted(out, key=lambda f: f["span"][0])


# the members a list had before the one added: "市はこれまで、A市とB市の2都市を…としてきた",
# "Trước đó, danh sách này gồm …", "The city had previously named …", "同省はすでに…としており"
_EARLIER = re.compile(
    r"これまで|従来|すでに|既に|(?i:trước đó|trước đây|\bpreviously\b|\balready\b)"
)


def _union(first: list[dict], then: list[dict]) -> list[dict]:
    seen = {p["slug"] or p["name"] for p in first}
    return first + [p for p in then if (p["slug"] or p["name"]) not in seen]


def _fill(fact: dict, other: dict) -> None:
    for name in ("list_size", "until"):
        if fact[name] is None:
            fact[name] = other[name]


def _stage(best: dict, fact: dict):
    """The key of the fact's list: its locality, and its period when the locality has lists
    for two periods with no partner in common ("until 2027, A and B …; from 2028, C and D …
    until 2030": two lists)."""
    slug = (fact["locality"] or {}).get("slug") or (fact["locality"] or {}).get("name")
    until = fact["until"]
    known = [(key, entry[1]) for key, entry in best.items() if key[0] == slug]
    if not known:
        return (slug, until)
    mine = {p["slug"] for p in fact["partners"]}

    def apart(other: dict) -> bool:
        theirs = {p["slug"] for p in other["partners"]}
        return bool(until and other["until"] and other["until"] != until and not mine & theirs)

    if until and all(apart(other) for _key, other in known):
        return (slug, until)
    # the list told again: the one of its period, else the first told
    return next((key for key, other in known if not apart(other)), known[0][0])
