"""A proposal's keywords in the reader's language: a keyword that is a term of the glossary is
shown as the reader's term, the others as written in the author's language with the mark
that says so; in the author's own language, as written and unmarked. On the proposal's page,
in the list and in the search results (common/keywords.py)."""

import pytest
from django.urls import reverse

from tests.factories import member_of
from tests.proposals.factories import page, published

pytestmark = pytest.mark.usefixtures("reference")

KEYWORDS_VI = "kho lạnh, chuỗi lạnh, Củ Chi"
COLD_STORAGE_JA = '<span lang="ja">冷凍倉庫</span>'
COLD_CHAIN_JA = '<span lang="ja">コールドチェーン</span>'
AS_WRITTEN_JA = (
    '<span lang="vi">Củ Chi</span><span class="muted as-written">（ベトナム語の原文のまま）</span>'
)


@pytest.fixture
def proposal(company):
    return published(
        organisation=company,
        created_by=member_of(company),
        language="vi",
        title="Kho lạnh cho thủy sản",
        keywords=KEYWORDS_VI,
    )


def test_a_known_keyword_reads_as_the_readers_term(client, proposal):
    html = page(client, proposal, "ja")
    assert f"<dd>{COLD_STORAGE_JA}、{COLD_CHAIN_JA}、{AS_WRITTEN_JA}</dd>" in html


def test_an_unknown_keyword_stays_as_written_with_the_mark(client, proposal):
    html = page(client, proposal, "en")
    assert (
        '<dd><span lang="en">cold storage</span>, <span lang="en">cold chain</span>, '
        '<span lang="vi">Củ Chi</span>'
        '<span class="muted as-written"> (as written, in Vietnamese)</span></dd>'
    ) in html


def test_in_the_authors_language_keywords_are_as_written_and_unmarked(client, proposal):
    html = page(client, proposal, "vi")
    assert (
        '<dd><span lang="vi">kho lạnh</span>, <span lang="vi">chuỗi lạnh</span>, '
        '<span lang="vi">Củ Chi</span></dd>'
    ) in html
    assert "nguyên văn" not in html


def test_a_keyword_with_a_term_inside_is_not_half_translated(company):
    from django.utils import translation

    from kakehashi.common.keywords import keywords_for_reader

    with translation.override("ja"):
        shown = keywords_for_reader(["logistics lạnh", "tôm"], "vi")
    assert [(k.text, k.language, k.as_written) for k in shown] == [
        ("エビ", "ja", False),
        ("logistics lạnh", "vi", True),
    ]


def test_the_list_shows_keywords_in_the_readers_language(client, proposal):
    client.cookies["kakehashi_language"] = "ja"
    html = client.get(reverse("proposals:list")).content.decode()
    assert f"キーワード：{COLD_STORAGE_JA}、{COLD_CHAIN_JA}、{AS_WRITTEN_JA}" in html
    assert "kho lạnh" not in html.lower().replace("kho lạnh cho", "")
