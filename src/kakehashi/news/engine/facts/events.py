"""Events: a conference, forum, seminar, festival... held (or about to be) on a day.

A sentence gives an event when it names one ("Hội nghị ...", "「...」", "...フォーラム", "the
... Forum") and says it is held (tổ chức, khai mạc, diễn ra / 開催 / held, organised) or dates
it. The name runs from its head noun to the first comma, "với", "tại", "nhằm"... (or is the
quoted title); its date is the sentence's first date outside the name. Organisers are
event_organisers' (the bodies before the verb or after "do"/"by"/主催, the 主催/共催 lists of
event_organisers_ja). Sectors are the sector concepts of the sentence and the two after it; the
one-to-one meetings are event_meetings'. Events of the same name are merged.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.event_checks import (
    date_after_name,
    day_told_before,
    named_in_passing,
    not_an_event,
)
from kakehashi.news.engine.facts.event_meetings import give_meetings, meetings_in
from kakehashi.news.engine.facts.event_organisers import (
    ATTENDED,
    VI_VERB,
    named_by,
    organisers_of,
)
from kakehashi.news.engine.facts.statements import PROPOSAL

_VI_HEAD = (
    r"(?:Hội nghị|Hội thảo|Diễn đàn|Lễ hội|Triển lãm|Hội chợ|Tọa đàm|Toạ đàm|Ngày hội|Festival|"
    r"Lễ kỷ niệm|Chương trình giao lưu|Chương trình kết nối|Chương trình xúc tiến|Lễ ký kết|"
    r"Tuần lễ|Ngày Nhật Bản|Ngày Việt Nam|Liên hoan|Tuần Văn hóa|Tuần Văn hoá)"
)
# "tổ chức hội nghị gặp gỡ các nhà đầu tư Nhật Bản với ...": an event held, named by what it
# is about (no capital needed after a verb of holding), up to "với", "tại", a comma...
_VI_HELD = (
    r"(?:(?<=tổ chức )|(?<=đăng cai )|(?<=khai mạc )|(?<=chủ trì )|(?<=phối hợp tổ chức )|"
    r"(?<=diễn ra )|(?<=tham dự )|(?<=dự )|(?<=tham gia ))"
    r"(?P<v>(?:buổi )?(?:hội nghị|hội thảo|diễn đàn|tọa đàm|toạ đàm|hội chợ|triển lãm|lễ hội|"
    r"ngày hội|lễ kỷ niệm|"
    r"chương trình giao lưu|chương trình xúc tiến|chương trình kết nối|buổi giao lưu|"
    r"buổi gặp gỡ|buổi kết nối|chương trình giới thiệu|buổi giới thiệu|chương trình quảng bá)"
    r"(?: (?!(?:tại|ở|với|vào (?:ngày|sáng|chiều|tối|tháng|năm|dịp|lúc|cuối|đầu|\d)|do|"
    r"đã|sẽ|được|trong|cho|nhằm|diễn ra|từ|sáng|chiều|ngày|nhân|có|theo)\b)"
    # a word, a number ("lễ kỷ niệm 10 năm"), or the dash between two names ("An Giang – Okinawa")
    r"(?:[^\W\d_][\w-]*|\d+(?![\d/.])|[–-](?= [^\W\d_])))"
    r"{1,14})"
)
# a lower-case head before a quoted title: tọa đàm “Kết nối …”, chương trình “Ngày hội …”
_VI_HEAD_LOWER = (
    r"(?:hội nghị|hội thảo|diễn đàn|lễ hội|triển lãm|hội chợ|tọa đàm|toạ đàm|ngày hội|"
    r"chương trình|buổi giao lưu|lễ kỷ niệm|tuần lễ)"
)
# "hội thảo về chuyển đổi số trong ngành dệt may do Sở ... tổ chức", "sự kiện xúc tiến du lịch
# ... được tổ chức tại ...": a lower-case head and its topic, then said to be held
_VI_HELD_BEFORE = (
    r"(?<![\w])(?<!các )(?<!những )(?<!nhiều )(?P<p>(?:buổi )?(?:hội nghị|hội thảo|diễn đàn|"
    r"tọa đàm|toạ đàm|hội chợ|triển lãm|lễ hội|ngày hội|sự kiện|Sự kiện|chương trình|tuần lễ)"
    r"(?: (?!(?:đã|sẽ|được|do|diễn ra|tại|ở|vào)\b)(?:[^\W\d_][\w-]*|[–-](?= [^\W\d_]))){1,16})"
    r"(?=\s+(?:đã\s+|sẽ\s+)?(?:chính thức\s+)?(?:được tổ chức|diễn ra|khai mạc)(?!\w)"
    r"|\s+do\s[^.;]{3,120}?(?:phối hợp |đồng |cùng )?tổ chức(?!\w))"
)
VI_NAME = re.compile(
    _VI_HELD_BEFORE + r"|"
    # Hội thảo “Nguồn nhân lực …”: the head and its quoted title are the name
    r"(?P<t>(?:"
    + _VI_HEAD
    + "|"
    + _VI_HEAD_LOWER
    + r")\s+[“\"][^”\"]{4,120}[”\"])|"
    + _VI_HELD
    + "|"
    # "hội chợ thương mại Setouchi": a lower-case head named by a proper noun
    r"(?<!một )(?<!các )(?<!những )(?<!nhiều )(?<!Một )(?P<l>(?:hội nghị|hội thảo|hội chợ|"
    r"lễ hội|diễn đàn|triển lãm|ngày hội|tuần lễ|tọa đàm|toạ đàm|chương trình giao lưu|"
    r"chương trình xúc tiến|chương trình kết nối|buổi giao lưu)"
    r"(?: (?!(?:tại|ở|với|vào|do|của|đã|sẽ|được|và|trong|cho|nhằm|diễn ra)\b)"
    r"(?:[^\W\d_][\w-]*|[–-](?= [^\W\d_]))){1,8})"
    r"|(?:[“\"](?P<q>[^”\"]{4,120})[”\"])|(?P<n>"
    + _VI_HEAD
    + r"(?:[^,.;:()“”\"\n](?!\s(?:với|tại|nhằm|do|diễn ra|có sự|thu hút|đã|sẽ|được|và|"
    r"cùng|từ ngày|trong hai|trong ngày|ngày|chính thức|tổ chức)\s"
    # "vào ngày 8/11" ends the name, "vào ngành năng lượng" does not
    r"|\svào\s(?:ngày|sáng|chiều|tối|trưa|tháng|năm|dịp|lúc|cuối|đầu|hôm|\d))"
    r")*[^,.;:()“”\"\n\s])"
)
JA_NAME = re.compile(
    r"(?P<t>$^)|(?P<v>$^)|(?P<l>$^)|(?P<p>$^)|「(?P<q>[^」]{2,80})」"
    r"|(?P<n>[^、。「」\s はがをにでと]{0,30}(?:会議(?![所場室])|フォーラム|セミナー|"
    r"ウェビナー|祭り|まつり|フェスティバル|フェスタ|フェア|見本市|交流会|商談会|説明会|展示会|博覧会|式典|シンポジウム|サミット|"
    r"ウィーク|懇談会|研修会|大会|ビジネスマッチング|イベント|物産展|講演会|報告会|発表会|"
    r"レセプション|の夕べ|の集い|のつどい)(?:\s?(?:19|20)\d\d(?!年))?)"
)
JA_VERB = re.compile(r"開催|開か|開き|開く|開い|開幕|主催|共催|行われ|実施|催さ|催す")
_EN_DAY = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|\d"
)
# "co-hosted a seminar on agricultural investment in ...", "will host an HCM City investment
# promotion conference on March 18", "at a conference on cooperation between A and B, hosted
# by ...": a lower-case head after a verb of holding (or "at a"), with what it is about.
_EN_HELD = (
    r"(?:(?<=\bheld )|(?<=\bhosted )|(?<=\bhost )|(?<=\bhold )|(?<=\borganised )|"
    r"(?<=\borganized )|(?<=\bstage )|(?<=\bstaged )|(?<=\bat )|(?<=\bconvened )|"
    r"(?<=\bduring )|(?<=\bopened )|"
    r"(?<=\bfor )|(?<=\battended )|(?<=\bjoined )|(?<=\bco-hosted )|(?<=\bco-organised )|"
    r"(?<=\bco-organized ))(?:a|an|the(?=\s+[A-Z]))\s+"
    r"(?P<v>(?:[\w.'’–-]+\s+){0,5}?(?:conference|forum|seminar|workshop|symposium|webinar|"
    r"trade fair|fair|exhibition|festival|dialogue|roadshow|networking reception|"
    r"business matching(?: event| day)?|"
    r"matchmaking event|investment promotion event)"
    r"(?:\s+(?:on|about|for|of|between)(?!\s+(?:" + _EN_DAY + r")\b)"
    r"(?:\s+(?!(?:in|at|with|which|that|hosted|held|organi[sz]ed|"
    r"co-organi[sz]ed|co-hosted|on|to|from|attended|drawing|where|last|next|this)\b)"
    r"[\w.'’-]+){1,8})?)(?![\w-])"
)
# "A webinar on food exports took place on ...", "a networking reception ... was held": a
# lower-case head with what it is about, then a verb of holding.
_EN_HELD_AFTER = (
    r"(?:(?<=\bA )|(?<=\ba )|(?<=\bAn )|(?<=\ban ))"
    r"(?P<l>(?:[\w.'’-]+\s+){0,4}?(?:conference|forum|seminar|workshop|symposium|webinar|"
    r"trade fair|fair|exhibition|festival|roadshow|networking reception|business matching"
    r"(?: event| day)?)(?:\s+(?:on|about|for|of|between)(?:\s+(?!(?:in|at|with|was|were|"
    r"took|will|is|on|attended|hosted|held|organi[sz]ed|co-organi[sz]ed)\b)[\w.'’-]+){1,8})?)"
    r"(?=(?:\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?(?:\s+(?:was held|were held|"
    r"will be held|is held|took place|takes place|will take place|opened|kicked off)|,?\s+"
    r"(?:was |will be )?(?:hosted|organi[sz]ed|co-organi[sz]ed|co-hosted|held) by))"
)
EN_NAME = re.compile(
    r"(?P<t>$^)|(?P<p>$^)|"
    + _EN_HELD
    + r"|"
    + _EN_HELD_AFTER
    + r"|(?:[“\"](?P<q>[^”\"]{4,120})[”\"])"
    # "Quang Nam–Shizuoka Business Matching Day": names joined by a dash are one word
    r"|(?P<n>(?:(?:the\s+)?(?:[A-Z0-9][\w'’&–-]*|of|and|for|the|on|in|-|–)\s+)*?"
    r"(?:[A-Z][\w'’–-]*\s+)(?:Conference|Forum|Seminar|Festival|Workshop|Symposium|Exhibition|Fair|"
    r"Expo|Summit|Dialogue|Week|Days?|Meeting|Business Matching(?: Day| Event)?|Roadshow|"
    r"Friendship Exchange|Cultural Exchange|Exchange Programm?e?|Showcase)"
    r"(?:\s+(?:\d{4}|on\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*))?)"
)
EN_VERB = re.compile(
    r"\b(?:held|hosted|organised|organized|co-organised|co-organized|opened|took place|"
    r"kicked off|launched|will hold|to hold|convened|take place|takes place|host|hosts|"
    r"hosting|to be held|opens|will open|drew|attracted|stage|staged|stages)\b"
)
QUOTED_EVENT = {
    # a title that opens with what it is: not a quoted remark that speaks of a forum
    "vi": re.compile(r"^" + _VI_HEAD),
    # a title that ends with what it is (and perhaps "in ホーチミン", a year, a number):
    # 「みえ国際展開戦略」 is a strategy, not an exhibition (展)
    "ja": re.compile(
        r"(?:会議|会|祭|祭り|フォーラム|セミナー|ウェビナー|フェスティバル|フェア|まつり|式典|展|博|ツアー|"
        r"フェスタ|フェス|エキスポ|EXPO|Expo|"
        r"ウィーク|サミット|シンポジウム|デー|の日|マッチング|ミッション|夕べ|集い|つどい)"
        r"(?:\s*(?:in|IN|@|＠)\s*\S+|\s*(?:19|20)\d\d(?:年度?)?|\s*第?\d+回?|\s*[(（][^)）]*[)）])?$"
    ),
    "en": re.compile(r"Forum|Conference|Festival|Seminar|Fair|Week|Expo|Summit|Day|Symposium"),
}
BACK_REFERENCE = re.compile(
    r"^\S+(?:\s+\S+)?\s+(?:năm nay|lần này|này|nói trên|trên|đó)$|^同|^本(?:会議|フォーラム)"
)
VERBS = {"vi": VI_VERB, "ja": JA_VERB, "en": EN_VERB}
NAMES = {"vi": VI_NAME, "ja": JA_NAME, "en": EN_NAME}


def find_events(ctx: Context) -> list[dict]:
    verb_re, name_re = VERBS[ctx.language], NAMES[ctx.language]
    events: list[tuple[str, dict]] = []
    tellings: list[list] = []  # [where the sentence starts, the event it tells]
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
        venues = [v.span() for v in _VENUE.get(ctx.language, _NO_VENUE).finditer(text)]
        for m in name_re.finditer(text):
            if any(a <= m.start() < b for a, b in venues):
                continue  # "tại Trung tâm Hội chợ triển lãm tỉnh": a place, not an event
            if m.group("q") and not QUOTED_EVENT[ctx.language].search(m.group("q")):
                continue
            if m.group("n") and BACK_REFERENCE.search(m.group("n")):
                continue  # "Hội nghị năm nay": the conference named before
            if m.group("l") and ctx.language == "vi" and not _proper_tail(m.group("l")):
                if not _VI_HELD_AFTER.match(text, m.end("l")):
                    continue  # "hội nghị đã ...": no name, unless held ("… đã được tổ chức")
            name_m = m
            break
        if name_m is None:
            continue
        group = next(g for g in ("t", "v", "p", "l", "q", "n") if name_m.group(g))
        name = re.sub(r"^(?:[Tt]he|buổi)\s+", "", name_m.group(group)).strip()
        if group == "n" and ctx.language == "ja":  # "…による個別商談会": not the particle's tail
            name = re.sub(r"^(?:よる|おける|関する|向けた|対する|の)", "", name)
            # a relative clause before it: 開催された商談会, 受け入れる企業向けのセミナー
            name = re.sub(
                r"^[^ ]*?(?:され[るた]|かれ[るた]|われ[るた]|入れる|した|する)(?=[^ ]{2,})",
                "",
                name,
            )
        name_end = sentence.start + name_m.end(group)
        name_start = name_end - len(name)
        trim = (group == "l" and ctx.language == "vi") or (
            group == "v" and ctx.language == "vi" and _proper_tail(name)
        )
        if trim:  # up to its last capitalised word ("lễ hội văn hóa Gifu lần đầu tiên")
            words = name.split(" ")
            last = max(i for i, word in enumerate(words) if word[:1].isupper())
            name = " ".join(words[: last + 1])
            name_end = name_start + len(name)
        between = _VI_AND_PARTY.match(ctx.norm, name_end) if ctx.language == "vi" else None
        if between and re.search(r"(?<!\w)giữa(?!\w)", name) and " và " not in name:
            name += between.group()  # "… giữa tỉnh Gia Lai và tỉnh Nagano": both sides
            name_end = between.end()
        at_year = _VI_AT_YEAR.match(ctx.norm, name_end) if group == "n" else None
        if at_year and ctx.language == "vi":
            name += at_year.group()  # "Lễ hội Việt Nam tại Kanagawa 2026": one name
            name_end = at_year.end()
        if not_an_event(ctx, sentence, name, name_start, name_end):
            continue  # a programme over a period, a yearly festival, a visit, an idea
        if named_in_passing(ctx, sentence, name_start, name_end):
            continue  # "trao đổi về Lễ hội …", "mời … sang dự …": no day of its own
        organisers = organisers_of(ctx, sentence, verb, name_start, name_end)
        if ATTENDED[ctx.language].search(ctx.norm, max(0, name_start - 12), name_start):
            organisers = [o for o in organisers if named_by(ctx, sentence, o)]
        sectors = _sectors(ctx, sentence)
        date = date_after_name(ctx, sentence, name_start, name_end) or _event_date(
            ctx, sentence, name_start, name_end
        )
        fields = {
            "name": ctx.written(name_start, name_start + len(name)),
            "date": date,
            "organisers": organisers,
            "sectors": sectors,
            "one_to_one_meetings": None,
        }
        filled = (bool(date) + bool(organisers) + bool(verb)) / 3
        if _SESSION.search(name) and _part_of_last(events, sentence, ctx):
            continue  # セミナー後の個別商談会, 初日には…個別商談会も開かれ: the event's session
        key = _key(name)
        fact = ctx.fact("event", sentence, fields, filled)
        for i, (known_key, known) in enumerate(events):
            if key in known_key or known_key in key:
                # one event told twice (a headline, then the lead): the telling that dates it
                # (else the longer name) speaks for it, the other fills its gaps
                if (fact["date"] and not known["date"]) or (
                    bool(fact["date"]) == bool(known["date"]) and len(key) > len(known_key)
                ):
                    known, fact = fact, known
                    events[i] = (_key(known["name"]), known)
                    for telling in tellings:
                        if telling[1] is fact:
                            telling[1] = known
                for field in fields:
                    if not known[field] and fact[field]:
                        known[field] = fact[field]
                tellings.append([sentence.start, known])
                break
        else:
            events.append((key, fact))
            tellings.append([sentence.start, fact])
    give_meetings(tellings, meetings_in(ctx))
    _dates_from_labels(ctx, tellings)
    # an event the article gives no day for is no registry suggestion (the desk cannot create
    # an event without a date; the labelled set does not label one): not reported
    return [fact for _key_, fact in events if fact["date"]]


# a press release's particulars: "１　日時　令和8年12月10日（木）", "Thời gian: 8h ngày 10/12"
_DATE_LABEL = {
    "vi": re.compile(r"(?:Thời gian|Ngày tổ chức)\s*[:：]\s*"),
    "ja": re.compile(r"(?:日時|開催日時|開催日|日程|期日|会期)\s*[:：]?\s*"),
    "en": re.compile(r"(?:Date|When)\s*:\s*"),
}


def _dates_from_labels(ctx: Context, tellings: list[list]) -> None:
    """An event told without a day takes the day of the particulars (日時) that follow it."""
    for label in _DATE_LABEL[ctx.language].finditer(ctx.norm):
        date = next((d for d in ctx.dates if d.start == label.end() and d.kind == "date"), None)
        before = [fact for start, fact in tellings if start < label.start()]
        if date is not None and before and not before[-1]["date"]:
            before[-1]["date"] = date.value


# "… tại Kanagawa 2026": a place and a year that belong to the name
_VI_AT_YEAR = re.compile(r" tại [A-ZĐ][\w-]*(?: [A-ZĐ][\w-]*)* (?:năm )?(?:19|20)\d\d(?!\d)")

# the second side of "giữa A và B" (the name stops at "và" otherwise)
_VI_AND_PARTY = re.compile(
    r" và (?:(?:tỉnh|thành phố|TP\.?|Thành phố|doanh nghiệp) )?[A-ZĐ][\w-]*(?: [A-ZĐ][\w-]*)*"
)

# venues named after what they hold: Trung tâm Hội chợ triển lãm ..., Cung Văn hóa Hữu nghị,
# the Hanoi International Exhibition Center
_VENUE = {
    "vi": re.compile(
        r"(?:Trung tâm|Cung|Nhà) (?:Hội chợ|Hội nghị|Triển lãm|Văn hóa|Văn hoá)[^,.;()]*"
    ),
    "en": re.compile(
        r"(?:[A-Z][\w'’-]* )*(?:Exhibition|Convention|Conference|Expo|Trade Fair|Fair|Festival)"
        r"(?: and (?:Convention|Exhibition|Conference))? (?:Centre|Center|Hall|Complex|Palace)\b"
    ),
}
_NO_VENUE = re.compile(r"$^")


def _event_date(ctx: Context, sentence, name_start: int, name_end: int) -> str | None:
    """The sentence's first date outside the name ("Hội nghị … năm 2026 được tổ chức vào ngày
    8/11": 8 November), else the sentence's date."""
    own = ctx.dates_in(sentence.start, sentence.end, ("date", "month", "year"))
    outside = [d for d in own if not name_start <= d.start < name_end]
    if outside:
        return outside[0].value
    if own:  # only the name's year ("… năm 2026"): the day told before, when in that year
        return day_told_before(ctx, sentence, own[0].value) or own[0].value
    return ctx.date_for(sentence)


# "tọa đàm kết nối doanh nghiệp đã được tổ chức tại ...": the event held, its name before
_VI_HELD_AFTER = re.compile(r"\s+(?:đã\s+|sẽ\s+)?(?:được tổ chức|diễn ra|khai mạc)(?!\w)")


# the one-to-one meetings of an event, held as a session of it
_SESSION = re.compile(
    r"(?:^|の)(?:個別)?(?:商談会|面談会)$|^(?:one-on-one|one-to-one|B2B|business[- ]matching) "
    r"(?:session|meetings?)$"
)


def _part_of_last(events, sentence, ctx: Context) -> bool:
    """A session told in the sentence of a dated event, or in the next one without a day of
    its own, is a part of that event."""
    if not events:
        return False
    last = events[-1][1]
    at = ctx.text.sentence_at(_norm_start(ctx, last))
    if not last["date"] or at is None or _SESSION.search(last["name"]):
        return False
    if at.index == sentence.index:
        return True
    own = ctx.dates_in(sentence.start, sentence.end)
    return at.index == sentence.index - 1 and not own


def _norm_start(ctx: Context, fact) -> int:
    start = fact["span"][0]
    return next(s.start for s in ctx.text.sentences if ctx.text.span(s.start, s.end)[0] == start)


def _proper_tail(name: str) -> bool:
    """A lower-case head names an event only when a capitalised word follows it."""
    return any(word[:1].isupper() for word in name.split()[2:])


def _key(name: str) -> str:
    return re.sub(r"\W+", " ", name.lower()).strip()[:40]


def _sectors(ctx: Context, sentence) -> list[str]:
    following = ctx.text.sentences[sentence.index : sentence.index + 3]
    lo, hi = following[0].start, following[-1].end
    out: list[str] = []
    for start, _end, key in ctx.sectors:
        if lo <= start < hi and key not in out:
            out.append(key)
    return out
