"""What a priority list (facts/partners.py) reaches beyond its sentence: its period told in
the sentence after it ("計画期間は令和12年度まで。", "The plan runs until 2030."), the bulleted
or numbered lines a lead ending "như sau:", 次のとおり, "as follows" introduces, and the rows
of an annex or a table the sentence refers to ("別表に掲げる２都市", "listed in the annex",
"tại Phụ lục kèm theo") under its heading line ("別表　重点連携先", "Annex: …", "Phụ lục: …")."""

from __future__ import annotations

import itertools
import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.partner_words import BOX_LINE

# the list's period told in the sentence after it: "計画期間は令和12年度まで。", "Thời gian
# thực hiện kế hoạch là giai đoạn 2026-2030.", "The plan runs until 2030."
_PERIOD_WORD = re.compile(
    r"期間|thời gian thực hiện|thời hạn|giai đoạn|\b(?:period|runs?|covers|plan)\b"
    # the list named again: "その上で「令和12年度までは、この２地域に…」", "these two partners",
    # "The revised list will apply until fiscal 2028"
    r"|この[0-9０-９一二三四五六七八九]*(?:地域|都市|省|自治体|県)|これら"
    r"|\bthese\s+(?:\w+\s+)?(?:partners|localities|prefectures|provinces|cities)\b"
    r"|\b(?:the|this)\s+(?:revised\s+|new\s+|updated\s+|current\s+)?(?:list|line-?up)\b"
    r"|(?:các|những|\w+) (?:địa phương|đối tác) (?:này|trên|nói trên)",
    re.I,
)


def period(ctx: Context, lo: int, hi: int):
    return next((d for d in ctx.dates if lo <= d.start < hi and d.kind in ("until", "range")), None)


def period_last(ctx: Context, lo: int, hi: int):
    """The last period told in lo:hi."""
    told = [d for d in ctx.dates if lo <= d.start < hi and d.kind in ("until", "range")]
    return told[-1] if told else None


# clauses joined by a semicolon: "until 2027, A and B; from 2028 to 2030, C and D"
_CLAUSE_JOIN = re.compile(r";\s+")
# a clause on other ties: "…; the province also keeps friendly ties with Nagano Prefecture"
_OTHER_TIES = {
    "en": re.compile(
        r"\b(?:ties|relations|signed|memorandum|MoU|agreement|friendship|sister)\b", re.I
    ),
    "vi": re.compile(r"quan hệ|ký kết|thỏa thuận|biên bản|hữu nghị|kết nghĩa", re.I),
}


def period_clauses(ctx: Context, sentence, tells_list) -> list[tuple[int, int]]:
    """The stretches of the sentence that each tell a list, `tells_list(text)` saying whether a
    text has the words of one. Clauses joined by a semicolon part where each has a period of its
    own ("Until fiscal 2027, the city will prioritise A and B; from fiscal 2028 to 2030, its
    priority partners will be C and D": two lists); a clause on other ties with no list word
    ("…; the province also keeps friendly ties with C"), or with a period that ended before the
    article's year ("…; C was its partner from 2015 to 2020"), is no list's. Else the whole
    sentence; a semicolon between members ("Partners: A; B; C") leaves it whole."""
    whole = [(sentence.start, sentence.end)]
    if ctx.language not in _OTHER_TIES:
        return whole
    cuts = [sentence.start + m.start() for m in _CLAUSE_JOIN.finditer(sentence.text)]
    if not cuts:
        return whole
    edges = [sentence.start, *cuts, sentence.end]
    windows: list[list[int]] = []
    for a, b in itertools.pairwise(edges):
        text = ctx.norm[a:b]
        other = _OTHER_TIES[ctx.language].search(text) and not tells_list(text)
        if windows and not (period(ctx, a, b) or other):
            windows[-1][1] = b  # a clause that goes on with the one before it
        else:
            windows.append([a, b])
    year = ctx.published.year if ctx.published else None
    kept = []
    for a, b in windows:
        found = period(ctx, a, b)
        text = ctx.norm[a:b]
        if _OTHER_TIES[ctx.language].search(text) and not tells_list(text):
            continue
        if found and year and found.years[1] and found.years[1] < year and len(windows) > 1:
            continue
        kept.append((a, b, found.years[1] if found else None))
    ends = [end for _, _, end in kept]
    if len(kept) == 1:
        return [kept[0][:2]]
    if not kept or not all(ends) or len(set(ends)) < len(ends):
        return whole
    return [(a, b) for a, b, _ in kept]


# the period of the sentence before, named again: "Trong giai đoạn này, A và B là hai đối tác
# ưu tiên", "During that period, …", 同期間中は
_THIS_PERIOD = re.compile(
    r"(?<!\w)giai đoạn (?:này|đó|trên)(?!\w)|\b(?:this|that|the same) period\b|同期間|この期間"
    # the plan told before, with its period: "…ban hành Kế hoạch … giai đoạn 2026-2030. Theo kế
    # hoạch, …", "…approved its programme to 2030. Under the programme, …", 同計画では
    r"|(?<!\w)theo (?:kế hoạch|chương trình|đề án|quyết định)(?!\w)"
    r"|\bunder the (?:plan|programme|program|strategy|decision)\b|同計画|同プログラム",
    re.IGNORECASE,
)


def period_before(ctx: Context, sentence):
    """The period of the sentence before, when `sentence` names it again."""
    if sentence.index == 0 or not _THIS_PERIOD.search(sentence.text):
        return None
    earlier = ctx.text.sentences[sentence.index - 1]
    return period(ctx, earlier.start, earlier.end)


def expired(ctx: Context, until) -> bool:
    """The period ended before the year of publication."""
    last = until.years[1] if until.years else None
    return bool(ctx.published and last and last < ctx.published.year)


# a list told as that of a plan gone by: "The province's previous programme, which ran from 2021
# to 2025, had identified …", "県は2021～25年度の前計画で…を重点交流先としてきた", "kế hoạch giai
# đoạn trước"
_BYGONE = {
    "en": re.compile(
        r"\b(?:previous|former|earlier|old|prior|outgoing|last)\s+(?:[\w-]+\s+)?"
        r"(?:plan|programme|program|strategy|list|framework|period)\b|\bexpired\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?:kế hoạch|chương trình|danh sách|giai đoạn) (?:trước|cũ)(?!\w)|hết hiệu lực"
        r"|đã kết thúc",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"前計画|旧計画|前期計画|前回の計画|(?:期間|計画)は[^。]{0,12}終了"),
}


def bygone(ctx: Context, sentence, until) -> bool:
    """The sentence tells the list of a plan whose period ended before the year of publication
    and says it is gone by (`_BYGONE`)."""
    return expired(ctx, until) and bool(_BYGONE[ctx.language].search(sentence.text))


def heads_box(sentence, later) -> bool:
    """The sentence is a heading line (no full stop) over a fact box's line of partners."""
    return (
        later is not None
        and not re.search(r"[.。!?]\s*$", sentence.text)
        and bool(BOX_LINE.match(later.text))
    )


def period_next(ctx: Context, later, priority):
    if later is None or not _PERIOD_WORD.search(later.text):
        return None
    if priority.search(later.text) or ctx.in_span(later.start, later.end, ("locality",)):
        return None  # a list or places of its own
    return period(ctx, later.start, later.end)


# a line of a bulleted or numbered list: "- Tỉnh Shiga;", "・三重県", "1. Mie Prefecture"
_BULLET = re.compile(r"[ \t]*(?:[-–•・*+]|\d{1,2}[.)．])")
# the lead that introduces such lines: "như sau:", "次の３地域です。", "are as follows"
_LEADS_LINES = re.compile(r"[:：]\s*$|như sau|sau đây|次の|以下の|as follows|the following", re.I)


def following(ctx: Context, sentences, sentence, later) -> list:
    """The sentence after a list's lead, or every sentence of the bulleted or numbered lines
    that lead introduces (up to the first line that is no item)."""
    if not (_BULLET.match(later.text) and _LEADS_LINES.search(sentence.text)):
        return [later]
    end = pos = later.start
    while pos < len(ctx.norm):
        stop = ctx.norm.find("\n", pos)
        stop = len(ctx.norm) if stop < 0 else stop
        if not _BULLET.match(ctx.norm, pos):
            break
        end, pos = stop, stop + 1
    return [part for part in sentences[later.index :] if part.start < end]


# a list given in an annex or a table the sentence refers to: "別表に掲げる２都市", "別紙のとおり",
# "listed in the annex", "the table below", "tại Phụ lục kèm theo"
_ANNEX_REF = {
    "ja": re.compile(r"(?:別表|別紙|下表|次表|以下の表|下記の表)"),
    "en": re.compile(
        r"\b(?:the|an?)\s+(?:table|annex|appendix)\s+(?:below|attached|that follows)\b"
        r"|\b(?:listed|set out|shown|given|named)\s+in\s+(?:the\s+|an\s+)?(?:attached\s+)?"
        r"(?:annex|appendix|table)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"(?<!\w)(?:[Pp]hụ lục|bảng (?:dưới đây|sau đây|kèm theo))(?!\w)"),
}
# the annex's heading line: "別表　…", "Annex: …", "Table 1 …", "Phụ lục …"
_ANNEX_HEAD = re.compile(
    r"[ \t]*(?:別表|別紙|表\s*\d|(?i:annex|appendix|table)\b|(?:PHỤ LỤC|[Pp]hụ lục|[Bb]ảng)(?!\w))"
)
# a row of the annex: a cell separator, a tab or a bullet, or a short line with no full stop
_ROW = re.compile(r"[^\n]*[|｜\t]|[ \t]*(?:[-–•・*+]|\d{1,2}[.)．])")
# what ends the annex: a release's contact line, a source note
_AFTER_ANNEX = re.compile(r"[ \t]*(?:【|[(（]?(?:お)?問(?:い)?合|(?i:contact|source|nguồn)\b)")


def annex_rows(ctx: Context, sentences, sentence) -> list | None:
    """The row sentences of the annex or table the sentence refers to, after its heading line
    (None when the sentence refers to none, or the annex is not in the article)."""
    ref = _ANNEX_REF.get(ctx.language)
    if ref is None or not ref.search(sentence.text):
        return None
    for head in sentences[sentence.index + 1 :]:
        if not _ANNEX_HEAD.match(head.text) or re.search(r"[.。]\s*$", head.text):
            continue
        rows = []
        for part in sentences[head.index + 1 :]:
            line = part.text.strip()
            if _AFTER_ANNEX.match(line) or "\n\n" in ctx.norm[head.end : part.start] and rows:
                break
            if not (_ROW.match(line) or len(line) <= 40 and not re.search(r"[.。]$", line)):
                break
            rows.append(part)
        return rows or None
    return None
