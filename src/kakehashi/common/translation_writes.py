"""One home for writing translations (see common/translations.py for how they are stored).

Every content type that people translate (organisations, partnership records, obstacles,
proposals) writes its rows the same way; each app keeps only what differs: its texts and their
limits, who may translate, and who counts as the author. This module holds the rest:

- the checks every translation passes (`check_language`, `check_length`, `require_text`): a
  ValidationError with a code and a whole sentence that names the text, nothing written;
- who made it (`source_for`): the author, a colleague of the author or a moderator;
- `TranslationWrites`, the row of one record in one language: `store` creates or replaces it
  with its audit entry, `store_reference` loads the reference data's or the demo's translation
  without ever replacing a person's.

The services that call these are keyword-only, run in one transaction and lock the record
first (as every service does); these helpers do not open transactions of their own.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.errors import LANGUAGE_INVALID, CommonError, ErrorCode, invalid
from kakehashi.common.formats import format_number
from kakehashi.common.i18n import Language
from kakehashi.common.translations import TranslationSource

# Who made a translation is recorded with these fields besides its texts.
AUDITED_BASE = ("language", "source", "made_by")


def check_language(language: str, *, original: str | None, message, **params) -> None:
    """Refuse a language that is not one of ours (code `language_invalid`) or the original's
    (code `original_language`, with `message`; its `%(language)s` is the original's name as
    written inside a sentence)."""
    if language not in Language.values:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID, **params)
    if language == original:
        raise invalid(
            message,
            CommonError.ORIGINAL_LANGUAGE,
            **{"language": Language(original).in_sentence, **params},
        )


def check_length(value: str, limit: int, message, **params) -> None:
    """Refuse a text longer than `limit` (code `too_long`). `message` is a whole sentence
    that names the text; it may use `%(limit)s` and the length given as `%(length)s` or
    `%(count)s`, both written as numbers are in the reader's language."""
    if len(value) > limit:
        length = format_number(len(value))
        raise invalid(
            message,
            CommonError.TOO_LONG,
            limit=format_number(limit),
            length=length,
            count=length,
            **params,
        )


def require_text(
    value: str, message, code: ErrorCode = CommonError.TITLE_MISSING, **params
) -> None:
    """Refuse an empty text that the translation needs (its title, most often)."""
    if not value:
        raise invalid(message, code, **params)


def source_for(*, is_author: bool, is_colleague: bool) -> str:
    """Who made a person's translation: the author; else a colleague of the author (another
    member of the organisation that owns the record); else a moderator (a platform
    administrator, a locality's moderator)."""
    if is_author:
        return TranslationSource.AUTHOR
    if is_colleague:
        return TranslationSource.COLLEAGUE
    return TranslationSource.MODERATOR


def refusal_field(error: ValidationError) -> str | None:
    """The field a refusal is about: the key of a refusal keyed by field, else its `field`
    parameter (as the proposal checks give it), else None."""
    if hasattr(error, "error_dict"):
        return next(iter(error.error_dict), None)
    return (getattr(error, "params", None) or {}).get("field")


@dataclass(frozen=True)
class TranslationWrites:
    """How one content type's translation rows are written.

    `model` is the concrete TranslationBase, `record_field` its foreign key to the record,
    `texts` the translated fields; `fingerprint(record)` is the original's fingerprint,
    `owners(record)` the organisations that see the audit entry, and `changed(record_id)`,
    when given, is called once the transaction commits (to refresh the search index)."""

    model: type
    record_field: str
    texts: tuple[str, ...]
    fingerprint: Callable
    owners: Callable[..., Iterable[int | None]]
    changed: Callable[[int], None] | None = None

    @property
    def audited(self) -> tuple[str, ...]:
        return (*AUDITED_BASE, *self.texts)

    def row(self, record, language: str):
        return self.model.objects.filter(**{self.record_field: record}, language=language).first()

    def audit(self, row, record, *, by, action, before=None, after=None) -> None:
        record_change(
            obj=row,
            by=by,
            action=action,
            before=before,
            after=after,
            owners=[owner for owner in self.owners(record) if owner],
        )

    def store(self, record, language: str, texts: dict, *, source: str, by, made_from=None):
        """Create or replace the record's row in `language` with `texts`, made by `by` (None
        for a machine or the reference data) from the original whose fingerprint is
        `made_from` (the current one when not given), with its audit entry."""
        row = self.row(record, language)
        before = snapshot(row, self.audited) if row else None
        if row is None:
            row = self.model(**{self.record_field: record}, language=language)
        for name, value in texts.items():
            setattr(row, name, value)
        row.source, row.made_by = source, by
        row.made_from = self.fingerprint(record) if made_from is None else made_from
        row.save()
        self.audit(
            row,
            record,
            by=by,
            action=AuditAction.CHANGED if before else AuditAction.CREATED,
            before=before,
            after=None if before else snapshot(row, self.audited),
        )
        self.after_commit(record)
        return row

    def store_reference(self, record, language: str, texts: dict):
        """Load the reference data's (or the demo's) translation, checked by the project's
        editors: a moderator's, no person named. A translation a person made in that
        language is kept (None is returned); the same texts change nothing."""
        existing = self.row(record, language)
        if existing is not None and existing.made_by_id is not None:
            return None
        if existing is not None and all(getattr(existing, k) == v for k, v in texts.items()):
            return existing
        return self.store(record, language, texts, source=TranslationSource.MODERATOR, by=None)

    def delete(self, row, record, *, by) -> None:
        """Delete a row, with its audit entry."""
        self.audit(
            row, record, by=by, action=AuditAction.DELETED, before=snapshot(row, self.audited)
        )
        row.delete()
        self.after_commit(record)

    def after_commit(self, record) -> None:
        if self.changed is not None:
            record_id, changed = record.pk, self.changed
            transaction.on_commit(lambda: changed(record_id))
