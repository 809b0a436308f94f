from kakehashi.news.engine.extract import extract
from tests.news.engine.helpers import facts, org, place


def test_event_with_organisers_sectors_and_meetings():
    text = (
        "Chiều 25/11, Bộ Ngoại giao phối hợp với Đại sứ quán Nhật Bản tổ chức Hội nghị gặp gỡ "
        "Nhật Bản năm 2023 với 40 cuộc gặp song phương giữa các địa phương hai nước. Các bên "
        "trao đổi về đầu tư, nông nghiệp công nghệ cao và chuyển đổi số."
    )
    assert facts(text, "vi", kind="event") == [
        {
            "type": "event",
            "name": "Hội nghị gặp gỡ Nhật Bản năm 2023",
            "date": "2023-11-25",
            "organisers": [
                org("Bộ Ngoại giao", "mofa-vn"),
                org("Đại sứ quán Nhật Bản", "embassy-jp-vn"),
            ],
            "sectors": ["investment", "agriculture", "digital_transformation"],
            "one_to_one_meetings": 40,
        }
    ]


def test_visit_people_and_host_locality():
    text = (
        "Ngày 12/3, Phó Chủ tịch UBND TP.HCM Võ Văn Hoan tiếp Thứ trưởng Bộ Ngoại giao Nhật Bản "
        "Yamada Kenji nhằm thúc đẩy hợp tác giữa TP.HCM và các địa phương Nhật Bản."
    )
    assert facts(text, "vi", kind="visit") == [
        {
            "type": "visit",
            "visitor": "Yamada Kenji",
            "visitor_role": "Thứ trưởng",
            "host": "Võ Văn Hoan",
            "host_role": "Phó Chủ tịch",
            "host_locality": place("TP.HCM", "ho-chi-minh-city"),
            "date": "2023-03-12",
            "purpose": "thúc đẩy hợp tác giữa TP.HCM và các địa phương Nhật Bản",
        }
    ]
    assert facts(text, "vi", kind="person") == [
        {
            "type": "person",
            "name": "Võ Văn Hoan",
            "role": "Phó Chủ tịch",
            "organisation": org("UBND TP.HCM"),
            "country": "VN",
        },
        {
            "type": "person",
            "name": "Yamada Kenji",
            "role": "Thứ trưởng",
            "organisation": org("Bộ Ngoại giao Nhật Bản", "mofa-jp"),
            "country": "JP",
        },
    ]


def test_a_visitor_visiting_a_province():
    text = (
        "Đại sứ Nhật Bản tại Việt Nam Ito Naoki thăm và làm việc tại tỉnh Bắc Ninh ngày 5/10/2024."
    )
    [visit] = facts(text, "vi", kind="visit")
    assert (visit["visitor"], visit["host"], visit["host_locality"], visit["date"]) == (
        "Ito Naoki",
        None,
        place("tỉnh Bắc Ninh", "bac-ninh"),
        "2024-10-05",
    )
    [person] = facts(text, "vi", kind="person")
    assert (person["role"], person["country"]) == ("Đại sứ", "JP")


def test_priority_partners_with_an_elided_city_and_partnership_count():
    text = (
        "TP.HCM đã thiết lập quan hệ với 7 địa phương Nhật Bản. TP xác định 7 địa phương Nhật "
        "Bản là đối tác ưu tiên đến năm 2025, gồm tỉnh Osaka, Kanagawa, Aichi và TP. Osaka."
    )
    assert facts(text, "vi", kind="partnership_count") == [
        {
            "type": "partnership_count",
            "locality": place("TP.HCM", "ho-chi-minh-city"),
            "country": "JP",
            "count": 7,
        }
    ]
    assert facts(text, "vi", kind="priority_partners") == [
        {
            "type": "priority_partners",
            "locality": place("TP", "ho-chi-minh-city"),
            "partners": [
                place("tỉnh Osaka", "osaka-prefecture"),
                place("Kanagawa", "kanagawa-prefecture"),
                place("Aichi", "aichi-prefecture"),
                place("TP. Osaka", "osaka-city"),
            ],
            "list_size": 7,
            "until": "2025",
        }
    ]


def test_agreements_signed_renewed_planned():
    signed = (
        "Năm 2022, UBND tỉnh Bình Dương và tỉnh Aichi đã ký Biên bản ghi nhớ (MOU) hợp tác "
        "trong lĩnh vực phát triển nguồn nhân lực."
    )
    assert facts(signed, "vi", kind="agreement") == [
        {
            "type": "agreement",
            "parties": [
                place("tỉnh Bình Dương", "binh-duong-before-2025"),
                place("tỉnh Aichi", "aichi-prefecture"),
            ],
            "agreement_type": "field_mou",
            "type_as_stated": "Biên bản ghi nhớ",
            "field": "phát triển nguồn nhân lực",
            "date": "2022",
            "status": "signed",
        }
    ]
    renewed = "Sáng 3/12, TP Đà Nẵng và TP. Sakai đã gia hạn thỏa thuận hợp tác hữu nghị."
    [fact] = facts(renewed, "vi", kind="agreement")
    assert (fact["status"], fact["date"], fact["parties"]) == (
        "renewed",
        "2023-12-03",
        [place("TP Đà Nẵng", "da-nang"), place("TP. Sakai", "sakai-city")],
    )
    planned = "Hai bên hướng tới ký kết thỏa thuận kết nghĩa giữa Hà Nội và tỉnh Fukuoka."
    [fact] = facts(planned, "vi", kind="agreement")
    assert (fact["status"], fact["agreement_type"], fact["date"]) == (
        "planned",
        "sister_city",
        None,
    )


def test_proposals_and_milestone():
    text = (
        "Ông Võ Văn Hoan đề xuất luân phiên tổ chức lễ hội Việt Nam - Nhật Bản tại hai thành "
        "phố và kiến nghị thiết lập kênh kết nối trực tiếp giữa doanh nghiệp. Năm nay đánh dấu "
        "50 năm quan hệ ngoại giao Việt Nam - Nhật Bản (1973-2023)."
    )
    assert facts(text, "vi", kind="proposal") == [
        {
            "type": "proposal",
            "text": "luân phiên tổ chức lễ hội Việt Nam - Nhật Bản tại hai thành phố",
            "by": "Võ Văn Hoan",
        },
        {
            "type": "proposal",
            "text": "thiết lập kênh kết nối trực tiếp giữa doanh nghiệp",
            "by": "Võ Văn Hoan",
        },
    ]
    assert facts(text, "vi", kind="milestone") == [
        {
            "type": "milestone",
            "what": "50 năm quan hệ ngoại giao Việt Nam - Nhật Bản",
            "years": 50,
            "period": "1973-2023",
        }
    ]


def test_evidence_is_the_sentence_verbatim():
    text = "Mở đầu.  Chiều 25/11, JETRO tổ chức Diễn đàn đầu tư Nhật Bản tại Hà Nội.\nHết."
    doc = extract(text, language="vi")
    [event] = [f for f in doc["facts"] if f["type"] == "event"]
    start, end = event["span"]
    assert text[start:end] == event["evidence"]
    assert event["evidence"] == "Chiều 25/11, JETRO tổ chức Diễn đàn đầu tư Nhật Bản tại Hà Nội."
    assert (event["name"], event["date"]) == ("Diễn đàn đầu tư Nhật Bản", "--11-25")
