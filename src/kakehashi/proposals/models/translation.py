from django.db import models
from django.utils.translation import gettext_lazy as _

from kakehashi.common.translations import TranslationBase, fingerprint
from kakehashi.proposals.models.proposal import Proposal

# The texts of a proposal that a translation carries.
TRANSLATED_FIELDS = ("title", "summary", "description")


class ProposalTranslation(TranslationBase):
    """A proposal's title, summary and description in a language other than its own."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["proposal", "language"], name="proposal_translation_one_per_language"
            ),
            models.CheckConstraint(
                condition=~models.Q(title=""), name="proposal_translation_title_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


def original_fingerprint(proposal: Proposal) -> str:
    """The fingerprint of the proposal's own texts (see common/translations.py)."""
    return fingerprint(*(getattr(proposal, name) for name in TRANSLATED_FIELDS))
