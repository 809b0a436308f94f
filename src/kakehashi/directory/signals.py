"""Announcements of the directory to apps on its right, which may not be imported here.

Sent by the services after the transaction commits; receivers must not fail the sender."""

from django.dispatch import Signal

# Sent with organisation_id= when an organisation was created or changed.
organisation_changed = Signal()
