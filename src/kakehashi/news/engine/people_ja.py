"""Japanese people: a name followed by its role ("大村秀章知事", "ボー・バン・ホアン副委員長"),
or a role, "の" and the name ("知事の大村秀章氏"). Names are SudachiPy's person-name morphemes
(姓, 名), Vietnamese names in katakana with "・", or kanji before 氏/さん/様."""

from __future__ import annotations

import re

from kakehashi.matching.engine.text import _tokenizer as _sudachi  # one SudachiPy tokenizer
from kakehashi.news.engine import roles as R
from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.people import Person, name_side


def name_spans(norm: str, use_sudachi: bool = True) -> list[tuple[int, int]]:
    """Person names in Japanese text: (start, end), left to right, no overlaps."""
    spans = [m.span() for m in R.JA_NAME.finditer(norm)]
    if use_sudachi:
        for line_start, line in _lines(norm):
            run, last, gap = None, None, False
            for morpheme in _sudachi().tokenize(line):
                pos = morpheme.part_of_speech()
                a, b = line_start + morpheme.begin(), line_start + morpheme.end()
                if pos[2] == "人名":
                    # 山田太郎, and 山下 健一 (a surname, one space, a given name: one person)
                    joined = run and (run[1] == a or (gap and last == "姓" and pos[3] == "名"))
                    run = (run[0], b) if joined else (a, b)
                    if pos[3] == "名" or (run[1] - run[0] >= 2 and pos[3] != "姓"):
                        spans.append(run)
                    elif pos[3] == "姓":
                        spans.append(run)  # a surname alone (山田知事) is a name too
                    last, gap = pos[3], False
                elif pos[2] == "地名" and _SURNAME_AS_PLACE.match(norm, a, b + 8):
                    spans.append((a, b))  # 湯崎知事は: a surname the dictionary reads as a place
                    run, last, gap = None, None, False
                elif pos[0] == "空白" and run and b - a == 1 and last == "姓" and not gap:
                    gap = True
                else:
                    run, last, gap = None, None, False
    spaced = _spaced_before_office(norm)  # these win over the tokenizer's (穂積 志|市長)
    spans = [s for s in spans if not any(a < s[1] and s[0] < b for a, b in spaced)] + spaced
    spans += _surnames_again(norm, spans)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            if span[0] == out[-1][0] and span[1] > out[-1][1]:
                out[-1] = span
            elif span[1] > out[-1][1] and span[0] >= out[-1][0]:
                out[-1] = (out[-1][0], span[1])
            continue
        out.append(span)
    return out


# an office after a name: 岸本市長, 山下副知事
_OFFICE_AFTER = r"(?=(?:副)?(?:市長|知事|町長|村長|委員長|大使|総領事)|氏|さん)"


def _surnames_again(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The surname of a name written with a space (岸本 雄一) told again before an office
    (岸本市長は…), where the tokenizer does not read it as a name."""
    surnames = {norm[a:b].split(" ")[0] for a, b in spans if " " in norm[a:b]}
    out = []
    for surname in surnames:
        for m in re.finditer(re.escape(surname) + _OFFICE_AFTER, norm):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                out.append(m.span())
    return out


# a surname, one space, a given name and an office, as releases write them: 田中 実知事,
# 長崎 幸太郎知事 (the tokenizer reads 実 as a prefix, 長崎 as a place)
_SPACED = re.compile(r"(?<![一-龥々ァ-ヴー])[一-龥々]{1,3} (?P<g>[一-龥々]{1,3})")


# the words of a katakana run that is a place or a firm, not a person's name
_NOT_A_PERSON = {"ベトナム", "ジャパン", "ニッポン", "アジア", "インターナショナル", "グループ"}
_ENDS_IN_PLACE = {"東京都", "北海道", "京都府", "大阪府"}


def _spaced_before_office(norm: str) -> list[tuple[int, int]]:
    out = []
    for m in _SPACED.finditer(norm):
        if re.search(r"[県市町村区省府都道者]$", norm[m.start() : m.start("g") - 1]):
            continue  # 本県 知事: a place, not a surname (nor 対応者, a label)
        if R.JA_ROLE.match(norm, m.start("g")):
            continue  # 同市 副市長: the office itself
        for end in range(m.start("g") + 1, m.end() + 1):
            if norm[end - 1] in "県市町村区省府" or norm[m.start("g") : end] in _ENDS_IN_PLACE:
                break  # 静岡県|知事: the place of the office, not a given name (直道 is one)
            if R.JA_ROLE.match(norm, end):
                out.append((m.start(), end))
                break
    return out


# a surname of two or three kanji before the office of a person (not the 市長 of a place) and
# a particle: 湯崎知事は, 湯崎副知事と
_SURNAME_AS_PLACE = re.compile(
    r"[一-龥々]{2,3}(?<![県市町村区省府都道州島])"
    r"(?=(?:副?知事|特命全権大使|大使|総領事|副?委員長|副?会長|副?社長|副?議長)"
    r"(?:は|が|と|に|も|ら|の|、|。|を|\s))"
)


def _lines(norm: str):
    start = 0
    for line in norm.split("\n"):
        if line:
            yield start, line
        start += len(line) + 1


def find_people_ja(norm: str, mentions: list[Mention], use_sudachi: bool = True) -> list[Person]:
    orgs = [m for m in mentions if m.kind in ("organisation", "locality")]
    ends_at = {m.end: m for m in orgs}
    starts_at = {m.start: m for m in orgs}
    out: list[Person] = []
    for start, end in name_spans(norm, use_sudachi):
        end = _given_name_before_office(norm, start, end, starts_at)
        name = norm[start:end]
        if "・" in name and _NOT_A_PERSON.intersection(name.split("・")):
            continue  # ベトナム・ハノイ市長, イオン・ベトナム社長: a place or a firm
        if any(m.start <= start < m.end for m in orgs) and not _SPACED.fullmatch(name):
            continue  # a place, unless a surname spaced from a given name (長崎 幸太郎)
        role = org = None
        role_start = None
        after = end
        while after < len(norm) and norm[after] == " ":
            after += 1
        m = R.JA_ROLE.match(norm, after)
        office = starts_at.get(after)
        if m is None and office is not None and office.kind == "locality":
            m = _office_of(norm, office)  # 森 武岐阜県知事: the office's place between
        if m and m.start() > after:
            role, role_start, org = m.group(), m.start(), office
        elif m:  # 大村秀章知事 / 在ベトナム日本国大使館の伊藤直樹大使
            role, role_start = m.group(), m.start()
            org = _org_before(norm, start, ends_at)
        else:  # 知事の大村秀章氏 / JETRO理事長 石黒憲彦氏
            head = norm[max(0, start - 12) : start]
            for cut in ("の", " ", "、", ""):
                if head.endswith(cut) or not cut:
                    stem = head[: len(head) - len(cut)] if cut else head
                    for size in range(min(9, len(stem)), 1, -1):
                        if R.JA_ROLE.fullmatch(stem[-size:]):
                            role = stem[-size:]
                            role_start = start - len(cut) - size
                            break
                    if role:
                        break
            if role is None:
                continue
            org = ends_at.get(role_start) or _org_before(norm, role_start, ends_at)
        if role.startswith(("省人民", "市人民")) and any(
            m.start < role_start < m.end for m in orgs
        ):
            continue  # ベトナム・ハイズオン|省人民委員会副委員長: a place before an office
        if org is None and role.endswith("委員長"):
            org = _body_of_sentence(norm, role_start, orgs)
        country = org.country if org is not None and org.country else name_side(name, "ja")
        places = []
        if org is not None:
            places = [org] if org.kind == "locality" else [org.value] if org.value else []
        out.append(Person(name, start, end, role, role_start, org, country, places))
    return out


# a given name of one to three kanji: 森 武, 山田 健一
_GIVEN = re.compile(r"[一-龥々]{1,3}")


def _given_name_before_office(norm: str, start: int, end: int, starts_at) -> int:
    """The end of "森 武" in "森 武岐阜県知事": a surname alone, one space, and the kanji up to
    a place whose office follows (the tokenizer reads 武岐阜 otherwise); else `end`."""
    if " " in norm[start:end] or norm[end : end + 1] != " ":
        return end
    m = _GIVEN.match(norm, end + 1)
    if m is None:
        return end
    for size in range(1, len(m.group()) + 1):
        place = starts_at.get(end + 1 + size)
        if place is not None and place.kind == "locality" and _office_of(norm, place):
            return end + 1 + size
    return end


def _office_of(norm: str, place: Mention):
    """The office after a place: 岐阜県|知事, and 静岡市長 (the role begins with the place's 市)."""
    m = R.JA_ROLE.match(norm, place.end)
    if m is None and norm[place.end - 1 : place.end] in "市町村区":
        m = R.JA_ROLE.match(norm, place.end - 1)
    return m


def _body_of_sentence(norm: str, i: int, orgs: list[Mention]) -> Mention | None:
    """ "ゲアン省人民委員会を訪問し、ホアン・ミン・タム委員長と会談": the 委員会 named last before
    the 委員長 in the sentence is theirs."""
    lo = norm.rfind("。", 0, i) + 1
    for m in reversed(orgs):
        if lo <= m.start and m.end <= i and m.kind == "organisation" and m.text.endswith("委員会"):
            return m
    return None


def _org_before(norm: str, i: int, ends_at: dict[int, Mention]) -> Mention | None:
    """The organisation or place just before `i`, joined by nothing, "の" or a space."""
    for gap in (0, 1):
        mention = ends_at.get(i - gap)
        if mention is not None and (gap == 0 or norm[i - 1] in "の "):
            return mention
    return None
