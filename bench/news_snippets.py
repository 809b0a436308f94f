"""Priority lists in the snippets written blind for the news engine's tests
(tests/news/engine/snippets/*.jsonl): found, false and recall/precision per round and language.

    .venv/bin/python bench/news_snippets.py                   # this checkout's engine
    .venv/bin/python bench/news_snippets.py --src /tmp/old/src  # another checkout's engine

A snippet's list is found when a predicted list has its chooser and the same members (a
former unit and its successor alike, a place the directory lacks by its name without the words
of its level, see _plain), as
tests/news/engine/test_engine27_snippets.py checks; each prediction is used once. The round of
a file is its suffix: en.jsonl is round 1, en-2.jsonl round 2. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "tests" / "news" / "engine" / "snippets"


def _plain(slug: str | None) -> str:
    """A former unit as its successor; a place the directory lacks by its name without the
    words of its level ("Imabari City" and "Imabari" alike: the engine's plain_name; an engine
    older than it, by its name as written)."""
    try:
        from kakehashi.news.engine.municipalities import plain_name  # (the engine of --src)
    except ImportError:
        return (slug or "").removesuffix("-before-2025")
    return plain_name(slug or "").removesuffix("-before-2025")


def _chooser(fact):
    """The chooser's slug, or its name when the directory lacks it ("Imabari City")."""
    place = fact["locality"] or {}
    return place.get("slug") or place.get("name")


def _key(chooser, partners) -> tuple:
    return _plain(chooser), frozenset(_plain(p) for p in partners)


def score(extract, path: Path) -> tuple[int, int, int]:
    """(lists expected, found, false) over the snippets of one file."""
    expected = found = false = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        snippet = json.loads(line)
        published = dt.date.fromisoformat(snippet["published"]) if snippet["published"] else None
        facts = extract(snippet["text"], language=snippet["language"], published=published)
        left = [
            _key(_chooser(f), [p["slug"] or p["name"] for p in f["partners"]])
            for f in facts["facts"]
            if f["type"] == "priority_partners"
        ]
        for gold in snippet["lists"]:
            expected += 1
            key = _key(gold["chooser"], gold["partners"])
            if key in left:
                found += 1
                left.remove(key)
        false += len(left)
    return expected, found, false


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the engine's src/ dir")
    parser.add_argument(
        "--snippets", type=Path, default=SNIPPETS, help="the folder of snippet files"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    from kakehashi.news.engine import extract

    totals: dict = defaultdict(lambda: [0, 0, 0])
    rows = []
    for path in sorted(args.snippets.glob("*.jsonl")):
        language, _, round_ = path.stem.partition("-")
        counts = score(extract, path)
        rows.append((round_ or "1", language, *counts))
        for key in (round_ or "1", "all"):
            totals[key] = [a + b for a, b in zip(totals[key], counts, strict=True)]
    print("| round | language | lists | found | false | recall | precision |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for round_, language, expected, found, false in sorted(rows, key=_order):
        print(_row(round_, language, expected, found, false))
    for key in sorted(totals, key=lambda key: _order((key,))):
        print(_row(f"**{key}**", "all", *totals[key]))
    return 0


def _order(row) -> tuple:
    """Rounds in their order (2 before 10), "all" last."""
    return (not row[0].isdigit(), int(row[0]) if row[0].isdigit() else 0, *row[1:2])


def _row(round_, language, expected, found, false) -> str:
    recall = found / expected if expected else 0.0
    precision = found / (found + false) if found + false else 0.0
    return (
        f"| {round_} | {language} | {expected} | {found} | {false} | {recall:.2f} "
        f"| {precision:.2f} |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
