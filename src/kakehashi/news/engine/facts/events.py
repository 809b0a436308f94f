"""Events: a conference, forum, seminar, festival... held (or about to be) on a day.

A sentence gives an event when it names one ("Hội nghị ...", "「...」", "...フォーラム", "the
... Forum") and says it is held (tổ chức, khai mạc, diễn ra / 開催 / held, organised) or dates
it. The name runs from its head noun to the first comma, "với", "tại", "nhằm"... (or is the
quoted title). Organisers are the organisations (else places) of the sentence outside the name,
before the verb or after "do"/"by"/"主催". Sectors are the sector concepts of the sentence and
the two after it; the number of one-to-one meetings is the first "40 cuộc gặp song phương" /
"40件の個別面談" / "40 one-on-one meetings" of the article. Events of the same name are merged.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER, Context, number
from kakehashi.news.engine.facts.statements import PROPOSAL

_VI_HEAD = (
    r"(?:Hội nghị|Hội thảo|Diễn đàn|Lễ hội|Triển lãm|Hội chợ|Tọa đàm|Toạ đàm|Ngày hội|Festival|"
    r"Lễ kỷ niệm|Chương trình giao lưu|Lễ ký kết|Tuần lễ|Ngày Nhật Bản|Ngày Việt Nam)"
)
VI_NAME = re.compile(
    # Hội thảo “Nguồn nhân lực …”: the head and its quoted title are the name
    r"(?P<t>" + _VI_HEAD + r"\s+[“\"][^”\"]{4,120}[”\"])"
    # "hội chợ thương mại Setouchi": a lower-case head named by a proper noun
    r"|(?<!một )(?<!các )(?<!những )(?<!nhiều )(?<!Một )(?P<l>(?:hội nghị|hội thảo|hội chợ|"
    r"lễ hội|diễn đàn|triển lãm|ngày hội|tuần lễ)"
    r"(?: (?!(?:tại|ở|với|vào|do|của|đã|sẽ|được|và|trong|cho|nhằm|diễn ra)\b)[^\W\d_][\w-]*){1,6})"
    r"|(?:[“\"](?P<q>[^”\"]{4,120})[”\"])|(?P<n>"
    + _VI_HEAD
    + r"(?:[^,.;:()“”\"\n](?!\s(?:với|tại|nhằm|vào|do|diễn ra|có sự|thu hút|đã|sẽ|được|và|"
    r"cùng|từ ngày|trong hai|trong ngày|ngày)\s))*[^,.;:()“”\"\n\s])"
)
VI_VERB = re.compile(r"tổ chức|khai mạc|diễn ra|đăng cai|chủ trì|khai trương|bế mạc")
JA_NAME = re.compile(
    r"(?P<t>$^)|(?P<l>$^)|「(?P<q>[^」]{2,80})」"
    r"|(?P<n>[^、。「」\s はがをにでと]{0,30}(?:会議|フォーラム|セミナー|祭り|まつり|"
    r"フェスティバル|フェア|見本市|交流会|商談会|説明会|展示会|博覧会|式典|シンポジウム|サミット|"
    r"ウィーク|懇談会|研修会|大会)(?:\s?(?:19|20)\d\d(?!年))?)"
)
JA_VERB = re.compile(r"開催|開か|開き|開く|開い|開幕|主催|共催|行われ|実施|催さ|催す")
EN_NAME = re.compile(
    r"(?P<t>$^)|(?P<l>$^)|(?:[“\"](?P<q>[^”\"]{4,120})[”\"])|(?P<n>(?:(?:the\s+)?(?:[A-Z0-9][\w'’&-]*|of|and|for|the|on|in|-|–)\s+)*?"
    r"(?:[A-Z][\w'’-]*\s+)(?:Conference|Forum|Seminar|Festival|Workshop|Symposium|Exhibition|Fair|"
    r"Expo|Summit|Dialogue|Week|Days?|Meeting|Business Matching|Roadshow)"
    r"(?:\s+(?:\d{4}|on\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*))?)"
)
EN_VERB = re.compile(
    r"\b(?:held|hosted|organised|organized|co-organised|co-organized|opened|took place|"
    r"kicked off|launched|will hold|to hold|convened|take place|takes place|host|hosts|"
    r"hosting|to be held|opens|will open|drew|attracted)\b"
)
QUOTED_EVENT = {
    "vi": re.compile(_VI_HEAD),
    "ja": re.compile(
        r"会議|会|祭|フォーラム|セミナー|フェスティバル|フェア|まつり|式典|展|博|ウィーク|サミット|"
        r"シンポジウム|デー|の日"
    ),
    "en": re.compile(r"Forum|Conference|Festival|Seminar|Fair|Week|Expo|Summit|Day|Symposium"),
}
BACK_REFERENCE = re.compile(
    r"^\S+(?:\s+\S+)?\s+(?:năm nay|lần này|này|nói trên|trên|đó)$|^同|^本(?:会議|フォーラム)"
)
VERBS = {"vi": VI_VERB, "ja": JA_VERB, "en": EN_VERB}
NAMES = {"vi": VI_NAME, "ja": JA_NAME, "en": EN_NAME}
_BY = {
    "vi": re.compile(r"\bdo\b"),
    "ja": re.compile(r"が主催|主催|が共催|共催"),
    "en": re.compile(r"\b(?:organi[sz]ed by|hosted by|co-organi[sz]ed by|held by|by)\b"),
}
MEETINGS = {
    "vi": re.compile(
        r"(\d+)\s+(?:cuộc gặp|buổi gặp|buổi làm việc|cuộc làm việc|cuộc tiếp xúc|phiên gặp|"
        r"cuộc kết nối|buổi kết nối)"
    ),
    "ja": re.compile(r"(\d+)\s*(?:件|回|組)の?(?:個別)?(?:面談|商談|会談|ミーティング|マッチング)"),
    "en": re.compile(
        NUMBER + r"\s+(?:one-on-one|one-to-one|bilateral|B2B|business|working|individual|"
        r"business-matching)\s*(?:meetings|talks|sessions)",
        re.IGNORECASE,
    ),
}


def _meetings(ctx: Context) -> int | None:
    m = MEETINGS[ctx.language].search(ctx.norm)
    return number(m.group(1)) if m else None


def find_events(ctx: Context) -> list[dict]:
    verb_re, name_re = VERBS[ctx.language], NAMES[ctx.language]
    events: list[tuple[str, dict]] = []
    meetings = _meetings(ctx)
    for sentence in ctx.text.sentences:
        text = sentence.text
        verbs = list(verb_re.finditer(text))
        # the last verb before the name: "X phối hợp với Y tổ chức Hội nghị ..."
        verb = next((v for v in reversed(verbs) if name_re.search(text, v.end())), None)
        verb = verb or (verbs[0] if verbs else None)
        own_date = ctx.dates_in(sentence.start, sentence.end)
        if not verb and not own_date:
            continue
        if PROPOSAL[ctx.language].search(text):
            continue  # "đề xuất luân phiên tổ chức lễ hội": an idea, not an event
        name_m = None
        for m in name_re.finditer(text):
            if m.group("q") and not QUOTED_EVENT[ctx.language].search(m.group("q")):
                continue
            if m.group("n") and BACK_REFERENCE.search(m.group("n")):
                continue  # "Hội nghị năm nay": the conference named before
            if m.group("l") and not _proper_tail(m.group("l")):
                continue  # "hội nghị đã ...": no name
            name_m = m
            break
        if name_m is None:
            continue
        group = next(g for g in ("t", "l", "q", "n") if name_m.group(g))
        name = re.sub(r"^[Tt]he\s+", "", name_m.group(group)).strip()
        name_end = sentence.start + name_m.end(group)
        name_start = name_end - len(name)
        if group == "l":  # up to its last capitalised word
            words = name.split(" ")
            last = max(i for i, word in enumerate(words) if word[:1].isupper())
            name = " ".join(words[: last + 1])
            name_end = name_start + len(name)
        organisers = _organisers(ctx, sentence, verb, name_start, name_end)
        sectors = _sectors(ctx, sentence)
        date = ctx.date_for(sentence)
        fields = {
            "name": ctx.written(name_start, name_start + len(name)),
            "date": date,
            "organisers": [ctx.organisation(m) for m in organisers],
            "sectors": sectors,
            "one_to_one_meetings": meetings,
        }
        filled = (bool(date) + bool(organisers) + bool(verb)) / 3
        key = _key(name)
        for known_key, known in events:
            if known_key.startswith(key) or key.startswith(known_key):
                for field, value in fields.items():
                    if not known[field] and value:
                        known[field] = value
                break
        else:
            events.append((key, ctx.fact("event", sentence, fields, filled)))
    return [fact for _key_, fact in events]


def _proper_tail(name: str) -> bool:
    """A lower-case head names an event only when a capitalised word follows it."""
    return any(word[:1].isupper() for word in name.split()[2:])


def _key(name: str) -> str:
    return re.sub(r"\W+", " ", name.lower()).strip()[:40]


def _organisers(ctx: Context, sentence, verb, name_start: int, name_end: int):
    text = sentence.text
    by = _BY[ctx.language].search(text)
    if ctx.language == "ja" and by:
        lo, hi = sentence.start, sentence.start + by.start()
    elif by and (not verb or by.start() < verb.start() or ctx.language == "en"):
        hi = sentence.start + (verb.start() if verb and verb.start() > by.end() else len(text))
        lo = sentence.start + by.end()
    else:
        lo, hi = sentence.start, sentence.start + (verb.start() if verb else len(text))
    found = [
        m for m in ctx.in_span(lo, hi, ("organisation",)) if not (name_start <= m.start < name_end)
    ]
    if not found:
        found = [
            m
            for m in ctx.in_span(lo, hi, ("locality",))
            if not (name_start <= m.start < name_end) and m.slug
        ]
    seen, out = set(), []
    for m in found:
        if any(
            o.start <= m.start < o.end for o in found if o is not m and o.kind == "organisation"
        ):
            continue  # a place inside a body
        if (m.key, m.slug, m.text) not in seen:
            seen.add((m.key, m.slug, m.text))
            out.append(m)
    return out


def _sectors(ctx: Context, sentence) -> list[str]:
    following = ctx.text.sentences[sentence.index : sentence.index + 3]
    lo, hi = following[0].start, following[-1].end
    out: list[str] = []
    for start, _end, key in ctx.sectors:
        if lo <= start < hi and key not in out:
            out.append(key)
    return out
