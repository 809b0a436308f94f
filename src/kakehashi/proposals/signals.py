"""Announcements of the proposals app to apps on its right (matching), which may not be
imported here. Sent by the services after the transaction commits."""

from django.dispatch import Signal

# Sent with proposal_id= when a proposal was published, edited, withdrawn, expired...
proposal_changed = Signal()
