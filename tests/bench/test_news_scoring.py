"""The news benchmark's scorer (bench/news_scoring.py): matching rules and counts."""

import copy

import news_data
import pytest
from news_scoring import (
    Counts,
    counts_by_type,
    field_agreement,
    match,
    normalise,
    same_locality,
    same_person,
)


def _totals(gold, predicted) -> Counts:
    total = Counts()
    for counts in counts_by_type(match(gold, predicted)).values():
        total.add(counts)
    return total


@pytest.fixture(scope="module")
def articles():
    return news_data.load()


def visit(**fields):
    fact = {
        "type": "visit",
        "visitor": "Ngô Thanh Bình",
        "visitor_role": "Thứ trưởng Bộ Ngoại giao",
        "host": "Lâm Quốc Thịnh",
        "host_role": "Phó Chủ tịch UBND TPHCM",
        "host_locality": {"name": "TPHCM", "slug": "ho-chi-minh-city"},
        "date": "2024-03-11",
        "purpose": None,
        "evidence": "Ngày 11/3, …",
    }
    return {**fact, **fields}


def person(name, **fields):
    fact = {"type": "person", "name": name, "role": None, "organisation": None, "country": None}
    return {**fact, "evidence": name, **fields}


def test_gold_against_itself_scores_one_everywhere(articles):
    for article in articles:
        counts = counts_by_type(match(article.facts, copy.deepcopy(article.facts)))
        for kind, found in counts.items():
            if found.tp + found.fn:
                assert (found.precision, found.recall) == (1.0, 1.0), (article.id, kind)
            assert found.fp == found.fn == 0


def test_a_missing_fact_lowers_recall_only(articles):
    article = articles[0]
    predicted = copy.deepcopy(article.facts[1:])
    total = _totals(article.facts, predicted)
    assert total.precision == 1.0
    assert total.recall == pytest.approx((len(article.facts) - 1) / len(article.facts))


def test_an_extra_fact_lowers_precision_only(articles):
    article = articles[0]
    predicted = [*copy.deepcopy(article.facts), person("Nguyễn Văn Không Có")]
    total = _totals(article.facts, predicted)
    assert total.recall == 1.0
    assert total.precision == pytest.approx(len(article.facts) / (len(article.facts) + 1))


def test_matching_is_one_to_one():
    result = match([visit()], [visit(), visit()])
    assert len(result.pairs) == 1 and len(result.extra) == 1 and not result.missed


def test_partial_dates_match_only_the_same_partial_date():
    gold = [visit(date="--03-11")]
    assert len(match(gold, [visit(date="--03-11")]).pairs) == 1
    assert not match(gold, [visit(date="2024-03-11")]).pairs
    assert not match([visit(date="2023-11")], [visit(date="2023-11-25")]).pairs
    assert len(match([visit(date="2023-11")], [visit(date="2023-11")]).pairs) == 1
    assert not match([visit()], [visit(date=None)]).pairs


def test_localities_match_by_slug_not_by_name():
    osaka_city = {"name": "TP. Osaka", "slug": "osaka-city"}
    assert same_locality(osaka_city, {"name": "大阪市", "slug": "osaka-city"})
    assert not same_locality(osaka_city, {"name": "TP. Osaka", "slug": "osaka-prefecture"})
    # The unit of a name the 2025 reform kept, read at the article's time or today's.
    assert same_locality(
        {"name": "Hà Nội", "slug": "hanoi"}, {"name": "Hà Nội", "slug": "hanoi-before-2025"}
    )
    # A name only a former unit bore has no such twin.
    binh_duong = {"name": "Bình Dương", "slug": "binh-duong-before-2025"}
    assert not same_locality(binh_duong, {"name": "Bình Dương", "slug": "binh-duong"})
    assert not same_locality(binh_duong, {"name": "TP.HCM", "slug": "ho-chi-minh-city"})
    # Without slugs on both sides, the names decide; a slug on one side only does not match.
    tsukuba = {"name": "thành phố Tsukuba", "slug": None}
    assert same_locality(tsukuba, {"name": "Tsukuba", "slug": None})
    assert not same_locality(tsukuba, {"name": "thành phố Tsukuba", "slug": "tsukuba-city"})
    gold = [visit()]
    wrong_place = visit(host_locality={"name": "TPHCM", "slug": "osaka-city"})
    assert not match(gold, [wrong_place]).pairs


def test_list_fields_are_sets():
    def partners(*slugs):
        return {
            "type": "priority_partners",
            "locality": {"name": "Hà Nội", "slug": "hanoi"},
            "partners": [{"name": s, "slug": s} for s in slugs],
            "list_size": len(slugs),
            "until": "2025",
            "evidence": "…",
        }

    gold = [partners("tokyo-metropolis", "kyoto-city", "fukuoka-prefecture")]
    assert match(gold, [partners("fukuoka-prefecture", "tokyo-metropolis", "kyoto-city")]).pairs
    assert not match(gold, [partners("tokyo-metropolis", "kyoto-city")]).pairs
    assert not match(
        gold, [partners("tokyo-metropolis", "kyoto-prefecture", "fukuoka-prefecture")]
    ).pairs


def test_names_ignore_case_diacritics_spaces_order_and_honorifics():
    assert normalise("  Thành phố  HỒ CHÍ MINH ") == "thanh pho ho chi minh"
    assert same_person("Ông Lâm Quốc Thịnh", "lam quoc thinh")
    assert same_person("山下 健一", "山下健一")
    assert same_person("Kenji Ueda", "Ueda Kenji")
    assert same_person("ファム・ミン・トゥアン", "ファムミントゥアン")
    assert not same_person("Lâm Quốc Thịnh", "Lâm Quốc")
    assert match([person("Đỗ Hoàng Minh")], [person("Do Hoang Minh")]).pairs


def _milestone(years, period=None):
    what = "quan hệ ngoại giao Việt Nam – Nhật Bản"
    fact = {"type": "milestone", "what": what, "years": years, "period": period}
    return {**fact, "evidence": "…"}


def test_a_milestones_years_are_a_count():
    assert match([_milestone(50)], [_milestone(50)]).pairs
    assert match([_milestone(50)], [_milestone("50")]).pairs
    # a period string (the format before issue 14's decision) counts as its length
    assert match([_milestone(50)], [_milestone("1973-2023")]).pairs
    assert not match([_milestone(50)], [_milestone("1973-2013")]).pairs
    assert not match([_milestone(50)], [_milestone(None)]).pairs


def test_a_milestones_period_counts_only_when_the_gold_has_one():
    assert match([_milestone(50)], [_milestone(50, "1973-2023")]).pairs
    assert match([_milestone(50, "1973-2023")], [_milestone(50, "1973-2023")]).pairs
    assert not match([_milestone(50, "1973-2023")], [_milestone(50, None)]).pairs
    result = match([_milestone(50, "1973-2023")], [_milestone(50, "1974-2024")])
    assert [nearest for _gold, nearest in result.missed] == [["period"]]


def test_misses_say_which_key_field_differs():
    result = match([visit()], [visit(date="2024-03-12")])
    assert [nearest for _gold, nearest in result.missed] == [["date"]]
    result = match([visit()], [])
    assert [nearest for _gold, nearest in result.missed] == [[]]


def test_an_agreements_type_as_stated_is_compared_normalised_not_its_kind():
    gold = {
        "type": "agreement",
        "parties": [
            {"name": "Đà Nẵng", "slug": "da-nang"},
            {"name": "Sakai", "slug": "sakai-city"},
        ],
        "type_as_stated": "Thỏa thuận hợp tác hữu nghị",
        "field": None,
        "date": "2024-08-19",
        "status": "renewed",
        "evidence": "…",
    }
    predicted = {**gold, "type_as_stated": "THOẢ THUẬN hợp tác hữu nghị", "agreement_type": "x"}
    (pair,) = match([gold], [predicted]).pairs
    assert field_agreement("agreement", *pair) == {"type_as_stated": True, "field": True}
    other = {**predicted, "type_as_stated": "Biên bản ghi nhớ"}
    (pair,) = match([gold], [other]).pairs
    assert field_agreement("agreement", *pair)["type_as_stated"] is False
    signed = {**predicted, "status": "signed"}
    assert not match([gold], [signed]).pairs


def test_the_split_is_fixed_alternating_within_each_language(articles):
    halves = news_data.split(articles)
    assert set(halves) == {"held-out", "dev"}
    ids = sorted(a.id for half in halves.values() for a in half)
    assert ids == sorted(a.id for a in articles)
    for language in news_data.LANGUAGES:
        in_order = sorted(a.id for a in articles if a.language == language)
        assert [a.id for a in halves["dev"] if a.language == language] == in_order[0::2]
        assert [a.id for a in halves["held-out"] if a.language == language] == in_order[1::2]
    assert news_data.split(list(reversed(articles))) == halves
