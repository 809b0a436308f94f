"""Vietnamese short mentions of people named in full before (people.link_aliases): "ông
Khánh", "bà Trang" after "ông Trịnh Quốc Khánh, Phó Chủ tịch UBND tỉnh Đồng Nai"."""

from __future__ import annotations

import re
from dataclasses import replace


def vi_aliases(norm: str, people: list, known: list) -> list:
    """A title ("ông", "bà") and the given name (the last word) of a name of three words or
    more named with a role before, when no other known person shares that given name; each
    such mention is added as a person standing for the one named in full (`canonical`)."""
    out = list(people)
    given: dict[str, set[str]] = {}
    for person in known:
        words = person.name.split()
        if len(words) >= 3:
            given.setdefault(words[-1], set()).add(person.name)
    taken = [(p.start, p.end) for p in people]
    for word, names in given.items():
        if len(names) != 1:
            continue
        owner = next(p for p in known if p.name in names)
        pattern = r"(?<!\w)(?:[Ôô]ng|[Bb]à)\s+(" + re.escape(word) + r")(?![\w-])"
        for m in re.finditer(pattern, norm):
            start, end = m.span(1)
            if start < owner.end or any(a <= start < b for a, b in taken):
                continue
            out.append(
                replace(owner, name=word, start=start, end=end, role_start=None,
                        canonical=owner.full, unnamed=False)
            )  # fmt: skip
            taken.append((start, end))
    return sorted(out, key=lambda p: p.start)
