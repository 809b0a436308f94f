"""docs/benchmarks.md holds the report of every benchmark program, each between its own
markers, so that running one benchmark again leaves the others' sections as they were."""

from pathlib import Path


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- begin {name} (generated) -->", f"<!-- end {name} (generated) -->"


def write_section(path: Path, name: str, text: str, *, first: bool = False) -> None:
    """Replace the section `name` of the file (created if missing) with `text`; a new section
    goes at the end, or at the start with `first`."""
    begin, end = _markers(name)
    block = f"{begin}\n{text.rstrip()}\n{end}\n"
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in current and end in current:
        before, rest = current.split(begin, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        updated = before + block + ("\n" + after if after else "")
    elif first:
        updated = block + ("\n" + current if current else "")
    else:
        updated = current + ("\n" if current else "") + block
    path.write_text(updated, encoding="utf-8")
