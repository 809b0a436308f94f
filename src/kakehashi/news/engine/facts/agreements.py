"""Agreements: an MoU, a cooperation agreement, a sister-city tie... signed, renewed or planned.

A sentence gives one when it names an agreement and a signing verb. Status: renewed ("gia hạn",
"tái ký", "更新", "renewed"), planned ("sẽ ký", "hướng tới ký kết", "締結する予定", "will
sign", "work towards"), else signed. `type_as_stated` is the document as written ("Biên bản
ghi nhớ hợp tác", "覚書", "memorandum of understanding"); `agreement_type` the platform's kind:
sister_city (kết nghĩa, 姉妹, sister, friendship city), field_mou (an MoU with a field),
cooperation_mou (an MoU or agreement without one), other (a letter of intent). Parties are the
places and organisations of the sentence outside the field; "hai bên"/"両者"/"both sides" are
the article's Vietnamese and Japanese places. The date is the signing day; a planned one's is
the date its own sentence gives ("vào cuối năm 2024" → 2024), else null.

An earlier agreement a renewal names ("the memorandum that Ibaraki had signed with Bac Giang in
2020", "2017年に締結した覚書を更新") is its own signed fact dated by its year. Facts about the same
agreement in one article (a headline and its lead, "ký văn bản" after the signing) are merged:
the same status, parties of one among the other's, no two different dates. An agreement with
fewer than two parties is dropped (a count, "ベトナムの3つの省と覚書を結んでいる", or a
reference with no partner); so is "kỷ niệm 15 năm thiết lập quan hệ", an anniversary.

Japanese press releases speak for their own place: "本県", "当市", a bare "県は" is that place
(own_place.py), and an agreement naming one Vietnamese side alone ("ビンズオン省との覚書") has
the article's own place (else its main Japanese place) as the other. "Both sides" are the
places of each country named most in the sentence and the two before (agreement_parts.py).
Planned ones: "締結に向けて", "目指す" too; their year may be an era year (令和9年中) or
relative to the publication (来年, "next year", "năm nay"). "Their 2024 memorandum",
"2023年の覚書": signed that year. The Japanese document keeps its compound (友好交流協定,
協力覚書); the field stops where a time phrase begins ("... in 2027", "trong năm tới").
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.agreement_parts import (
    COUNTED,
    YEAR_DOCUMENT,
    both_sides,
    clean_field,
    document_start,
    is_venue,
)
from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.own_place import own_places, own_voice, year_of_plan
from kakehashi.news.engine.facts.statements import MILESTONE

DOCUMENT = {
    "vi": re.compile(
        r"Biên bản ghi nhớ|biên bản ghi nhớ|bản ghi nhớ|MOU|MoU|thỏa thuận|Thỏa thuận|thoả thuận|"
        r"Thoả thuận|thư ý định|Thư ý định|kết nghĩa|văn kiện|văn bản hợp tác|hiệp định|"
        r"quan hệ hữu nghị|quan hệ hợp tác hữu nghị"
    ),
    "ja": re.compile(r"覚書|MOU|MoU|協定|合意書|提携|姉妹都市|友好都市|趣意書|協力文書"),
    "en": re.compile(
        r"memorandum of (?:understanding|cooperation)|Memorandum of (?:Understanding|Cooperation)|"
        r"MOU|MoU|agreement|Agreement|"
        r"letter of intent|Letter of Intent|sister[- ]city|friendship[- ]city|memorandum"
    ),
}
SIGN = {
    # not "đăng ký" (register), "Thư ký" (secretary), "trao đổi" (discuss)
    "vi": re.compile(
        r"(?<![Đđ]ăng )(?<![Tt]hư )"
        r"\b(?:ký|ký kết|gia hạn|tái ký|trao(?! đổi)|kết nghĩa|thiết lập)\b"
    ),
    "ja": re.compile(r"締結|署名|調印|結ん|結び|更新|延長|交わ|取り交わ"),
    "en": re.compile(
        r"\b(?:sign|signed|signing|inked|renew|renewed|extended|concluded|establish|established|"
        r"exchanged|sealed|formali[sz]ed|struck|entered into|"
        r"work towards|working towards|move towards|moving towards)\b"
    ),
}
RENEWED = {
    "vi": re.compile(r"gia hạn|tái ký|ký lại|ký tiếp"),
    "ja": re.compile(r"更新|延長|再締結"),
    "en": re.compile(r"\b(?:renew|renewed|renewal|extended|re-signed)\b"),
}
PLANNED = {
    "vi": re.compile(
        r"sẽ (?:tiến hành )?ký|hướng tới (?:việc )?ký|dự kiến (?:sẽ )?ký|tiến tới ký|chuẩn bị ký|"
        r"xem xét (?:việc )?ký|mong muốn (?:sớm )?ký|sớm ký|sẽ thiết lập|"
        r"hướng tới (?:việc )?thiết lập|(?<!đã )(?:thống nhất|nhất trí|đồng ý) (?:việc )?ký"
    ),
    "ja": re.compile(
        r"予定|目指|めざ|見込み|検討|に向け|準備を進め|締結したい|結びたい|(?:締結|署名|調印)へ|"
        r"(?:締結|署名|調印)すること(?:で|に)(?:合意|一致)|締結する方針"
    ),
    "en": re.compile(
        r"\b(?:will sign|to sign|plan to|plans to|planned|expected to|aim to|aims to|would sign|"
        r"set to|due to be|hope to|hopes to|seek to|seeks to|intend to|intends to|preparing to|"
        r"work towards|working towards|move towards|moving towards|"
        r"(?:will|would)\s+(?:\w+\s+){0,2}(?:sign|work|establish|conclude|renew))\b"
    ),
}
FIELD = {
    "vi": re.compile(
        r"(?:trong (?:các )?lĩnh vực|về lĩnh vực|lĩnh vực|về)\s+(?P<f>[^.;()]+?)"
        r"(?=\s+(?:giữa|với|tại|nhằm|vào|trong thời gian|đến năm|giai đoạn|thêm)\s|[.;()]|$)"
    ),
    "ja": re.compile(r"(?P<f>[^、。はがをにでと]{2,30}?)(?:分野|に関する|に係る)"),
    "en": re.compile(
        r"\b(?:in the (?:fields?|areas?) of|on|in)\s+(?P<f>[a-z][^.;()]+?)"
        r"(?=\s+(?:between|with|at|during)\s|[.;()]|,\s|$)"
    ),
}
SISTER = re.compile(
    r"kết nghĩa|姉妹|友好都市|sister|friendship[- ]city|quan hệ hữu nghị", re.IGNORECASE
)
LETTER = re.compile(r"thư ý định|趣意書|letter of intent", re.IGNORECASE)
BOTH = re.compile(
    r"hai bên|hai địa phương|hai tỉnh|hai thành phố|両者|両自治体|両市|両県|両府|両省|両地域|双方|"
    r"both sides|the two sides|the two cities|the two provinces|the two localities|the two",
    re.IGNORECASE,
)


DOCUMENT_TAIL = {
    "vi": re.compile(r"(?:\s+(?:hợp tác hữu nghị|hợp tác|hữu nghị|kết nghĩa|ghi nhớ))?"),
    "ja": re.compile(r""),
    "en": re.compile(r""),
}
# "the memorandum that Ibaraki had signed with Bac Giang in 2020", "2017年に締結した覚書"
EARLIER = {
    "vi": re.compile(
        r"(?<!\w)(?:ký kết|ký)(?!\w)[^.;]{0,60}?(?<!đến )(?<!tới )năm\s+(?:19|20)\d\d"
    ),
    "ja": re.compile(r"(?:19|20)\d\d年(?:に)?[^、。]{0,20}?(?:締結|署名|結ん)(?:した|だ)"),
    "en": re.compile(
        r"\b(?:that|which)\b[^.;]*?\b(?:signed|concluded)\b[^.;]*?\bin\s+(?:19|20)\d\d\b"
    ),
}


def find_agreements(ctx: Context) -> list[dict]:
    out: list[dict] = []
    for sentence in ctx.text.sentences:
        fact = _agreement(ctx, sentence)
        if fact is None:
            continue
        earlier = EARLIER[ctx.language].search(sentence.text) or YEAR_DOCUMENT[ctx.language].search(
            sentence.text
        )
        if fact["status"] == "renewed" and earlier and _before(ctx, fact, earlier):
            out += _with_earlier(ctx, sentence, fact, earlier)
        else:
            out.append(fact)
    # every agreement has two sides: one named alone is a count or a reference, not a fact
    return _merged([f for f in out if len(f["parties"]) >= 2])


def _agreement(ctx: Context, sentence, lo: int | None = None, hi: int | None = None):
    """The agreement the sentence (or its stretch lo:hi) tells of, or None."""
    lang = ctx.language
    lo = sentence.start if lo is None else lo
    hi = sentence.end if hi is None else hi
    text = ctx.norm[lo:hi]
    doc = DOCUMENT[lang].search(text)
    sign = SIGN[lang].search(text)
    by_year = YEAR_DOCUMENT[lang].search(text) if doc and not sign else None
    if not doc or not (sign or by_year) or COUNTED[lang].search(text):
        return None  # no agreement, or partners counted: a partnership count
    milestone = MILESTONE[lang].search(text)
    if sign and milestone and milestone.start() <= sign.start() < milestone.end():
        return None  # "kỷ niệm 15 năm thiết lập quan hệ": an anniversary, not a signing
    if by_year:
        status = "signed"
    elif RENEWED[lang].search(text):
        status = "renewed"
    elif PLANNED[lang].search(text):
        status = "planned"
    else:
        status = "signed"
    field_m = FIELD[lang].search(text, doc.start()) or FIELD[lang].search(text)
    field = None
    f_lo = f_hi = -1
    if field_m:
        f_lo = lo + field_m.start("f")
        f_hi = f_lo + len(field_m.group("f").strip())
        field = clean_field(lang, ctx.written(f_lo, f_hi))
    parties, seen = [], set()
    mentions = sorted(ctx.in_span(lo, hi) + own_places(ctx, lo, hi), key=lambda m: m.start)
    venues = [m for m in mentions if is_venue(ctx, m)]
    if venues and (len(mentions) - len(venues) >= 2 or BOTH.search(text)):
        mentions = [m for m in mentions if m not in venues]  # "Tại TP Nagoya, hai bên..."
    for m in mentions:
        if f_lo <= m.start < f_hi or m.kind == "locality" and _in_body(ctx, m):
            continue
        party = ctx.party(m)
        ident = party.get("slug") or party.get("key") or party["name"]
        if ident not in seen:
            seen.add(ident)
            parties.append(party)
    sides = {m.country for m in mentions if m.slug and m.slug in seen}
    # "hai bên", 双方, or the signatories by their office ("知事と委員長は覚書に署名した"):
    # the sides of the meeting just told
    signatories = ctx.people_in(lo, hi) and all(p.get("slug") for p in parties)
    if len(parties) < 2 and (BOTH.search(text) or signatories):
        for country in ("VN", "JP"):
            place = both_sides(ctx, sentence, country)
            if country not in sides and place is not None and place.slug not in seen:
                seen.add(place.slug)
                sides.add(country)
                parties.append(ctx.place(place))
    if len(parties) == 1 and len(sides) == 1:
        # "ビンズオン省との覚書" in Kanagawa's own release: the article's place of the other side
        country = "JP" if "VN" in sides else "VN"
        other = (own_voice(ctx) if country == "JP" else None) or ctx.main_locality(country)
        if other is not None and other.slug not in seen:
            parties.append(ctx.place(other))
    if SISTER.search(text):
        kind = "sister_city"
    elif LETTER.search(text):
        kind = "other"
    else:
        kind = "field_mou" if field else "cooperation_mou"
    if by_year:
        date = by_year.group(1)
    elif status == "planned":
        own = ctx.dates_in(lo, hi, ("date", "month", "year"))
        date = own[0].value if own else year_of_plan(ctx, text)
    else:
        date = ctx.date_for(sentence)
    tail = DOCUMENT_TAIL[lang].match(text, doc.end())
    begin = document_start(ctx, lo, lo + doc.start())
    stated = ctx.written(begin, lo + tail.end())
    fields = {
        "parties": parties,
        "agreement_type": kind,
        "type_as_stated": stated,
        "field": field,
        "date": date,
        "status": status,
    }
    filled = (min(len(parties), 2) / 2 + bool(date) + 1) / 3
    return ctx.fact("agreement", sentence, fields, filled)


def _before(ctx: Context, fact: dict, earlier) -> bool:
    """The clause's year is before the renewal (or the article)."""
    year = int(re.search(r"(?:19|20)\d\d", earlier.group()).group())
    now = fact["date"] or (ctx.published.isoformat() if ctx.published else None)
    return now is None or now[:4] == str(year) or int(now[:4]) > year


def _with_earlier(ctx: Context, sentence, renewal: dict, earlier) -> list[dict]:
    """A renewal and the earlier signing it names: the renewal's parties are the two sides
    (the clause's places otherwise), the earlier one's those of the clause."""
    lo = sentence.start + earlier.start()
    hi = sentence.start + earlier.end()
    year = re.search(r"(?:19|20)\d\d", earlier.group()).group()
    clause_places = [ctx.place(m) for m in ctx.in_span(lo, hi, ("locality",)) if m.slug]
    main = [ctx.main_locality(c) for c in ("VN", "JP")]
    main = [ctx.place(m) for m in main if m is not None]
    out = dict(renewal)
    if BOTH.search(sentence.text) and len(main) == 2:
        out["parties"] = main
    own = [
        d
        for d in ctx.dates_in(sentence.start, sentence.end, ("date", "month"))
        if not lo <= d.start < hi
    ]
    if own:
        out["date"] = own[0].value
    elif renewal["date"] == year:
        earlier_dates = [d for d in ctx.dates if d.end <= sentence.start and d.kind == "date"]
        out["date"] = earlier_dates[-1].value if earlier_dates else None
    first = dict(renewal)
    first["status"], first["date"] = "signed", year
    first["parties"] = (
        _distinct_places(clause_places) if len(clause_places) >= 2 else renewal["parties"]
    )
    return [out, first]


def _distinct_places(places: list[dict]) -> list[dict]:
    out, seen = [], set()
    for place in places:
        if place["slug"] not in seen:
            seen.add(place["slug"])
            out.append(place)
    return out


def _idents(fact: dict) -> set:
    return {p.get("slug") or p.get("key") or p["name"] for p in fact["parties"]}


def _merged(facts: list[dict]) -> list[dict]:
    """One fact per agreement: same status, parties of one among the other's, dates equal or
    one missing; the fuller fact stays, its gaps filled from the other."""
    out: list[dict] = []
    for fact in facts:
        for known in out:
            a, b = _idents(known), _idents(fact)
            if known["status"] != fact["status"] or not (a <= b or b <= a):
                continue
            if known["date"] and fact["date"] and known["date"] != fact["date"]:
                continue
            if len(b) > len(a) or (len(b) == len(a) and fact["date"] and not known["date"]):
                known["parties"] = fact["parties"]
                for key in ("evidence", "span", "confidence"):
                    known[key] = fact[key]
            for key in ("date", "field", "type_as_stated"):
                known[key] = known[key] or fact[key]
            break
        else:
            out.append(fact)
    return out


def _in_body(ctx: Context, place) -> bool:
    return any(
        m.kind == "organisation" and m.value is place for m in ctx.mentions if m.value is not None
    )
