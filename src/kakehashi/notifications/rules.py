"""Who may do what with notifications (django-rules predicates): only the recipient."""

import rules


@rules.predicate
def is_recipient(user, notification):
    if notification is None or not user.is_authenticated:
        return False
    return notification.recipient_id == user.pk


rules.add_perm("notifications.view_notification", is_recipient)
rules.add_perm("notifications.change_notification", is_recipient)
