"""`load_hits` gives each hit its sectors and its proposal's translation into the reader's
language, read in one query each: the hits show what Django's prefetching showed (ids,
order, titles, summaries, sectors, translation marks, facets, the API's fields), the records'
own relations still work as Django's, and the number of queries does not grow with the
hits."""

import gc
import weakref

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from kakehashi.api.matching import _result
from kakehashi.common.templatetags.reading import translation_mark
from kakehashi.directory.models import Organisation, Sector
from kakehashi.matching.documents import organisation_key, proposal_key
from kakehashi.matching.hits import Hit, load_hits
from kakehashi.matching.search import _facets
from kakehashi.proposals.models import Proposal, ProposalTranslation
from tests.factories import OrganisationFactory, locality
from tests.matching.builders import CARE_JA, COLD_CHAIN_JA, COLD_CHAIN_VI, publish_proposal

pytestmark = pytest.mark.django_db

SECTOR_SETS = (["trade", "green_growth"], [], ["green_growth"], ["trade"])
LANGUAGES = ("vi", "ja", "en")
TRANSLATED = (("en",), ("ja", "en"), LANGUAGES, ())  # the languages of #n's translations


@pytest.fixture
def stored(reference, django_capture_on_commit_callbacks):
    """Proposals with none, one or two sectors and translations (by a machine and by
    people); published organisations with and without sectors."""
    capture = django_capture_on_commit_callbacks
    hcmc = OrganisationFactory(country="VN", locality=locality("ho-chi-minh-city"))
    osaka = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    Organisation.objects.filter(pk__in=[hcmc.pk, osaka.pk]).update(is_published=True)
    hcmc.sectors.set(Sector.objects.filter(key__in=["trade", "green_growth"]))
    texts = (COLD_CHAIN_VI, COLD_CHAIN_JA, CARE_JA)
    proposals = []
    for n in range(12):
        fields = dict(texts[n % 3], title=f"{texts[n % 3]['title']} {n}")
        owner = hcmc if fields["language"] == "vi" else osaka
        proposal = publish_proposal(owner, capture, sectors=SECTOR_SETS[n % 4], **fields)
        for language in TRANSLATED[n % 4]:
            if language != proposal.language:
                ProposalTranslation.objects.create(
                    proposal=proposal,
                    language=language,
                    source="machine" if n % 2 else "author",
                    title=f"{language} {n}",
                    summary=f"{language} summary {n}" if n % 4 else "",
                )
        proposals.append(proposal)
    return {"proposals": proposals, "organisations": [hcmc, osaka]}


def _keys(stored, count):
    proposals = stored["proposals"][:count]
    keys = [proposal_key(p.pk) for p in reversed(proposals)]
    keys.insert(1, organisation_key(stored["organisations"][0].pk))
    keys.append(organisation_key(stored["organisations"][1].pk))
    return keys


def _shown(hits, language, sectors) -> list:
    """What the page, the API and the facets read of each hit, for a reader of `language`;
    `sectors(hit)`: the hit's sectors' keys."""
    shown = []
    for hit in hits:
        record = hit.proposal or hit.organisation
        row = [hit.key, hit.score, record.pk, sectors(hit)]
        if hit.proposal is not None:
            text = hit.in_language(language)
            row += [hit.proposal.organisation.country, hit.proposal.locality.country]
            row += [text.title, text.summary, text.language, translation_mark(text, hit.proposal)]
            row += [text is hit.proposal, getattr(text, "is_machine", None)]
        shown.append(row)
    return shown


def _prefetched(keys) -> list:
    """The hits as Django's prefetching loaded them before (the reference)."""
    ids = [(key, int(key.split(":")[1])) for key in keys]
    proposals = (
        Proposal.objects.select_related("organisation", "locality")
        .prefetch_related("sectors", "translations")
        .in_bulk([pk for key, pk in ids if key.startswith("proposal:")])
    )
    organisations = (
        Organisation.objects.select_related("locality")
        .prefetch_related("sectors")
        .in_bulk([pk for key, pk in ids if key.startswith("organisation:")])
    )
    return [
        Hit(key=key, score=1.0, proposal=proposals[pk])
        if key.startswith("proposal:")
        else Hit(key=key, score=1.0, organisation=organisations[pk])
        for key, pk in ids
    ]


def _related_sectors(hit) -> list[str]:
    return [sector.key for sector in (hit.proposal or hit.organisation).sectors.all()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_hits_show_what_prefetching_showed(stored, language):
    keys = _keys(stored, 12)
    with translation.override(language):
        hits = load_hits([(key, 1.0) for key in keys])
        reference = _prefetched(keys)
        assert [hit.key for hit in hits] == keys
        assert [hit.shown for hit in hits] == [
            hit.in_language(language) if hit.proposal else None for hit in hits
        ]
        assert _shown(hits, language, lambda hit: list(hit.sector_keys)) == _shown(
            reference, language, _related_sectors
        )
        for hit in reference:
            hit.sector_keys = tuple(_related_sectors(hit))
        assert _facets(hits) == _facets(reference)
        assert [_result(hit, 1.0, []) for hit in hits] == [
            _result(hit, 1.0, []) for hit in reference
        ]
    first, second = (proposal_key(p.pk) for p in stored["proposals"][:2])
    sectors = {hit.key: hit.sector_keys for hit in hits}
    both = Sector.objects.filter(key__in=["trade", "green_growth"])
    assert sectors[first] == tuple(sector.key for sector in both)  # Sector's order
    assert sectors[second] == ()


def test_a_translation_is_the_one_of_the_readers_language(stored):
    care = stored["proposals"][2]  # in Japanese, translated into English and Vietnamese
    with translation.override("vi"):
        (hit,) = load_hits([(proposal_key(care.pk), 1.0)])
    assert [hit.in_language(language).title for language in LANGUAGES] == [
        "vi 2",
        care.title,
        "en 2",  # not loaded: read from the database, as before
    ]
    with translation.override("vi"):
        assert hit.shown.title == "vi 2"
        assert translation_mark(hit.shown, hit.proposal) == "Dịch từ tiếng Nhật"


def test_the_records_relations_are_still_djangos(stored):
    """Nothing is put in Django's caches: a record's managers filter and count in the
    database (the fourth pass's prefetched tuples had no `filter()`)."""
    keys = _keys(stored, 12)
    hits = load_hits([(key, 1.0) for key in keys])
    for hit in hits:
        record = hit.proposal or hit.organisation
        assert "_prefetched_objects_cache" not in record.__dict__
        assert record.sectors.count() == len(hit.sector_keys)
        assert list(record.sectors.filter(key="trade").values_list("key", flat=True)) == [
            key for key in hit.sector_keys if key == "trade"
        ]
        if hit.proposal is not None:
            assert hit.proposal.translations.filter(language="xx").count() == 0


def test_loaded_hits_leave_no_reference_cycle(stored):
    """Freed as soon as they are no longer used, without the garbage collector (Django's
    prefetching made each record a queryset that referred back to it)."""
    keys = _keys(stored, 12)
    gc.collect()
    gc.disable()
    try:
        with translation.override("en"):
            hits = load_hits([(key, 1.0) for key in keys])
            _shown(hits, "en", lambda hit: list(hit.sector_keys))
        records = [weakref.ref(hit.proposal or hit.organisation) for hit in hits]
        del hits
        assert [record() for record in records] == [None] * len(keys)
    finally:
        gc.enable()


@pytest.mark.parametrize("count", [1, 4, 12])
def test_the_number_of_queries_does_not_grow_with_the_hits(
    stored, count, django_assert_num_queries
):
    """Loading and showing them (the page's rows in Japanese, the API's, the facets): the
    proposals, the organisations, the two kinds of sectors, the proposals' translations and
    the organisations' names."""
    keys = _keys(stored, count)
    with translation.override("ja"), django_assert_num_queries(6):
        hits = load_hits([(key, 1.0) for key in keys])
        html = "".join(render_to_string("matching/_hit.html", {"hit": hit}) for hit in hits)
        _facets(hits)
        [_result(hit, 1.0, []) for hit in hits]
    assert len(hits) == count + 2
    assert ("ja 6" in html) == (count > 6)  # #6, in Vietnamese, has a Japanese translation
    assert "en 1" not in html  # #1, in Japanese, is shown in its own words


@pytest.mark.parametrize("count", [3, 7])
def test_organisation_hits_read_their_names_in_one_query_however_many(
    reference, count, django_assert_num_queries
):
    """Each in the reader's language: its translation, else its English name, else its
    own; as `display_name` words it."""
    organisations = []
    for n in range(count):
        organisation = OrganisationFactory(
            country="JP", name=f"会社{n}", name_en=f"Company {n}" if n % 2 else "", language="ja"
        )
        if n % 3 == 0:
            organisation.translations.create(language="vi", source="author", name=f"Công ty {n}")
        organisations.append(organisation)
    Organisation.objects.filter(pk__in=[o.pk for o in organisations]).update(is_published=True)
    keys = [(organisation_key(o.pk), 1.0) for o in organisations]
    with translation.override("vi"), django_assert_num_queries(3):
        hits = load_hits(keys)
        html = "".join(render_to_string("matching/_hit.html", {"hit": hit}) for hit in hits)
        results = [_result(hit, 1.0, []) for hit in hits]
    with translation.override("vi"):
        expected = [Organisation.objects.get(pk=o.pk).display_name for o in organisations]
    assert [result["title"] for result in results] == expected
    assert all(name in html for name in expected)
    assert expected[0] == "Công ty 0" and expected[1] == "Company 1" and expected[2] == "会社2"
