"""Reason codes and their sentences.

| code | params | sentence (en) |
|---|---|---|
| complementary_kinds | query_kind, kind | "The kinds complement each other: {query_kind} |
|  |  | and {kind}." |
| similar_meaning | level (strong, good, partial), | "Very similar in meaning." / "Similar in |
|  | similarity (0..1) | meaning." / "Partly similar in meaning." |
| shared_concepts | concepts (glossary ids) | "Both are about {concepts}." |
| shared_sectors | sectors (sector codes) | "Both in the sectors {sectors}." |
| shared_keywords | keywords (tokens or keywords) | "Shared keywords: {keywords}." |
| partner_localities | locality, partner | "{locality} and {partner} have a partnership |
|  |  | agreement." |
| priority_partner | locality, partner | "{locality} is a priority partner of {partner}." |
| met_before | organisation, other | "{organisation} and {other} have met before." |
| target_locality | locality | "{locality} is one of the localities sought." |
| target_country | country | "{country} is one of the countries sought." |

The Django side renders the same codes through gettext; `explain()` serves the command line
(English) and gives Vietnamese and Japanese sentences for tools without Django. Locality and
organisation codes are shown as given unless a `names` mapping turns them into names.
"""

from __future__ import annotations

from collections.abc import Mapping

from kakehashi.matching.engine.glossary import concept_label
from kakehashi.matching.engine.model import Reason

KIND_LABELS = {
    "en": {
        "business_offer": "business offer",
        "business_request": "business request",
        "technology_offer": "technology offer",
        "technology_request": "technology request",
        "investment_project": "investment project",
        "export_product": "export product",
        "cooperation_programme": "cooperation programme",
        "research_cooperation": "research cooperation",
        "organisation": "organisation",
    },
    "vi": {
        "business_offer": "chào bán kinh doanh",
        "business_request": "nhu cầu kinh doanh",
        "technology_offer": "chào bán công nghệ",
        "technology_request": "nhu cầu công nghệ",
        "investment_project": "dự án đầu tư",
        "export_product": "sản phẩm xuất khẩu",
        "cooperation_programme": "chương trình hợp tác",
        "research_cooperation": "hợp tác nghiên cứu",
        "organisation": "tổ chức",
    },
    "ja": {
        "business_offer": "ビジネス提案",
        "business_request": "ビジネス要望",
        "technology_offer": "技術提案",
        "technology_request": "技術ニーズ",
        "investment_project": "投資案件",
        "export_product": "輸出品",
        "cooperation_programme": "協力プログラム",
        "research_cooperation": "研究協力",
        "organisation": "団体",
    },
}

TEMPLATES = {
    "en": {
        "complementary_kinds": "The kinds complement each other: {query_kind} and {kind}.",
        "similar_meaning.strong": "Very similar in meaning.",
        "similar_meaning.good": "Similar in meaning.",
        "similar_meaning.partial": "Partly similar in meaning.",
        "similar_meaning.weak": "Hardly similar in meaning.",
        "shared_concepts": "Both are about {concepts}.",
        "shared_sectors": "Both in the sectors {sectors}.",
        "shared_keywords": "Shared keywords: {keywords}.",
        "partner_localities": "{locality} and {partner} have a partnership agreement.",
        "priority_partner": "{locality} is a priority partner of {partner}.",
        "met_before": "{organisation} and {other} have met before.",
        "target_locality": "{locality} is one of the localities sought.",
        "target_country": "{country} is one of the countries sought.",
    },
    "vi": {
        "complementary_kinds": "Hai loại bổ sung cho nhau: {query_kind} và {kind}.",
        "similar_meaning.strong": "Nội dung rất tương đồng.",
        "similar_meaning.good": "Nội dung tương đồng.",
        "similar_meaning.partial": "Nội dung tương đồng một phần.",
        "similar_meaning.weak": "Nội dung ít tương đồng.",
        "shared_concepts": "Cả hai cùng về {concepts}.",
        "shared_sectors": "Cả hai cùng lĩnh vực {sectors}.",
        "shared_keywords": "Từ khóa chung: {keywords}.",
        "partner_localities": "{locality} và {partner} có thỏa thuận hợp tác.",
        "priority_partner": "{locality} là đối tác ưu tiên của {partner}.",
        "met_before": "{organisation} và {other} đã từng gặp nhau.",
        "target_locality": "{locality} là một trong các địa phương được tìm kiếm.",
        "target_country": "{country} là một trong các quốc gia được tìm kiếm.",
    },
    "ja": {
        "complementary_kinds": "{query_kind}と{kind}の組み合わせです。",
        "similar_meaning.strong": "内容がよく似ています。",
        "similar_meaning.good": "内容が似ています。",
        "similar_meaning.partial": "内容が一部似ています。",
        "similar_meaning.weak": "内容はあまり似ていません。",
        "shared_concepts": "どちらも{concepts}に関するものです。",
        "shared_sectors": "どちらも{sectors}の分野です。",
        "shared_keywords": "共通のキーワード：{keywords}。",
        "partner_localities": "{locality}と{partner}は提携関係にあります。",
        "priority_partner": "{locality}は{partner}の優先パートナーです。",
        "met_before": "{organisation}と{other}は以前に面談しています。",
        "target_locality": "{locality}は希望する地域の一つです。",
        "target_country": "{country}は希望する国の一つです。",
    },
}
_JOINERS = {"en": ", ", "vi": ", ", "ja": "、"}


def explain(reason: Reason, language: str = "en", names: Mapping[str, str] | None = None) -> str:
    """One sentence for `reason` in `language` ("en" by default; "vi" and "ja" also given).
    `names` maps locality, organisation, country and sector codes to display names."""
    if language not in TEMPLATES:
        language = "en"
    names = names or {}
    code = reason.code
    if code == "similar_meaning":
        # A level, never a percentage (shown.SIMILARITY_LEVELS says why).
        code = f"similar_meaning.{reason.params.get('level', 'partial')}"
    template = TEMPLATES[language].get(code)
    if template is None:
        return f"{reason.code}: {dict(reason.params)}"
    joiner = _JOINERS[language]
    values = {}
    for key, value in reason.params.items():
        if key == "concepts":
            value = joiner.join(concept_label(c, language) for c in value)
        elif key in ("query_kind", "kind"):
            value = KIND_LABELS[language].get(value, value)
        elif isinstance(value, list | tuple):
            value = joiner.join(names.get(v, v) for v in value)
        else:
            value = names.get(value, value)
        values[key] = value
    try:
        return template.format(**values)
    except KeyError:
        return f"{reason.code}: {dict(reason.params)}"
