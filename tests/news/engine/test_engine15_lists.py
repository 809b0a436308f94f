"""Priority lists (issue 14, fifteenth pass), on sentences written for the test, each cause in
several shapes: the next sentence adding the list's earlier members and telling the whole
("Cùng với …, danh sách hiện gồm 4 địa phương", "…と合わせ、重点交流先は2地域となる", "Together
with …, the list now has four members"), its size and the period told after it; a list of the
partner's side told "for its part" (a choice returned); the place told in brackets after a
member (a capital, a prefecture) is no member; a pronoun never stands for a former province
("tỉnh Long An cũ"); 重点交流先は2地域 is no partnership count. And look-alikes that give
nothing."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 11, 20)


def _facts(text, language, kind="priority_partners"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == kind]


def _slugs(fact):
    return sorted(p["slug"] or p["name"] for p in fact["partners"])


@pytest.mark.parametrize(
    ("language", "text", "chooser", "partners", "size", "until"),
    [
        (
            "vi",
            "UBND tỉnh Nghệ An quyết định bổ sung tỉnh Gifu vào nhóm đối tác ưu tiên đến năm "
            "2030. Cùng với hai địa phương đã chọn trước đó là tỉnh Aichi và tỉnh Mie, danh "
            "sách hiện có 3 địa phương.",
            "nghe-an",
            ["aichi-prefecture", "gifu-prefecture", "mie-prefecture"],
            3,
            "2030",
        ),
        (
            "vi",
            "Tỉnh Bắc Ninh đã đưa tỉnh Saitama vào danh sách đối tác trọng điểm. Tính cả tỉnh "
            "Nagano và tỉnh Gunma, tỉnh hiện có 3 đối tác trọng điểm tại Nhật Bản.",
            "bac-ninh",
            ["gunma-prefecture", "nagano-prefecture", "saitama-prefecture"],
            3,
            None,
        ),
        (
            "ja",
            "県は、ベトナムのニンビン省を新たに重点交流先に加えることを決めた。既存のハノイ市、"
            "ダナン市と合わせ、重点交流先は3地域となる。計画期間は令和11年度まで。",
            "ishikawa-prefecture",
            ["da-nang", "hanoi", "ninh-binh"],
            3,
            "2029",
        ),
        (
            "en",
            "Aichi Prefecture has added Quang Ninh to its priority partners through 2030. "
            "Together with Dong Nai and Hanoi, chosen in 2024, the list now has three members.",
            "aichi-prefecture",
            ["dong-nai", "hanoi", "quang-ninh"],
            3,
            "2030",
        ),
        (
            "en",
            "Ho Chi Minh City picked Osaka Prefecture as a key partner. Along with Fukuoka "
            "and Kanagawa, that makes three key Japanese partners until 2028.",
            "ho-chi-minh-city",
            ["fukuoka-prefecture", "kanagawa-prefecture", "osaka-prefecture"],
            3,
            "2028",
        ),
    ],
)
def test_the_next_sentence_adds_the_earlier_members(language, text, chooser, partners, size, until):
    if language == "ja":
        text = "石川県国際戦略\n\n" + text
    found = _facts(text, language)
    assert len(found) == 1, found
    fact = found[0]
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners
    assert fact["list_size"] == size
    assert fact["until"] == until


def test_a_next_sentence_that_opens_together_but_tells_no_list_adds_nothing():
    text = (
        "Tỉnh Bắc Ninh đã chọn tỉnh Saitama và tỉnh Gunma là đối tác ưu tiên. Cùng với tỉnh "
        "Nagano, hai tỉnh này đã cử đoàn sang thăm Bắc Ninh năm 2025."
    )
    (fact,) = _facts(text, "vi")
    assert _slugs(fact) == ["gunma-prefecture", "saitama-prefecture"]
    assert fact["list_size"] is None


@pytest.mark.parametrize(
    ("language", "text", "second"),
    [
        (
            "en",
            "Can Tho has picked Kumamoto Prefecture and Kagoshima Prefecture as its key partners. "
            "Kumamoto Prefecture, for its part, named Can Tho and Hue as its priority partners "
            "in Vietnam.",
            ("kumamoto-prefecture", ["can-tho", "hue"]),
        ),
        (
            "en",
            "Hue chose Kyoto and Nara as priority partner localities until 2030. Nara, on its "
            "side, designated Hue and Quang Nam as its key partners.",
            ("nara-prefecture", ["hue", "quang-nam-before-2025"]),
        ),
        (
            "vi",
            "TP Cần Thơ chọn tỉnh Kumamoto và tỉnh Kagoshima là đối tác ưu tiên. Về phần mình, "
            "tỉnh Kumamoto chọn TP Cần Thơ và TP Huế là đối tác trọng điểm tại Việt Nam.",
            ("kumamoto-prefecture", ["can-tho", "hue"]),
        ),
    ],
)
def test_a_list_of_the_other_side_told_for_its_part(language, text, second):
    found = {f["locality"]["slug"]: _slugs(f) for f in _facts(text, language)}
    assert len(found) == 2, found
    assert found[second[0]] == second[1]


@pytest.mark.parametrize(
    ("language", "text", "partners"),
    [
        (
            "vi",
            "Giai đoạn 2026-2028, danh sách đối tác ưu tiên của tỉnh Đồng Nai gồm tỉnh Aichi "
            "(thủ phủ là thành phố Nagoya), tỉnh Mie và tỉnh Tokushima.",
            ["aichi-prefecture", "mie-prefecture", "tokushima-prefecture"],
        ),
        (
            "vi",
            "Tỉnh Tây Ninh xác định tỉnh Mie (gồm cả thành phố Tsu) và tỉnh Aichi là đối tác "
            "ưu tiên đến năm 2030.",
            ["aichi-prefecture", "mie-prefecture"],
        ),
        (
            "en",
            "Kumamoto Prefecture (capital: Kumamoto City) and Mie Prefecture are the priority "
            "partners of Dong Nai until 2030.",
            ["kumamoto-prefecture", "mie-prefecture"],
        ),
        (
            "ja",
            "ドンナイ省は、三重県（県庁所在地は津市）と愛知県を重点交流先とした。",
            ["aichi-prefecture", "mie-prefecture"],
        ),
    ],
)
def test_the_place_in_brackets_after_a_member_is_no_member(language, text, partners):
    (fact,) = _facts(text, language)
    assert _slugs(fact) == partners
    assert fact["locality"]["slug"] in {"dong-nai", "tay-ninh"}


def test_a_pronoun_never_stands_for_a_former_province():
    text = (
        "Rà soát đối tác của tỉnh Tây Ninh\n\n"
        "1. Trước hợp nhất, tỉnh Long An cũ có quan hệ với 3 địa phương Nhật Bản.\n\n"
        "2. Giai đoạn 2026-2030, danh sách đối tác ưu tiên của tỉnh gồm tỉnh Aichi và tỉnh Mie."
    )
    (fact,) = _facts(text, "vi")
    assert fact["locality"]["slug"] == "tay-ninh"


@pytest.mark.parametrize(
    "text",
    [
        "これまでのハノイ市と合わせ、同国の重点交流先は2地域となる。",
        "本県の優先交流先は3地域に増えた。",
    ],
)
def test_a_priority_list_size_is_no_partnership_count(text):
    assert _facts("富山県国際戦略\n\n" + text, "ja", "partnership_count") == []


def test_a_friendship_count_is_still_one():
    (fact,) = _facts("富山県\n\n県の友好提携先は3地域となった。", "ja", "partnership_count")
    assert fact["count"] == 3


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Aichi Prefecture, which picked Hanoi as a sister city last year, will give priority "
            "to Dong Nai in vocational training.",
        ),
        (
            "en",
            "Officials who selected the venue said Osaka Prefecture would give priority to Dong "
            "Nai in its investment promotion.",
        ),
        (
            "vi",
            "Tỉnh Đồng Nai, nơi đã chọn tỉnh Aichi làm nơi tổ chức hội nghị, sẽ ưu tiên hợp tác "
            "với tỉnh Mie trong lĩnh vực nông nghiệp.",
        ),
    ],
)
def test_a_choosing_verb_of_a_relative_clause_makes_no_list(language, text):
    assert _facts(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "partners"),
    [
        ("en", "Aichi Prefecture has designated Dong Nai as a key partner.", ["dong-nai"]),
        (
            "en",
            "Aichi Prefecture, which has designated Dong Nai and Hue as its key partners, "
            "hosted the forum.",
            ["dong-nai", "hue"],
        ),
        ("vi", "UBND tỉnh Đồng Nai đã chọn tỉnh Mie là đối tác ưu tiên.", ["mie-prefecture"]),
    ],
)
def test_a_choosing_verb_in_the_lists_own_clause_still_chooses(language, text, partners):
    (fact,) = _facts(text, language)
    assert _slugs(fact) == partners


@pytest.mark.parametrize(
    ("text", "chooser", "partners", "size", "until"),
    [
        (
            "Under its new strategy, Shizuoka will focus on three Vietnamese provinces - Quang "
            "Nam, Thanh Hoa and Nghe An - until 2030.",
            "shizuoka-prefecture",
            ["nghe-an", "quang-nam-before-2025", "thanh-hoa"],
            3,
            "2030",
        ),
        (
            "Hai Phong has chosen four Japanese localities as strategic partners: Kitakyushu, "
            "Niigata, Yokohama and Fukuoka.",
            "hai-phong",
            ["fukuoka-prefecture", "kitakyushu-city", "niigata-prefecture", "yokohama-city"],
            4,
            None,
        ),
        (
            "Binh Dinh picked Kanagawa and Osaka as focal partners for 2027.",
            "binh-dinh-before-2025",
            ["kanagawa-prefecture", "osaka-prefecture"],
            None,
            "2027",
        ),
        (
            "Aichi Prefecture will concentrate on two Vietnamese provinces, Dong Nai and Bac "
            "Ninh, through fiscal 2029.",
            "aichi-prefecture",
            ["bac-ninh", "dong-nai"],
            2,
            "2029",
        ),
    ],
)
def test_other_english_words_for_a_priority_list(text, chooser, partners, size, until):
    (fact,) = _facts(text, "en")
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners
    assert (fact["list_size"], fact["until"]) == (size, until)


@pytest.mark.parametrize(
    "text",
    [
        "Da Nang and Yokohama are strategic partners in tourism.",
        "Vietnam and Japan became comprehensive strategic partners in 2023.",
        "Osaka will focus on three sectors with Hanoi and Hue: tourism, food and care.",
        "The seminar will focus on three Japanese prefectures that hire Vietnamese workers, "
        "including Aichi and Gifu.",
    ],
)
def test_english_look_alikes_give_no_list(text):
    assert _facts(text, "en") == []


@pytest.mark.parametrize(
    ("language", "text", "chooser", "partners", "until"),
    [
        (
            "vi",
            "UBND tỉnh Đồng Nai đã phê duyệt danh sách 3 địa phương Nhật Bản hợp tác trọng điểm "
            "giai đoạn 2026-2030 gồm tỉnh Aichi, tỉnh Gifu và tỉnh Mie.",
            "dong-nai",
            ["aichi-prefecture", "gifu-prefecture", "mie-prefecture"],
            "2030",
        ),
        (
            "vi",
            "Tỉnh Quảng Ninh lựa chọn tỉnh Yamaguchi, tỉnh Saga và tỉnh Nagasaki làm đối tác "
            "chiến lược tại Nhật Bản đến năm 2030.",
            "quang-ninh",
            ["nagasaki-prefecture", "saga-prefecture", "yamaguchi-prefecture"],
            "2030",
        ),
        (
            "vi",
            "Theo kế hoạch, các địa phương Nhật Bản mà tỉnh Nghệ An ưu tiên hợp tác đến năm "
            "2030 là tỉnh Gifu và tỉnh Shizuoka.",
            "nghe-an",
            ["gifu-prefecture", "shizuoka-prefecture"],
            "2030",
        ),
        (
            "ja",
            "岐阜県は2030年度までの戦略パートナーとしてタインホア省とゲアン省を位置付けた。",
            "gifu-prefecture",
            ["nghe-an", "thanh-hoa"],
            "2030",
        ),
    ],
)
def test_other_vietnamese_and_japanese_words_for_a_priority_list(
    language, text, chooser, partners, until
):
    (fact,) = _facts(text, language)
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners
    assert fact["until"] == until


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("vi", "Việt Nam và Nhật Bản là đối tác chiến lược toàn diện."),
        ("vi", "Tỉnh Bắc Ninh và tỉnh Saitama là đối tác chiến lược trong lĩnh vực bán dẫn."),
        ("ja", "日越は包括的戦略的パートナーシップを結んでいる。"),
        ("ja", "愛知県とドンナイ省は戦略パートナーである。"),
    ],
)
def test_strategic_partners_look_alikes_give_no_list(language, text):
    assert _facts(text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Saga says it wants to build ties with a province in the Mekong Delta but has not "
            "named one, while Yamagata counts four partner localities in Vietnam.",
        ),
        (
            "vi",
            "Tỉnh Saga mong muốn hợp tác với một tỉnh ở ĐBSCL, còn tỉnh Yamagata có quan hệ với 4 "
            "địa phương Việt Nam.",
        ),
        (
            "ja",
            "佐賀県はメコンデルタとの交流を望む一方、山形県はベトナムの4つの自治体と交流関係にある。",
        ),
    ],
)
def test_a_count_is_of_the_place_of_its_own_clause(language, text):
    (fact,) = _facts(text, language, "partnership_count")
    assert (fact["locality"]["slug"], fact["count"]) == ("yamagata-prefecture", 4)
