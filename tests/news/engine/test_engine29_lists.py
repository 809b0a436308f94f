"""Issue 14, twenty-ninth pass: priority lists revised and told in pieces — members kept and
dropped ("keeping A and B and dropping C"), the period told by "the revised list", a single
member added to a list (…を加える), a member joining in the next sentence (のほか…も盛り込ま
れ), places fronted before a dash and counted after (ハイフォン、クアンニン――。…この3地域),
a member the directory lacks beside the bracket of its prefecture, the pronoun of the passive
("được tỉnh ưu tiên") as the chooser; a list denied (として定めない方針) and a Japanese dateline
(【ハノイ】). Sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine.extract import analyse
from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Shimane cuts its list\n\nShimane Prefecture has narrowed the Vietnamese provinces "
            "it gives priority to, keeping Hue and Quang Tri and dropping Da Nang and Quang "
            "Ngai, an official said. The revised list will run until fiscal 2029.",
            "en",
            [("shimane-prefecture", ("hue", "quang-tri"), None, "2029")],
        ),
        (
            "Tin\n\nUBND tỉnh Ninh Bình vừa ban hành kế hoạch giai đoạn 2026-2028, trong đó "
            "thành phố Kurashiki (tỉnh Okayama) và thành phố Kobe (tỉnh Hyogo) là hai địa phương "
            "Nhật Bản được tỉnh ưu tiên hợp tác.",
            "vi",
            [("ninh-binh", ("kobe-city", "thành phố Kurashiki"), 2, "2028")],
        ),
        (
            "発表\n\n岡山県は3日、ベトナムとの交流で重点的に取り組む地域に、北部のニンビン省を"
            "加えると発表した。",
            "ja",
            [("okayama-prefecture", ("ninh-binh",), None, None)],
        ),
        (
            "発表\n\n岡山県は3日、ベトナムとの交流で重点的に取り組む地域に、北部のニンビン省を"
            "加えると発表した。これにより県の重点交流地域は、従来のフエ市、ダナン市と合わせて"
            "3地域となる。",
            "ja",
            [("okayama-prefecture", ("da-nang", "hue", "ninh-binh"), 3, None)],
        ),
        (
            "発表\n\nベトナム中部のクアンチ省が定めた2030年までの計画で、鳥取県が日本の重点協力先に"
            "選ばれた。日本からは鳥取県のほか島根県も盛り込まれた。",
            "ja",
            [("quang-tri", ("shimane-prefecture", "tottori-prefecture"), None, "2030")],
        ),
        (
            "発表\n\nカントー、アンザン、ドンタップ――。福岡市が農業技術の協力で狙うのは、この3地域"
            "だ。同市は、3地域を2029年度までの「重点協力地域」に指定した。",
            "ja",
            [("fukuoka-city", ("an-giang", "can-tho", "dong-thap"), 3, "2029")],
        ),
        (
            "発表\n\n北九州市は、ベトナムの重点支援都市にフエ市を加えた。",
            "ja",
            [("kitakyushu-city", ("hue",), None, None)],
        ),
    ],
)
def test_lists_revised_and_told_in_pieces(text, language, expected):
    assert list_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "発表\n\n秋田県は、新たな計画で特定の外国地域を「重点地域」として定めない方針を示した。"
            "前計画ではベトナムのフエ市とダナン市を重点地域としていたが、期間満了で指定は終了した。",
            "ja",
        ),
    ],
)
def test_no_list(text, language):
    assert list_rows(text, language, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("計画\n\n【ハノイ】ベトナム北部のバクニン省は、対日協力計画を承認した。", "hanoi"),
        ("計画\n\n【ハノイ＝共同】バクニン省は、対日協力計画を承認した。", "hanoi"),
        ("計画\n\nバクニン省は【ハノイ】で対日協力計画を承認した。", None),
    ],
)
def test_a_japanese_dateline_names_where_the_news_is_filed_from(text, expected):
    place = analyse(text, "ja", PUBLISHED, None).dateline_place
    assert (place and place.slug) == expected
