"""Priority partners (issue 14, twentieth pass): a list given in an annex or a table the sentence
refers to ("別表に掲げる２都市を重点連携先と定め", "listed in the annex", "tại Phụ lục kèm
theo") has the annex's rows as its members, not the places the next sentence names (a city kept
out of the list, a partner under study). Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language):
    return list_rows(text, language, PUBLISHED, fields=("list_size",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "「静岡市国際交流プラン」を改定しました\n\n静岡市は、国際交流プランを改定しました。"
            "改定後のプランでは、ベトナムにおける重点連携先を別表に掲げる２都市と定めます。\n\n"
            "なお、フエ市とは文化交流を続けますが、重点連携先には含めていません。\n\n"
            "別表　ベトナムにおける重点連携先\n都市名｜主な分野\nダナン市｜観光\n"
            "ハイフォン市｜港湾\n\n"
            "【問合せ先】静岡市国際課\n",
            "ja",
            [("shizuoka-city", ("da-nang", "hai-phong"), 2)],
        ),
        (
            "方針の改定\n\n岐阜県は、別紙に掲げる３地域を重点交流先としました。"
            "ハノイ市についても、今後、重点交流先に加えることを検討します。\n\n"
            "別紙　重点交流先\n・ゲアン省\n・ハティン省\n・タインホア省\n\n"
            "【問合せ先】岐阜県国際課\n",
            "ja",
            [("gifu-prefecture", ("ha-tinh", "nghe-an", "thanh-hoa"), 3)],
        ),
        (
            "Nara adopts exchange plan\n\nNara Prefecture has designated the two Vietnamese "
            "localities listed in the annex as its priority partners. Hanoi, a long-standing "
            "friend, is not among them.\n\nAnnex: priority partner localities\n"
            "- Hue City | culture, tourism\n- Quang Ninh Province | heritage\n\n"
            "Contact: International Affairs Division, Nara Prefecture\n",
            "en",
            [("nara-prefecture", ("hue", "quang-ninh"), 2)],
        ),
        (
            "Quyết định\n\nUBND tỉnh Nghệ An xác định 3 địa phương Nhật Bản là đối tác ưu tiên tại "
            "Phụ lục kèm theo Quyết định. Tỉnh Aichi tiếp tục là đối tác hữu nghị.\n\n"
            "Phụ lục: Danh sách đối tác ưu tiên\n- Tỉnh Gifu\n- Tỉnh Shizuoka\n- Thành phố Sakai\n",
            "vi",
            [("nghe-an", ("gifu-prefecture", "sakai-city", "shizuoka-prefecture"), 3)],
        ),
    ],
)
def test_list_in_an_annex(text, language, expected):
    assert _lists(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # an annex of participants, no list of partners
        (
            "説明会の開催\n\n本市は、別表の団体の参加を得て説明会を開催しました。\n\n"
            "別表　参加団体\nダナン市｜観光局\nハイフォン市｜港湾局\n\n【問合せ先】静岡市国際課\n",
            "ja",
        ),
        (
            "Seminar held\n\nThe seminar drew the delegations listed in the annex.\n\n"
            "Annex: participants\n- Hue City\n- Quang Ninh Province\n",
            "en",
        ),
    ],
)
def test_annex_of_no_list(text, language):
    assert _lists(text, language) == []
