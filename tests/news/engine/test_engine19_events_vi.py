"""Vietnamese events (issue 14, nineteenth pass): an edition opening its sentence ("Phiên giao
thương đầu tiên với tỉnh X được tổ chức hồi tháng 5/2026", "Chương trình năm 2025, tổ chức tại
… hồi tháng 4/2025, …"), a dialogue's party ("buổi tọa đàm với cộng đồng doanh nghiệp …"), a
programme carried out before the event named after it ("Thực hiện Chương trình …, Sở … tổ chức
Hội chợ …"), a quoted remark that opens with an event's name, and a release's particulars
("Thời gian: 8h00, thứ Sáu, ngày 15/1/2027") that date an event whose name gives only its
year. Sentences written for the test, with look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows

PUBLISHED = dt.date(2026, 12, 20)
_FAIR = "Sáng 16/12, Sở Công Thương tổ chức Hội chợ nông sản Việt Nam – Nhật Bản 2026. "
_OWN = ("Hội chợ nông sản Việt Nam – Nhật Bản 2026", "2026-12-16")


def _events(text, published=PUBLISHED):
    return event_rows("Tin hợp tác\n\n" + text, "vi", published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Phiên giao thương đầu tiên với tỉnh Saga được tổ chức hồi tháng 5/2026.",
            ("Phiên giao thương đầu tiên với tỉnh Saga", "2026-05"),
        ),
        (
            "Chương trình năm 2025, tổ chức tại phường Pleiku hồi tháng 4/2025, đã có 50 cuộc gặp "
            "song phương.",
            ("Chương trình năm 2025", "2025-04"),
        ),
        (
            "Phiên kết nối lần thứ nhất đã được tổ chức vào tháng 3/2026 tại Hà Nội.",
            ("Phiên kết nối lần thứ nhất", "2026-03"),
        ),
    ],
)
def test_an_edition_opening_its_sentence(text, expected):
    found = _events(_FAIR + text)
    assert _OWN in found
    assert expected in found
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Chương trình năm 2026 sẽ tập trung vào nông sản.",
        "Phiên giao thương trong hội chợ thu hút 40 doanh nghiệp.",
        "Chương trình năm 2025, theo đánh giá của Sở, đã đạt kết quả tốt.",
    ],
)
def test_no_edition_without_its_holding(text):
    assert _events(_FAIR + text) == [_OWN]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chiều 15/12, UBND thành phố tổ chức buổi tọa đàm với cộng đồng doanh nghiệp Nhật Bản "
            "về thủ tục đầu tư.",
            ("tọa đàm với cộng đồng doanh nghiệp Nhật Bản", "2026-12-15"),
        ),
        (
            "Chiều 15/12, UBND tỉnh tổ chức buổi đối thoại với doanh nghiệp Nhật Bản về môi "
            "trường kinh doanh.",
            ("đối thoại với doanh nghiệp Nhật Bản", "2026-12-15"),
        ),
        (
            "Tối 15/12, Sở Ngoại vụ tổ chức buổi gặp mặt với cộng đồng người Nhật tại Đà Nẵng.",
            ("gặp mặt với cộng đồng người Nhật", "2026-12-15"),
        ),
    ],
)
def test_a_dialogue_keeps_its_party(text, expected):
    assert _events(text) == [expected]


def test_a_conference_with_participants_is_not_named_by_them():
    # "với" after a conference is no party of its name
    assert (
        _events("Chiều 15/12, UBND tỉnh tổ chức hội thảo với sự tham gia của 50 doanh nghiệp.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thực hiện Chương trình xúc tiến thương mại tỉnh Gia Lai năm 2027, Sở Công Thương tổ "
            "chức Hội chợ hàng Nhật Bản vào ngày 10/1/2027.",
            ("Hội chợ hàng Nhật Bản", "2027-01-10"),
        ),
        (
            "Triển khai Chương trình hợp tác với tỉnh Gunma, ngày 12/12, Sở tổ chức Hội thảo "
            "“Kỹ năng nghề cho lao động sang Nhật Bản”.",
            ("Hội thảo “Kỹ năng nghề cho lao động sang Nhật Bản”", "2026-12-12"),
        ),
    ],
)
def test_a_programme_carried_out_leaves_the_event_named_after_it(text, expected):
    assert _events(text) == [expected]


def test_a_programme_carried_out_alone_is_no_event():
    assert (
        _events("Thực hiện Chương trình xúc tiến thương mại năm 2027, Sở đã ban hành kế hoạch.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ông Nam nói: “Hội thảo xúc tiến đầu tư tại Osaka hồi tháng 9/2026 đã mở ra nhiều cơ "
            "hội.”",
            ("Hội thảo xúc tiến đầu tư", "2026-09"),
        ),
        (
            "Ông Nam nói: “Diễn đàn du lịch Nhật Bản tại Huế hồi tháng 6/2026 là bước đầu.”",
            ("Diễn đàn du lịch Nhật Bản", "2026-06"),
        ),
    ],
)
def test_a_quoted_remark_opening_with_an_event_names_it(text, expected):
    found = _events("Sáng 19/12, UBND tỉnh tổ chức hội nghị gặp gỡ nhà đầu tư Nhật Bản. " + text)
    assert ("hội nghị gặp gỡ nhà đầu tư Nhật Bản", "2026-12-19") in found
    assert expected in found


def test_a_quoted_remark_about_the_event_told_before_is_no_new_event():
    text = (
        "Sáng 19/12, UBND tỉnh tổ chức hội nghị gặp gỡ nhà đầu tư Nhật Bản. Ông Nam nói: “Hội "
        "nghị này là dịp để các doanh nghiệp gặp gỡ.”"
    )
    assert _events(text) == [("hội nghị gặp gỡ nhà đầu tư Nhật Bản", "2026-12-19")]


@pytest.mark.parametrize("weekday", ["thứ Sáu, ", "", "Chủ nhật, "])
def test_particulars_date_an_event_named_with_its_year(weekday):
    text = (
        "Sở Công Thương tổ chức Hội chợ hàng Nhật Bản năm 2027, cụ thể như sau:\n\n"
        f"1. Thời gian: 8h00, {weekday}ngày 15/1/2027.\n\n2. Địa điểm: Trung tâm Hội nghị tỉnh."
    )
    assert _events(text) == [("Hội chợ hàng Nhật Bản năm 2027", "2027-01-15")]


def test_particulars_leave_a_background_event_of_another_year():
    text = (
        "Năm 2025, tỉnh đã tổ chức Hội chợ hàng Nhật Bản. Sở Công Thương tổ chức Hội thảo xúc "
        "tiến đầu tư năm 2027, cụ thể như sau:\n\n1. Thời gian: 8h00, thứ Sáu, ngày 15/1/2027."
    )
    found = _events(text)
    assert ("Hội chợ hàng Nhật Bản", "2025") in found
    assert ("Hội thảo xúc tiến đầu tư năm 2027", "2027-01-15") in found
