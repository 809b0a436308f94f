"""What the engines' commands share (`kakehashi schedule|match|news`, see cli.py): the usage
error they print in one line before exiting with 2, whole-number options, and reading a UTF-8
input file with a reason a person can act on. Pure Python: no Django."""

from __future__ import annotations

import argparse
from collections.abc import Callable


class UsageError(Exception):
    """Bad input or usage: the command prints it on stderr and exits with 2."""


def whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse `type`: a whole number from `low` to `high` (no upper end when None)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            within = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise argparse.ArgumentTypeError(f"must be {within}, not {text!r}")
        return value

    return parse


def read_utf8(path: str) -> str:
    """The text of the file at `path`. Raises UsageError when it cannot be read or is not
    UTF-8."""
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text (byte {error.start}: {error.reason})") from None
