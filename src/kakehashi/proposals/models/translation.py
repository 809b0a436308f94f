from django.db import models
from django.utils.translation import gettext_lazy as _

from kakehashi.common.translations import TranslationBase, fingerprint
from kakehashi.proposals.models.proposal import Proposal

# The texts of a proposal that a translation carries: those every kind has, then the kind's
# own (KIND_TEXTS: a translation carries those the proposal's kind has, see KIND_FIELDS).
COMMON_TEXTS = ("title", "summary", "description")
KIND_TEXTS = ("advantages", "sought", "partner_role")
TRANSLATED_FIELDS = (*COMMON_TEXTS, *KIND_TEXTS)


class ProposalTranslation(TranslationBase):
    """A proposal's title, summary, description and its kind's texts (advantages and
    innovation for offers; what is sought and the partner's role for requests) in a language
    other than its own."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    advantages = models.TextField(_("advantages and innovation"), max_length=2000, blank=True)
    sought = models.TextField(_("what is sought"), max_length=2000, blank=True)
    partner_role = models.TextField(_("the partner's expected role"), max_length=2000, blank=True)

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
    """The fingerprint of the proposal's own texts (see common/translations.py). The kind's
    texts count once there are any: a proposal without them keeps the fingerprint it had
    before translations carried them."""
    kind_texts = [getattr(proposal, name) for name in KIND_TEXTS]
    return fingerprint(
        *(getattr(proposal, name) for name in COMMON_TEXTS),
        *(kind_texts if any(kind_texts) else ()),
    )
