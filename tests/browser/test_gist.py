"""Glossary-assisted reading in a browser: a Japanese reader of an untranslated Vietnamese
proposal, and a Vietnamese reader of a Japanese one, on a phone (390 px) and a desktop
(1366 px): each equivalent stands right after its term, nothing is wider than the screen, and
axe-core finds no serious or critical violation in the marked text."""

from pathlib import Path

import pytest

from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import published

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text("utf-8")
AXE_RUN = """async () => {
  const result = await axe.run('main', {resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ' ' + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', '));
}"""
# Each mark and the equivalent after it: where they are, and the page's width.
MEASURE = """() => ({
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  pairs: Array.from(document.querySelectorAll('mark.gist + .gist-term')).map(term => {
    const marks = term.previousElementSibling.getClientRects();
    const mark = marks[marks.length - 1], first = term.getClientRects()[0];
    return {mark: term.previousElementSibling.textContent, term: term.textContent,
            gap: first.left - mark.right, sameLine: Math.abs(first.top - mark.top) < mark.height};
  }),
})"""


@pytest.fixture
def proposals(site):
    company = OrganisationFactory(locality=locality("ho-chi-minh-city"))
    author = member_of(company)
    vi = published(
        organisation=company,
        created_by=author,
        language="vi",
        title="Tìm công nghệ kho lạnh tiết kiệm năng lượng cho thủy sản xuất khẩu",
        summary="Doanh nghiệp cần chuyển giao công nghệ kho lạnh và cảm biến nhiệt độ.",
        description="Chúng tôi vận hành ba kho lạnh phục vụ cá tra, tôm và mực xuất khẩu "
        "sang Nhật Bản. Hệ thống quản lý chất lượng theo tiêu chuẩn HACCP.",
    )
    ja = published(
        organisation=company,
        created_by=author,
        language="ja",
        title="食品加工ラインの自動化ロボット（デジタルトランスフォーメーション）",
        summary="大型冷凍倉庫の省エネ化と技能実習生の受け入れを支援します。",
    )
    return {"ja": vi, "vi": ja}  # the reader's language -> a proposal in the other one


@pytest.mark.parametrize("reader", ["ja", "vi"])
def test_equivalents_sit_beside_their_terms_at_every_width(context, page, site, proposals, reader):
    context.add_cookies([{"name": "kakehashi_language", "value": reader, "url": site}])
    page.goto(proposals[reader].get_absolute_url())
    page.evaluate(AXE_SOURCE)
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        figures = page.evaluate(MEASURE)
        assert figures["overflow"] <= 0, (width, figures["overflow"])
        assert len(figures["pairs"]) >= 4, figures["pairs"]
        for pair in figures["pairs"]:
            # Right after the term on its line, or at the start of the next line.
            if pair["sameLine"]:
                assert -1 <= pair["gap"] <= 12, (width, pair)
        assert page.evaluate(AXE_RUN) == [], width
