"""The audit log: every change to partnerships, proposals, meetings and obstacles records who
made it, for which organisation, when, and the fields before and after.

A service records its change with two calls inside its own transaction:

    before = snapshot(proposal, AUDITED_FIELDS)        # before changing anything
    ...change and save...
    record_change(obj=proposal, by=by, action=AuditAction.STATUS, before=before,
                  owners=[proposal.organisation_id])

`common` sits at the far left of the apps, so nothing here imports another app: the owning
organisations are rows of `directory.Organisation`, reached through the model's relations.
"""

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.functional import Promise

from kakehashi.common.models import AuditAction, AuditEntry

__all__ = ["AuditAction", "entries_visible_to", "record_change", "snapshot"]


# Actions whose `before`/`after` are stored as given; the others keep only what differs.
_AS_GIVEN = {AuditAction.CREATED, AuditAction.DELETED, AuditAction.ADDED, AuditAction.REMOVED}


def _jsonable(value):
    """A value as JSON can hold it: strings, numbers, booleans, None, lists and dicts."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str | Promise):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, models.Model):
        return {"id": _jsonable(value.pk), "repr": str(value)[:200]}
    if hasattr(value, "name") and hasattr(value, "storage"):  # a stored file
        return value.name or None
    return str(value)


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """The named fields of `obj` as JSON-able values, to pass as `before`/`after`.

    - plain fields: their value (dates as ISO strings, decimals as strings);
    - foreign keys: `{"id": ..., "repr": ...}`, or None;
    - many-to-many fields and reverse relations (`"sectors"`, `"parties"`): the sorted list
      of the related rows' `str()`, so that replacing rows by equal ones is no change;
    - `"relation.column"` (`"target_countries.country"`): the sorted values of that column
      of the related rows, for rows whose `str()` says little;
    - any other attribute name: its value (a property, say).

    Each foreign key and each list costs one query; take the snapshot of what the change can
    touch, not of the whole record."""
    result = {}
    for name in fields:
        if "." in name:  # "relation.field": the sorted values of one column of related rows
            relation, column = name.split(".", 1)
            values = getattr(obj, relation).values_list(column, flat=True)
            result[name] = sorted((_jsonable(value) for value in values), key=str)
            continue
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:  # a property or a plain attribute
            field = None
        if field is not None and (field.many_to_many or field.one_to_many):
            manager = getattr(obj, field.get_accessor_name() if field.auto_created else name)
            result[name] = sorted(str(item) for item in manager.all())
        elif field is not None and field.is_relation and field.concrete:
            if getattr(obj, field.attname) is None:
                result[name] = None
            else:
                result[name] = _jsonable(getattr(obj, name))
        elif field is not None and field.is_relation:  # the reverse side of a one-to-one
            result[name] = _jsonable(getattr(obj, field.get_accessor_name(), None))
        else:
            result[name] = _jsonable(getattr(obj, name))
    return result


def _owner_ids(owners) -> set[int]:
    ids = set()
    for owner in owners:
        if owner is None:
            continue
        ids.add(owner.pk if isinstance(owner, models.Model) else int(owner))
    return ids


def record_change(
    *,
    obj: models.Model,
    by,
    action: str,
    before: dict | None = None,
    after: dict | None = None,
    owners: Iterable = (),
    acted_for=None,
) -> AuditEntry | None:
    """Write one audit entry for a change to `obj` and return it.

    Call it from the service that makes the change, inside that service's transaction
    (`@transaction.atomic`): a change that is rolled back then leaves no entry. Outside a
    transaction it raises RuntimeError.

    - `by`: the user who made the change; None (or an anonymous user) for the platform
      itself, e.g. a daily task.
    - `action`: an `AuditAction` (created, changed, deleted, status, placed, moved, added,
      removed).
    - `before`: `snapshot(obj, fields)` taken before the change (None for a creation).
    - `after`: the fields after the change; if left out, taken now from `obj` for the
      fields named in `before` (and empty for `deleted`, `added`, `removed`). For a
      deletion call it *before* deleting: the entry needs the object's id.
    - `created`, `deleted`, `added` and `removed` store `before`/`after` as given (for
      `added`/`removed`, name the child: `after={"documents": [title]}`). Any other action
      stores only the fields whose value differs, and writes no entry (returns None) when
      nothing differs.
    - `owners`: the organisations (instances or ids) that own the record; their members
      see the entry on the audit page. Platform administrators see every entry.
    - `acted_for`: the organisation `by` acted for; by default the first owner (lowest id)
      that `by` is a member of, or none (a platform administrator, a moderator).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_change must run inside the transaction of the change.")
    before = dict(before or {})
    if after is None:
        after = {} if action in _AS_GIVEN else snapshot(obj, before)
    after = dict(after)
    if action not in _AS_GIVEN:
        changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
        if not changed:
            return None
        before = {key: value for key, value in before.items() if key in changed}
        after = {key: value for key, value in after.items() if key in changed}
    owner_ids = _owner_ids(owners)
    actor = by if by is not None and by.is_authenticated else None
    if acted_for is None and actor is not None and owner_ids:
        Organisation = apps.get_model("directory", "Organisation")
        acted_for = (
            Organisation.objects.filter(pk__in=owner_ids, memberships__person__user=actor)
            .order_by("pk")
            .first()
        )
    entry = AuditEntry.objects.create(
        actor=actor,
        actor_repr=str(actor)[:200] if actor is not None else "",
        acted_for=acted_for,
        action=str(action),
        model_label=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        before=before,
        after=after,
    )
    if owner_ids:
        entry.owners.set(owner_ids)
    return entry


def entries_visible_to(user) -> QuerySet[AuditEntry]:
    """Platform administrators see every entry; a member of an organisation sees the entries
    of the records it owns; anybody else sees none."""
    entries = AuditEntry.objects.select_related("actor", "acted_for")
    if not (user and user.is_authenticated and user.is_active):
        return entries.none()
    if user.is_superuser:
        return entries
    owned = AuditEntry.owners.through.objects.filter(
        organisation__memberships__person__user=user
    ).values("auditentry_id")
    return entries.filter(pk__in=owned)
