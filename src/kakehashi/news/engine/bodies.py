"""Organisations named after a place: a locality's government, council, party committee or
department ("UBND TP.HCM", "Sở Công Thương tỉnh Bình Dương", "ホーチミン市人民委員会", "the
Ho Chi Minh City People's Committee", "Aichi Prefectural Government"). Each is an organisation
mention that spans the body and its place; its country is the place's and its key is null
(the platform resolves it by name). The place keeps its own locality mention.

A body written without its place ("UBND TP", "Sở Ngoại vụ") refers to the place the text is
about; `facts` resolves it.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.text import UPPER

_VI_DEPARTMENTS = (
    "Công Thương|Công thương|Kế hoạch và Đầu tư|Ngoại vụ|Du lịch|Văn hóa và Thể thao|"
    "Văn hóa, Thể thao và Du lịch|Khoa học và Công nghệ|Giáo dục và Đào tạo|Tài chính|Nội vụ|"
    "Lao động - Thương binh và Xã hội|Nông nghiệp và Phát triển nông thôn|"
    "Nông nghiệp và Môi trường|"
    "Tài nguyên và Môi trường|Thông tin và Truyền thông|Y tế|Xây dựng|Giao thông vận tải|"
    "Tư pháp|Quy hoạch - Kiến trúc|"
    # the usual abbreviations: Sở LĐ-TB&XH, Sở KH&ĐT, Sở GD&ĐT...
    r"LĐ-TB&XH|LĐTB&XH|LĐ-TBXH|KH&ĐT|KHĐT|GD&ĐT|GDĐT|VH-TT&DL|VHTTDL|VH,TT&DL|TN&MT|TNMT|"
    r"TT&TT|TTTT|KH&CN|KHCN|NN&PTNT|NNPTNT|NN&MT|GTVT|CT"
)
VI_BODY = re.compile(
    r"(?:(?:Văn phòng |Ban Đối ngoại )?(?:UBND|Ủy ban [Nn]hân dân|Uỷ ban [Nn]hân dân|HĐND|"
    r"Hội đồng [Nn]hân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Sở (?:" + _VI_DEPARTMENTS + r")|"
    r"Chính quyền)|Ban Quản lý các [Kk]hu chế xuất và công nghiệp)"
    r"(?:\s+(?:tỉnh|thành phố|TP\.?|Thành phố|Tỉnh))?(?=\s|[,.;:)]|$)"
)
_VI_BODY_END = re.compile(VI_BODY.pattern + r"\s*$")
JA_BODY = re.compile(
    r"人民委員会|人民評議会|党委員会|共産党委員会|商工局|計画投資局|外務局|外務部|文化スポーツ観光局|"
    r"観光局|県庁|府庁|都庁|市役所|県議会|府議会|都議会|市議会|政府|議会|国際交流協会|商工会議所"
)
EN_BODY_AFTER = re.compile(
    r"\s*(?:(?:Provincial|Municipal|City|Prefectural) )?"
    r"(?:People's Committee|People’s Committee|People's Council|People’s Council|"
    r"Party Committee|Prefectural Government|Prefectural Assembly|City Government|"
    r"Metropolitan Government|City Council|City Hall|"
    r"Department of [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?"
    r"(?: (?:and|of) [A-Z][A-Za-z]+)*|Investment and Trade Promotion Centre|"
    r"International Association|Chamber of Commerce and Industry)"
)
EN_BODY_BEFORE = re.compile(
    r"(?:(?:the )?(?:People's Committee|People’s Committee|People's Council|People’s Council|"
    r"Party Committee|"
    r"Department of [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?(?: (?:and|of) [A-Z][A-Za-z]+)*|"
    r"Government) of (?:the )?)$"
)
# Bodies written without their place: they refer to the place the article is about.
VI_BODY_ALONE = re.compile(
    r"\b(?:UBND|HĐND|Thành ủy|Tỉnh ủy)\s+(?:TP|tỉnh|thành phố|Thành phố)\b(?!\.?\s*" + UPPER + ")"
)


def find_bodies(norm: str, language: str, places: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for place in places:
        if place.kind != "locality":
            continue
        start, end = place.start, place.end
        if language == "vi":
            before = norm[max(0, start - 90) : start]
            m = _VI_BODY_END.search(before)
            if m:
                start = start - len(before) + m.start()
        elif language == "ja":
            m = JA_BODY.match(norm, end)
            if m:
                end = m.end()
        else:
            m = EN_BODY_AFTER.match(norm, end)
            if m:
                end = m.end()
            else:
                before = norm[max(0, start - 60) : start]
                m = EN_BODY_BEFORE.search(before)
                if m:
                    start = start - len(before) + m.start()
        if (start, end) != (place.start, place.end):
            out.append(
                Mention(
                    kind="organisation",
                    start=start,
                    end=end,
                    text=norm[start:end],
                    country=place.country,
                    slug=None,
                    key=None,
                    value=place,  # the place of the body
                )
            )
    return out
