"""Two demo articles on the news desk, one in Vietnamese and one in Japanese, read by hand
in the engine's format (docs/news-format.md) so that the desk shows suggestions waiting for
review whatever the engine makes of them: a visit and a priority list that adds partners to
Ho Chi Minh City's known one; a renewal of Osaka Prefecture's agreement with the city, a
visit and an event. The people are invented and the articles marked as demo."""

import datetime as dt

from django.db import transaction

from kakehashi.news.importing import import_article, text_hash
from kakehashi.news.models import Article, ArticleOrigin
from kakehashi.news.reading import store_facts

VI_TEXT = (
    "TP.HCM xác định 5 đối tác ưu tiên của Nhật Bản đến năm 2025\n\n"
    "Ngày 11/3/2024, Phó Chủ tịch UBND TP.HCM Nguyễn Văn Minh đã tiếp Thứ trưởng Bộ Ngoại "
    "giao Trần Thị Lan đến làm việc về hợp tác với các địa phương Nhật Bản.\n\n"
    "Theo kế hoạch hợp tác quốc tế giai đoạn đến năm 2025, Thành phố xác định 5 đối tác ưu "
    "tiên gồm tỉnh Osaka, tỉnh Aichi, tỉnh Hyogo, thành phố Yokohama và thành phố Fukuoka.\n\n"
    "Hiện TP.HCM có quan hệ hợp tác với 9 địa phương của Nhật Bản. Thứ trưởng đề nghị Thành "
    "phố kết nối với các trung tâm đổi mới sáng tạo của Nhật Bản."
)

JA_TEXT = (
    "大阪府とホーチミン市、経済交流の覚書を更新\n\n"
    "大阪府の山田太郎副知事は2024年10月15日、ホーチミン市を訪問し、グエン・ヴァン・ミン"
    "人民委員会副委員長と会談した。\n\n"
    "両者は同日、産業・貿易・投資分野の交流に関する覚書を更新した。\n\n"
    "大阪府は2025年2月に「ベトナム・ビジネスセミナー」を大阪市で開催し、個別商談会を行う予定だ。"
)


def _sentence(text: str, start_of: str) -> tuple[str, list[int]]:
    start = text.index(start_of)
    stops = [text.find(mark, start) + 1 for mark in (". ", ".\n", "。")]
    end = min([stop for stop in stops if stop > 0] + [len(text)])
    return text[start:end], [start, end]


def _place(name: str, slug: str | None) -> dict:
    return {"name": name, "slug": slug}


def _mentions(text: str, found: list[tuple]) -> list[dict]:
    """(as written, kind, slug[, a text it comes after]) as the engine's mentions."""
    mentions = []
    for written, kind, slug, *after in found:
        start = text.index(written, text.index(after[0]) if after else 0)
        mentions.append(
            {
                "kind": kind,
                "start": start,
                "end": start + len(written),
                "text": written,
                "slug": slug,
                "key": None,
            }
        )
    return mentions


def _fact(text: str, start_of: str, confidence: float, **fields) -> dict:
    evidence, span = _sentence(text, start_of)
    return {**fields, "evidence": evidence, "confidence": confidence, "span": span}


def vi_document() -> dict:
    hcmc = _place("TP.HCM", "ho-chi-minh-city")
    return {
        "format": "kakehashi-news/1",
        "language": "vi",
        "published": "2024-03-12",
        "facts": [
            _fact(
                VI_TEXT,
                "Ngày 11/3/2024",
                0.92,
                type="visit",
                visitor="Trần Thị Lan",
                visitor_role="Thứ trưởng Bộ Ngoại giao",
                host="Nguyễn Văn Minh",
                host_role="Phó Chủ tịch UBND TP.HCM",
                host_locality=hcmc,
                date="2024-03-11",
                purpose="làm việc về hợp tác với các địa phương Nhật Bản",
            ),
            _fact(
                VI_TEXT,
                "Theo kế hoạch",
                0.88,
                type="priority_partners",
                locality=_place("Thành phố", "ho-chi-minh-city"),
                partners=[
                    _place("tỉnh Osaka", "osaka-prefecture"),
                    _place("tỉnh Aichi", "aichi-prefecture"),
                    _place("tỉnh Hyogo", "hyogo-prefecture"),
                    _place("thành phố Yokohama", "yokohama-city"),
                    _place("thành phố Fukuoka", "fukuoka-city"),
                ],
                list_size=5,
                until="2025",
            ),
            _fact(
                VI_TEXT,
                "Ngày 11/3/2024",
                0.8,
                type="person",
                name="Trần Thị Lan",
                role="Thứ trưởng",
                organisation={"name": "Bộ Ngoại giao", "slug": None, "key": "mofa-vn"},
                country="VN",
            ),
            _fact(
                VI_TEXT,
                "Hiện TP.HCM",
                0.85,
                type="partnership_count",
                locality=hcmc,
                country="JP",
                count=9,
            ),
        ],
        "mentions": _mentions(
            VI_TEXT,
            [
                ("Ngày 11/3/2024", "date", None),
                ("UBND TP.HCM", "organisation", None),
                ("Nguyễn Văn Minh", "person", None),
                ("Bộ Ngoại giao", "organisation", None),
                ("Trần Thị Lan", "person", None),
                ("tỉnh Osaka", "locality", "osaka-prefecture"),
                ("tỉnh Aichi", "locality", "aichi-prefecture"),
                ("tỉnh Hyogo", "locality", "hyogo-prefecture"),
                ("thành phố Yokohama", "locality", "yokohama-city"),
                ("thành phố Fukuoka", "locality", "fukuoka-city"),
            ],
        ),
    }


def ja_document() -> dict:
    osaka, hcmc = _place("大阪府", "osaka-prefecture"), _place("ホーチミン市", "ho-chi-minh-city")
    return {
        "format": "kakehashi-news/1",
        "language": "ja",
        "published": "2024-10-16",
        "facts": [
            _fact(
                JA_TEXT,
                "大阪府の山田太郎",
                0.9,
                type="visit",
                visitor="山田太郎",
                visitor_role="大阪府副知事",
                host="グエン・ヴァン・ミン",
                host_role="人民委員会副委員長",
                host_locality=hcmc,
                date="2024-10-15",
                purpose=None,
            ),
            _fact(
                JA_TEXT,
                "両者は同日",
                0.86,
                type="agreement",
                parties=[osaka, hcmc],
                agreement_type="cooperation_mou",
                type_as_stated="覚書",
                field="産業・貿易・投資",
                date="2024-10-15",
                status="renewed",
            ),
            _fact(
                JA_TEXT,
                "大阪府は2025年2月",
                0.7,
                type="event",
                name="ベトナム・ビジネスセミナー",
                date="2025-02",
                organisers=[{"name": "大阪府", "slug": None, "key": None}],
                sectors=["trade"],
                one_to_one_meetings=None,
            ),
        ],
        "mentions": _mentions(
            JA_TEXT,
            [
                ("大阪府", "locality", "osaka-prefecture"),
                ("山田太郎", "person", None),
                ("2024年10月15日", "date", None),
                ("ホーチミン市", "locality", "ho-chi-minh-city", "副知事は"),
                ("グエン・ヴァン・ミン", "person", None),
                ("2025年2月", "date", None),
                ("大阪市", "locality", "osaka-city"),
            ],
        ),
    }


def load_news_articles() -> int:
    """The two demo articles with their suggestions; an article already loaded (or
    decided on since) is left as it is."""
    loaded = 0
    for text, title, published, document in (
        (VI_TEXT, "", dt.date(2024, 3, 12), vi_document),
        (JA_TEXT, "", dt.date(2024, 10, 16), ja_document),
    ):
        if Article.objects.filter(text_hash=text_hash(text)).exists():
            continue
        # One transaction: the engine's background reading is queued on commit and finds the
        # article read already, so the hand-written facts stay.
        with transaction.atomic():
            article, _created = import_article(
                text=text,
                title=title,
                published_on=published,
                origin=ArticleOrigin.PASTED,
                by=None,
                is_demo=True,
            )
            store_facts(article=article, document=document())
        loaded += 1
    return loaded
