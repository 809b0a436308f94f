"""One step of a workflow, the one way every service takes it: lock the row, check who acts,
check the state it leaves, keep the audited fields as they were, let the caller set the new
state, save, and write the audit entry; the caller then tells those concerned.

    with transition(
        proposal,
        by=by,
        permission="proposals.submit_proposal",
        lock=locked,
        fields=WORKFLOW_FIELDS,
        audit=audit,
    ) as proposal:
        proposal.status = ProposalStatus.SUBMITTED
    notify(...)

The step is one transaction (a savepoint inside the service's own): anything the caller
raises inside the block (bad input, say) leaves nothing written and no audit entry.
Who acts is checked by `common.permissions.require` on the locked row, so the permission's
predicates see the state as it is; where the state a step leaves is part of the rule, the
predicate says it and the refusal is a PermissionDenied. Where a step refuses a state with a
message instead (a decision already taken), `allowed_from` names the states it leaves and
`refusal` the ValidationError it raises otherwise (by default, `wrong_status`)."""

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.errors import CommonError, invalid
from kakehashi.common.permissions import require


def lock_row(obj: models.Model) -> models.Model:
    """The row of `obj`, read again and locked until the transaction ends."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


@contextmanager
def transition(
    obj: models.Model,
    *,
    by,
    permission: str | None,
    lock: Callable[[models.Model], models.Model] = lock_row,
    allowed_from: Collection | None = None,
    refusal: ValidationError | None = None,
    fields: Iterable[str] = (),
    audit: Callable | None = None,
    action: str = AuditAction.STATUS,
    update_fields: Iterable[str] | None = None,
) -> Iterator[models.Model]:
    """Take one step of `obj`'s workflow; the block receives the locked row and changes it.

    - `permission`: checked with `require(by, permission, row)` (None: the caller checks, as
      for an automatic step or a rule that is not a predicate);
    - `allowed_from`, `refusal`: the statuses the step leaves, and the error raised when
      `row.status` is another (checked after the permission; by default the message
      "This cannot be done in its current state." with the code `wrong_status`);
    - `fields`, `audit`: what the audit log compares, and the app's
      `audit(row, by=, action=, before=)` (None: the step is not audited);
    - `update_fields`: passed to `save()` (None saves the whole row)."""
    with transaction.atomic():
        row = lock(obj)
        if permission is not None:
            require(by, permission, row)
        if allowed_from is not None and row.status not in allowed_from:
            raise refusal or invalid(
                _("This cannot be done in its current state."), CommonError.WRONG_STATUS
            )
        fields = tuple(fields)
        before = snapshot(row, fields) if audit is not None else None
        yield row
        row.save(update_fields=list(update_fields) if update_fields is not None else None)
        if audit is not None:
            audit(row, by=by, action=action, before=before)
