"""The proposal form's and the import's writes: a proposal with the translations its author
gives beside it (the form's language tabs, an import's title_ja… columns), in one
transaction: a translation refused leaves the proposal unsaved too.

The proposal goes through `services.create_proposal`/`update_proposal` and the translations
through `translation_services.save_author_translations`, with their rules and audit entries.
`translations` maps a language to its title, summary, description and kind's texts; a
language left out is not touched."""

from django.db import transaction

from kakehashi.proposals import services
from kakehashi.proposals.models import Proposal
from kakehashi.proposals.translation_services import (
    delete_in_original_language,
    drop_other_kinds_texts,
    save_author_translations,
)

Translations = dict[str, dict[str, str]]


@transaction.atomic
def create_proposal(
    *, data: services.ProposalInput, organisation, by, translations: Translations
) -> Proposal:
    """A new draft (see services.create_proposal) with the author's translations."""
    proposal = services.create_proposal(data=data, organisation=organisation, by=by)
    save_author_translations(proposal=proposal, translations=translations, by=by)
    return proposal


@transaction.atomic
def update_proposal(
    *, proposal: Proposal, data: services.ProposalInput, by, translations: Translations
) -> Proposal:
    """The draft changed (see services.update_proposal) with the author's translations. When
    the author changed the original's language, a translation into the new one is deleted:
    its readers read the original; when the kind changed, the texts of the former kind are
    emptied in the translations as in the proposal."""
    proposal = services.update_proposal(proposal=proposal, data=data, by=by)
    delete_in_original_language(proposal=proposal, by=by)
    drop_other_kinds_texts(proposal=proposal, by=by)
    save_author_translations(proposal=proposal, translations=translations, by=by)
    return proposal
