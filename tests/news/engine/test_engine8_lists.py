"""Priority-partner lists, partnership counts and agreements (issue 14, eighth pass): sentences
written for the test, the ways each language states them and the look-alikes that must give
nothing."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 3, 10)


def _facts(text, language, kind, published=PUBLISHED):
    return [
        f
        for f in extract(text, language=language, published=published)["facts"]
        if f["type"] == kind
    ]


def _lists(text, language):
    return [
        (
            f["locality"]["slug"],
            sorted(p["slug"] for p in f["partners"]),
            f["list_size"],
            f["until"],
        )
        for f in _facts(text, language, "priority_partners")
    ]


def _counts(text, language):
    return [
        (f["locality"]["slug"], f["country"], f["count"])
        for f in _facts(text, language, "partnership_count")
    ]


def _agreements(text, language, published=PUBLISHED):
    return [
        (sorted(p["slug"] or p["name"] for p in f["parties"]), f["status"], f["date"])
        for f in _facts(text, language, "agreement", published)
    ]


# --- priority-partner lists ---------------------------------------------------------------

QUANG_TRI = ("quang-tri", ["fukui-prefecture", "toyama-prefecture"], 2, "2030")
TOTTORI = ("tottori-prefecture", ["hue", "quang-tri"], 2, "2030")
# A list whose size the sentence does not state: the partners found may not be all of it.
QUANG_TRI_UNSIZED = QUANG_TRI[:2] + (None, "2030")
TOTTORI_UNSIZED = TOTTORI[:2] + (None, "2030")


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Quảng Trị chọn 2 địa phương Nhật Bản là đối tác ưu tiên đến năm 2030.\n\n"
            "Đó là tỉnh Toyama và tỉnh Fukui.",
            "vi",
            QUANG_TRI,
        ),
        (
            "Danh sách đối tác trọng điểm giai đoạn đến 2030 của tỉnh Quảng Trị gồm tỉnh Fukui "
            "và tỉnh Toyama.",
            "vi",
            QUANG_TRI_UNSIZED,
        ),
        (
            "鳥取県は、2030年までにベトナムのフエ市とクアンチ省を優先的に協力する地域とした。",
            "ja",
            TOTTORI_UNSIZED,
        ),
        (
            "ベトナム2地域を重点パートナーに　鳥取県が新戦略\n\n"
            "鳥取県は、フエ市とクアンチ省を2030年までの重点パートナーと定めた。",
            "ja",
            TOTTORI,
        ),
        (
            "Quang Tri has named Toyama Prefecture and Fukui Prefecture as its priority "
            "partners until 2030.",
            "en",
            QUANG_TRI_UNSIZED,
        ),
    ],
)
def test_a_priority_list_in_each_language(text, language, expected):
    assert _lists(text, language) == [expected]


def test_our_prefecture_chooses_in_its_own_press_release():
    text = (
        "福井県の知事がクアンチ省を訪れた。\n\n"
        "知事は、本県の重点交流先であるクアンチ省とフエ市の2地域と、2030年まで観光分野で"
        "協力を深めると述べた。"
    )
    assert _lists(text, "ja") == [("fukui-prefecture", ["hue", "quang-tri"], 2, "2030")]


def test_a_headline_and_its_lead_give_one_list():
    text = (
        "Quảng Trị chọn tỉnh Toyama, tỉnh Fukui là đối tác ưu tiên\n\n"
        "UBND tỉnh Quảng Trị vừa xác định 2 địa phương Nhật Bản là đối tác ưu tiên đến năm "
        "2030 gồm tỉnh Toyama và tỉnh Fukui."
    )
    assert _lists(text, "vi") == [QUANG_TRI]


@pytest.mark.parametrize(
    "text, language",
    [
        # the country itself is the partner
        (
            "Phó Chủ tịch tỉnh Quảng Trị khẳng định Nhật Bản là đối tác ưu tiên hàng đầu; đoàn "
            "tỉnh Toyama và tỉnh Fukui cũng có mặt.",
            "vi",
        ),
        ("Quang Tri sees Japan as a key partner, the governor of Toyama Prefecture said.", "en"),
        ("鳥取県の知事は、日本を重点パートナーとするフエ市の方針を歓迎した。", "ja"),
        # the partners beside the list
        (
            "Ngoài các đối tác ưu tiên, tỉnh Quảng Trị còn hợp tác với tỉnh Nagano và tỉnh Gifu.",
            "vi",
        ),
        (
            "Besides its priority partners, Quang Tri also works with Nagano Prefecture and "
            "Gifu Prefecture.",
            "en",
        ),
        # a preference for one place, no list
        (
            "Tỉnh Quảng Trị sẵn sàng ưu tiên hợp tác với tỉnh Toyama trong lĩnh vực cảng biển.",
            "vi",
        ),
        # a headline about the priority partners with no place, then a visit
        (
            "駐日ベトナム大使が知事を訪問　重点交流先との協力を確認\n\n"
            "大使は鳥取県庁を訪れ、フエ市との交流について話し合った。",
            "ja",
        ),
        # attendees, even when called priority partners
        (
            "Đại diện tỉnh Toyama, tỉnh Fukui và tỉnh Nagano - các đối tác ưu tiên của Quảng "
            "Trị - đã tham dự hội nghị.",
            "vi",
        ),
        ("会議には、本県の重点交流先であるフエ市とクアンチ省の代表が出席した。", "ja"),
        (
            "Representatives of Toyama Prefecture and Fukui Prefecture, Quang Tri's priority "
            "partners, attended the forum.",
            "en",
        ),
        # attendees, no priority list
        (
            "Hội nghị có sự tham dự của đại diện tỉnh Toyama, tỉnh Fukui và tỉnh Nagano, bàn về "
            "các lĩnh vực ưu tiên như nông nghiệp.",
            "vi",
        ),
    ],
)
def test_no_priority_list(text, language):
    assert _lists(text, language) == []


# --- partnership counts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Sau khi sáp nhập với tỉnh Quảng Bình, Quảng Trị hiện có quan hệ hợp tác với 3 địa "
            "phương Nhật Bản.",
            "vi",
            ("quang-tri", "JP", 3),
        ),
        (
            "The province, which merged with Quang Binh last July, now has ties with four "
            "Japanese localities, Quang Tri's vice chairman said.",
            "en",
            ("quang-tri", "JP", 4),
        ),
        (
            "Quang Tri, which counts three partner localities in Japan, hopes to add Fukui.",
            "en",
            ("quang-tri", "JP", 3),
        ),
        (
            "鳥取県は、ベトナムの2つの省と友好提携を結んでいる。",
            "ja",
            ("tottori-prefecture", "VN", 2),
        ),
        ("フエ市は現在、日本の5つの自治体と交流関係にある。", "ja", ("hue", "JP", 5)),
        ("フエ市の友好提携先は日本の5自治体に上る。", "ja", ("hue", "JP", 5)),
        ("鳥取県はベトナムの三つの省と友好協力関係にある。", "ja", ("tottori-prefecture", "VN", 3)),
        ("Quảng Trị đã kết nghĩa với 3 địa phương của Nhật Bản.", "vi", ("quang-tri", "JP", 3)),
        ("Quang Tri has four Japanese sister cities.", "en", ("quang-tri", "JP", 4)),
    ],
)
def test_partnership_counts(text, language, expected):
    assert _counts(text, language) == [expected]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Quảng Trị sẽ hợp tác với 3 tỉnh Nhật Bản trong dự án cảng biển.", "vi"),
        ("Hội nghị có sự tham gia của 20 địa phương Nhật Bản.", "vi"),
        ("会議には日本の12自治体が参加した。", "ja"),
        ("Twelve Japanese prefectures sent delegations to the forum in Hue.", "en"),
    ],
)
def test_no_partnership_count(text, language):
    assert _counts(text, language) == []


# --- agreements ---------------------------------------------------------------------------

FUKUI_QT = ["fukui-prefecture", "quang-tri"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "福井県とクアンチ省は3月9日、観光分野の協力に関する覚書に署名した。",
            (FUKUI_QT, "signed", "2026-03-09"),
        ),
        (
            "福井県は3月9日、クアンチ省と友好交流協定を締結した。",
            (FUKUI_QT, "signed", "2026-03-09"),
        ),
        (
            "両県省は、令和9年中の友好交流協定の締結に向けて協議を進めることで一致した。"
            "福井県とクアンチ省の代表が出席した。",
            (FUKUI_QT, "planned", "2027"),
        ),
        (
            "福井県の知事がクアンチ省を訪れた。双方は、来年中の本県とクアンチ省との覚書締結を"
            "目指すことで合意した。",
            (FUKUI_QT, "planned", "2027"),
        ),
    ],
)
def test_japanese_agreements(text, expected):
    assert _agreements(text, "ja") == [expected]


def test_a_japanese_renewal_and_the_signing_it_names():
    text = "3月9日、福井県とクアンチ省は2021年に結んだ協力協定を更新した。"
    assert _agreements(text, "ja") == [
        (FUKUI_QT, "renewed", "2026-03-09"),
        (FUKUI_QT, "signed", "2021"),
    ]


def test_a_japanese_press_release_is_its_own_party():
    text = (
        "福井県は3月に県内企業向けのセミナーを開いた。\n\n"
        "この事業は、2024年に締結したクアンチ省との経済交流に関する覚書に基づくものです。"
        "県は5月に同省へ訪問団を送る予定です。"
    )
    facts = _facts(text, "ja", "agreement")
    assert [(sorted(p["slug"] for p in f["parties"]), f["status"], f["date"]) for f in facts] == [
        (FUKUI_QT, "signed", "2024")
    ]
    assert facts[0]["field"] == "経済交流"


def test_the_document_keeps_its_japanese_compound():
    (fact,) = _facts("福井県とクアンチ省は3月9日、友好交流協定に調印した。", "ja", "agreement")
    assert fact["type_as_stated"] == "友好交流協定"


@pytest.mark.parametrize(
    "text, language",
    [
        # a count of partners, not an agreement
        ("福井県はこれまでにベトナムの3つの省と交流覚書を結んでいる。", "ja"),
        (
            "Quảng Trị đã ký biên bản ghi nhớ với 3 địa phương Nhật Bản trong giai đoạn 2020-2025.",
            "vi",
        ),
        # an agreement named with no place at all
        ("知事は覚書の締結に意欲を示した。", "ja"),
        # one organisation signing: its partner is not named
        (
            "Ông Nguyễn Văn An, đại diện JETRO, đã ký thỏa thuận hợp tác về xúc tiến đầu tư vào "
            "ngày 9/3.",
            "vi",
        ),
    ],
)
def test_no_agreement(text, language):
    assert _agreements(text, language) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Quang Tri Vice Chairman Le Duc Tien met Fukui Vice Governor Taro Ota on March 9. "
            "The two sides agreed to sign a memorandum of understanding on port logistics "
            "next year.",
            (FUKUI_QT, "planned", "2027"),
        ),
        (
            "Quang Tri and Fukui Prefecture reviewed their 2022 memorandum of understanding on "
            "tourism on March 9.",
            (FUKUI_QT, "signed", "2022"),
        ),
    ],
)
def test_english_agreements(text, expected):
    assert _agreements(text, "en") == [expected]


def test_the_english_field_stops_at_the_time():
    text = (
        "Quang Tri and Fukui Prefecture agreed to sign a memorandum of understanding on port "
        "logistics and tourism in the first half of 2027."
    )
    (fact,) = _facts(text, "en", "agreement")
    assert fact["field"] == "port logistics and tourism"
    assert fact["date"] == "2027"


def test_the_vietnamese_plan_for_this_year():
    text = (
        "Hai bên thống nhất hướng tới ký kết Biên bản ghi nhớ giữa tỉnh Quảng Trị và tỉnh "
        "Fukui về hợp tác cảng biển vào cuối năm nay."
    )
    assert _agreements(text, "vi") == [(FUKUI_QT, "planned", "2026")]


@pytest.mark.parametrize(
    "text, language",
    [
        ("福井県とクアンチ省は3月9日、福井市内で観光に関する覚書に調印した。", "ja"),
        (
            "Tại TP Hà Nội, UBND tỉnh Quảng Trị và chính quyền tỉnh Fukui đã ký kết Biên bản "
            "ghi nhớ hợp tác vào ngày 9/3.",
            "vi",
        ),
        ("In Hanoi on March 9, Quang Tri and Fukui Prefecture signed a memorandum.", "en"),
    ],
)
def test_the_place_of_signing_is_no_party(text, language):
    assert [
        sorted(p["slug"] for p in f["parties"]) for f in _facts(text, language, "agreement")
    ] == [FUKUI_QT]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "福井県はフエ市、クアンチ省など4つの自治体と友好提携を結んでいる。",
            "ja",
            ("fukui-prefecture", "VN", 4),
        ),
        (
            "Quảng Trị hiện đã ký kết văn bản hợp tác với 5 địa phương Nhật Bản, gồm tỉnh Fukui "
            "và tỉnh Toyama.",
            "vi",
            ("quang-tri", "JP", 5),
        ),
        (
            "Quang Tri has signed cooperation agreements with five Japanese localities.",
            "en",
            ("quang-tri", "JP", 5),
        ),
    ],
)
def test_counted_agreements_are_a_count(text, language, expected):
    assert _counts(text, language) == [expected]
    assert _agreements(text, language) == []


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("福井県とクアンチ省、観光覚書締結へ", "ja", [(FUKUI_QT, "planned", None)]),
        # a fiscal year is no calendar year
        (
            "福井県とクアンチ省は、来年度中に友好交流協定を締結することで合意した。",
            "ja",
            [(FUKUI_QT, "planned", None)],
        ),
        (
            "3月9日、福井県とクアンチ省は2021年の協力覚書を更新した。",
            "ja",
            [(FUKUI_QT, "renewed", "2026-03-09"), (FUKUI_QT, "signed", "2021")],
        ),
        (
            "Hai bên thống nhất ký kết Biên bản ghi nhớ giữa tỉnh Quảng Trị và tỉnh Fukui vào năm "
            "2027.",
            "vi",
            [(FUKUI_QT, "planned", "2027")],
        ),
        (
            "Tỉnh Quảng Trị và tỉnh Fukui đã triển khai nhiều hoạt động theo Biên bản ghi nhớ năm "
            "2021.",
            "vi",
            [(FUKUI_QT, "signed", "2021")],
        ),
        (
            "On March 9, Quang Tri and Fukui Prefecture renewed the 2019 memorandum of "
            "understanding on tourism.",
            "en",
            [(FUKUI_QT, "renewed", "2026-03-09"), (FUKUI_QT, "signed", "2019")],
        ),
    ],
)
def test_plans_and_earlier_signings(text, language, expected):
    assert _agreements(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hai bên trao đổi về việc triển khai thỏa thuận giữa tỉnh Quảng Trị và tỉnh Fukui.",
        "Tổng Thư ký Hội hữu nghị tỉnh Fukui cho biết thỏa thuận với tỉnh Quảng Trị đang được "
        "triển khai.",
        "Doanh nghiệp tỉnh Quảng Trị đăng ký tham gia chương trình theo thỏa thuận với tỉnh Fukui.",
    ],
)
def test_vietnamese_words_that_only_look_like_signing(text):
    assert _agreements(text, "vi") == []


def test_english_exchange_and_plan_with_the_document_as_written():
    text = (
        "Quang Tri and Fukui Prefecture exchanged a memorandum of cooperation on March 9. "
        "The two sides are set to sign a friendship agreement in 2027."
    )
    facts = _facts(text, "en", "agreement")
    assert [(f["type_as_stated"], f["status"], f["date"]) for f in facts] == [
        ("memorandum of cooperation", "signed", "2026-03-09"),
        ("friendship agreement", "planned", "2027"),
    ]


def test_a_partial_list_takes_nothing_from_the_next_sentence():
    text = (
        "クアンチ省は、富山県や福井県など5自治体を優先パートナーに選定した。"
        "同省の代表団は来月、長野県を訪れる。"
    )
    assert _lists(text, "ja") == [("quang-tri", ["fukui-prefecture", "toyama-prefecture"], 5, None)]


def test_one_of_the_priority_partners_tells_no_size():
    text = "Tỉnh Fukui là một trong những đối tác ưu tiên của tỉnh Quảng Trị đến năm 2030."
    assert _lists(text, "vi") == [("quang-tri", ["fukui-prefecture"], None, "2030")]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "福井県知事がクアンチ省を訪問　観光の覚書に署名\n\n"
            "福井県の杉本知事は3月8日からベトナムを訪問した。9日にはクアンチ省人民委員会を訪れ、"
            "ヴォー・ヴァン・フン委員長と会談した。会談後、知事と委員長は観光に関する覚書に署名した。"
            "県は2015年にクアンチ省と友好協力協定を結んでいる。",
            "ja",
        ),
        (
            "Quang Tri Chairman Vo Van Hung received Fukui Governor Tatsuji Sugimoto on March 9. "
            "After the talks, Hung and Sugimoto signed a memorandum of understanding on tourism. "
            "Quang Tri and Fukui Prefecture signed a friendship agreement in 2015.",
            "en",
        ),
    ],
)
def test_the_signatories_stand_for_the_sides_of_the_meeting(text, language):
    assert _agreements(text, language) == [
        (FUKUI_QT, "signed", "2026-03-09"),
        (FUKUI_QT, "signed", "2015"),
    ]


def test_a_bare_city_is_the_city_named_last():
    text = (
        "フエ市の代表団が3月9日に堺市を訪れた。\n\n市は2018年にフエ市と友好交流協定を結んでいる。"
    )
    assert _agreements(text, "ja") == [(["hue", "sakai-city"], "signed", "2018")]
