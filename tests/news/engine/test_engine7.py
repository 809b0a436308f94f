"""Days told relative to another day or to publication (issue 14, seventh pass): "two days
later", "hai ngày sau", 3日後; "yesterday", "hôm qua", 昨日, "sáng nay", 本日; a Japanese day of
the month (10日) in an article without its publication date; sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine.dates import find_dates
from kakehashi.news.engine.surnames import romanised_japanese
from tests.news.engine.helpers import facts

PUBLISHED = dt.date(2026, 5, 20)


def _days(text, language, published=PUBLISHED):
    return [d.value for d in find_dates(text, language, published) if d.kind == "date"]


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        ("On May 11 the team arrived. Three days later, it met the mayor.", "en", PUBLISHED,
         ["2026-05-11", "2026-05-14"]),
        ("On March 30 they landed; two days later they left.", "en", None, ["--03-30", "--04-01"]),
        ("Ngày 12/5, đoàn đến Osaka. Hai ngày sau, đoàn làm việc tại Kobe.", "vi", PUBLISHED,
         ["2026-05-12", "2026-05-14"]),
        ("Ngày 12/5, đoàn đến Osaka; 3 ngày sau đó, đoàn về nước.", "vi", PUBLISHED,
         ["2026-05-12", "2026-05-15"]),
        ("一行は5月8日に到着し、その3日後に市長と会談した。", "ja", PUBLISHED,
         ["2026-05-08", "2026-05-11"]),
    ],
)  # fmt: skip
def test_days_later_count_from_the_day_told_before(text, language, published, expected):
    assert _days(text, language, published) == expected


def test_days_later_without_a_day_told_before_give_nothing():
    assert _days("Two days later, the delegation met the governor.", "en") == []
    assert _days("Hai ngày sau, đoàn làm việc tại Kobe.", "vi") == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Yesterday, the governor received the delegation.", "en", ["2026-05-19"]),
        ("Today, the governor receives the delegation.", "en", ["2026-05-20"]),
        ("Chiều qua, Chủ tịch UBND tỉnh đã tiếp đoàn.", "vi", ["2026-05-19"]),
        ("Sáng nay, Chủ tịch UBND tỉnh đã tiếp đoàn.", "vi", ["2026-05-20"]),
        ("知事は昨日、代表団と面談した。", "ja", ["2026-05-19"]),
        ("知事は本日、代表団と面談した。", "ja", ["2026-05-20"]),
    ],
)
def test_yesterday_and_today_are_read_from_publication(text, language, expected):
    assert _days(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Yesterday, the governor received the delegation.", "en"),
        ("Hôm nay, Chủ tịch UBND tỉnh tiếp đoàn.", "vi"),
        ("知事は本日、代表団と面談した。", "ja"),
    ],
)
def test_yesterday_and_today_without_publication_give_nothing(text, language):
    assert _days(text, language, None) == []


def test_today_in_a_phrase_is_no_day():
    assert _days("The governor praised today's ties and the work ahead.", "en") == []
    assert _days("Năm nay, hai bên tổ chức nhiều hoạt động.", "vi") == []
    assert _days("今日の日越関係は良好だ。", "ja") == []


def test_a_japanese_day_of_the_month_without_publication_takes_the_month_told_before():
    text = "県は11月4日から8日まで訪問団を派遣した。副知事は6日、省人民委員会を訪問した。"
    assert _days(text, "ja", None)[-1] == "--11-06"
    assert _days("副知事は6日、省人民委員会を訪問した。", "ja", None) == []


def test_a_meeting_two_days_later_is_dated_from_the_meeting_before():
    text = (
        "Kon Tum courts Shiga\n\n"
        "On May 11, a delegation led by Kon Tum Vice Chairman Nguyen Huu Thap called on Shiga "
        "Governor Taizo Mikazuki. Two days later, the delegation met Kyoto Vice Governor Ichiro "
        "Sato in Kyoto."
    )
    found = {(f["host"], f["date"]) for f in facts(text, "en", published=PUBLISHED, kind="visit")}
    assert found == {("Taizo Mikazuki", "2026-05-11"), ("Ichiro Sato", "2026-05-13")}


def _people(text, language):
    return {
        (f["name"], f["role"], f["country"])
        for f in facts(text, language, published=PUBLISHED, kind="person")
    }


def test_an_envoy_to_a_country_is_sent_by_the_other():
    text = (
        "Envoys in Hue\n\nOn May 12, the chairman received Vietnamese Ambassador to Japan Do Van "
        "Long and Japanese Ambassador to Vietnam Ken Ishida."
    )
    found = _people(text, "en")
    assert ("Do Van Long", "Ambassador", "VN") in found
    assert ("Ken Ishida", "Ambassador", "JP") in found


def test_an_english_surname_that_is_also_a_place_is_the_name():
    text = (
        "Gifu in Hanoi\n\nGifu Vice Governor Hiroshi Miyazaki met Hanoi Chairman Tran Sy Thanh "
        "in Hanoi on May 12. The Miyazaki Prefecture team came too."
    )
    assert ("Hiroshi Miyazaki", "Vice Governor", "JP") in _people(text, "en")
    visits = facts(text, "en", published=PUBLISHED, kind="visit")
    assert [(v["visitor"], v["host_locality"]["slug"]) for v in visits] == [
        ("Hiroshi Miyazaki", "hanoi")
    ]


def test_a_lower_case_role_set_off_by_commas_names_a_person():
    text = (
        "Shiga and Hue\n\nOn May 12, Shiga Vice Governor Taro Ono met Le Thi Hoa, vice chairwoman "
        "of the Hue City People's Committee, in Hue. On May 13, he met the provincial chairman, "
        "Vo Quang Khai, in Hue."
    )
    found = _people(text, "en")
    assert ("Le Thi Hoa", "vice chairwoman", "VN") in found
    assert ("Vo Quang Khai", "chairman", "VN") in found


def test_a_lower_case_role_without_a_name_beside_it_names_nobody():
    text = (
        "Shiga and Hue\n\nThe chairman said the province welcomes investors, and the director "
        "of the centre, a former teacher, agreed."
    )
    assert _people(text, "en") == set()


def test_a_ministry_before_its_councillor_is_part_of_the_role():
    text = "総務省の田村一郎総務審議官は5月12日、ハノイ市を訪問した。"
    assert ("田村一郎", "総務審議官", "JP") in _people(text, "ja")


def test_a_surname_the_dictionary_reads_as_a_place_before_an_office_is_a_name():
    text = "湯崎知事は5月13日、ハノイ市人民委員会を訪問した。"
    assert ("湯崎", "知事", "JP") in _people(text, "ja")
    visits = facts(text, "ja", published=PUBLISHED, kind="visit")
    assert [(v["visitor"], v["date"]) for v in visits] == [("湯崎", "2026-05-13")]


def test_a_place_before_the_office_of_its_own_is_no_name():
    # 広島県知事 is the governor of the prefecture; ハノイ市長 the mayor of the city
    assert _people("広島県知事は5月13日、ハノイ市長と会談した。", "ja") == set()


def test_a_visit_to_the_prefectural_office_unnamed_is_to_the_prefecture_of_the_article():
    text = (
        "ダナン市の代表団が来県\n\n"
        "ダナン市人民委員会のチャン・バン・ナム副委員長が5月14日、県庁を訪れ、知事と会談した。"
        "観光と人材育成について意見を交わした。"
        "佐藤 一郎知事は「交流を広げたい」と述べた。式典には高知県国際交流協会も参加した。"
    )
    visits = facts(text, "ja", published=PUBLISHED, kind="visit")
    assert [(v["visitor"], v["host"], v["host_locality"]["slug"], v["date"]) for v in visits] == [
        ("チャン・バン・ナム", "佐藤 一郎", "kochi-prefecture", "2026-05-14")
    ]


def test_a_visit_to_the_prefectural_office_with_no_prefecture_named_gives_nothing():
    text = "ダナン市の代表団\n\nダナン市のチャン・バン・ナム副委員長が5月14日、県庁を訪れた。"
    assert facts(text, "ja", published=PUBLISHED, kind="visit") == []


def test_a_city_government_met_that_the_directory_does_not_hold_is_the_place_visited():
    text = (
        "Ca Mau in Japan\n\nCa Mau Vice Chairman Le Van Su led a delegation to Japan. On May 12, "
        "the delegation met with the Hakusan city government on seafood processing."
    )
    visits = facts(text, "en", published=PUBLISHED, kind="visit")
    assert [(v["visitor"], v["host_locality"], v["date"]) for v in visits] == [
        ("Le Van Su", {"name": "Hakusan city", "slug": None}, "2026-05-12")
    ]


def test_a_city_government_unnamed_in_an_article_naming_no_place_there_is_no_visit():
    text = (
        "Ca Mau in Japan\n\nCa Mau Vice Chairman Le Van Su led a delegation to Japan. On May 12, "
        "the delegation met with the city government on seafood processing."
    )
    assert facts(text, "en", published=PUBLISHED, kind="visit") == []


def test_a_section_of_a_prefecture_between_role_and_place_keeps_the_place():
    text = (
        "Hai Duong in Aichi\n\nOn May 14, Hai Duong Vice Chairman Tran Van Binh met Yuki Mori, "
        "Director General of the Industry Department of Aichi Prefecture, in Nagoya."
    )
    person = next(
        f for f in facts(text, "en", published=PUBLISHED, kind="person") if f["name"] == "Yuki Mori"
    )
    assert (person["country"], person["organisation"]["name"]) == ("JP", "Aichi Prefecture")


def test_a_lower_case_department_is_no_section_of_a_government():
    text = "Aichi\n\nYuki Mori, Director General of the department, said the fair was a success."
    person = next(iter(facts(text, "en", published=PUBLISHED, kind="person")), None)
    assert person is None or person["organisation"] is None


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Sáng 12/5, Chủ tịch UBND tỉnh đã chào xã giao Thống đốc tỉnh Okayama Nagano Taro.", "vi",
         "Nagano Taro"),
        ("Hue\n\nOn May 12, Hue Chairman Nguyen Van Phuong met Vice Minister Chiba Kenta.", "en",
         "Chiba Kenta"),
    ],
)  # fmt: skip
def test_a_place_written_first_before_one_given_name_is_the_surname(text, language, name):
    assert name in {p[0] for p in _people(text, language)}


def test_a_place_before_a_full_name_stays_the_place_of_the_role():
    text = "Hue\n\nOn May 12, Hue Chairman Nguyen Van Phuong met Governor of Aichi Omura Hideaki."
    assert ("Omura Hideaki", "Governor", "JP") in _people(text, "en")


def test_a_lower_case_role_after_the_adjective_of_a_government_names_the_person_after_it():
    text = (
        "Okayama and Quang Ngai\n\nQuang Ngai provincial chairman Tran Van Hai received Okayama "
        "Governor Ryo Ishii on May 12. The provincial chairman said ties were growing."
    )
    found = _people(text, "en")
    assert ("Tran Van Hai", "chairman", "VN") in found
    assert len([p for p in found if p[1] == "chairman"]) == 1


def test_a_vietnamese_role_in_lower_case_after_a_name_and_a_comma_names_the_person():
    text = (
        "Sóc Trăng và Kagawa\n\nSáng 12/5, bà Lê Thị Mai, phó chủ tịch UBND tỉnh Sóc Trăng, đã "
        "tiếp ông Ono Kenta, phó thống đốc tỉnh Kagawa. Ông Kenta, người nhiều năm gắn bó, phát "
        "biểu."
    )
    found = _people(text, "vi")
    assert ("Lê Thị Mai", "phó chủ tịch", "VN") in found
    assert ("Ono Kenta", "phó thống đốc", "JP") in found
    assert not any(name.startswith(("Ông", "Kenta")) for name, *_ in found)


def test_this_morning_and_earlier_today_are_the_day_of_publication():
    assert _days("The governor met the delegation this morning.", "en") == ["2026-05-20"]
    assert _days("The two sides signed a memorandum earlier today.", "en") == ["2026-05-20"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kenta Ishii", True), ("Hattori Seitaro", True), ("Nguyen Van", False),
     ("Tran Hoa", False), ("Hoang Anh", False), ("Peter Smith", False),
     ("Le Van Tuan", False)],
)  # fmt: skip
def test_a_name_of_two_words_of_japanese_syllables_is_japanese(name, expected):
    assert romanised_japanese(name) is expected


def test_a_japanese_name_with_a_role_and_no_place_is_on_the_japanese_side():
    text = "Hue\n\nOn May 12, Hue Chairman Nguyen Van Phuong met Vice Minister Kenta Ishii."
    assert ("Kenta Ishii", "Vice Minister", "JP") in _people(text, "en")
