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
from kakehashi.news.engine.facts.event_bare import bare_day_after
from kakehashi.news.engine.facts.event_checks import (
    agreed_without_day,
    ahead_of,
    date_after_name,
    day_told_before,
    named_in_passing,
    not_an_event,
    programme_carried_out,
)
from kakehashi.news.engine.facts.event_editions import edition_date, other_edition, told_at
from kakehashi.news.engine.facts.event_meetings import give_meetings, meetings_in
from kakehashi.news.engine.facts.event_names import (
    BACK_REFERENCE,
    NAMES,
    NAMING,
    QUOTED_EVENT,
    VERBS,
)
from kakehashi.news.engine.facts.event_organisers import (
    ATTENDED,
    named_by,
    organisers_of,
)
from kakehashi.news.engine.facts.event_particulars import dates_from_labels, organisers_from_labels
from kakehashi.news.engine.facts.event_several import (
    more_events,
    renames_last,
    sentence_start,
)
from kakehashi.news.engine.facts.statements import PROPOSAL


def find_events(ctx: Context) -> list[dict]:
    verb_re, name_re = VERBS[ctx.language], NAMES[ctx.language]
    events: list[tuple[str, dict]] = []
    tellings: list[list] = []  # [where the sentence starts, the event it tells]
    own_dated: list[dict] = []  # the facts dated in their own sentence
    for sentence in ctx.text.sentences:
        text = sentence.text
        verbs = list(verb_re.finditer(text))
        # the last verb before the name: "X phối hợp với Y tổ chức Hội nghị ..."
        verb = next((v for v in reversed(verbs) if name_re.search(text, v.end())), None)
        verb = verb or (verbs[0] if verbs else None)
        own_date = ctx.dates_in(sentence.start, sentence.end) or _opening_year(ctx, sentence)
        if PROPOSAL[ctx.language].search(text):
            continue  # "đề xuất luân phiên tổ chức lễ hội": an idea, not an event
        venues = [v.span() for v in _VENUE.get(ctx.language, _NO_VENUE).finditer(text)]
        names = [
            m
            for m in (_title_of_remark(ctx, name_re, text, m) for m in name_re.finditer(text))
            if m is not None and _may_name(ctx, text, m, venues)
        ]
        while len(names) > 1 and programme_carried_out(ctx, sentence.start + names[0].start()):
            names.pop(0)  # "Thực hiện Chương trình …, Sở tổ chức Hội chợ …": the fair
        if not names:
            continue
        # "…dự Diễn đàn X. Sáng 26/11, diễn đàn … đã diễn ra": its day told by its bare head
        told_later = not own_date and bare_day_after(ctx, sentence, names[0].group())
        if not verb and not own_date and not told_later:
            continue
        for name_m, day in [(names[0], None), *more_events(ctx, sentence, names)]:
            group = next(g for g in ("e", "t", "v", "p", "l", "q", "n") if name_m.group(g))
            name = re.sub(r"^(?:[Tt]he|buổi)\s+", "", name_m.group(group)).strip()
            if ctx.language == "en":  # "edition of the … Festival", "…, and the … Conference"
                name = re.sub(r"^(?:(?:of|and|for|on|in|to)\s+)+(?:the\s+)?", "", name)
                # "On May 12 the Vietnam Expo opened": the day is no part of the name
                name = re.sub(
                    r"^(?:(?:On|In)\s+[A-Z][a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+the\s+"
                    r"|^(?:On|In)\s+[A-Z][a-z]+\.?\s+\d{1,2}\w{0,2},?\s+",
                    "",
                    name,
                )
            if group == "n" and ctx.language == "ja":  # "…による個別商談会": not its particle
                name = re.sub(r"^(?:よる|おける|関する|向けた|対する|の|おり)", "", name)
                # 昨年11月の第1回交流祭: the day it was held is no part of its name
                name = re.sub(
                    r"^(?:(?:昨年|今年|来年|本年|\d{4}年|令和\d+年)?\d{1,2}月(?:\d{1,2}日)?|昨年|今年|来年)"
                    r"(?:に開かれた|に開催された)?の?(?=[^ ]{2,})",
                    "",
                    name,
                )
                # 下記のとおりセミナーを開催します
                name = re.sub(r"^[^ ]*?(?:とおり|通り)(?=[^ ]{2,})", "", name)
                # a relative clause before it: 開催された商談会, 受け入れる企業向けのセミナー
                name = re.sub(
                    r"^[^ ]*?(?:され[るた]|かれ[るた]|われ[るた]|入れる|した|する)(?=[^ ]{2,})",
                    "",
                    name,
                )
            name_end = sentence.start + name_m.end(group)
            name_start = name_end - len(name)
            if re.search(r"[a-z]\.$", name):  # "a symposium on … nurses."
                name, name_end = name[:-1], name_end - 1
            trim = (group == "l" and ctx.language == "vi") or (
                group == "v" and ctx.language == "vi" and _proper_tail(name)
            )
            trim = trim and not name.endswith(("”", '"'))  # its quoted title: all of it
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
            edition = _edition_day(ctx, sentence, name_start, name_end) if group == "e" else None
            if group == "e" and not edition:
                continue  # "lần tổ chức trước" with no day told: nothing to date it by
            if not edition and named_in_passing(ctx, sentence, name_start, name_end):
                continue  # "trao đổi về Lễ hội …", "mời … sang dự …": no day of its own
            organisers = organisers_of(ctx, sentence, verb, name_start, name_end)
            if ATTENDED[ctx.language].search(ctx.norm, max(0, name_start - 12), name_start):
                organisers = [o for o in organisers if named_by(ctx, sentence, o)]
            sectors = _sectors(ctx, sentence)
            if group == "p" and ctx.language == "en":  # "the first … Forum in October 2025"
                if _GENERIC_EDITION.search(name) and not _YEAR_TOLD.search(
                    ctx.norm, name_end, min(sentence.end, name_end + 80)
                ):
                    continue  # "The first session, on December 9, …": a part of this one
                day = day or edition_date(ctx, sentence, name_end)
            date = (
                day
                or edition
                or date_after_name(ctx, sentence, name_start, name_end)
                or bare_day_after(ctx, sentence, name)
                or _event_date(ctx, sentence, name_start, name_end)
            )
            if agreed_without_day(ctx, sentence, name_start, name_end):
                date = None  # "hai bên thống nhất tổ chức Hội chợ …": not on the day of the talks
            ahead = ahead_of(ctx, name_start, name_end)
            if ahead:  # "商談会に先立ち、12月８日、ニンビン省の…": neither its day nor its hosts
                date, organisers = None, []
                name = re.sub(
                    r"^(?:Ahead of|Before|On the eve of|Prior to)\s+(?:the\s+)?", "", name
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
            if own_date:
                own_dated.append(fact)  # not dated by the day told before
            named = NAMING.match(name)  # "… dự hội thảo xúc tiến đầu tư … Hội thảo mang tên “…”"
            naming = bool(named and events and events[-1][0].startswith(named[1].lower() + " "))
            naming = naming or renames_last(ctx, events, name, fact)
            for i, (known_key, known) in enumerate(events):
                if (
                    own_date
                    and any(known is f for f in own_dated)
                    and other_edition(fact["date"], known["date"])
                ):
                    continue  # "up from 95 at the first … Forum in October 2025": not this one
                if key in known_key or known_key in key or (naming and i == len(events) - 1):
                    # one event told twice (a headline, then the lead): the telling that dates it
                    # (else the one that names it, else the longer name) speaks for it, the other
                    # fills its gaps
                    inherited = bool(known["date"]) and not any(known is f for f in own_dated)
                    if (
                        (fact["date"] and not known["date"])
                        # its own day told against one the earlier telling took from before it
                        # (a heading line under a press conference's date)
                        or (own_date and fact["date"] and inherited)
                        or (
                            bool(fact["date"]) == bool(known["date"])
                            and (naming or len(key) > len(known_key))
                        )
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
                tellings.append([told_at(sentence, name), fact])
    give_meetings(tellings, meetings_in(ctx), ctx.norm)
    dates_from_labels(ctx, tellings)
    organisers_from_labels(ctx, tellings)
    # an event the article gives no day for is no registry suggestion (the desk cannot create
    # an event without a date; the labelled set does not label one): not reported
    return [fact for _key_, fact in events if fact["date"]]


# the day told in an apposition right after an edition: "Lần tổ chức trước, vào tháng 11/2025,"
_APPOSED_DAY = re.compile(
    r"\s*,\s*(?:(?:được\s+)?tổ chức\s+|diễn ra\s+)?(?:vào|hồi|trong)\s+"
    r"(?:(?:ngày|tháng|năm|sáng|chiều|tối)\s+)?"
)


# the clause between an edition's date and its number: "に(ハノイ市で)開催した"
_JA_HELD_CLAUSE = re.compile(
    r"(?:[（(][^）)]{1,6}[）)])?に(?:[^、。]{1,20}?(?:で|において))?"
    r"(?:開催|実施)(?:した|された)|に(?:[^、。]{1,20}?(?:で|において))?開かれた"
)


def _edition_day(ctx: Context, sentence, name_start: int, name_end: int) -> str | None:
    """The day of an edition told with no name of its own: the year in its words ("lần tổ
    chức năm ngoái" → last year), with the month told after it in its clause when that month
    has no year ("lần tổ chức năm 2025 diễn ra … hồi tháng 10" → 2025-10), else the date told
    after it ("Lần tổ chức đầu tiên vào tháng 8/2024")."""
    own = ctx.dates_in(sentence.start, sentence.end, ("date", "month", "year"))
    if ctx.language == "ja":  # 令和７年11月にハノイ市で開催した前回は: the clause before it
        before = [d for d in own if d.end <= name_start]
        if before and _JA_HELD_CLAUSE.fullmatch(ctx.norm, before[-1].end, name_start):
            return before[-1].value
        return None
    year = next((d.value for d in own if name_start <= d.start < name_end), None)
    for d in own:
        gap = ctx.norm[name_end : d.start]
        if d.start < name_end or re.search(r"[;,]", gap) and not _APPOSED_DAY.fullmatch(gap):
            continue
        if year and d.yearless and d.yearless[1] is None and d.kind == "month":
            return f"{year[:4]}-{d.yearless[0]:02d}"
        if year and d.yearless:
            return None if d.kind != "date" else f"{year[:4]}-{d.value[-5:]}"
        return d.value if not year or d.value.startswith(year) else year
    return year


def _opening_year(ctx: Context, sentence) -> list:
    """A sentence opened by its year ("Năm 2025, Ngày hội … thu hút …", "Năm ngoái, …", "In
    2025, the … Festival drew …"): a background event dated by it."""
    years = ctx.dates_in(sentence.start, sentence.end, ("year",))
    if years and not ctx.norm[sentence.start : years[0].start].strip(" “\"'"):
        if re.match(r"\s*[,，、]", ctx.norm[years[0].end : years[0].end + 2]):
            return years[:1]
    return []


# "… tại Kanagawa 2026": a place and a year that belong to the name
# (or its edition: "Lễ hội Việt Nam – Nhật Bản tại Đồng Nai lần thứ 2")
_VI_AT_YEAR = re.compile(
    r" tại [A-ZĐ][\w-]*(?: [A-ZĐ][\w-]*)* (?:(?:năm )?(?:19|20)\d\d(?!\d)"
    r"|lần thứ (?:\d+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?!\w))"
)

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
    own = ctx.dates_of(sentence)
    outside = [d for d in own if not name_start <= d.start < name_end]
    if outside:
        return outside[0].value
    if own:  # only the name's year ("… năm 2026"): the day told before, when in that year
        return day_told_before(ctx, sentence, own[0].value) or own[0].value
    return ctx.date_for(sentence)


# "tọa đàm kết nối doanh nghiệp đã được tổ chức tại ...": the event held, its name before
_VI_HELD_AFTER = re.compile(r"\s+(?:đã\s+|sẽ\s+)?(?:được tổ chức|diễn ra|khai mạc)(?!\w)")


# an edition named by a word that may be a part of this one ("the first session"): only with
# a year told for it ("the first session held in Niigata City in June 2025")
_GENERIC_EDITION = re.compile(r"(?i)\b(?:session|edition)$")
_YEAR_TOLD = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:last|next|previous) year\b")


# the one-to-one meetings of an event, held as a session of it
_SESSION = re.compile(
    r"(?:^|の)(?:個別)?(?:商談会|面談会)$|^(?:one-on-one|one-to-one|B2B|business[- ]matching) "
    r"(?:session|meetings?)$"
)


# a session held in its own part of the day: "同日午後には、…による個別商談会を開催し"
_OWN_SESSION = re.compile(r"^(?:同日|当日)の?(?:午前|午後|夕方|夜)(?:に|には|は)?、[^。]*を開催")


def _part_of_last(events, sentence, ctx: Context) -> bool:
    """A session told in the sentence of a dated event, or in the next one without a day of
    its own, is a part of that event."""
    if not events:
        return False
    last = events[-1][1]
    at = ctx.text.sentence_at(sentence_start(ctx, last))
    if not last["date"] or at is None or _SESSION.search(last["name"]):
        return False
    if at.index == sentence.index:
        return True
    if _OWN_SESSION.search(sentence.text):
        return False  # 同日午後には…個別商談会を開催し: a gathering of its own, later that day
    own = ctx.dates_in(sentence.start, sentence.end)
    return at.index == sentence.index - 1 and not own


# a quoted remark, not a title: a verb of its own, or a full stop at its end
_VI_REMARK = re.compile(r"\s(?:đã|sẽ|đang|vừa|là)\s|[.!?…]$")


def _title_of_remark(ctx: Context, name_re, text: str, m):
    """A quoted remark that opens with an event's name (“Hội nghị … tại Nagoya hồi tháng
    10/2026 đã mở đường cho …”) names that event, not the whole remark."""
    if ctx.language != "vi" or not m.group("q") or not _VI_REMARK.search(m.group("q")):
        return m
    inner = name_re.match(text, m.start("q"))
    return inner if inner is not None and inner.group("n") else m


def _may_name(ctx: Context, text: str, m, venues) -> bool:
    """The match names an event (not a venue, a quoted remark, the event told before)."""
    if any(a <= m.start() < b for a, b in venues):
        return False  # "tại Trung tâm Hội chợ triển lãm tỉnh": a place, not an event
    if m.group("q") and not QUOTED_EVENT[ctx.language].search(m.group("q")):
        return False
    if m.group("n") and BACK_REFERENCE.search(m.group("n")):
        return False  # "Hội nghị năm nay": the conference named before
    if m.group("v") and ctx.language == "vi" and _VI_HAS.search(text, 0, m.start("v")):
        # "… có phiên kết nối …": an event only in a clause opened by its day
        return bool(_VI_DAY_HAS.search(text, 0, m.start("v")))
    if m.group("l") and ctx.language == "vi" and not _proper_tail(m.group("l")):
        # "hội nghị đã ...": no name, unless held ("… đã được tổ chức")
        return bool(_VI_HELD_AFTER.match(text, m.end("l")))
    return True


# "… có phiên kết nối": the head told after "có"; "chiều 16/12 có …", "cùng ngày sẽ có …":
# its day right before
_VI_HAS = re.compile(r"(?<!\w)có $")
_VI_DAY_HAS = re.compile(
    r"(?:(?<!\w)(?:sáng|chiều|tối|trưa|ngày)\s+\d{1,2}(?:/\d{1,2}){1,2}"
    r"|(?<!\w)(?:sáng|chiều|tối|trưa) (?:cùng ngày|hôm sau|ngày hôm sau))"
    r"\s+(?:(?:sẽ|còn|cũng|đã)\s+)*có $",
    re.IGNORECASE,
)


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
