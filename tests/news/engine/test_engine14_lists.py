"""Priority lists (issue 14, fourteenth pass), on sentences written for the test, each cause in
several shapes: "được ưu tiên" after the partners' noun and "dành ưu tiên cho", "give priority
to", "core partners"; a list's size told as a change ("từ 3 lên 5", "from two to four"); the
next sentence naming the list again ("danh sách này hiện gồm", "The list now includes"); a
place in a merger clause is never the chooser, nor the place a pronoun after it stands for; a
choice returned (ゲアン省も本県を…, "in turn", "cũng") is a list of its own; one year as the
period ("trong năm 2027", "for fiscal 2027", 2027年度の). And look-alikes that give nothing."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 11, 20)


def _lists(text, language="vi"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == "priority_partners"]


def _slugs(fact):
    return sorted(p["slug"] or p["name"] for p in fact["partners"])


@pytest.mark.parametrize(
    ("language", "text", "chooser", "partners", "size"),
    [
        (
            "vi",
            "Kế hoạch của UBND tỉnh Nghệ An xác định các đối tác được ưu tiên hợp tác là tỉnh "
            "Gifu, tỉnh Shizuoka và thành phố Hamamatsu.",
            "nghe-an",
            ["gifu-prefecture", "hamamatsu-city", "shizuoka-prefecture"],
            None,
        ),
        (
            "vi",
            "Các địa phương Nhật Bản được tỉnh Nghệ An lựa chọn ưu tiên trong giai đoạn "
            "2026-2030 gồm tỉnh Aichi và tỉnh Mie.",
            "nghe-an",
            ["aichi-prefecture", "mie-prefecture"],
            None,
        ),
        (
            "vi",
            "Trong năm 2027, tỉnh Bắc Ninh sẽ dành ưu tiên cho 3 địa phương là tỉnh Nagano, "
            "tỉnh Saitama và tỉnh Gunma.",
            "bac-ninh",
            ["gunma-prefecture", "nagano-prefecture", "saitama-prefecture"],
            3,
        ),
        (
            "vi",
            "Thành phố Đà Nẵng dành sự ưu tiên cho hai đối tác: thành phố Sakai và tỉnh Kochi.",
            "da-nang",
            ["kochi-prefecture", "sakai-city"],
            2,
        ),
        (
            "en",
            "For 2027, Hung Yen will give priority to four partners: Ibaraki Prefecture, "
            "Tochigi Prefecture, Gunma Prefecture and Sagamihara City.",
            "hung-yen",
            ["gunma-prefecture", "ibaraki-prefecture", "sagamihara-city", "tochigi-prefecture"],
            4,
        ),
        (
            "en",
            "Hai Phong has chosen three core partners for 2026-2030: Nara Prefecture, Kyoto "
            "City and Kumamoto City.",
            "hai-phong",
            ["kumamoto-city", "kyoto-city", "nara-prefecture"],
            3,
        ),
    ],
)
def test_other_words_for_priority_give_a_list(language, text, chooser, partners, size):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners
    assert fact["list_size"] == size


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("vi", "Tỉnh Quảng Ninh dành ưu tiên cho tỉnh Tottori trong lĩnh vực du lịch."),
        ("vi", "Tỉnh Quảng Ninh dành ưu tiên cho phát triển du lịch biển đảo và cảng biển."),
        ("vi", "Tỉnh Lạng Sơn được ưu tiên bố trí vốn cho dự án cửa khẩu với tỉnh Shiga."),
        ("en", "Hung Yen will give priority to Ibaraki Prefecture in farm training."),
        ("en", "The province gives priority to high-tech agriculture and supporting industries."),
        ("en", "Nghe An sees Gifu Prefecture as a key partner in farm training."),
    ],
)
def test_a_preference_or_a_priority_of_sectors_is_no_list(language, text):
    assert _lists(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "chooser", "partners", "size"),
    [
        (
            "vi",
            "Tỉnh Bắc Ninh nâng số địa phương trong nhóm đối tác trọng điểm từ 3 lên 5. Theo "
            "kế hoạch, bên cạnh ba đối tác cũ là tỉnh Nagano, tỉnh Saitama và tỉnh Tochigi, "
            "tỉnh bổ sung tỉnh Fukushima và thành phố Koriyama.",
            "bac-ninh",
            [
                "fukushima-prefecture",
                "nagano-prefecture",
                "saitama-prefecture",
                "thành phố Koriyama",
                "tochigi-prefecture",
            ],
            5,
        ),
        (
            "vi",
            "Tỉnh Lâm Đồng thu gọn danh sách đối tác ưu tiên từ năm xuống còn ba địa phương: "
            "tỉnh Nagano, tỉnh Shizuoka và thành phố Hamamatsu.",
            "lam-dong",
            ["hamamatsu-city", "nagano-prefecture", "shizuoka-prefecture"],
            3,
        ),
        (
            "en",
            "Da Nang widened its group of key partners from two to four. The list now includes "
            "Sakai City, Kochi Prefecture, Yokohama City and Hiroshima Prefecture.",
            "da-nang",
            ["hiroshima-prefecture", "kochi-prefecture", "sakai-city", "yokohama-city"],
            4,
        ),
    ],
)
def test_a_size_told_as_a_change_takes_the_new_number(language, text, chooser, partners, size):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners
    assert fact["list_size"] == size


def test_a_size_change_in_money_is_no_size():
    text = (
        "Tỉnh Bắc Ninh chọn tỉnh Nagano và tỉnh Saitama là đối tác trọng điểm, vốn đầu tư tăng "
        "từ 3 lên 5 tỷ USD."
    )
    (fact,) = _lists(text)
    assert fact["list_size"] is None


@pytest.mark.parametrize(
    ("language", "text", "partners"),
    [
        (
            "vi",
            "Sau chuyến công tác, UBND tỉnh Thanh Hóa quyết định bổ sung tỉnh Shizuoka vào danh "
            "sách đối tác ưu tiên của tỉnh. Như vậy, danh sách này hiện gồm tỉnh Gifu, tỉnh "
            "Kumamoto và tỉnh Shizuoka.",
            ["gifu-prefecture", "kumamoto-prefecture", "shizuoka-prefecture"],
        ),
        (
            "vi",
            "Tỉnh Thanh Hóa đã hoàn thành việc xác định các đối tác ưu tiên tại Nhật Bản. Danh "
            "sách gồm tỉnh Gifu và tỉnh Kumamoto.",
            ["gifu-prefecture", "kumamoto-prefecture"],
        ),
        (
            "en",
            "Thanh Hoa added Shizuoka Prefecture to its priority partners after the trip. The "
            "revised list comprises Gifu Prefecture, Kumamoto Prefecture and Shizuoka Prefecture.",
            ["gifu-prefecture", "kumamoto-prefecture", "shizuoka-prefecture"],
        ),
    ],
)
def test_the_next_sentence_naming_the_list_again_gives_the_whole_list(language, text, partners):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == "thanh-hoa"
    assert _slugs(fact) == partners


def test_a_next_sentence_about_something_else_is_not_read():
    text = (
        "Tỉnh Thanh Hóa bổ sung tỉnh Shizuoka vào danh sách đối tác ưu tiên. Cùng ngày, đoàn "
        "làm việc với tỉnh Gifu và tỉnh Kumamoto."
    )
    (fact,) = _lists(text)
    assert _slugs(fact) == ["shizuoka-prefecture"]


@pytest.mark.parametrize(
    ("language", "text", "chooser"),
    [
        (
            "en",
            "Ninh Binh, which merged with Nam Dinh and Ha Nam provinces in July 2025, has named "
            "four Japanese localities as its key partners: Nara Prefecture, Kyoto City, "
            "Yamanashi Prefecture and Kumamoto City.",
            "ninh-binh",
        ),
        (
            "en",
            "After absorbing Ha Nam, Ninh Binh selected Nara Prefecture and Kyoto City as its "
            "priority exchange partners through 2030.",
            "ninh-binh",
        ),
        (
            "vi",
            "Tỉnh Lào Cai đã tổng kết năm 2026. Sau khi hợp nhất với tỉnh Yên Bái, tỉnh đã xác "
            "định các đối tác ưu tiên tại Nhật Bản đến năm 2030, gồm tỉnh Nagano và tỉnh Gunma.",
            "lao-cai",
        ),
    ],
)
def test_a_unit_merged_away_is_not_the_chooser(language, text, chooser):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == chooser


def test_a_unit_merged_into_another_leaves_the_other_as_antecedent():
    text = (
        "Tỉnh Yên Bái đã sáp nhập vào tỉnh Lào Cai. Tỉnh đã chọn tỉnh Nagano và tỉnh Gunma làm "
        "đối tác ưu tiên đến năm 2030."
    )
    (fact,) = _lists(text)
    assert fact["locality"]["slug"] == "lao-cai"


def test_dou_sho_is_a_vietnamese_province():
    text = (
        "ベトナムのクアンガイ省の代表団が21日、鹿児島県庁を訪れた。同省は旧コントゥム省と"
        "合併しており、同省人民委員会の副委員長が率いた。"
    )
    doc = extract(text, language="ja", published=PUBLISHED)
    slugs = {m["text"]: m["slug"] for m in doc["mentions"] if m["text"] == "同省"}
    assert slugs == {"同省": "quang-ngai"}


@pytest.mark.parametrize(
    ("language", "text", "reciprocal"),
    [
        (
            "ja",
            "岐阜県は、ゲアン省、フート省、ダナン市の3地域を重点交流先とした。ハイ副委員長は、"
            "ゲアン省も本県を日本の重点パートナーの一つに選んだと紹介した。",
            "nghe-an",
        ),
        (
            "ja",
            "三重県は、タインホア省、ゲアン省の2省を重点交流先に選んだ。タインホア省も三重県を"
            "重点交流先と位置づけている。",
            "thanh-hoa",
        ),
        (
            "vi",
            "Tỉnh Gifu chọn tỉnh Nghệ An, tỉnh Phú Thọ và thành phố Đà Nẵng là ba đối tác trọng "
            "điểm. Về phía mình, tỉnh Nghệ An cũng chọn tỉnh Gifu là đối tác ưu tiên đến năm 2030.",
            "nghe-an",
        ),
        (
            "en",
            "Gifu Prefecture named Nghe An, Phu Tho and Da Nang as its three priority partners. "
            "Nghe An has in turn chosen Gifu Prefecture as one of its key partners in Japan.",
            "nghe-an",
        ),
    ],
)
def test_a_choice_returned_is_a_list_of_its_own(language, text, reciprocal):
    facts = _lists(text, language)
    by_chooser = {f["locality"]["slug"]: _slugs(f) for f in facts}
    assert len(by_chooser) == 2
    assert len(by_chooser[reciprocal]) == 1


def test_a_partner_named_beside_the_list_is_not_a_returned_choice():
    text = (
        "三重県は、タインホア省、ゲアン省の2省を重点交流先に選んだ。タインホア省は三重県と"
        "友好提携を結んでいる。"
    )
    (fact,) = _lists(text, "ja")
    assert fact["locality"]["slug"] == "mie-prefecture"


@pytest.mark.parametrize(
    ("language", "text", "until"),
    [
        (
            "vi",
            "Tỉnh Hưng Yên chọn tỉnh Ibaraki, tỉnh Tochigi làm đối tác ưu tiên cho năm 2027.",
            "2027",
        ),
        (
            "en",
            "Hung Yen named Ibaraki Prefecture and Tochigi Prefecture its priority partners for "
            "fiscal 2027.",
            "2027",
        ),
        ("ja", "岐阜県は2027年度の重点交流先にゲアン省とフート省を選んだ。", "2027"),
        (
            "vi",
            "Năm 2027, tỉnh Hưng Yên chọn tỉnh Ibaraki, tỉnh Tochigi làm đối tác ưu tiên.",
            None,
        ),
        (
            "en",
            "Hung Yen will focus its cooperation on three partners in 2027: Ibaraki Prefecture, "
            "Tochigi Prefecture and Gunma Prefecture.",
            None,
        ),
    ],
)
def test_one_year_told_as_the_lists_span_is_its_period(language, text, until):
    (fact,) = _lists(text, language)
    assert fact["until"] == until


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "The city council said Sendai had no priority partner cities yet, though it has "
            "ties with Hue.",
        ),
        (
            "en",
            "Sendai has not yet named any priority partners, although it works with Hue and "
            "Quang Tri.",
        ),
        (
            "vi",
            "Thành phố Huế chưa có đối tác ưu tiên tại Nhật Bản, dù đã có quan hệ với thành "
            "phố Kyoto và thành phố Sendai.",
        ),
        (
            "vi",
            "Tỉnh Quảng Trị không xác định đối tác trọng điểm, mà duy trì quan hệ với tỉnh "
            "Miyagi, tỉnh Iwate.",
        ),
        ("ja", "仙台市は、フエ省やクアンチ省と交流しているが、重点交流先はまだ定めていない。"),
        ("ja", "仙台市は、重点交流先を定めていないが、フエ省、クアンチ省と交流を続けている。"),
    ],
)
def test_a_list_denied_is_none(language, text):
    assert _lists(text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Sendai City has selected two Vietnamese provinces, Hue and Quang Tri, as "
            "priority partners.",
        ),
        (
            "vi",
            "Tỉnh Hưng Yên không chỉ chọn tỉnh Gifu và tỉnh Aichi là đối tác ưu tiên đến năm 2030.",
        ),
        ("ja", "仙台市は、フエ省とクアンチ省を重点交流先に選んだ。"),
    ],
)
def test_a_list_stated_beside_a_denial_look_alike_stays(language, text):
    (fact,) = _lists(text, language)
    assert len(fact["partners"]) == 2


def test_a_body_and_its_pronoun_are_one_chooser():
    text = (
        "The Hai Phong People's Committee approved the city's priority partners for 2026-2030 as "
        "follows:\n- Niigata Prefecture;\n- Kitakyushu City;\n- Yokohama City."
    )
    (fact,) = _lists(text, "en")
    assert fact["locality"]["slug"] == "hai-phong"
    assert _slugs(fact) == ["kitakyushu-city", "niigata-prefecture", "yokohama-city"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Nghe An added Shizuoka Prefecture to its list of key partners."),
        ("en", "Nghe An picked Shizuoka Prefecture as a key partner."),
        ("en", "Nghe An designated Shizuoka Prefecture a key partner."),
        ("vi", "Tỉnh Nghệ An bổ sung tỉnh Shizuoka vào nhóm đối tác trọng điểm."),
    ],
)
def test_one_partner_chosen_is_a_list(language, text):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == "nghe-an"
    assert _slugs(fact) == ["shizuoka-prefecture"]


def test_a_partner_described_as_key_is_no_list():
    text = "A delegation from Shizuoka Prefecture, a key partner of Nghe An, visited the province."
    assert _lists(text, "en") == []


@pytest.mark.parametrize(
    ("language", "text", "chooser", "partners"),
    [
        (
            "ja",
            "宮城県の重点交流先は次のとおり。\n・カマウ省\n・カントー市",
            "miyagi-prefecture",
            ["ca-mau", "can-tho"],
        ),
        (
            "vi",
            "Danh sách đối tác ưu tiên của tỉnh Cà Mau như sau.\n- Tỉnh Miyagi;\n"
            "- Thành phố Sendai.",
            "ca-mau",
            ["miyagi-prefecture", "sendai-city"],
        ),
        (
            "en",
            "Ca Mau's priority partners are as follows.\n1. Miyagi Prefecture\n2. Sendai City",
            "ca-mau",
            ["miyagi-prefecture", "sendai-city"],
        ),
    ],
)
def test_a_lead_ending_with_a_full_stop_takes_the_lines_after_it(language, text, chooser, partners):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners


def test_lines_after_a_lead_that_announces_none_are_not_read():
    text = "Tỉnh Cà Mau có các đối tác ưu tiên tại Nhật Bản.\n- Tỉnh Miyagi;\n- Thành phố Sendai."
    assert _lists(text, "vi") == []


@pytest.mark.parametrize(
    ("language", "text", "partners"),
    [
        (
            "vi",
            "Trong số các địa phương Nhật Bản có quan hệ, tỉnh Ninh Bình ưu tiên tỉnh Shiga và "
            "tỉnh Gifu.",
            ["gifu-prefecture", "shiga-prefecture"],
        ),
        (
            "vi",
            "Tỉnh Ninh Bình ưu tiên các tỉnh Shiga, Gifu và Mie trong giai đoạn 2026-2030.",
            ["gifu-prefecture", "mie-prefecture", "shiga-prefecture"],
        ),
    ],
)
def test_the_verb_prioritise_before_places_gives_a_list(language, text, partners):
    (fact,) = _lists(text, language)
    assert fact["locality"]["slug"] == "ninh-binh"
    assert _slugs(fact) == partners


def test_the_verb_prioritise_before_one_place_is_a_preference():
    assert _lists("Tỉnh Ninh Bình ưu tiên tỉnh Shiga trong hợp tác văn hóa.") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "vi",
            "Hiện tỉnh Ninh Bình có quan hệ với 6 địa phương Nhật Bản, trong đó tỉnh Ibaraki, "
            "tỉnh Tochigi là các đối tác ưu tiên.",
        ),
        (
            "en",
            "Ninh Binh has ties with six Japanese localities, of which Ibaraki Prefecture and "
            "Tochigi Prefecture are priority partners.",
        ),
        (
            "ja",
            "ニンビン省は日本の6自治体と交流しており、そのうち茨城県と栃木県を重点交流先とした。",
        ),
    ],
)
def test_the_size_of_the_whole_is_not_the_lists(language, text):
    (fact,) = _lists(text, language)
    assert _slugs(fact) == ["ibaraki-prefecture", "tochigi-prefecture"]
    assert fact["list_size"] is None
