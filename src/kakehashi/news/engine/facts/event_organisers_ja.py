"""The organisers of a Japanese event, as the sentence lists them.

Prefectural press releases list the bodies that hold an event before 主催 or 共催: "県、A協会
及びBの共催により", "県とA協会、B協会が共催した", "A、B、Cの3者が主催する", "主催はAとBで";
"県は、A財団との共催により…" adds the sentence's topic (the prefecture itself, written "県").
With no such word, the topic of a sentence that holds the event is its organiser ("県は7月15日に
…を開き", "AとBは…を開催した"). Each body is kept as written ("県" included); a 後援 (support)
is no organiser. None when the sentence gives no such list, so that the caller falls back on the
organisations it names.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context

# the list ends at 主催/共催: "の共催により", "が主催する", "の3者が主催", "との共催"
_MARKER = re.compile(
    r"(?P<with>との|と)?(?:の|が)?(?:\d+者|\d+団体)?(?:が)?(?:共催|主催)(?!者)"
    r"|(?P<along>と)共同(?:で|して|開催)"  # "県は、神戸市、ジェトロ神戸と共同で"
)
# "主催は埼玉県とさいたま市で", "（主催：石川県）", "主催：富山県、共催：ジェトロ富山": the list
# after the word
_AFTER = re.compile(
    # "３　主催　岡山県、ジェトロ岡山": a line of the particulars
    r"(?:(?:主催|共催)(?:は|[:：]\s*)|(?:^|(?<=[\s\d]))(?:主催|共催)\s+)(?P<list>[^。\n]{1,80}?)"
    r"(?=で、|で。|であ|が|、(?:主催|共催|後援|協力|協賛)|[。）)\n]|$)"
)
# a sentence that tells another event: its own list is its own
_OTHER_EVENT = re.compile(r"「|開催|開か|開き")
# the items of a list: 、 及び および 並びに, and と between two names (not in くまもと)
_SEPARATOR = re.compile(
    r"[、，]|及び|および|並びに|ならびに|(?<=[一-龥ァ-ヴー）)A-Za-z])と(?=[一-龥ァ-ヴーA-Za-zぁ-ん])"
)
# what a body's name ends with, or a place's government written alone (県, 本県, 府, 市)
_BODY = re.compile(
    r"(?:^(?:本|当)?(?:県|府|都|道|市|町|村)$)"
    r"|(?:県|府|都|道|市|町|村|省|庁|局|部|課|会|協会|機構|財団|法人|大学|学校|センター|事務所|"
    r"銀行|航空|社|協議会|連盟|所|公社|組合|基金|大使館|総領事館|クレア|ジェトロ|JETRO|JICA|"
    r"人会|団|委員会|会議)(?:[(（][^)）]{1,20}[)）])?$"
)
# the topic of the sentence, before the first は: "県は、", "神奈川県、横浜市、ジェトロ横浜の3者は"
_TOPIC = re.compile(r"^(?P<t>[^。「」は]{1,60}?)(?:の\d+者)?は[、\s]?")
# what is left before a body once a list item is cut: "同日午後、大使は" … "甲府市内で"
_LEAD = re.compile(r"^.*(?:は|で|には|では|に)(?=[^はでに]{1,40}$)")


def ja_organisers(ctx: Context, sentence, name_start: int, name_end: int) -> list[dict] | None:
    text = sentence.text
    stated = _stated(ctx, sentence)
    if stated:
        return _as_organisers(ctx, stated)
    markers = _MARKER.finditer(text)
    marker = next(
        (m for m in markers if not name_start <= sentence.start + m.start() < name_end), None
    )
    if marker is not None:
        items = _items(ctx, sentence, 0, marker.start(), backwards=True)
        if not items:
            return None
        if marker.group("with") or marker.group("along"):
            # "県は、A財団との共催により": the topic holds it too
            topic = _topic_items(ctx, sentence)
            items = [i for i in topic if i not in items] + items
        return _as_organisers(ctx, _absolute(sentence, items))
    # the topic holds it when the sentence says so: 開催した, 開き ("県は…に出席した": no)
    topic = _topic_items(ctx, sentence) if _HOLDS.search(text) else []
    if topic:
        return _as_organisers(ctx, _absolute(sentence, topic))
    following = ctx.text.sentences[sentence.index + 1 : sentence.index + 5]
    for other in following:  # "…交流会が開かれた。主催は県と金沢市で、…"
        if _OTHER_EVENT.search(other.text):
            break
        stated = _stated(ctx, other)
        if stated:
            return _as_organisers(ctx, stated)
    return None


# the topic holds the event: 開催した, 開き, 開く (not 開かれた)
_HOLDS = re.compile(
    r"開催(?:し|する|します|を)|開(?:き|いた|く|きます)|実施(?:し|する)|行(?:い|った|う)"
)


def _topic_items(ctx: Context, sentence) -> list[tuple[int, int]]:
    m = _TOPIC.match(sentence.text)
    return _items(ctx, sentence, m.start("t"), m.end("t"), backwards=True) if m else []


def _stated(ctx: Context, sentence) -> list[tuple[int, int]]:
    """The bodies after 主催は / 主催： / 共催： in the sentence (offsets in the text)."""
    out = []
    for m in _AFTER.finditer(sentence.text):
        items = _items(ctx, sentence, m.start("list"), m.end("list"))
        out += [span for span in _absolute(sentence, items) if span not in out]
    return out


def _absolute(sentence, items) -> list[tuple[int, int]]:
    return [(sentence.start + a, sentence.start + b) for a, b in items]


def _split(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, start = [], lo
    for sep in _SEPARATOR.finditer(text, lo, hi):
        out.append((start, sep.start()))
        start = sep.end()
    out.append((start, hi))
    return [(a, b) for a, b in out if b > a]


def _items(ctx: Context, sentence, lo: int, hi: int, backwards=False) -> list[tuple[int, int]]:
    """The bodies of the list in the sentence's text[lo:hi]; read from its end when the list
    ends at `hi` (the sentence's opening words before it are no body)."""
    text = sentence.text
    parts = _split(text, lo, hi)
    if backwards:
        parts.reverse()
    out = []
    for a, b in parts:
        item = text[a:b].strip()
        a += len(text[a:b]) - len(text[a:b].lstrip())
        if not _is_body(ctx, sentence.start + a, item) or len(item) > 40 or "を" in item:
            break
        lead = _LEAD.match(item)
        if lead and _is_body(ctx, sentence.start + a + lead.end(), item[lead.end() :]):
            out.append((a + lead.end(), a + len(item)))
            break  # "同日午後、大使はゲアン省教育訓練局": the list began after the topic
        out.append((a, a + len(item)))
    return sorted(out)


def _is_body(ctx: Context, start: int, item: str) -> bool:
    """A body by its name's ending, or one the gazetteer knows (ジェトロ愛媛, JICA)."""
    if _BODY.search(item):
        return True
    return any(m.kind == "organisation" for m in ctx.in_span(start, start + len(item)))


def _as_organisers(ctx: Context, spans) -> list[dict] | None:
    out = []
    for start, end in sorted(spans):
        places = [m for m in ctx.in_span(start, end) if m.kind == "locality"]
        if len(places) >= 2 and places[0].start == start and places[0].level == "prefecture":
            if places[1].start == places[0].end and places[1].level != "prefecture":
                start = places[1].start  # 大阪府堺市: the city, the prefecture its address
        key = next(
            (m.key for m in ctx.in_span(start, end) if m.kind == "organisation" and m.key), None
        )
        out.append({"name": ctx.written(start, end), "slug": None, "key": key})
    return out or None
