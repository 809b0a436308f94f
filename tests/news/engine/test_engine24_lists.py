"""Priority partners (issue 14, twenty-fourth pass): lists no longer valid (a period that ended
before the article's year), lists denied (重点交流先とはしていません), corrected ("misstated"),
members beside the list ("which rank below the three priority partners"), a member told in
passing ("Can Tho, one of their priority partners"), the topic that is left out of a list in
brackets (…は、本県の重点交流先（A、B、C）には含まれていません), a list restated ("it has read …"),
a group named again after a colon, and members told by their mayors (the cities). Sentences
written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language):
    return list_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Plan\n\nThe former Phu Yen Province had named Kagoshima and Kochi as its key partners "
            "under a 2021-2025 plan; that plan has expired.",
            "en",
        ),
        (
            "Tin\n\nTheo kế hoạch giai đoạn 2021-2025, các đối tác ưu tiên của tỉnh Lai Châu là "
            "tỉnh Shizuoka và tỉnh Kagoshima.",
            "vi",
        ),
        (
            "発表\n\nダナン市とは、市内企業の進出支援を通じた経済交流を続けますが、重点交流先とは"
            "していません。\n\n【問合せ先】広島市国際課",
            "ja",
        ),
        (
            "Plan\n\nAn earlier version of this article misstated Dong Nai's priority partners as "
            "Chiba and Saitama prefectures.",
            "en",
        ),
        (
            "Plan\n\nKobe and Sakai, which rank below the three priority partners, will still "
            "receive delegations from Hue.",
            "en",
        ),
        (
            "Plan\n\nJapan remains Vietnam's top priority partner, and Hanoi sees Osaka and Aichi "
            "as important investors.",
            "en",
        ),
        (
            "Plan\n\nMembers of the delegation from Kumamoto and Kagoshima prefectures toured Can "
            "Tho, one of their priority partners.",
            "en",
        ),
        (
            "Tin\n\nTỉnh Nagano không được giữ lại trong danh sách đối tác ưu tiên mới của tỉnh "
            "Lai Châu.",
            "vi",
        ),
    ],
)
def test_no_list(text, language):
    assert _lists(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a choice told with "one of its key partners" is still a list
        (
            "Plan\n\nNghe An has in turn chosen Gifu Prefecture as one of its key partners in "
            "Japan.",
            "en",
            [("nghe-an", ("gifu-prefecture",), None, None)],
        ),
        # the topic left out of the list in brackets; the members in brackets stay
        (
            "発表\n\nホーチミン市は、本県の重点交流先（ハイフォン市、バクニン省、タイグエン省）には"
            "含まれていませんが、経済交流は続けます。\n\n【問合せ先】愛知県国際課",
            "ja",
            [("aichi-prefecture", ("bac-ninh", "hai-phong", "thai-nguyen"), None, None)],
        ),
        # a list restated after the merger: the list it reads now
        (
            "Plan\n\nToyama's list of three priority partners in Vietnam originally read Ba "
            "Ria-Vung Tau, Lam Dong and Khanh Hoa. Since the merger of July 2025 it has read Ho "
            "Chi Minh City, Lam Dong and Khanh Hoa, and it remains valid until 2030.",
            "en",
            [("toyama-prefecture", ("ho-chi-minh-city", "khanh-hoa", "lam-dong"), 3, "2030")],
        ),
        # a group named again after a colon
        (
            "Plan\n\nHANOI — Fukuoka Prefecture ranked first, Kyoto City second and Ibaraki "
            "Prefecture third among Hanoi's Japanese partners by joint activities. The result "
            "will please city officials: those are the three localities Hanoi chose as its "
            "priority partners in Japan for 2026-2030.",
            "en",
            [
                (
                    "hanoi",
                    ("fukuoka-prefecture", "ibaraki-prefecture", "kyoto-city"),
                    3,
                    "2030",
                )
            ],
        ),
        # members told by their mayors are the cities
        (
            "Plan\n\nThe Chairman of Hanoi on Monday received the mayors of Fukuoka and Saitama, "
            "whose cities Hanoi has made its priority partners in Japan for 2026-2030.",
            "en",
            [("hanoi", ("fukuoka-city", "saitama-city"), None, "2030")],
        ),
        (
            "Plan\n\nHanoi has made Saitama and Fukuoka prefectures its priority partners in Japan "
            "for 2026-2030.",
            "en",
            [("hanoi", ("fukuoka-prefecture", "saitama-prefecture"), None, "2030")],
        ),
    ],
)
def test_lists_told_otherwise(text, language, expected):
    assert _lists(text, language) == expected
