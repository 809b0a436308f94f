"""A batch as the preview and result pages show it, in the reader's language."""

from dataclasses import dataclass, field

from django.urls import reverse

from kakehashi.transfer.importers import IMPORTERS
from kakehashi.transfer.kinds import TransferKind
from kakehashi.transfer.models import ImportBatch
from kakehashi.transfer.problems import describe, describe_with_row

OBJECT_URLS = {
    TransferKind.ORGANISATIONS: "directory:organisation",
    TransferKind.PARTNERSHIPS: "partnerships:detail",
    TransferKind.PROPOSALS: "proposals:detail",
}


@dataclass
class DisplayRow:
    number: int
    valid: bool
    cells: list[str]
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: bool | None = None
    url: str = ""


def headers(batch: ImportBatch) -> list[str]:
    return [str(header) for header in IMPORTERS[batch.kind].preview_headers]


def display_rows(batch: ImportBatch) -> list[DisplayRow]:
    importer = IMPORTERS[batch.kind]
    reasons: dict[int, list[str]] = {}
    for item in batch.errors:
        reasons.setdefault(item["row"], []).append(describe_with_row(item["row"], item))
    url_name = OBJECT_URLS.get(batch.kind)
    rows = []
    for row in batch.rows:
        object_id = row.get("object_id")
        rows.append(
            DisplayRow(
                number=row["row"],
                valid=row["valid"],
                cells=importer.display(row["preview"]),
                reasons=reasons.get(row["row"], []),
                warnings=[describe(item) for item in row.get("warnings", [])],
                written=row.get("written"),
                url=reverse(url_name, args=[object_id]) if url_name and object_id else "",
            )
        )
    return rows


SAMPLE_ROWS = 3


def decoded_sample(batch: ImportBatch) -> tuple[list[str], list[list[str]]]:
    """The columns read and the cells of the first few rows, as the file's text was decoded,
    so that the reader sees whether the encoding was right."""
    rows = batch.rows[:SAMPLE_ROWS]
    columns = list(rows[0]["values"]) if rows else []
    return columns, [[row["values"][name] for name in columns] for row in rows]
