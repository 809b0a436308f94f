"""The HS 2022 nomenclature at 6 digits: is a code a real subheading, and what does it cover?

The list ships in data/hs2022_subheadings.csv (its source is in data/README.md) and is read
once per process."""

import csv
import functools
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kakehashi.proposals.errors import ProposalError

DATA_FILE = Path(__file__).parent / "data" / "hs2022_subheadings.csv"
HS_CODE_PATTERN = r"^[0-9]{6}$"
_SEPARATORS = re.compile(r"[\s.\-]")


@functools.cache
def subheadings() -> dict[str, str]:
    """Code → UN Comtrade's short English description, for every HS 2022 subheading."""
    with DATA_FILE.open(encoding="utf-8", newline="") as stream:
        return {row["code"]: row["description"] for row in csv.DictReader(stream)}


def normalise_hs_code(value: str) -> str:
    """ "0306.17", "0306 17" and "030617" all mean the same subheading."""
    return _SEPARATORS.sub("", value or "")


def validate_hs_code(value: str) -> str:
    """The normalised 6-digit code, or a ValidationError that says what is wrong."""
    code = normalise_hs_code(value)
    if not re.fullmatch(HS_CODE_PATTERN, code):
        raise ValidationError(
            _("An HS code has six digits, for example 090111 (coffee, not roasted)."),
            code=ProposalError.HS_CODE_FORMAT,
        )
    if code not in subheadings():
        raise ValidationError(
            _("%(code)s is not a subheading of the HS 2022 nomenclature."),
            code=ProposalError.HS_CODE_UNKNOWN,
            params={"code": code},
        )
    return code


def describe_hs_code(code: str) -> str:
    return subheadings().get(code, "")
