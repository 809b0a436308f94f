"""What a reader is shown of a recommendation: never one of the organisation's own records,
shared keywords as words (no "_", no stop words, no place names, no demo marker), and
similarity as a level."""

import pytest
from django.utils import translation

from kakehashi.matching import recommend
from kakehashi.matching.context import forget_context, unshown_terms
from kakehashi.proposals.models import Proposal
from tests.factories import OrganisationFactory, locality
from tests.matching.builders import COLD_CHAIN_JA, COLD_CHAIN_VI, publish_proposal

pytestmark = pytest.mark.django_db

PROCESSING_VI = {
    "kind": "business_request",
    "title": "Tìm thiết bị chế biến thủy sản đông lạnh cho nhà máy tại TP.HCM (demo)",
    "summary": "Nhà máy chế biến thủy sản tại TP.HCM có thể phục vụ xuất khẩu sang Osaka, cần "
    "dây chuyền cấp đông và đóng gói. Bản ghi minh họa.",
    "keywords": "chế biến thủy sản, TP.HCM, Osaka",
    "language": "vi",
}
PROCESSING_OFFER_VI = {
    "kind": "business_offer",
    "title": "Dây chuyền chế biến thủy sản đông lạnh và cấp đông nhanh (demo)",
    "summary": "Chúng tôi cung cấp dây chuyền chế biến thủy sản, cấp đông nhanh và đóng gói cho "
    "nhà máy tại TP.HCM, có thể phục vụ xuất khẩu sang Osaka. Bản ghi minh họa.",
    "keywords": "chế biến thủy sản, TP.HCM, Osaka",
    "language": "vi",
}


@pytest.fixture(autouse=True)
def _fresh_context():
    forget_context()
    yield
    forget_context()


@pytest.fixture
def processing(reference, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    buyer = OrganisationFactory(is_demo=True, locality=locality("ho-chi-minh-city"))
    maker = OrganisationFactory(is_demo=True, country="JP", locality=locality("osaka-prefecture"))
    request = publish_proposal(buyer, capture, sectors=["trade"], **PROCESSING_VI)
    offer = publish_proposal(maker, capture, sectors=["trade"], **PROCESSING_OFFER_VI)
    return buyer, maker, request, offer


def _keywords_shown(recommendation, prefix: str) -> list[str]:
    sentences = [s for s in recommendation.reasons if s.startswith(prefix)]
    return [w.strip(" .") for s in sentences for w in s.removeprefix(prefix).split(",")]


def test_shared_keywords_are_words_without_places_stop_words_or_demo_marker(processing):
    _buyer, _maker, request, offer = processing
    (top,) = [item for item in recommend.for_proposal(request) if item.hit.proposal == offer]
    keywords = _keywords_shown(top, "Shared keywords:")
    assert keywords == ["chế biến thủy sản"]
    text = " ".join(top.reasons).casefold()
    for junk in ("_", "demo", "tp.hcm", "osaka", "có thể", "phục vụ", "bản ghi"):
        assert junk not in text.replace("osaka prefecture", "")  # a partner is named


def test_words_of_place_names_in_three_languages_are_unshown(reference):
    terms = unshown_terms()
    assert {"hồ_chí_minh", "osaka", "大阪府", "大阪", "tp.hcm", "demo", "デモ"} <= terms
    assert "chế_biến" not in terms


def test_similarity_is_a_level_in_each_language(reference, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    hcmc = OrganisationFactory(locality=locality("ho-chi-minh-city"))
    osaka = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    request = publish_proposal(hcmc, capture, **COLD_CHAIN_VI)
    publish_proposal(osaka, capture, **COLD_CHAIN_JA)
    levels = {
        "en": ("Very similar in meaning.", "Similar in meaning.", "Partly similar in meaning."),
        "vi": ("Nội dung rất tương đồng.", "Nội dung tương đồng.", "Nội dung tương đồng một phần."),
        "ja": ("内容がよく似ています。", "内容が似ています。", "内容が一部似ています。"),
    }
    for language, sentences in levels.items():
        with translation.override(language):
            (top,) = recommend.for_proposal(request)
        assert [s for s in top.reasons if s in sentences], top.reasons
        assert not any("%" in s for s in top.reasons)


def test_never_the_organisations_own_records(processing, django_capture_on_commit_callbacks):
    buyer, _maker, request, offer = processing
    capture = django_capture_on_commit_callbacks
    # A second proposal of the buyer on the same subject, another maker's offer, and the
    # first offer handed over to the buyer after it was indexed: the records say whose they
    # are today.
    publish_proposal(buyer, capture, sectors=["trade"], **PROCESSING_OFFER_VI)
    third = OrganisationFactory(country="JP", locality=locality("aichi-prefecture"))
    other_offer = publish_proposal(third, capture, sectors=["trade"], **PROCESSING_OFFER_VI)
    Proposal.objects.filter(pk=offer.pk).update(organisation=buyer)
    for items in (recommend.for_proposal(request), recommend.for_organisation(buyer)):
        shown = [item.hit.proposal for item in items if item.hit.proposal]
        assert other_offer in shown
        owners = {
            item.hit.proposal.organisation_id if item.hit.proposal else item.hit.organisation.pk
            for item in items
        }
        assert buyer.pk not in owners
