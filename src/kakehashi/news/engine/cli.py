"""`kakehashi news extract`: the facts of an article as JSON on stdout. Pure Python: no Django.

    kakehashi news extract ARTICLE.txt [--language vi|ja|en] [--published YYYY-MM-DD]
                           > FACTS.json

The file is read as UTF-8 (a UTF-8 byte-order mark is dropped); other encodings are recognised
with charset-normalizer. A missing, empty, binary or undecodable file, an unknown language or a
bad date is reported on stderr in one line and the command exits with 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from kakehashi.cli_support import UsageError
from kakehashi.news.engine.extract import LANGUAGES, extract

PROG = "kakehashi news"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Extract facts about Vietnam–Japan cooperation from news articles.",
        epilog="The output format is described in docs/news-format.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = commands.add_parser(
        "extract",
        help="the facts of one article, as JSON on stdout",
        description="Print the facts and mentions of ARTICLE (a text file) as JSON.",
    )
    ex.error = parser.error  # one-line messages from the subcommand too
    ex.add_argument("article", metavar="ARTICLE.txt")
    ex.add_argument("--language", help="vi, ja or en (default: detected)")
    ex.add_argument("--published", type=_date, help="the publication date, YYYY-MM-DD")
    return parser


def read_article(path: str) -> str:
    """The text of the file at `path`. Raises UsageError with a one-line reason."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, not a text file") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise UsageError(f"{path}: the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UsageError(f"{path}: a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_other(path, data)
    if not text.strip():
        raise UsageError(f"{path}: the file holds no text")
    return text


def _decode_other(path: str, data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UsageError(f"{path}: not text in a known encoding (save it as UTF-8)")
    text = str(best)
    printable = sum(ch.isprintable() or ch.isspace() for ch in text)
    if printable < 0.95 * len(text):
        raise UsageError(f"{path}: a binary file, not text")
    return text


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(args_list)
        if args.language is not None and args.language not in LANGUAGES:
            raise UsageError(f"unknown language {args.language!r}: use vi, ja or en")
        text = read_article(args.article)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    doc = extract(text, language=args.language, published=args.published)
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
