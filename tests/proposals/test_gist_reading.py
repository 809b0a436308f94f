"""Glossary-assisted reading on the proposal page: a reader with no translation in their
language sees the original with the terms the glossary knows marked and their equivalents
beside them; a reader with a translation sees it unmarked; the author's text stays escaped."""

import re

import pytest

from kakehashi.proposals.translation_services import save_translation
from tests.factories import member_of
from tests.proposals.factories import page, published

pytestmark = pytest.mark.usefixtures("reference")

VI_SUMMARY = "Chúng tôi vận hành ba kho lạnh phục vụ tôm xuất khẩu; cần thêm kho lạnh mới."
NOTE_JA = "大意をつかめるよう、主な用語に日本語の対応語を併記しています。"


@pytest.fixture
def proposal(company):
    return published(
        organisation=company,
        created_by=member_of(company),
        language="vi",
        title="Công nghệ Kho Lạnh tiết kiệm năng lượng",
        summary=VI_SUMMARY,
        description="Hệ thống giám sát nhiệt độ.\nCảng Cát Lái.",
        sought="Kinh nghiệm vận hành kho lạnh tại Nhật Bản.",
    )


def test_a_japanese_reader_sees_the_japanese_term_beside_the_vietnamese(client, proposal):
    html = page(client, proposal, "ja")
    assert (
        '<h1 lang="vi">Công nghệ <mark class="gist" lang="vi">Kho Lạnh</mark>'
        '<span class="gist-term" lang="ja">（冷凍倉庫）</span> '
        '<mark class="gist" lang="vi">tiết kiệm năng lượng</mark>'
        '<span class="gist-term" lang="ja">（省エネ）</span></h1>'
    ) in html
    # In the summary: the first "kho lạnh" carries its equivalent, the second is only marked.
    summary = re.search(r"<p><strong>(.*?)</strong></p>", html).group(1)
    assert summary == (
        'Chúng tôi vận hành ba <mark class="gist" lang="vi">kho lạnh</mark>'
        '<span class="gist-term" lang="ja">（冷凍倉庫）</span> phục vụ '
        '<mark class="gist" lang="vi">tôm</mark><span class="gist-term" lang="ja">（エビ）</span> '
        '<mark class="gist" lang="vi">xuất khẩu</mark>'
        '<span class="gist-term" lang="ja">（輸出）</span>'
        '; cần thêm <mark class="gist" lang="vi">kho lạnh</mark> mới.'
    )
    # The description keeps its line breaks; the kind's fields are marked too.
    assert (
        '<mark class="gist" lang="vi">Cảng</mark><span class="gist-term" lang="ja">（港）</span>'
        in html
    )
    assert "nhiệt độ.<br>" in html
    assert html.count("（冷凍倉庫）") == 3  # once in each text: title, summary, sought
    assert "No translation into Japanese yet." not in html  # the page is in Japanese
    assert NOTE_JA in html


def test_a_vietnamese_reader_of_a_japanese_proposal(client, company):
    proposal = published(
        organisation=company,
        language="ja",
        title="大型冷凍倉庫の省エネ化",
        summary="資金調達を含めて港区の事業者と連携します。",
    )
    html = page(client, proposal, "vi")
    assert (
        '<mark class="gist" lang="ja">冷凍倉庫</mark>'
        '<span class="gist-term" lang="vi">(kho lạnh)</span>'
    ) in html
    # No term inside a longer word: 調達 in 資金調達, 港 in 港区.
    assert "資金調達を含めて港区の事業者と連携します。" in html
    assert "Các thuật ngữ chính được ghi kèm từ tương đương bằng tiếng Việt" in html


def test_a_reader_with_a_translation_sees_it_without_marks(client, proposal):
    save_translation(
        proposal=proposal,
        language="ja",
        title="省エネ型冷凍倉庫の技術",
        summary="冷凍倉庫を3棟運営しています。",
        by=proposal.created_by,
    )
    html = page(client, proposal, "ja")
    assert '<h1 lang="ja">省エネ型冷凍倉庫の技術</h1>' in html
    assert 'class="gist' not in html
    assert NOTE_JA not in html
    # Asking for the original shows it as written, unmarked too.
    original = page(client, proposal, "ja", original="1")
    assert '<h1 lang="vi">Công nghệ Kho Lạnh tiết kiệm năng lượng</h1>' in original
    assert 'class="gist' not in original


def test_the_authors_own_language_has_no_marks(client, proposal):
    html = page(client, proposal, "vi")
    assert '<h1 lang="vi">Công nghệ Kho Lạnh tiết kiệm năng lượng</h1>' in html
    assert 'class="gist' not in html


def test_a_text_without_known_terms_gets_no_note(client, company):
    proposal = published(organisation=company, language="vi", title="Xin chào", summary="Cảm ơn.")
    html = page(client, proposal, "ja")
    assert 'class="gist' not in html
    assert NOTE_JA not in html


def test_script_in_the_text_stays_escaped_around_and_inside_marks(client, company):
    proposal = published(
        organisation=company,
        language="vi",
        title='<script>alert("x")</script> kho lạnh <b>',
        summary="kho<img src=x onerror=alert(1)>lạnh & tôm <i>đông lạnh</i>",
        description="</p><script>alert(2)</script>\ncảng",
    )
    html = page(client, proposal, "ja")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>" not in html and "<i>đông" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        '<mark class="gist" lang="vi">kho lạnh</mark>'
        '<span class="gist-term" lang="ja">（冷凍倉庫）</span> &lt;b&gt;'
    ) in html
    assert "kho&lt;img src=x onerror=alert(1)&gt;lạnh &amp; " in html
    assert "&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;<br>" in html
