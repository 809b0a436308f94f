"""Who visits whom in one sentence: the visitor, the host and the meeting place a visit's
verb or clause tells ("A tiếp B", "B was received by A", "AはBの表敬訪問を受けた", "đoàn đến thăm
và làm việc tại ..."), or None when the sentence tells of no visit."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts import delegations as D
from kakehashi.news.engine.facts import visit_parties_ja as J
from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.gazetteer import Mention


def parties(ctx: Context, sentence, people, leader):
    """(visitor, host, meeting place) of the sentence, or None when it tells of no visit."""
    lang, text = ctx.language, sentence.text
    if D.REPEATED.search(text):
        return None  # "said he had met X several times": no one meeting
    place = D.meeting_place(ctx, sentence)
    delegation = D.DELEGATION[lang].search(text)
    if lang == "ja":
        return J.parties_ja(ctx, sentence, people, leader, place, delegation)
    if (met := _fronted_meeting(ctx, sentence, people, leader, place)) is not None:
        return met
    fronted = D.FRONTED[lang].match(text)
    if fronted and len(people) >= 2:
        comma = text.find(",", fronted.end())
        after = [p for p in people if comma >= 0 and p.start > sentence.start + comma]
        if after and people[0].start < sentence.start + comma:
            return people[0], after[0], place, False
    cues = [
        (kind, m)
        for kind, pattern in (
            ("passive", D.PASSIVE.get(lang)),
            ("receive", D.RECEIVE[lang]),
            ("meet", D.MEET[lang]),
            ("visit", D.VISIT[lang]),
        )
        if pattern is not None
        for m in pattern.finditer(text)
    ]
    # "welcomed the proposal", "đã đón hơn 2.000 lượt khách": receiving what is no guest
    cues = [c for c in cues if c[0] != "receive" or not D.NOT_GUEST[lang].match(text, c[1].end())]
    # "invited ... to visit Osaka", "mời ... sang thăm": a visit asked for is none
    cues = [c for c in cues if c[0] != "visit" or not D.invited(lang, text, c[1])]
    # "do X dẫn đầu đã làm việc với ...": the leading is no visit when a verb follows
    cues = [c for c in cues if c[1].group() != "dẫn đầu"] or cues
    if not cues:
        together = joint(ctx, sentence, people, leader, place)
        if together:
            return (*together, False)
        if D.TALKS[lang].search(text) and len(people) >= 2:
            return _pair(ctx, people[0], people[1], place, leader, sentence)
        return None
    kind, verb = min(cues, key=lambda c: (c[1].start(), c[0] != "passive"))
    at = sentence.start + verb.start()
    before = [p for p in people if p.start < at]
    after = [p for p in people if p.start >= sentence.start + verb.end()]
    delegation_before = delegation and delegation.start() < verb.start()
    delegation_after = delegation and delegation.start() >= verb.start()
    subject = before[-1] if before else (leader if delegation_before else None)
    if subject is None and not before and _told_before(ctx, text[: verb.start()], leader):
        subject = leader  # "The same day, she also called on ...": the visitor told before
    if subject is None and not before and delegation_before:
        subject = _whose_delegation(ctx, sentence, text[: verb.start()])  # "Khoa's delegation"
    if verb.group() == "visiting" and after and _right_after(ctx, after[0], verb, sentence):
        kind = "receive"  # "told visiting Yokohama Mayor X": X is the one who visits
    if kind == "passive":  # "the delegation was received by ...", "He was received by": its leader
        return subject, (after[0] if after else None), place, False
    if kind == "receive":
        visitor = after[0] if after else (leader if delegation_after else None)
        if visitor is None and delegation_after and subject is not None:
            visitor = named_next(ctx, sentence, subject)  # "tiếp đoàn tỉnh Gifu. ... X"
        if subject is None:  # "UBND tỉnh Nghệ An đã tiếp đoàn": a body receives
            body = _body(ctx, sentence.start, at)
            return (visitor, None, body, False) if body is not None else None
        return visitor, subject, place, False
    if kind == "visit":
        host = after[0] if after else None
        if subject is None and not (after and "dẫn đầu" in verb.group()):
            return None
        if host is None and subject is not None:  # "đoàn đến thăm và làm việc với UBND X"
            end = sentence.start + verb.end()
            bodies = [
                m.value
                for m in ctx.in_span(end, min(sentence.end, end + 60), ("organisation",))
                if m.value is not None and m.value.slug
            ]
            if bodies and D.from_elsewhere(subject, bodies[0]):
                return subject, host_next(ctx, sentence, subject), place or bodies[0], False
        if host is None and subject is not None:  # "đoàn đến thăm TP. Cần Thơ. Tiếp đoàn, X"
            host = host_next(ctx, sentence, subject)
            if host is not None:
                return subject, host, place, False
        if host is None and subject is not None and D.CALL.search(verb.group()):
            called = _body(ctx, sentence.start + verb.end(), sentence.end, first=True)
            if called is not None and (subject.full.country or "") != called.country:
                return subject, None, called, False  # "will call on Dong Nai Province"
        if host is None and subject is not None:  # "đến thăm và làm việc với Ban Quản lý ..."
            for m in D.MEET[lang].finditer(text, verb.start()):
                body = _with_body(ctx, sentence, subject, sentence.start + m.end(), place)
                if body is not None:
                    return body
        return subject, host, place, host is None
    other = after[0] if after else None
    if subject is None and len(after) >= 2 and _BETWEEN.match(text, verb.end()):
        return _pair(ctx, after[0], after[1], place, leader, sentence)  # "cuộc hội đàm giữa A và B"
    if other is None and len(before) >= 2:  # "A và B đã hội đàm", "A and B met"
        pair = _pair(ctx, before[-2], before[-1], place, leader, sentence)
        if pair is not None:
            return pair
    if subject is not None and other is None:  # "đoàn làm việc với UBND tỉnh Aichi"
        end = sentence.start + verb.end()
        body = _body(ctx, end, min(sentence.end, end + 40), first=True)
        if body is not None and D.from_elsewhere(subject, body):
            if not _PLACE_WORD.search(ctx.norm[end : body.start]):
                # "làm việc với lãnh đạo thành phố Takasaki. Phó Thị trưởng X cho biết …"
                leaders = lang in _GOV_BODY and bool(_GOV_BODY[lang].match(ctx.norm, end))
                return subject, host_next(ctx, sentence, subject, loose=leaders), body, False
        # "gặp gỡ cộng đồng người Việt tại Tottori": nobody of the place's side
        return _with_body(ctx, sentence, subject, end, place)
    if subject is None or other is None:
        return None
    return _met(ctx, subject, other, place, leader, sentence)


def _right_after(ctx: Context, person, verb, sentence) -> bool:
    """The person (with the role and place before the name) follows the verb at once."""
    start = min(person.start, person.role_start if person.role_start is not None else person.start)
    between = ctx.norm[sentence.start + verb.end() : start]
    return len(between) <= 40 and re.fullmatch(r"\s+(?:[A-Z][\w'’-]*\s+)*", between) is not None


def _met(ctx: Context, subject, other, place, leader, sentence=None):
    """(visitor, host, place, False) of two people meeting (see _who_hosts); when the sentence
    tells of a trip to a country ("trong chuyến công tác tại Nhật Bản", "during a working visit
    to Japan"), the one of that country hosts."""
    trip = D.TRIP_TO.get(ctx.language)
    found = trip.search(sentence.text) if trip is not None and sentence is not None else None
    a, b = subject.full.country, other.full.country
    if found and a and b and a != b:
        country = "JP" if found.group("c").lower() in ("nhật bản", "japan") else "VN"
        if country in (a, b):
            visitor, host = (subject, other) if b == country else (other, subject)
            return visitor, host, place, False
    if place is None and leader is None:  # no place told: the dateline's, else the place the
        # article is about
        around = ctx.dateline_place or ctx.main_locality(None)
        if D.same_side(subject, around) != D.same_side(other, around):
            visitor, host, _where = _who_hosts(subject, other, around, leader)
            return visitor, host, None, False
    return (*_who_hosts(subject, other, place, leader), False)


def _pair(ctx: Context, first, second, place, leader, sentence=None):
    """Two people of the two sides joined by "và"/"and" who meet or talk ("A và B đã hội
    đàm", "A and B discussed ... in Hai Phong"), or None."""
    starts = [second.start] + ([second.role_start] if second.role_start is not None else [])
    between = ctx.norm[D.role_end(first) : min(starts)]
    if len(between) > 40 or not re.match(r"\s*,?\s*(?:và|and)(?!\w)", between):
        return None
    a, b = first.full.country, second.full.country
    if a and b and a == b:
        return None
    return _met(ctx, first, second, place, leader, sentence)


def _fronted_meeting(ctx: Context, sentence, people, leader, place):
    """ "At a meeting with A on May 12, B said ...", "Tại buổi làm việc với A, B ...": the
    two meet; who hosts is told by the place, as for "B met A"."""
    m = D.FRONTED_MEETING[ctx.language].match(sentence.text)
    if m is None:
        return None
    comma = sentence.text.find(",", m.end())
    if comma < 0:
        return None
    before = [p for p in people if p.start < sentence.start + comma]
    after = [p for p in people if p.start > sentence.start + comma]
    if not before or not after:
        return None
    return _met(ctx, after[0], before[0], place, leader, sentence)


def named_next(ctx: Context, sentence, host):
    """The first person of the other side named in the next sentence: the leader of a
    delegation received without being named ("đã tiếp đoàn công tác tỉnh Gifu. Tiếp đoàn,
    ... Phó Thống đốc Tanaka Ichiro ...")."""
    sentences = ctx.text.sentences
    if sentence.index + 1 >= len(sentences) or not host.full.country:
        return None
    later = sentences[sentence.index + 1]
    return next(
        (
            p
            for p in ctx.people_in(later.start, later.end)
            if p.full.country and p.full.country != host.full.country
        ),
        None,
    )


def host_next(ctx: Context, sentence, visitor, loose: bool = False):
    """The host of a trip named in the next sentence ("đoàn đến thăm và làm việc tại TP. Cần
    Thơ. Tiếp đoàn, Phó Chủ tịch UBND thành phố X ..."): its first person of the other side;
    `loose`, for the leaders of a body met, also the official the next sentence begins with
    ("... làm việc với lãnh đạo thành phố Takasaki. Phó Thị trưởng Sato Jun cho biết ...")."""
    sentences = ctx.text.sentences
    if sentence.index + 1 >= len(sentences) or not visitor.full.country:
        return None
    later = sentences[sentence.index + 1]
    if loose and not D.RECEIVING_NEXT[ctx.language].match(later.text):
        first = ctx.people_in(later.start, later.end)[:1]
        at = [p.start, p.role_start] if (p := first[0] if first else None) else []
        if p is None or min(x for x in at if x is not None) > later.start + 4:
            return None
        return p if p.full.country and p.full.country != visitor.full.country else None
    if not D.RECEIVING_NEXT[ctx.language].match(later.text):
        return None
    # in Japanese the host of one's own release is often named without a place: 知事の田中氏
    unplaced = ctx.language == "ja"
    return next(
        (
            p
            for p in ctx.people_in(later.start, later.end)
            if (p.full.country or unplaced) and p.full.country != visitor.full.country
        ),
        None,
    )


# a government body met, named right after the verb: "làm việc với Ban Quản lý Khu kinh tế ...",
# "có buổi làm việc với Sở Công Thương", "met officials of the Department of Industry"
_GOV_BODY = {
    "vi": re.compile(
        r"\s*(?:các\s+)?(?:lãnh đạo|Ban Quản lý|Sở|Cục|Tổng cục|Bộ|UBND|Ủy ban nhân dân|"
        r"Uỷ ban nhân dân|HĐND|Tỉnh ủy|Thành ủy|Văn phòng|Trung tâm Xúc tiến)(?!\w)"
    ),
    "en": re.compile(
        r"\s*(?:(?:the\s+)?(?:leaders?|officials?|representatives?)\s+(?:of|from)\s+)?"
        r"the\s+(?:[A-Z][\w'’,-]*\s+(?:and\s+|of\s+)?){0,7}?(?:Department|Management Board|"
        r"Board|Authority|People's Committee|Ministry|Agency|Government|Office|"
        r"(?:city|prefectural|provincial) (?:government|authorities))\b"
    ),
}
# a city the directory does not hold, by its government: "the Matsumoto city government"
_UNLISTED_CITY_EN = re.compile(
    r"\s*(?:(?:the\s+)?(?:leaders?|officials?|representatives?)\s+(?:of|from)\s+)?the\s+"
    r"(?P<x>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:[Cc]ity (?:[Gg]overnment|authorities)|"
    r"City Hall|city hall)\b"
)


def _with_body(ctx: Context, sentence, subject, end: int, place):
    """(visitor, None, place, False) of a person from elsewhere meeting a government body
    named right after the verb: the body is at the meeting place, else at the first place
    the sentence names after it, else at the other side's place the article is about."""
    pattern = _GOV_BODY.get(ctx.language)
    if pattern is None or not pattern.match(ctx.norm, end) or not subject.full.country:
        return None
    where = place or _body(ctx, end, sentence.end, first=True) or _unlisted_city(ctx, end, subject)
    if where is None:
        where = ctx.main_locality("VN" if subject.full.country == "JP" else "JP")
    if where is None or not D.from_elsewhere(subject, where):
        return None
    host = host_next(ctx, sentence, subject, loose=True)  # "Tiếp đoàn, ông X, ..."
    return subject, host, where, False


_UNLISTED_CITY_VI = re.compile(
    r"\s*(?:(?:các\s+)?lãnh đạo\s+|chính quyền\s+|UBND\s+)?(?:thành phố|TP\.?)\s+"
    r"(?P<x>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)


def _unlisted_city(ctx: Context, end: int, subject):
    """The city of a city government met that the directory does not hold (no slug), of the
    other side than the visitor's."""
    pattern = {"en": _UNLISTED_CITY_EN, "vi": _UNLISTED_CITY_VI}.get(ctx.language)
    m = pattern.match(ctx.norm, end) if pattern is not None else None
    if m is None or ctx.in_span(m.start("x"), m.end("x")):
        return None
    side = "VN" if subject.full.country == "JP" else "JP"
    return Mention("locality", m.start("x"), m.end("x"), m.group("x"), country=side, level="city")


# the two sides after the verb: "cuộc hội đàm giữa A và B", "talks ... between A and B"
_BETWEEN = re.compile(r"\s*(?:[\w ]{0,24}\s)?(?:giữa|between)(?!\w)")

# a subject pronoun standing for the visitor told before
_PRONOUN = {"en": re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")}
_NONE = re.compile(r"$^")


# "Khoa's delegation", "Tanaka's team": the delegation of a person told before
_POSSESSIVE = re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+)?(?:delegation|team|group|party)\b")


def _whose_delegation(ctx: Context, sentence, head: str):
    """The person named before the sentence whose delegation it is ("Khoa's delegation")."""
    found = _POSSESSIVE.search(head) if ctx.language == "en" else None
    if found is None:
        return None
    earlier = [p for p in ctx.people if p.end <= sentence.start]
    named = [p for p in earlier if found.group(1) in p.full.name.split()]
    return named[-1] if named else None


def _told_before(ctx: Context, head: str, leader) -> bool:
    """The words before the verb name the visitor told before: a pronoun ("she also called
    on") or a part of the name alone ("Morishita called on", "Tanaka met")."""
    if leader is None:
        return False
    if _PRONOUN.get(ctx.language, _NONE).search(head):
        return True
    parts = {w for w in leader.full.name.split() if len(w) >= 3 and w[0].isupper()}
    return any(w in parts for w in re.findall(r"\b[A-Z][\w'’-]+\b", head))


# a place where, not whom: "gặp gỡ cộng đồng người Việt Nam tại Tottori"
_PLACE_WORD = re.compile(r"(?<!\w)(?:tại|ở|in|at)(?!\w)")


def _body(ctx: Context, lo: int, hi: int, first: bool = False):
    """The place of the body or place named between lo and hi (the last one, or the first)."""
    found = [
        m.value if m.kind == "organisation" and m.value is not None else m
        for m in ctx.in_span(lo, hi)
    ]
    found = [m for m in found if m.kind == "locality" and m.slug]
    if not found:
        return None
    return found[0] if first else found[-1]


def _who_hosts(first, second, place, leader):
    """(visitor, host, place) of two people meeting: the delegation's leader visits (a place
    named in the sentence may be what they talked about: "held talks with Phong on training
    nurses in Tottori"); else the one of the place hosts; else the first named (the subject)
    is the visitor."""
    if leader is not None and second.full is leader.full:
        return second, first, place
    if leader is not None and first.full is leader.full:
        return first, second, place
    if place is not None:
        if D.same_side(second, place) and not D.same_side(first, place):
            return first, second, place
        if D.same_side(first, place) and not D.same_side(second, place):
            return second, first, place
    return first, second, place


def joint(ctx: Context, sentence, people, leader, place):
    """The delegation's leader doing something with a person of the other side ("Hieu and
    Aichi Vice Governor Yuko Hattori signed ...")."""
    if leader is None or not D.JOINT[ctx.language].search(sentence.text):
        return None
    if not any(p.full is leader.full for p in people):
        return None
    others = [
        p for p in people if p.full is not leader.full and p.country and p.country != leader.country
    ]
    return (leader, others[0], place) if others else None
