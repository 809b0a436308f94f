"""Agreements: an MoU, a cooperation agreement, a sister-city tie... signed, renewed or planned.

A sentence gives one when it names an agreement and a signing verb. Status: renewed ("gia hạn",
"tái ký", "更新", "renewed"), planned ("sẽ ký", "hướng tới ký kết", "締結する予定", "will
sign"), else signed. Type (the platform's partnership kinds): sister_city (kết nghĩa, 姉妹,
sister, friendship city), field_mou (an MoU with a field), cooperation_mou (an MoU or agreement
without one), other (a letter of intent). Parties are the places and organisations of the
sentence outside the field; "hai bên"/"両者"/"both sides" alone are the article's Vietnamese
and Japanese places.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context

DOCUMENT = {
    "vi": re.compile(
        r"Biên bản ghi nhớ|biên bản ghi nhớ|bản ghi nhớ|MOU|MoU|thỏa thuận|Thỏa thuận|thoả thuận|"
        r"Thoả thuận|thư ý định|Thư ý định|kết nghĩa|văn kiện|văn bản hợp tác|hiệp định|"
        r"quan hệ hữu nghị|quan hệ hợp tác hữu nghị"
    ),
    "ja": re.compile(r"覚書|MOU|MoU|協定|合意書|提携|姉妹都市|友好都市|趣意書|協力文書"),
    "en": re.compile(
        r"memorandum of understanding|Memorandum of Understanding|MOU|MoU|agreement|Agreement|"
        r"letter of intent|Letter of Intent|sister[- ]city|friendship[- ]city|memorandum"
    ),
}
SIGN = {
    "vi": re.compile(r"\b(?:ký|ký kết|gia hạn|tái ký|trao|kết nghĩa|thiết lập)\b"),
    "ja": re.compile(r"締結|署名|調印|結ん|結び|更新|延長|交わ|取り交わ"),
    "en": re.compile(
        r"\b(?:sign|signed|signing|inked|renew|renewed|extended|concluded|establish|established)\b"
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
        r"hướng tới (?:việc )?thiết lập"
    ),
    "ja": re.compile(r"予定|目指|めざ|見込み|検討"),
    "en": re.compile(
        r"\b(?:will sign|to sign|plan to|plans to|planned|expected to|aim to|aims to|would sign)\b"
    ),
}
FIELD = {
    "vi": re.compile(
        r"(?:trong (?:các )?lĩnh vực|về lĩnh vực|lĩnh vực|về)\s+(?P<f>[^.;()]+?)"
        r"(?=\s+(?:giữa|với|tại|nhằm|vào|trong thời gian)\s|[.;()]|$)"
    ),
    "ja": re.compile(r"(?P<f>[^、。はがをにで]{2,30}?)(?:分野|に関する|に係る)"),
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
    r"hai bên|hai địa phương|両者|両自治体|双方|both sides|the two sides|the two", re.IGNORECASE
)


def find_agreements(ctx: Context) -> list[dict]:
    lang = ctx.language
    out = []
    for sentence in ctx.text.sentences:
        text = sentence.text
        doc = DOCUMENT[lang].search(text)
        sign = SIGN[lang].search(text)
        if not doc or not sign:
            continue
        if RENEWED[lang].search(text):
            status = "renewed"
        elif PLANNED[lang].search(text):
            status = "planned"
        else:
            status = "signed"
        field_m = FIELD[lang].search(text, doc.start()) or FIELD[lang].search(text)
        field = None
        f_lo = f_hi = -1
        if field_m:
            field = field_m.group("f").strip()
            f_lo = sentence.start + field_m.start("f")
            f_hi = f_lo + len(field)
            field = ctx.written(f_lo, f_hi)
        parties = []
        seen = set()
        for m in ctx.in_span(sentence.start, sentence.end):
            if f_lo <= m.start < f_hi or m.kind == "locality" and _in_body(ctx, m):
                continue
            party = ctx.party(m)
            ident = party.get("slug") or party.get("key") or party["name"]
            if ident not in seen:
                seen.add(ident)
                parties.append(party)
        if len(parties) < 2 and BOTH.search(text):
            for country in ("VN", "JP"):
                place = ctx.main_locality(country)
                if place is not None and place.slug not in seen:
                    seen.add(place.slug)
                    parties.append(ctx.place(place))
        if SISTER.search(text):
            kind = "sister_city"
        elif LETTER.search(text):
            kind = "other"
        else:
            kind = "field_mou" if field else "cooperation_mou"
        date = ctx.date_for(sentence) if status != "planned" else None
        fields = {
            "parties": parties,
            "agreement_type": kind,
            "field": field,
            "date": date,
            "status": status,
        }
        filled = (min(len(parties), 2) / 2 + bool(date) + 1) / 3
        out.append(ctx.fact("agreement", sentence, fields, filled))
    return out


def _in_body(ctx: Context, place) -> bool:
    return any(
        m.kind == "organisation" and m.value is place for m in ctx.mentions if m.value is not None
    )
