"""Who visits whom in one Japanese sentence (see visit_parties): the visitor marked as a
delegation's leader, by a role alone, by a clause of coming (来県した…), as who travels abroad
(訪越し) or as the traveller told before; the host the other side's person, or the one who
received the visitor in the next sentence (応対した知事の…氏)."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts import delegations as D
from kakehashi.news.engine.facts import visit_parties as P
from kakehashi.news.engine.facts.context import Context

# travelling abroad: 訪越, 訪日, ベトナムを訪問中の
_ABROAD = re.compile(r"訪越|訪日|訪ベトナム|訪問中")


def parties_ja(ctx: Context, sentence, people, leader, place, delegation):
    text = sentence.text
    receive = next(
        (m for m in D.RECEIVE["ja"].finditer(text) if not _welcomed_thing(ctx, sentence, m)),
        None,
    )
    meet = D.MEET["ja"].search(text)
    visit = next((m for m in D.VISIT["ja"].finditer(text) if not D.invited("ja", text, m)), None)
    if not (receive or meet or visit):
        together = P.joint(ctx, sentence, people, leader, place)
        return (*together, False) if together else None
    hosting = [p for p in people if _HOSTING.match(ctx.norm, D.role_end(p))]
    if hosting and (visit or meet):  # "…市役所を訪問し、X副市長が応対した": X hosts
        rest = [p for p in people if p not in hosting]
        visitor = rest[0] if rest else leader or P.named_next(ctx, sentence, hosting[0])
        return (visitor, hosting[0], place, False) if visitor is not None else None
    marked = D.leaders_of(ctx, sentence, people)  # 〜を団長とする代表団, 〜ら12人の代表団
    visitor = marked[0] if marked else _by_role(ctx, sentence, people) or _coming(ctx, people)
    if visitor is None and (out := _ABROAD.search(text)) is not None:
        # "X知事は10日から訪越し、…と会談した": who travels abroad is the visitor
        gone = [p for p in people if p.start < sentence.start + out.start() and _subject_ja(ctx, p)]
        visitor = gone[-1] if gone else None
    if visitor is None and leader is not None and len(people) >= 2:
        # the visitor told before meets someone again: "ゴック委員長は知事と意見交換した"
        visitor = next((p for p in people if p.full is leader.full and _subject_ja(ctx, p)), None)
    if visitor is None and not people and visit and place is not None and leader is not None:
        # "翌15日にはフンイエン省を訪れ、…": the traveller told before, on a day of its own
        if ctx.dates_in(sentence.start, sentence.end):
            return leader, None, place, False
    if visitor is None and place is not None:  # not the one met (…大使と面会) when one travels
        visitor = next(
            (
                p
                for p in people
                if p.full.country  # a short mention (岸本市長) is of its full name's side
                and p.full.country != place.country
                and not (leader is not None and _object_ja(ctx, p))
            ),
            None,
        )
    if visitor is None and delegation and leader is not None:
        visitor = leader
    meeting = bool(receive or meet)
    if (
        visitor is None
        and leader is not None
        and people
        and all(_object_ja(ctx, p) for p in people)
    ):
        visitor = leader  # "12日には…副委員長を表敬訪問した": the traveller told before
    if visitor is None and receive and "受け" in receive.group() and len(people) >= 2:
        return people[1], people[0], place, False  # AはBの表敬訪問を受けた
    if visitor is None and delegation and people and all(_object_ja(ctx, p) for p in people):
        # "ドンナイ省代表団は…X副知事と意見交換した。代表団の団長はY…": the leader named next
        visitor = _leader_named_later(ctx, sentence, people[0])
        if visitor is None:
            return None
    if visitor is None and len(people) >= 2:
        # "X委員長は20日、Y知事と県庁で会談した": the side of the office met at hosts
        visitor = _guest_of_office(ctx, sentence, people[0], people[1], bool(visit))
    if visitor is None and people:
        if visit or len(people) < 2:
            visitor = people[0]
        else:
            return people[1], people[0], place, False
    if visitor is None:
        return None
    hosts = [p for p in people if p.full is not visitor.full]
    side = [p for p in hosts if visitor.country and p.country and p.country != visitor.country]
    host = (side or hosts or [None])[0]
    if host is None and visit and not meeting:  # "X氏が県庁を訪れた。応対した知事の Y 氏は…"
        host = P.host_next(ctx, sentence, visitor)
    if host is None and meeting:  # "X氏が県庁を訪れ、知事と会談した。吉田知事は…"
        host = _office_named_next(ctx, sentence, visitor)
    return visitor, host, place, host is None and not meeting


# the person who receives the visitor, as the subject: X副市長が応対した, X知事らが出迎えた
_HOSTING = re.compile(
    r"(?:氏|さん)?(?:ら)?(?:が|は)[^。、]{0,8}?(?:応対|出迎え|迎え|対応し|対応した)"
)

# one's own office (the Japanese side hosts), or the People's Committee called on (the
# Vietnamese side hosts)
_JP_OFFICE = re.compile(r"県庁|市役所|市庁舎|府庁|都庁|道庁|町役場|来県|来庁|来市|来日")
_VN_OFFICE = re.compile(r"人民委員会(?:庁舎)?(?:を訪|で|を表敬)|訪越")


def _guest_of_office(ctx: Context, sentence, first, second, visit: bool):
    """Of two people of the two sides, the one who is not of the side whose office the
    sentence says they meet at (県庁で, 人民委員会を訪問し), else, when they meet (no one is
    said to visit), of the side of the place the article names most; or None."""
    a, b = first.full.country, second.full.country
    if not a or not b or a == b:
        return None
    side = "JP" if _JP_OFFICE.search(sentence.text) else None
    side = side or ("VN" if _VN_OFFICE.search(sentence.text) else None)
    if side is None and not visit:  # of a meeting, the side the article names most (会議に先立ち)
        around = ctx.main_locality(None)
        side = around.country if around is not None else None
    if side is None:
        return None
    return first if b == side else second


def _leader_named_later(ctx: Context, sentence, host):
    """The leader of a delegation met without being named: the first person of the other side
    named in the next three sentences (代表団を率いるX副委員長は…, 団長はX…)."""
    if not host.full.country:
        return None
    for later in ctx.text.sentences[sentence.index + 1 : sentence.index + 4]:
        for p in ctx.people_in(later.start, later.end):
            if p.full.country and p.full.country != host.full.country:
                return p
    return None


# an office met with no name: 知事と会談, 副市長と面談
_OFFICE_MET = re.compile(r"(?<![一-龥ァ-ヴー・])(?P<r>副?知事|副?市長)(?:と|を表敬)")


def _office_named_next(ctx: Context, sentence, visitor):
    """The holder of an office met with no name, named with that office in one of the next
    three sentences ("…知事と会談した。…吉田 誠一知事は…"), of the other side than the
    visitor's."""
    m = _OFFICE_MET.search(sentence.text)
    if m is None:
        return None
    for later in ctx.text.sentences[sentence.index + 1 : sentence.index + 4]:
        for p in ctx.people_in(later.start, later.end):
            if p.full.role == m.group("r") and p.full.country != visitor.full.country:
                return p
    return None


def _welcomed_thing(ctx: Context, sentence, m) -> bool:
    """ "提案を歓迎した": a thing welcomed, not a guest (…委員長を歓迎, 代表団を歓迎 are guests)."""
    if not sentence.text[: m.start()].endswith("を"):
        return False
    at = sentence.start + m.start() - 1  # the を
    if D.DELEGATION["ja"].search(sentence.text[max(0, m.start() - 6) : m.start()]):
        return False
    people = ctx.people_in(sentence.start, at + 1)
    return not any(at - 2 <= D.role_end(p) <= at for p in people)


def _coming(ctx: Context, people):
    """The person a clause of coming qualifies: 来県したX大使, 来日中のX委員長, 来県したゲアン省の
    X委員長 (what qualifies the person between, without a comma)."""
    for p in people:
        before = ctx.norm[max(0, p.start - 24) : p.start]
        found = list(D.COMING_JA.finditer(before))
        if found and not re.search(r"[、。]", before[found[-1].end() :]):
            return p
    return None


def _object_ja(ctx: Context, person) -> bool:
    """The person is the one visited or met (…副委員長を表敬訪問, …と会談), not its subject."""
    after = ctx.norm[D.role_end(person) : D.role_end(person) + 3].lstrip()
    return after.startswith(("を", "と", "氏を", "氏と"))


def _subject_ja(ctx: Context, person) -> bool:
    """The person is the sentence's subject (…委員長は, …氏が)."""
    after = ctx.norm[person.end : D.role_end(person) + 12]
    return re.match(r"[^、。をとにの]{0,10}?[はが]", after) is not None


def _by_role(ctx: Context, sentence, people):
    """ "副知事がロンアン省を訪れ": a role alone as the subject is the person of that role named
    before in the article."""
    for m in re.finditer(r"(?P<r>[^、。\s]{1,8}?)(?:は|が)", sentence.text):
        at = sentence.start + m.start("r")
        if any(
            p.start <= at < D.role_end(p) or at <= p.start < at + len(m.group()) for p in people
        ):
            continue
        earlier = [p for p in ctx.people if p.end <= sentence.start and p.full.role == m.group("r")]
        if earlier:
            return earlier[-1]
    return None
