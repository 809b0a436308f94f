"""What looks like an event and is none, and the day an event is told for.

- A programme or plan that runs over a period ("Chương trình xúc tiến thương mại giai đoạn
  2026-2030", "the 2026-2030 exchange programme") is carried out, not held on a day.
- A gathering said to be held every year ("Lễ hội … được tổ chức hằng năm", "held annually",
  毎年開催される…) is mentioned in passing: the year's edition is an event only when told.
- A heading that lists a visit and an event ("（2）商工省への表敬訪問及びセミナーの開催") names
  neither: the event is the one told below it.
- "plans for a roadshow", "the idea of a forum": an idea, not an event.
- "Ngày 18/11, hai bên thống nhất tổ chức Diễn đàn … vào năm 2027": the day the sides agreed
  is not the forum's day; the date told after the name ("vào …", "từ ngày …", "in …", "on …")
  is.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.date_tense import FUTURE
from kakehashi.news.engine.facts.context import Context

_PERIOD = re.compile(r"giai đoạn|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")
# "ban hành Chương trình xúc tiến thương mại năm 2026", "nằm trong Chương trình …": a
# programme adopted or carried out, not held
_PROGRAMME_VERB = re.compile(
    # also opening the sentence: "Thực hiện Chương trình xúc tiến thương mại năm 2027, Sở …"
    r"(?i:ban hành|phê duyệt|thông qua|triển khai|thực hiện|nằm trong|thuộc|adopted|approved)\s+$"
)
_PROGRAMME = re.compile(r"^(?:[Cc]hương trình|[Kk]ế hoạch|[Dd]ự án)\b|(?i:\bprogramm?e|\bplan)\b")

_HABITUAL_AFTER = {
    "vi": re.compile(
        r"\s*(?:tại [^,.;]{1,40}?\s+)?(?:(?:được |vẫn |thường |luôn )*(?:tổ chức|diễn ra)\s+)?"
        r"(?:hằng năm|hàng năm|thường niên|mỗi năm|định kỳ|(?:hai|ba|2|3) năm (?:một|1) lần"
        r"|(?:mỗi|cứ) (?:hai|ba|2|3) năm)(?!\w)"
    ),
    "en": re.compile(
        r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?,?\s+(?:which\s+|that\s+)?"
        r"(?:(?:is|are)\s+)?(?:held|organi[sz]ed|staged)"
        r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?\s+(?:annually|biennially|"
        r"(?:every|each)\s+(?:(?:two|three|other)\s+)?(?:years?|spring|summer|autumn|fall|winter"
        r"|January|February|March|April|May|June|July|August|September|October|November"
        r"|December))\b"
    ),
    # 交流フェスタを毎年開催したい, フェアは例年…
    "ja": re.compile(r"」?[をはが]?(?:毎年|例年|定期的に)"),
}
# 毎年開催される「…」, 例年開かれている…フェア: the name comes after
_HABITUAL_BEFORE_JA = re.compile(r"(?:毎年|例年)[^、。]{0,8}$")

# a visit listed beside the event (not 訪問団歓迎レセプション, a reception for the visitors)
_VISIT_IN_NAME = {"ja": re.compile(r"(?:訪問|表敬|来訪)(?:及び|並びに|と|・|、)")}

_IDEA_BEFORE = {
    # "thông qua Kế hoạch tổ chức Hội chợ …", "ý tưởng tổ chức …": a plan, not the fair
    "vi": re.compile(r"(?:[Kk]ế hoạch|[Ýý] tưởng|[Pp]hương án|[Đđ]ề án)\s+(?:tổ chức\s+)?$"),
    "en": re.compile(
        r"\b(?:plans?|proposals?|the idea|an idea|a bid)\s+(?:for|of)\s+(?:(?:a|an)\s+)?$"
        # "It was the first time the province had held a forum devoted to Japan": a past
        # without a day, no event
        r"|\b(?:had|has|have)\s+(?:ever\s+|never\s+)?(?:held|hosted|organi[sz]ed)\s+(?:a|an)\s+$"
    ),
}

# what leads a date told for the event after its name
_DATE_LEAD = {
    "vi": re.compile(
        # "…, dự kiến diễn ra vào tháng 3/2027": a clause of what is planned after a comma
        # or of when it runs: "…, diễn ra từ ngày 4 đến 6/12"
        r"^(?:,\s+(?=(?:dự kiến|sẽ|dự định|diễn ra|được tổ chức|kéo dài)\s))?"
        r"[^,.;:]{0,60}?(?<!\w)(?:vào|từ|trong|tổ chức|hồi)\s+(?:(?:hai|ba|các) ngày\s+|"
        r"ngày\s+|tháng\s+|năm\s+|dịp\s+|"
        r"đầu\s+|cuối\s+|giữa\s+)?$"
        # "Tuần lễ Việt Nam tại Kobe tháng 10/2025": the month right after the name and its place
        r"|^(?:\s+tại\s+[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*){0,3})?\s+(?=$)"
    ),
    "en": re.compile(
        r"^(?:,\s+(?=(?:scheduled|planned|to be held|which will)\s))?"
        r"[^,.;:]{0,60}?\b(?:in|on|from|between|for)\s+(?:early\s+|late\s+|mid-)?$"
    ),
}


def programme_carried_out(ctx: Context, name_start: int) -> bool:
    """The name is a programme's told after a verb of carrying it out ("Thực hiện Chương trình
    xúc tiến thương mại năm 2027, Sở … tổ chức Hội chợ …"): the event is named later."""
    name = ctx.norm[name_start : name_start + 40]
    before = ctx.norm[max(0, name_start - 40) : name_start]
    return bool(_PROGRAMME.match(name) and _PROGRAMME_VERB.search(before))


def not_an_event(ctx: Context, sentence, name: str, name_start: int, name_end: int) -> bool:
    """The sentence names a programme, an annual gathering, a visit or an idea, not an event
    held on a day (name_start and name_end are offsets in ctx.norm)."""
    language = ctx.language
    before = ctx.norm[max(sentence.start, name_start - 40) : name_start]
    if _PROGRAMME.search(name) and (_PERIOD.search(name) or _PROGRAMME_VERB.search(before)):
        return True
    if _HABITUAL_AFTER.get(language, _NEVER).match(ctx.norm, name_end, sentence.end):
        return True
    if language == "ja" and _HABITUAL_BEFORE_JA.search(before.rstrip("「")):
        return True
    if _VISIT_IN_NAME.get(language, _NEVER).search(name):
        return True
    return bool(_IDEA_BEFORE.get(language, _NEVER).search(before))


# an event spoken of, not said to be held on the sentence's day: "trao đổi về việc tham gia
# Lễ hội …", "đánh giá cao kết quả của Hội nghị …", "mời lãnh đạo tỉnh sang dự Lễ hội …"
_IN_PASSING_BEFORE = {
    "vi": re.compile(
        r"(?:(?:trao đổi|thông tin|giới thiệu|bàn|thảo luận|chia sẻ|báo cáo)\s+về|"
        r"kết quả(?:\s+của)?|thành công của|tổng kết|"
        r"mời\s[^,.;:]{0,50}?(?:tham dự|dự|tham gia)|"
        # "mong muốn tỉnh sớm tổ chức Hội chợ …": a wish
        r"(?:mong muốn|hy vọng|kỳ vọng)(?:\s[^,.;:]{0,50}?)?)"
        r"\s+(?:việc\s+)?(?:(?:tham gia|tham dự|tổ chức)\s+)?$"
    ),
}
# an event the sides agree on or mean to hold: one to come, dated only by what is told after
# its name ("hai bên thống nhất phối hợp tổ chức Hội chợ … vào tháng 5/2027", "agreed to hold a
# trade fair in May 2027"), never by the day of the talks
_AGREED_BEFORE = {
    "vi": re.compile(
        r"(?:thống nhất|nhất trí|thỏa thuận|thoả thuận|đồng ý|cam kết)(?:\s[^,.;:]{0,40}?)?"
        r"\s+(?:việc\s+)?tổ chức\s+$"
    ),
    "en": re.compile(
        r"\b(?:agreed|pledged|promised|plans?|planned|aims?|hopes?|wants?|wished|intends?)\s+"
        r"to\s+(?:jointly\s+)?(?:hold|host|co-host|organi[sz]e|co-organi[sz]e|stage)\s+"
        r"(?:(?:a|an|the)\s+)?$"
    ),
}


# 「…」を共同で開催することで合意した, 交流フェアの開催に向けて協議する: likewise
_AGREED_AFTER_JA = re.compile(
    r"」?(?:を(?:共同で|合同で|両者で)?開催(?:すること|する方向)[でにを]|の(?:共同)?開催(?:に向け|で|を))"
    r"[^。]{0,20}?(?:合意|一致|協議|検討|目指)"
)


def agreed_without_day(ctx: Context, sentence, name_start: int, name_end: int) -> bool:
    """The event is one the sides agree on or mean to hold, with no day told for it (after
    its name; in Japanese, just before it: 来年5月に「…」を開催することで合意)."""
    if ctx.language == "ja":
        if not _AGREED_AFTER_JA.match(ctx.norm, name_end, sentence.end):
            return False
        own = ctx.dates_in(sentence.start, sentence.end, ("date", "month", "year"))
        after = any(d.start >= name_end for d in own)
        return not after and date_after_name(ctx, sentence, name_start, name_end) is None
    pattern = _AGREED_BEFORE.get(ctx.language)
    before = ctx.norm[max(sentence.start, name_start - 80) : name_start]
    return bool(pattern and pattern.search(before)) and not _told_after(ctx, sentence, name_end)


def _told_after(ctx: Context, sentence, name_end: int) -> bool:
    lead = _DATE_LEAD[ctx.language]
    own = ctx.dates_in(sentence.start, sentence.end, ("date", "month", "year"))
    return any(d.start >= name_end and lead.match(ctx.norm[name_end : d.start]) for d in own)


def named_in_passing(ctx: Context, sentence, name_start: int, name_end: int) -> bool:
    """The event is spoken of (talked about, reviewed, invited to) with no day of its own
    told after its name ("mời … dự Lễ hội … vào tháng 5/2027" is one to come)."""
    pattern = _IN_PASSING_BEFORE.get(ctx.language)
    before = ctx.norm[max(sentence.start, name_start - 80) : name_start]
    if not (pattern and pattern.search(before)):
        return False
    return not _told_after(ctx, sentence, name_end)


def date_after_name(ctx: Context, sentence, name_start: int, name_end: int) -> str | None:
    """The date told for the event after its name when the sentence opens with another day
    (the day the sides agreed, the day of the report)."""
    own = ctx.dates_in(sentence.start, sentence.end, ("date", "month", "year"))
    if not own or own[0].start >= name_start:
        return None  # the first date is after the name already
    if ctx.language == "ja":
        # 県は11月18日、来年3月に「…セミナー」を開催する: the date just before the name
        near = [d for d in own[1:] if d.end <= name_start]
        if near and re.fullmatch(
            r"[にからまで日（）()月火水木金土\s]{0,12}「?", ctx.norm[near[-1].end : name_start]
        ):
            return near[-1].value
        return None
    lead = _DATE_LEAD[ctx.language]
    for date in own:
        if date.start >= name_end and lead.match(ctx.norm[name_end : date.start]):
            # "On November 18 … in 2026": the year of the day told first says no more
            return None if own[0].value.startswith(date.value) else date.value
    # "Ngày 18/11, ông A cho biết năm 2025 tỉnh đã tổ chức Diễn đàn …": the year told in the
    # name's own clause, before it, dates an event held earlier
    clause = [d for d in own if d.end <= name_start and d is not own[0] and d.kind == "year"]
    if clause and not re.search(r"[,.;:]", ctx.norm[clause[-1].end : name_start]):
        return None if own[0].value.startswith(clause[-1].value) else clause[-1].value
    return None


def day_told_before(ctx: Context, sentence, year: str) -> str | None:
    """The day told last before the sentence ("Chiều cùng ngày, … dự Chương trình … năm
    2026"), when it falls in the year the event's name gives and the sentence is not about
    what is to come."""
    if FUTURE[ctx.language].search(sentence.text):
        return None
    earlier = [d for d in ctx.dates if d.end <= sentence.start and d.kind == "date"]
    if earlier and earlier[-1].value.startswith(year[:4]):
        return earlier[-1].value
    return None


_NEVER = re.compile(r"(?!)")


# the event named as what something comes before: "商談会に先立ち", "Ahead of the forum",
# "Trước thềm Diễn đàn"
_AHEAD_BEFORE = {
    "en": re.compile(r"\b(?:[Aa]head of|[Bb]efore|[Oo]n the eve of|[Pp]rior to)\s+(?:the\s+)?$"),
    "vi": re.compile(r"(?<!\w)(?:[Tt]rước thềm|[Tt]rước khi diễn ra|[Tt]rước)\s+$"),
    "ja": re.compile(r"(?!)"),
}
_AHEAD_NAMED = {
    "en": re.compile(r"(?:Ahead of|Before|On the eve of|Prior to)\s"),
    "vi": re.compile(r"(?:Trước thềm|Trước khi diễn ra)\s"),
    "ja": re.compile(r"(?!)"),
}
_AHEAD_AFTER = {
    "ja": re.compile(r"(?:に先立ち|に先立って|の前日|に先駆け)"),
    "en": re.compile(r"(?!)"),
    "vi": re.compile(r"(?!)"),
}


def ahead_of(ctx: Context, start: int, end: int) -> bool:
    """The sentence names the event as what it comes before, not as held on its day (the words
    before it may have been read into its name: "Ahead of the Hue–Kyoto Tourism Forum")."""
    lang = ctx.language
    return bool(
        _AHEAD_BEFORE[lang].search(ctx.norm, max(0, start - 24), start)
        or _AHEAD_AFTER[lang].match(ctx.norm, end)
        or _AHEAD_NAMED[lang].match(ctx.norm, start, end)
    )
