"""Events (issue 14, eighteenth pass), Vietnamese above all: a session of a larger event
named by its kind and its qualifiers in a clause opened by its day ("chiều 16/12 có phiên kết
nối giữa …", "sẽ diễn ra phiên giao thương giữa …"), a lower-case head with its topic and a
quoted title ("chương trình giới thiệu du lịch “…”"), an edition told with no name of its own
("lần tổ chức năm ngoái", "lần tổ chức năm 2025 diễn ra … hồi tháng 10"), and the end of a span
("kéo dài đến hết ngày 20/12") that dates nothing told after it. Sentences written for the
test, with look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows

PUBLISHED = dt.date(2026, 12, 10)


def _events(text, language="vi", published=PUBLISHED):
    return event_rows(text, language, published)


_OPENING = (
    "Tin hợp tác\n\nSáng 8/12, tại TP. Huế, UBND thành phố khai mạc Tuần lễ Du lịch Huế – Nhật "
    "Bản 2026.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trong khuôn khổ tuần lễ, chiều 9/12 có phiên kết nối giữa các doanh nghiệp lữ hành "
            "hai nước.",
            ("phiên kết nối giữa các doanh nghiệp lữ hành hai nước", "2026-12-09"),
        ),
        (
            "Chiều 10/12 sẽ diễn ra phiên giao thương giữa doanh nghiệp Huế và các nhà nhập khẩu "
            "vùng Kyushu, dự kiến có khoảng 40 cuộc gặp song phương.",
            (
                "phiên giao thương giữa doanh nghiệp Huế và các nhà nhập khẩu vùng Kyushu",
                "2026-12-10",
            ),
        ),
        (
            "Ngày 12/12, tại Sở Công Thương diễn ra phiên đối thoại giữa lãnh đạo thành phố và "
            "doanh nghiệp Nhật Bản.",
            ("phiên đối thoại giữa lãnh đạo thành phố và doanh nghiệp Nhật Bản", "2026-12-12"),
        ),
        (
            "Tối 11/12 có buổi gặp mặt doanh nghiệp Nhật Bản tại khách sạn Saigon Morin.",
            ("gặp mặt doanh nghiệp Nhật Bản", "2026-12-11"),
        ),
    ],
)
def test_a_session_told_in_a_clause_opened_by_its_day(text, expected):
    found = _events(_OPENING + text)
    assert ("Tuần lễ Du lịch Huế – Nhật Bản 2026", "2026-12-08") in found
    assert expected in found
    assert len(found) == 2


def test_a_session_in_the_second_clause_of_a_sentence():
    text = (
        "Trong khuôn khổ tuần lễ, sáng 9/12 sẽ diễn ra hội thảo “Bảo tồn di sản đô thị Huế – "
        "Nara” tại Đại học Huế; chiều 11/12 có phiên kết nối giữa các hợp tác xã hai nước."
    )
    found = _events(_OPENING + text)
    assert ("phiên kết nối giữa các hợp tác xã hai nước", "2026-12-11") in found
    assert len(found) == 3


@pytest.mark.parametrize(
    "text",
    [
        # no day opens the clause: the sessions of the event told before, no events of their own
        "Tuần lễ có phiên thảo luận về chuyển đổi số và có phiên kết nối doanh nghiệp hai nước.",
        "Các phiên thảo luận tập trung vào du lịch và nông nghiệp.",
        # meetings counted, no gathering
        "Bên lề tuần lễ đã diễn ra 26 cuộc giao thương 1-1 giữa doanh nghiệp hai nước.",
        # a working session is a visit
        "Chiều 9/12, Chủ tịch UBND thành phố có buổi làm việc với đoàn doanh nghiệp Kyoto.",
    ],
)
def test_no_session_event_without_its_day(text):
    assert _events(_OPENING + text) == [("Tuần lễ Du lịch Huế – Nhật Bản 2026", "2026-12-08")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cùng ngày 5/12, đoàn đã dự chương trình giới thiệu du lịch “Sendai – Cửa ngõ vùng "
            "Tohoku” do Sở Văn hóa, Thể thao và Du lịch tổ chức.",
            ("chương trình giới thiệu du lịch “Sendai – Cửa ngõ vùng Tohoku”", "2026-12-05"),
        ),
        (
            "Ngày 6/12, Sở Công Thương tổ chức hội nghị kết nối cung cầu “Nông sản Nhật Bản – "
            "Việt Nam 2026” tại TP. Huế.",
            ("hội nghị kết nối cung cầu “Nông sản Nhật Bản – Việt Nam 2026”", "2026-12-06"),
        ),
        (
            "Buổi tọa đàm về nguồn nhân lực “Kỹ năng cho thực tập sinh” do JETRO Hà Nội tổ chức "
            "vào ngày 7/12.",
            ("tọa đàm về nguồn nhân lực “Kỹ năng cho thực tập sinh”", "2026-12-07"),
        ),
    ],
)
def test_a_lower_case_head_with_its_topic_and_quoted_title(text, expected):
    assert _events("Tin hợp tác\n\n" + text) == [expected]


def test_a_quoted_remark_after_a_head_is_no_title():
    text = "Ông Nam nói: “Chúng tôi sẽ tổ chức hội thảo về chuyển đổi số” vào năm sau."
    assert _events("Tin hợp tác\n\n" + text) == []


_FORUM = (
    "Tin hợp tác\n\nNgày 8/12, tại TP. Đà Nẵng, UBND thành phố tổ chức Diễn đàn Hợp tác Đà Nẵng "
    "– Kyushu lần thứ 3.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Doanh nghiệp hai bên đã có hơn 90 lượt kết nối, gấp đôi con số 45 lượt của lần tổ "
            "chức năm ngoái tại thành phố Fukuoka.",
            ("lần tổ chức năm ngoái", "2025"),
        ),
        (
            "Diễn đàn là hoạt động thường niên của thành phố; lần tổ chức năm 2025 diễn ra tại "
            "TP. Fukuoka hồi tháng 10.",
            ("lần tổ chức năm 2025", "2025-10"),
        ),
        (
            "Lần tổ chức đầu tiên vào tháng 8/2024 tại Hà Nội thu hút 30 doanh nghiệp.",
            ("Lần tổ chức đầu tiên", "2024-08"),
        ),
        (
            "Lần tổ chức trước, vào tháng 11/2025, diễn đàn thu hút 60 doanh nghiệp.",
            ("Lần tổ chức trước", "2025-11"),
        ),
        (
            "Ở lần tổ chức trước, các doanh nghiệp ký 12 hợp đồng; tháng 3/2027 sẽ có thêm "
            "đoàn khảo sát.",
            None,  # a date told in another clause is not the edition's: left out
        ),
    ],
)
def test_an_edition_with_no_name_of_its_own(text, expected):
    found = _events(_FORUM + text)
    assert found[0] == ("Diễn đàn Hợp tác Đà Nẵng – Kyushu lần thứ 3", "2026-12-08")
    assert found[1:] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [
        "Đây là lần tổ chức đầu tiên tại miền Trung.",  # this edition
        "Ban tổ chức rút kinh nghiệm từ lần tổ chức trước để cải thiện khâu đón tiếp.",  # no day
        "Diễn đàn năm nay là lần tổ chức năm 2026 của chuỗi sự kiện.",  # this one again
    ],
)
def test_no_edition_of_this_one_or_without_a_day(text):
    found = _events(_FORUM + text)
    assert found == [("Diễn đàn Hợp tác Đà Nẵng – Kyushu lần thứ 3", "2026-12-08")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Tin hợp tác\n\nTối 16/12, UBND tỉnh Khánh Hòa khai mạc Tuần lễ Du lịch Okinawa tại "
            "Khánh Hòa năm 2026. Tuần lễ diễn ra đến hết ngày 20/12 với nhiều hoạt động.\n\n"
            "Ngay sau lễ khai mạc, Sở Công Thương tổ chức Lễ ra mắt Câu lạc bộ Doanh nghiệp Khánh "
            "Hòa – Okinawa.",
            "vi",
            ("Lễ ra mắt Câu lạc bộ Doanh nghiệp Khánh Hòa – Okinawa", "2026-12-16"),
        ),
        (
            "Tin hợp tác\n\nSáng 14/12, Sở Công Thương khai mạc Hội chợ Nông sản Việt – Nhật tại "
            "TP. Cần Thơ, kéo dài đến ngày 18/12.\n\nCùng ngày khai mạc, Sở tổ chức Hội thảo "
            "“Xuất khẩu trái cây sang Nhật Bản”.",
            "vi",
            ("Hội thảo “Xuất khẩu trái cây sang Nhật Bản”", "2026-12-14"),
        ),
        (
            "Fair news\n\nOn December 8, HCM City opened the Vietnam–Japan Trade Fair 2026. The "
            "fair runs until December 12. Right after the opening, JETRO held the Kansai Food "
            "Export Seminar at the same venue.",
            "en",
            ("Kansai Food Export Seminar", "2026-12-08"),
        ),
    ],
)
def test_the_end_of_a_span_dates_nothing_told_after_it(text, language, expected):
    assert expected in _events(text, language)
