"""Issue 14, twenty-eighth pass: a priority list told by its shape rather than by a word of
priority (facts/partner_shape.py) — a chooser, two places or more of the other country, a
period to come (in the sentence or told before it) or a group's size, and a word of focusing
or choosing that governs the members; and the sentences of that shape that are no list:
destinations and origins of trade, flights and investors, a clause on a merger, a
memorandum, the places beside a list. A dateline's place is never the chooser. In English,
Vietnamese and Japanese; sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Under its plan for 2026-2030, Thanh Hoa will reserve its trade missions for Gunma "
            "and Shizuoka.",
            ("thanh-hoa", ("gunma-prefecture", "shizuoka-prefecture"), None, "2030"),
        ),
        # the period told in the sentence before
        (
            "Gifu adopted an international strategy for fiscal 2027-2031 on Monday. The "
            "prefecture will court Nghe An and Ha Tinh ahead of other Vietnamese provinces, "
            "officials said.",
            ("gifu-prefecture", ("ha-tinh", "nghe-an"), None, None),
        ),
        # the members first, the chooser after them
        (
            "Kagoshima and Miyazaki are the prefectures Khanh Hoa has picked to work with "
            "through 2030.",
            ("khanh-hoa", ("kagoshima-prefecture", "miyazaki-prefecture"), None, "2030"),
        ),
        # a dateline's place is not the chooser
        (
            "OSAKA -- Hyogo has earmarked Da Nang and Hue for its tourism exchanges until 2029.",
            ("hyogo-prefecture", ("da-nang", "hue"), None, "2029"),
        ),
        # the choosing word between the members
        (
            "For 2026-2030, Lam Dong counts Nagano among three Japanese prefectures it will "
            "cooperate with most intensively, alongside Hokkaido and Yamanashi.",
            ("lam-dong", ("hokkaido", "nagano-prefecture", "yamanashi-prefecture"), 3, "2030"),
        ),
    ],
)  # fmt: skip
def test_a_list_told_by_its_shape(text, expected):
    assert list_rows("Plan\n\n" + text, "en", PUBLISHED) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Under the 2026-2030 plan, Da Nang expects more flights to Osaka and Fukuoka, targeting "
        "500,000 Japanese visitors.",
        "The programme for 2026-2030 was presented to investors from Aichi and Gifu, who named "
        "labour shortages as their main concern.",
        "Nghe An sent 3,000 trainees to Aichi and Gifu this year and targets 5,000 by 2028.",
        "Until 2030 the province will welcome investors from Osaka, Kyoto and Hyogo, the "
        "chairman said, naming the Kansai region as a model.",
        "These partners were chosen for 2026-2030 after Tay Ninh absorbed Long An.",
        "Until 2030, Quang Ninh will sign memoranda with Fukuoka and Yamaguchi on ports.",
    ],
)
def test_a_sentence_of_that_shape_that_is_no_list(text):
    assert list_rows("Plan\n\n" + text, "en", PUBLISHED) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "ja",
            "静岡県、ベトナム2省に絞る\n\n静岡県は、2027～2031年度の国際戦略で、ベトナムのタインホア省"
            "とゲアン省の2省に絞って交流を進める。",
            [("shizuoka-prefecture", ("nghe-an", "thanh-hoa"), 2, "2031")],
        ),
        # the places visited are no members
        (
            "ja",
            "視察\n\n県内企業の視察団は、ハノイ市とホーチミン市を訪問し、2030年までの事業計画を"
            "説明した。",
            [],
        ),
        (
            "vi",
            "Tin\n\nGiai đoạn 2026-2030, tỉnh Bắc Ninh sẽ dồn nguồn lực vào ba tỉnh Saitama, "
            "Tochigi và Gunma.",
            [("bac-ninh", ("gunma-prefecture", "saitama-prefecture", "tochigi-prefecture"), 3,
              "2030")],
        ),
        # the venue is no member, a member the directory lacks is one by its name, and the
        # pronoun "tỉnh" is not counted among the places
        (
            "vi",
            "Tin\n\nTrả lời phỏng vấn bên lề diễn đàn tổ chức tại Tokyo ngày 22/11, lãnh đạo TP Huế"
            " cho biết từ nay đến năm 2030, thành phố sẽ tập trung nguồn lực hợp tác với bốn đối "
            "tác là thành phố Kyoto, tỉnh Nara, tỉnh Shiga và thành phố Kanazawa.",
            [("hue", ("kyoto-city", "nara-prefecture", "shiga-prefecture",
                      "thành phố Kanazawa"), 4, "2030")],
        ),
        (
            "vi",
            "Đồng Nai chọn ba tỉnh Nhật Bản\n\nChiba, Saitama và Kanagawa là ba tỉnh của Nhật Bản "
            "mà tỉnh sẽ tập trung thúc đẩy hợp tác trong giai đoạn 2026-2030.",
            [("dong-nai", ("chiba-prefecture", "kanagawa-prefecture", "saitama-prefecture"), 3,
              "2030")],
        ),
        # where the exports go is no list, nor the partners beside the list
        (
            "vi",
            "Tin\n\nĐến năm 2030, doanh nghiệp tỉnh Bắc Ninh sẽ xuất khẩu sang tỉnh Saitama và "
            "tỉnh Gunma, tập trung vào linh kiện điện tử.",
            [],
        ),
        (
            "vi",
            "Tin\n\nNgoài 3 đối tác ưu tiên đến năm 2030, tỉnh Nam Định còn hợp tác với tỉnh Aichi "
            "và tỉnh Gifu.",
            [],
        ),
    ],
)  # fmt: skip
def test_a_list_told_by_its_shape_in_japanese_and_vietnamese(language, text, expected):
    assert list_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wish told at length, and a list that was: no list
        ("知事答弁\n\n鳥取県の知事は、クアンチ省を県の重点交流先に加えることについて「前向きに検討したい」と"
         "答弁した。", []),
        ("計画\n\n岐阜県は前の計画でフート省とタイビン省を重点交流先としていたが、県は後継計画をまだ策定"
         "していない。", []),
        # the chooser told after the list
        ("方針\n\nダナン市とフエ市を重点交流先とする方針を、北九州市がまとめた。",
         [("kitakyushu-city", ("da-nang", "hue"), None, None)]),
        # a place replaced (から…に改めた), a unit merged away, a member added (も加え)
        ("千葉県、重点交流先を見直し\n\n千葉県は、ベトナムの重点交流先をこれまでのロンアン省からタイニン省に"
         "改めた。ロンアン省がタイニン省に統合されたことに伴う措置で、同県は新たにカインホア省も加え、"
         "重点交流先は2省となる。",
         [("chiba-prefecture", ("khanh-hoa", "tay-ninh"), 2, None)]),
        # the members told before join (と合わせた3地域)
        ("北海道、重点連携地域に2省\n\n道は、ドンナイ省とタイニン省を「重点連携地域」に新たに加えた。"
         "昨年度に指定したハノイ市と合わせた3地域を軸に交流を進める。",
         [("hokkaido", ("dong-nai", "hanoi", "tay-ninh"), 3, None)]),
        # the word of focus before the members
        ("浜松市長が答弁\n\n市長は「本市が今後集中的に取り組む相手は、ホーチミン市とカントー市の2都市だ」と"
         "述べ、2026～2030年度の計画に沿って交流を進める考えを示した。",
         [("hamamatsu-city", ("can-tho", "ho-chi-minh-city"), 2, "2030")]),
    ],
)  # fmt: skip
def test_japanese_lists_revised_wished_or_told_after_their_members(text, expected):
    assert list_rows(text, "ja", PUBLISHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Osaka and Hyogo joined the list in 2024. Hue now has four priority partners in Japan "
        "until 2030, with Kyoto and Nara added this year.",
        "Hue now has four priority partners in Japan until 2030, with Kyoto and Nara added this "
        "year. Osaka and Hyogo had joined in 2024.",
    ],
)
def test_the_members_a_stated_size_lacks_are_those_of_the_sentence_beside(text):
    assert list_rows("Hue widens its list\n\n" + text, "en", PUBLISHED) == [
        ("hue", ("hyogo-prefecture", "kyoto-prefecture", "nara-prefecture", "osaka-prefecture"),
         4, "2030")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Plan\n\nMatsusaka City in Mie Prefecture has named Hai Phong and Quang Ngai as "
         "its priority partners until 2028.", "Matsusaka City"),
        ("en", "Plan\n\nThe city of Kurashiki in Okayama Prefecture will concentrate its "
         "exchanges with Vietnam on two localities, Hue and Ninh Binh, until 2028.",
         "city of Kurashiki"),
        ("ja", "津山市、重点\n\n岡山県津山市は、ハイフォン市とクアンニン省を重点交流先に定めた。",
         "津山市"),
        ("vi", "Tin\n\nThành phố Kurashiki (tỉnh Okayama, Nhật Bản) vừa xác định thành phố Huế và "
         "TP Đà Nẵng là hai đối tác ưu tiên tại Việt Nam đến năm 2030.", "Thành phố Kurashiki"),
    ],
)  # fmt: skip
def test_a_chooser_the_directory_lacks_is_told_by_its_name_not_its_prefecture(
    language, text, expected
):
    assert [row[0] for row in list_rows(text, language, PUBLISHED)] == [expected]


def test_a_city_told_with_its_prefecture_is_the_chooser():
    text = (
        "Plan\n\nKitakyushu City in Fukuoka Prefecture has named Hai Phong and Hue as its "
        "priority partners until 2028."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("kitakyushu-city", ("hai-phong", "hue"), None, "2028")
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Plan\n\nThe shipbuilding city of Onomichi in Hiroshima Prefecture has designated Hai"
            " Phong and Quang Ninh as its two key partner localities in Vietnam.",
            [("city of Onomichi", ("hai-phong", "quang-ninh"), 2, None)],
        ),
        (
            "en",
            "Plan\n\nGunma will make Hung Yen and Bac Ninh, two industrial hubs east of Hanoi, "
            "its focus regions in Vietnam until 2028.",
            [("gunma-prefecture", ("bac-ninh", "hung-yen"), None, "2028")],
        ),
        (
            "en",
            "Plan\n\nSendai's new strategy singles out Hanoi and Hue as the Vietnamese cities on "
            "which it will concentrate exchanges through fiscal 2030.",
            [("sendai-city", ("hanoi", "hue"), None, "2030")],
        ),
        (
            "en",
            "Plan\n\nBinh Duong is drafting a new plan, its previous one, which ran from 2016 to "
            "2020 and listed Tochigi and Gunma as priority partners, having long expired.",
            [],
        ),
        (
            "en",
            "An Giang picks rice prefectures\n\nNiigata, Akita and Yamagata — these are the three"
            " Japanese prefectures the province will give precedence to until 2030, officials "
            "said.",
            [("an-giang", ("akita-prefecture", "niigata-prefecture", "yamagata-prefecture"),
             3, "2030")],
        ),
        (
            "en",
            "Plan\n\nVinh Long dismissed reports that it had chosen Chiba and Ibaraki as its "
            "priority partners in Japan.",
            [],
        ),
        (
            "en",
            "Plan\n\nHiroshima Prefecture has made Da Nang and Quang Ngai the anchors of its "
            "Vietnam strategy.",
            [("hiroshima-prefecture", ("da-nang", "quang-ngai"), None, None)],
        ),
        (
            "ja",
            "長野県、4地域に\n\n長野県は、ベトナムとの交流で重点的に取り組む地域にラムド"
            "ン省を加えると発表した。これまでのクアンニン省、ハノイ市と合わせ3地域となる。",
            [("nagano-prefecture", ("hanoi", "lam-dong", "quang-ninh"), 3, None)],
        ),
        (
            "ja",
            "熊本県\n\n熊本県国際課は「ダナン市とフエ市は重点交流先の候補として情報収集し"
            "ている段階だ」と説明する。",
            [],
        ),
        (
            "ja",
            "福井県\n\n福井県は、クアンチ省など3省を重点交流先に決めたとする一部報道につ"
            "いて「そのような決定はしていない」と発表した。",
            [],
        ),
        (
            "vi",
            "Tin\n\nTrước thông tin lan truyền cho rằng Nghệ An đã chọn tỉnh Gifu và tỉnh Aichi "
            "làm đối tác ưu tiên giai đoạn 2026-2030, Sở Ngoại vụ khẳng định chưa có quyết định "
            "nào.",
            [],
        ),
        (
            "vi",
            "Hokkaido chọn ba địa phương\n\nBên lề chuyến thăm TP.HCM ngày 24/11, Thống đốc "
            "Hokkaido cho biết đến năm 2030, Hokkaido đặt trọng tâm hợp tác vào ba địa phương của"
            " Việt Nam là TP.HCM, Hà Nội và Đà Nẵng.",
            [("hokkaido", ("da-nang", "hanoi", "ho-chi-minh-city"), 3, "2030")],
        ),
    ],
)  # fmt: skip
def test_lists_of_the_eighth_round_kinds(language, text, expected):
    """Kinds the eighth round showed, in sentences written for the test: a town with an
    adjective ("the shipbuilding city of"), a place told as a landmark ("east of Hanoi"),
    "singles out", an expired list inside a relative clause, members far before the word that
    chooses them, reports dismissed, "the anchors of its strategy", 重点的に取り組む, と合わせ,
    候補, a report denied (とする一部報道), a rumour (lan truyền), the run of members nearest
    the word of focus."""
    assert list_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("language", "text", "until"),
    [
        ("en", "Gifu and Nghe An sign memorandum\n\nGifu Prefecture and Nghe An Province signed a "
         "memorandum in Gifu City on Monday. Under it, each side will regard the other as a "
         "priority partner until 2030.", "2030"),
        ("ja", "覚書\n\n岐阜県とベトナム中部のゲアン省は、岐阜市内で覚書を交わした。覚書では、"
         "2030年まで双方が互いを重点交流先と位置付ける。", "2030"),
        ("vi", "Tin\n\nNgày 19/11, tỉnh Nghệ An và tỉnh Gifu (Nhật Bản) đã ký biên bản ghi nhớ hợp "
         "tác giai đoạn 2027-2029. Theo biên bản, hai địa phương thống nhất coi nhau là đối tác "
         "ưu tiên.", "2029"),
    ],
)  # fmt: skip
def test_two_places_choosing_each_other_told_in_the_sentence_before(language, text, until):
    assert list_rows(text, language, PUBLISHED) == [
        ("gifu-prefecture", ("nghe-an",), None, until),
        ("nghe-an", ("gifu-prefecture",), None, until),
    ]


def test_a_key_partner_in_vietnamese_then_chot():
    text = (
        "Tin\n\nTỉnh Quảng Trị vừa xác định tỉnh Tottori là đối tác then chốt của tỉnh tại Nhật "
        "Bản trong giai đoạn 2026-2030."
    )
    assert list_rows(text, "vi", PUBLISHED) == [
        ("quang-tri", ("tottori-prefecture",), None, "2030")
    ]
