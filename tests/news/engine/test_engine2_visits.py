"""Visits told with the verbs the press uses (issue 14, second pass): each sentence is written
for the test; who visits and who hosts is the point."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2025, 5, 20)


def _visits(text, language, published=PUBLISHED):
    facts = extract(text, language=language, published=published)["facts"]
    return [
        (f["visitor"], f["host"], (f["host_locality"] or {}).get("slug"), f["date"])
        for f in facts
        if f["type"] == "visit"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 15/5, Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng đã tiếp Phó Thống đốc tỉnh Gifu "
        "Ishida Akira.",
        "Ngày 15/5, Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng đã hội kiến Phó Thống đốc tỉnh Gifu "
        "Ishida Akira.",
        "Ngày 15/5, Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng đã đón Phó Thống đốc tỉnh Gifu "
        "Ishida Akira tại trụ sở UBND tỉnh.",
        "Ngày 15/5, Phó Thống đốc tỉnh Gifu Ishida Akira đã làm việc với Chủ tịch UBND tỉnh "
        "Quảng Trị Võ Văn Hưng tại tỉnh Quảng Trị.",
        "Ngày 15/5, Phó Thống đốc tỉnh Gifu Ishida Akira đã đến chào xã giao Chủ tịch UBND tỉnh "
        "Quảng Trị Võ Văn Hưng.",
    ],
)
def test_vietnamese_verbs_of_a_visit(text):
    assert _visits(text, "vi") == [("Ishida Akira", "Võ Văn Hưng", "quang-tri", "2025-05-15")]


@pytest.mark.parametrize(
    "text",
    [
        "On May 15, Quang Tri Provincial People's Committee Chairman Vo Van Hung received Gifu "
        "Vice Governor Akira Ishida.",
        "On May 15, Gifu Vice Governor Akira Ishida met Quang Tri Provincial People's Committee "
        "Chairman Vo Van Hung in Quang Tri.",
        "On May 15, Gifu Vice Governor Akira Ishida was received in Quang Tri by Vo Van Hung, "
        "Chairman of the Quang Tri Provincial People's Committee.",
        "On May 15, Gifu Vice Governor Akira Ishida paid a courtesy call on Quang Tri Provincial "
        "People's Committee Chairman Vo Van Hung.",
    ],
)
def test_english_verbs_of_a_visit(text):
    assert _visits(text, "en") == [("Akira Ishida", "Vo Van Hung", "quang-tri", "2025-05-15")]


@pytest.mark.parametrize(
    "text",
    [
        "5月15日、クアンチ省人民委員会のヴォー・ヴァン・フン委員長が岐阜県庁を表敬訪問し、"
        "石田 明 副知事と会談した。",
        "岐阜県の石田 明 副知事は5月15日、県庁でクアンチ省人民委員会のヴォー・ヴァン・フン"
        "委員長の表敬訪問を受けた。",
        "5月15日、クアンチ省人民委員会のヴォー・ヴァン・フン委員長を団長とする代表団が岐阜県を"
        "訪れ、石田 明 副知事が出迎えた。",
    ],
)
def test_japanese_verbs_of_a_visit(text):
    assert _visits(text, "ja") == [
        ("ヴォー・ヴァン・フン", "石田 明", "gifu-prefecture", "2025-05-15")
    ]


def test_a_delegation_received_twice_gives_two_visits_and_no_trip():
    text = (
        "Từ ngày 12 đến 16/5, đoàn công tác tỉnh Quảng Trị do Chủ tịch UBND tỉnh Võ Văn Hưng dẫn "
        "đầu đã thăm và làm việc tại tỉnh Gifu. Ngày 13/5, Phó Thống đốc tỉnh Gifu Ishida Akira "
        "đã tiếp đoàn. Cùng ngày, đoàn làm việc với Phó Thị trưởng TP. Takayama Mori Kenta."
    )
    assert _visits(text, "vi") == [
        ("Võ Văn Hưng", "Ishida Akira", "gifu-prefecture", "2025-05-13"),
        ("Võ Văn Hưng", "Mori Kenta", "takayama-city", "2025-05-13"),
    ]


def test_a_trip_without_a_reported_meeting_is_a_visit():
    text = (
        "Từ ngày 12 đến 16/5, đoàn công tác tỉnh Quảng Trị do Chủ tịch UBND tỉnh Võ Văn Hưng dẫn "
        "đầu đã thăm và làm việc tại tỉnh Gifu."
    )
    ((visitor, host, slug, _date),) = _visits(text, "vi")
    assert (visitor, host, slug) == ("Võ Văn Hưng", None, "gifu-prefecture")


def test_the_leader_named_short_with_a_host_is_a_visit():
    text = (
        "A delegation from Quang Tri Province, led by Provincial People's Committee Chairman "
        "Vo Van Hung, is visiting Gifu Prefecture from May 12 to 16. On May 13, Hung and Gifu "
        "Vice Governor Akira Ishida signed a memorandum of understanding on tourism."
    )
    assert _visits(text, "en") == [("Vo Van Hung", "Akira Ishida", "gifu-prefecture", "2025-05-13")]


def test_the_delegation_meets_a_host_in_japanese():
    text = (
        "5月13日、クアンチ省人民委員会のヴォー・ヴァン・フン委員長ら8人の代表団が岐阜県庁を"
        "訪れた。代表団は同日午後、高山市役所で森 健太 副市長と面談した。"
    )
    visits = _visits(text, "ja")
    assert ("ヴォー・ヴァン・フン", "森 健太", "takayama-city", "2025-05-13") in visits


def test_a_joint_delegation_of_two_japanese_leaders_gives_two_visits():
    text = (
        "岐阜県の石田 明 副知事と高山市の森 健太 副市長を団長とする合同代表団は4月2日、"
        "クアンチ省を訪問し、ヴォー・ヴァン・フン委員長と会談した。"
    )
    visits = _visits(text, "ja")
    assert ("石田 明", "ヴォー・ヴァン・フン", "quang-tri", "2025-04-02") in visits
    assert ("森 健太", "ヴォー・ヴァン・フン", "quang-tri", "2025-04-02") in visits


def test_continuing_and_receiving_workers_are_no_visits():
    text = (
        "Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng cho biết tỉnh sẽ tiếp tục tiếp nhận lao động "
        "và đón nhận đầu tư của tỉnh Gifu."
    )
    assert _visits(text, "vi") == []


def test_a_body_as_host_gives_a_visit_without_a_host_person():
    text = (
        "Ngày 15/5, đoàn công tác tỉnh Quảng Trị do Chủ tịch UBND tỉnh Võ Văn Hưng dẫn đầu đã "
        "làm việc với UBND tỉnh Gifu. Cùng ngày, Phó Thị trưởng TP. Takayama Mori Kenta đã tiếp "
        "đoàn."
    )
    assert _visits(text, "vi") == [
        ("Võ Văn Hưng", None, "gifu-prefecture", "2025-05-15"),
        ("Võ Văn Hưng", "Mori Kenta", "takayama-city", "2025-05-15"),
    ]


def test_a_courtesy_call_received_and_a_visit_to_japan_in_japanese():
    received = "岐阜県の石田 明 副知事は5月15日、ヴォー・ヴァン・フン委員長の表敬を受けた。"
    assert _visits(received, "ja") == [
        ("ヴォー・ヴァン・フン", "石田 明", "gifu-prefecture", "2025-05-15")
    ]


def test_the_verb_first_then_the_visitor_then_the_host():
    text = (
        "Ngày 15/5, tại trụ sở UBND tỉnh. Tiếp Phó Thống đốc tỉnh Gifu Ishida Akira, Chủ tịch "
        "UBND tỉnh Quảng Trị Võ Văn Hưng cho biết tỉnh mong muốn mở rộng hợp tác du lịch."
    )
    assert _visits(text, "vi") == [("Ishida Akira", "Võ Văn Hưng", "quang-tri", "2025-05-15")]


def test_japanese_releases_of_a_courtesy_call_and_a_visit_to_vietnam():
    call = (
        "クアンチ省人民委員会のヴォー・ヴァン・フン委員長一行が5月15日、岐阜県庁を表敬訪問し、"
        "石田 明 副知事と懇談しました。"
    )
    assert _visits(call, "ja") == [
        ("ヴォー・ヴァン・フン", "石田 明", "gifu-prefecture", "2025-05-15")
    ]
    abroad = (
        "岐阜県の石田 明 副知事は5月15日、クアンチ省を訪問し、ヴォー・ヴァン・フン人民委員会"
        "委員長と会談した。"
    )
    assert _visits(abroad, "ja") == [("石田 明", "ヴォー・ヴァン・フン", "quang-tri", "2025-05-15")]


def test_an_english_lead_of_a_delegation():
    text = (
        "Gifu Governor Akira Ishida led a delegation to Quang Tri on May 15, meeting Provincial "
        "People's Committee Chairman Vo Van Hung."
    )
    assert _visits(text, "en") == [("Akira Ishida", "Vo Van Hung", "quang-tri", "2025-05-15")]
