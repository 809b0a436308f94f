"""Error codes are enum members (common/errors.py, `<app>/errors.py`), never string literals:
a scan of src/kakehashi refuses a literal passed as a code or compared with one, so the rule
stays kept."""

import ast
import importlib
from pathlib import Path

import pytest

from kakehashi.api.errors import ApiError, ApiInputError
from kakehashi.common.errors import CommonError, ErrorCode

SRC = Path(__file__).resolve().parents[2] / "src" / "kakehashi"
# The pure engines keep their own report codes (plain data, no Django).
SKIPPED = ("scheduling", "engine", "migrations")
# Functions that take an error code: the keyword `code`, or the positional argument at index.
CODE_ARGUMENT = {"invalid": 1, "_refuse": 1, "require_text": 2, "add": 2}
TAKES_CODE = {"ValidationError", *CODE_ARGUMENT}
# Every app's enum module, imported so that each enum is checked below.
for module in sorted(SRC.glob("*/errors.py")):
    importlib.import_module(f"kakehashi.{module.parent.name}.errors")


def _literal(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_error(node) -> bool:
    return "error" in getattr(node, "id", "")


def _is_code(node) -> bool:
    """`error.code` or `getattr(error, "code", ...)` (a matching reason has a code too)."""
    if isinstance(node, ast.Attribute):
        return node.attr == "code" and _is_error(node.value)
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "getattr"
        and len(node.args) >= 2
        and _is_error(node.args[0])
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value == "code"
    )


def _literals(node) -> bool:
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        return any(_literal(element) for element in node.elts)
    return _literal(node)


def literal_codes(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in TAKES_CODE:
                for keyword in node.keywords:
                    if keyword.arg == "code" and _literal(keyword.value):
                        yield keyword.value.lineno
            index = CODE_ARGUMENT.get(name)
            if index is not None and len(node.args) > index and _literal(node.args[index]):
                # `add(field, message, code)` is the API's FieldErrors; a set's add has one.
                yield node.args[index].lineno
        elif isinstance(node, ast.Compare) and _is_code(node.left):
            if any(_literals(comparator) for comparator in node.comparators):
                yield node.lineno
        elif isinstance(node, ast.FunctionDef):
            arguments = node.args.args[len(node.args.args) - len(node.args.defaults) :]
            for argument, default in zip(arguments, node.args.defaults, strict=True):
                if argument.arg == "code" and _literal(default):
                    yield default.lineno


def test_no_string_literal_is_passed_as_an_error_code():
    found = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if not set(SKIPPED) & set(path.relative_to(SRC).parts)
        for line in literal_codes(path)
    ]
    assert found == []


def test_the_scan_finds_a_literal():
    source = (
        'raise invalid(_("No."), "nope")\n'
        'ValidationError("x", code="nope")\n'
        'if error.code in {"nope"}: pass\n'
    )
    path = Path("/tmp") / "kakehashi_error_code_probe.py"
    path.write_text(source, encoding="utf-8")
    try:
        assert list(literal_codes(path)) == [1, 2, 3]
    finally:
        path.unlink()


def test_a_member_is_its_string():
    assert CommonError.FILE_TOO_LARGE == "file_too_large"
    assert str(CommonError.FILE_TOO_LARGE) == "file_too_large"
    assert CommonError.FILE_TOO_LARGE.description == "The file is larger than the limit."


@pytest.mark.parametrize("enum", [*ErrorCode.__subclasses__()], ids=lambda enum: enum.__name__)
def test_every_member_is_described_and_its_value_is_snake_case(enum):
    for member in enum:
        assert member.description, member
        assert member.value == member.name.lower(), member


def test_the_apps_enums_exist():
    names = {enum.__name__ for enum in ErrorCode.__subclasses__()}
    assert {"ApiError", "ApiInputError", "CommonError", "ProposalError"} <= names
    assert ApiError.NOT_FOUND == "not_found"
    assert ApiInputError.UNKNOWN_LOCALITY == "unknown_locality"
