"""The apps import one way: each app only from the apps to its left in APP_ORDER, the one place
the order is written (docs/architecture.md points here).

Every module under src/kakehashi is parsed with `ast` (no import runs), and three kinds of
reference are checked:

- `import kakehashi.<app>...` and `from kakehashi.<app>... import ...`, at any depth (imports
  inside functions count, they are the same dependency taken later);
- model fields pointing at another app by string (`ForeignKey("directory.Organisation")`);
- `apps.get_model("directory", "Organisation")` / `get_model("directory.Organisation")`.

Migrations are history and follow the models, so they are not read. The pure engines (no
Django, plain data in and out) are libraries: any app may use them, and they import nothing
of the project but themselves and the other pure modules.
"""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "kakehashi"

# Left to right: an app may import the apps to its left, never those to its right.
APP_ORDER = (
    "common",
    "directory",
    # After directory: its services create the directory Person of a new user. The directory
    # reaches the user model only through settings.AUTH_USER_MODEL and get_user_model().
    "accounts",
    "notifications",
    "partnerships",
    "proposals",
    "matching",
    "events",
    "news",
    "messaging",
    "obstacles",
    "insights",
    "transfer",
    "api",
    "demo",
    # Above the apps: settings, urls and the pages that draw on several apps; the command line.
    "config",
    "cli",
    "__main__",
)

# Pure Python, no Django: importable from anywhere, importing only each other.
PURE_MODULES = (
    "kakehashi.scheduling",
    "kakehashi.matching.engine",
    "kakehashi.news.engine",
    "kakehashi.common.language",
    "kakehashi.directory.reference_rows",
    "kakehashi.cli_support",
)

# Known debts, each with the reason it stays: (module, app it reaches) -> why. The test also
# fails when an entry is no longer needed, so the list only shrinks.
ALLOWED = {
    # Issue 16 ("move the audit log where its dependencies allow one-way flow"): AuditEntry's
    # owners and acted_for are directory organisations. Moving the model out of `common`
    # changes the import of every service that records a change (partnerships, proposals,
    # events, obstacles), so it is left for one change of its own.
    ("kakehashi.common.models", "directory"): "issue 16: AuditEntry's string foreign keys",
    ("kakehashi.common.audit", "directory"): "issue 16: the acting organisation, by get_model",
}

FIELD_CALLS = {"ForeignKey", "OneToOneField", "ManyToManyField"}


def _is_pure(module: str) -> bool:
    return any(module == pure or module.startswith(pure + ".") for pure in PURE_MODULES)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _source_files():
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" not in path.relative_to(SRC).parts:
            yield path


def _is_module(name: str) -> bool:
    path = SRC.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _call_name(func) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _string(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def references(tree: ast.AST):
    """(line, referenced module or app label, kind) for every reference to the project."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, "import"
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "absolute imports only (house style)"
            for alias in node.names:  # `from kakehashi.directory import reference_rows`
                submodule = f"{node.module}.{alias.name}"
                yield node.lineno, submodule if _is_module(submodule) else node.module, "import"
        elif isinstance(node, ast.Call):
            name = _call_name(node.func)
            if name in FIELD_CALLS:
                target = _string(node.args[0]) if node.args else None
                for keyword in node.keywords:
                    if keyword.arg == "to":
                        target = _string(keyword.value)
                if target and "." in target:
                    yield node.lineno, "kakehashi." + target.split(".")[0], "string field"
            elif name == "get_model" and node.args:
                label = _string(node.args[0])
                if label:
                    yield node.lineno, "kakehashi." + label.split(".")[0], "get_model"


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "kakehashi" or len(parts) < 2:
        return None
    return parts[1]


def violations():
    """(module, line, referenced, kind, app reached) against the order, allowed ones included."""
    found = []
    for path in _source_files():
        module = _module_name(path)
        app = _app_of(module)
        for line, target, kind in references(ast.parse(path.read_text(encoding="utf-8"))):
            target_app = _app_of(target)
            if target_app is None:
                continue
            if _is_pure(module):
                if not _is_pure(target):
                    found.append((module, line, target, kind, target_app))
                continue
            if target_app == app or _is_pure(target):
                continue
            if app not in APP_ORDER or target_app not in APP_ORDER:
                found.append((module, line, target, kind, target_app))
            elif APP_ORDER.index(target_app) > APP_ORDER.index(app):
                found.append((module, line, target, kind, target_app))
    return found


def test_every_app_is_placed_in_the_order():
    apps = {path.name for path in SRC.iterdir() if (path / "__init__.py").exists()}
    apps -= {"locale", "scheduling"}  # translations; a pure engine
    assert apps <= set(APP_ORDER)


def test_no_import_against_the_order():
    unexpected = [
        f"{module}:{line} reaches {target} ({kind})"
        for module, line, target, kind, app in violations()
        if (module, app) not in ALLOWED
    ]
    assert unexpected == []


def test_the_pure_engines_import_no_django():
    impure = []
    for path in _source_files():
        module = _module_name(path)
        if not _is_pure(module):
            continue
        for line, target, _kind in references(ast.parse(path.read_text(encoding="utf-8"))):
            if target == "django" or target.startswith("django."):
                impure.append(f"{module}:{line} imports {target}")
    assert impure == []


@pytest.mark.parametrize("entry", sorted(ALLOWED))
def test_every_allowed_debt_is_still_there(entry):
    assert entry in {(module, app) for module, _line, _target, _kind, app in violations()}
