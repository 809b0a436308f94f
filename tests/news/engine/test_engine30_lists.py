"""Issue 14, thirtieth pass: priority lists worded as in round 13 of the blind snippets —
a run of bare names closed by "prefectures" (the prefectures, though the city of one is named
elsewhere), a list of a plan gone by, a report denied in Vietnamese, a focus told with
に重点を置いて, a member added by "も…に加える" or by "adds X, bringing the number to three",
"makes X and Y the focus of its engagement", the rest of the members in the next sentence
("Y and Z round out the group"). Articles written for the test."""

import datetime as dt

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 9)


def test_bare_fukuoka_in_a_run_of_prefectures_is_the_prefecture():
    text = (
        "Quang Ninh names partners\n\n"
        "Quang Ninh held a forum in Fukuoka City in May. The province has selected Fukuoka, "
        "Yamaguchi and Hiroshima prefectures as its three priority partners until 2030."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        (
            "quang-ninh",
            ("fukuoka-prefecture", "hiroshima-prefecture", "yamaguchi-prefecture"),
            3,
            "2030",
        ),
    ]


def test_the_list_of_a_plan_gone_by_is_none():
    english = (
        "Nghe An drafts new Japan plan\n\n"
        "Nghe An's previous programme, which ran from 2021 to 2025, had named Gifu and Aichi as "
        "its priority partners; it has expired and a new one is being drafted."
    )
    japanese = (
        "岐阜県、ベトナム交流の新方針を検討\n\n"
        "岐阜県は2021～25年度の前計画でフート省とバクニン省を重点交流先としてきたが、計画期間は"
        "3月で終了した。"
    )
    assert list_rows(english, "en", PUBLISHED) == []
    assert list_rows(japanese, "ja", PUBLISHED) == []


def test_a_list_of_the_plan_in_force_is_kept():
    text = (
        "Nghe An names partners\n\n"
        "Nghe An's new programme, which runs from 2026 to 2030, names Gifu and Aichi as its "
        "priority partners."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("nghe-an", ("aichi-prefecture", "gifu-prefecture"), None, "2030"),
    ]


def test_a_report_denied_in_vietnamese():
    text = (
        "Hà Tĩnh chưa chọn đối tác ưu tiên tại Nhật Bản\n\n"
        "Trước thông tin cho rằng tỉnh đã chọn tỉnh Yamagata và tỉnh Akita làm đối tác ưu tiên, "
        "đại diện Sở Ngoại vụ tỉnh Hà Tĩnh khẳng định tỉnh chưa ban hành bất kỳ quyết định nào "
        "về nội dung này."
    )
    assert list_rows(text, "vi", PUBLISHED) == []


def test_a_focus_then_a_member_added_in_japanese():
    text = (
        "静岡県、ベトナム交流を強化\n\n"
        "静岡県は、ベトナムとの交流をタインホア省に重点を置いて進める方針を固めた。"
        "工業団地の開発が進むドンナイ省も重点交流先に加える。"
    )
    assert list_rows(text, "ja", PUBLISHED) == [
        ("shizuoka-prefecture", ("dong-nai", "thanh-hoa"), None, None),
    ]


def test_a_member_added_bringing_the_number_to_three():
    text = (
        "Kobe adds Hai Phong\n\n"
        "Kobe's strategy originally designated Da Nang and Hanoi as the city's priority partner "
        "cities in Vietnam. A memorandum signed on Monday adds Hai Phong, bringing the number to "
        "three, the city said."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("kobe-city", ("da-nang", "hai-phong", "hanoi"), 3, None),
    ]


def test_the_focus_of_its_engagement():
    text = (
        "Kagawa to zero in on Can Tho\n\n"
        "TAKAMATSU, Japan (Kyodo) -- The Kagawa prefectural government adopted on Friday a "
        "five-year overseas strategy that makes the Mekong city of Can Tho and the southern "
        "province of An Giang the focus of its engagement with Vietnam. The strategy aims to "
        "double the number of Vietnamese trainees in the prefecture."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("kagawa-prefecture", ("an-giang", "can-tho"), None, None),
    ]


def test_the_rest_of_the_members_in_the_next_sentence():
    text = (
        "Bac Ninh sets Japan priorities\n\n"
        "Bac Ninh will give top priority to Aichi Prefecture under its external relations plan "
        "for 2026-2028. Shiga and Mie, where many of its trainees work, round out the group of "
        "Japanese localities the province will favour."
    )
    assert list_rows(text, "en", PUBLISHED) == [
        ("bac-ninh", ("aichi-prefecture", "mie-prefecture", "shiga-prefecture"), None, "2028"),
    ]
