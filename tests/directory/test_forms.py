"""The locality choices of the forms, as each reader reads them."""

import pytest
from django.utils import translation

from kakehashi.directory.forms import LocalityChoiceField
from kakehashi.directory.models import Locality
from tests.factories import locality

pytestmark = pytest.mark.usefixtures("reference")


def test_a_locality_choice_gives_its_country_in_the_readers_brackets():
    field = LocalityChoiceField(queryset=Locality.objects.all())
    hyogo = locality("hyogo-prefecture")
    labels = {}
    for language in ("en", "vi", "ja"):
        with translation.override(language):
            labels[language] = field.label_from_instance(hyogo)
    assert labels == {
        "en": "Hyogo Prefecture (Japan)",
        "vi": f"{hyogo.name_vi} (Nhật Bản)",
        "ja": f"{hyogo.name_ja}（日本）",
    }
