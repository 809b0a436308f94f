"""Translations are rows: one per proposal and language, machine ones by nobody."""

import pytest
from django.db import IntegrityError, transaction

from kakehashi.common.translations import TranslationSource
from kakehashi.proposals.models import ProposalTranslation, original_fingerprint
from tests.factories import UserFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.usefixtures("reference")


def test_one_translation_per_language():
    proposal = ProposalFactory(language="vi", title="Tôm đông lạnh")
    ProposalTranslation.objects.create(
        proposal=proposal, language="en", title="Frozen shrimp", source=TranslationSource.MACHINE
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalTranslation.objects.create(
            proposal=proposal,
            language="en",
            title="Frozen shrimp (2)",
            source=TranslationSource.AUTHOR,
            made_by=UserFactory(),
        )
    assert list(proposal.translations.values_list("title", flat=True)) == ["Frozen shrimp"]


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"language": "fr"}, "language_valid"),
        ({"source": "robot"}, "source_valid"),
        ({"title": ""}, "title_not_empty"),
    ],
)
def test_the_database_refuses_bad_rows(fields, constraint):
    proposal = ProposalFactory(language="vi")
    row = {"language": "ja", "title": "冷凍エビ", "source": TranslationSource.MACHINE, **fields}
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        ProposalTranslation.objects.create(proposal=proposal, **row)


def test_a_machine_translation_names_no_person():
    proposal = ProposalFactory(language="vi")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalTranslation.objects.create(
            proposal=proposal,
            language="ja",
            title="冷凍エビ",
            source=TranslationSource.MACHINE,
            made_by=UserFactory(),
        )
    assert not proposal.translations.exists()


def test_the_fingerprint_follows_the_original_text():
    proposal = ProposalFactory(language="vi", title="Tôm", summary="Tôm sú", description="")
    before = original_fingerprint(proposal)
    assert original_fingerprint(proposal) == before
    proposal.summary = "Tôm thẻ"
    assert original_fingerprint(proposal) != before
