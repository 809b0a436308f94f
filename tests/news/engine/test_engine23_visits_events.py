"""Visits and events (issue 14, twenty-third pass): the delegation's leader is the visitor even
when the sentence names a place of the talks' subject ("held talks with Phong on training nurses
in Tottori"); with no place told, the dateline's place hosts; an earlier edition "of the kind",
its place after a comma. Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows, facts, visit_rows

PUBLISHED = dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks\n\nOn December 7, Tottori Governor Keisuke Nakatani, who led a 30-member "
            "delegation, held talks with Chairman of the Quang Tri People's Committee Tran Huu "
            "Phong on training Quang Tri nurses in Tottori.",
            [("Keisuke Nakatani", "Tran Huu Phong", "quang-tri", "2026-12-07")],
        ),
        # no place told: the dateline's place hosts
        (
            "Plan\n\nGIA LAI — On December 7, Gia Lai and Kochi agreed to deepen ties, at talks "
            "between Chairman of the Gia Lai People's Committee Phan Van Loc and Kochi Governor "
            "Nishioka Tetsuya.",
            [("Nishioka Tetsuya", "Phan Van Loc", "gia-lai", "2026-12-07")],
        ),
        (
            "Plan\n\nKOCHI — On December 7, Gia Lai and Kochi agreed to deepen ties, at talks "
            "between Chairman of the Gia Lai People's Committee Phan Van Loc and Kochi Governor "
            "Nishioka Tetsuya.",
            [("Phan Van Loc", "Nishioka Tetsuya", "kochi-prefecture", "2026-12-07")],
        ),
    ],
)
def test_who_visits_whom(text, expected):
    assert visit_rows(text, "en", PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\n\nThe city will hold a Takayama tourism seminar in Hanoi on February 4, 2027. A "
            "first seminar of the kind, in Ho Chi Minh City in March 2026, had 14 meetings.",
            [("Takayama tourism seminar", "2027-02-04"), ("first seminar of the kind", "2026-03")],
        ),
        (
            "News\n\nThe Hue Forum opened on Monday. The first forum, in Kyoto in May 2025, drew "
            "80 firms.",
            [("Hue Forum", "2026-12-07"), ("first forum", "2025-05")],
        ),
    ],
)
def test_an_edition_of_the_kind(text, expected):
    assert event_rows(text, "en", PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # what comes before an event does not date it nor name its hosts
        (
            "「おかやま食品ベトナム商談会」の開催結果について\n\n次のとおり商談会を開催しました。\n"
            "（１）日時　令和８年12月９日（水）13時～17時\n"
            "商談会に先立ち、12月８日、ニンビン省人民委員会の副委員長ら８人が来庁しました。",
            "ja",
            [("おかやま食品ベトナム商談会", "2026-12-09", [])],
        ),
        (
            "News\n\nBefore the Hue Forum, Kyoto officials met Hue leaders on Monday. The Hue "
            "Forum opened on Tuesday.",
            "en",
            [("Hue Forum", "2026-12-08", [])],
        ),
        # an edition with a remark in brackets after its number
        (
            "発表\n\n本県は、12月５日、ザライ省で商談会を開催しました。令和６年10月に高知市で開催した"
            "第１回（当時の相手方はビンディン省）の個別商談は12件でした。",
            "ja",
            [("商談会", "2026-12-05", ["本県"]), ("第１回", "2024-10", [])],
        ),
    ],
)
def test_what_comes_before_an_event_and_an_edition_in_brackets(text, language, expected):
    found = facts(text, language, published=PUBLISHED, kind="event")
    assert [(f["name"], f["date"], [o["name"] for o in f["organisers"]]) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "language", "organisers"),
    [
        (
            "「おかやま食品ベトナム商談会」の開催結果について\n\n次のとおり商談会を開催しました。\n"
            "（１）日時　令和８年12月９日（水）13時～17時\n（３）主催　岡山県、ジェトロ\n",
            "ja",
            ["岡山県", "ジェトロ"],
        ),
        (
            "Tin\n\nSở Công Thương thông báo tổ chức Hội nghị Xúc tiến thương mại Việt Nam – Nhật "
            "Bản, cụ thể như sau:\n1. Thời gian: ngày 14/12/2026\n2. Đơn vị tổ chức: Sở Công "
            "Thương tỉnh Đồng Tháp và JETRO Hà Nội\n",
            "vi",
            ["Sở Công Thương tỉnh Đồng Tháp", "JETRO Hà Nội"],
        ),
        # a word inside a sentence is no label; an event told with its hosts keeps them
        (
            "「みやぎ食品商談会」について\n\n宮城県は、12月９日、商談会を開催しました。主催者の"
            "ジェトロ仙台によると、商談は20件でした。",
            "ja",
            ["宮城県"],
        ),
    ],
)
def test_hosts_from_the_particulars(text, language, organisers):
    (event,) = facts(text, language, published=PUBLISHED, kind="event")
    assert [o["name"] for o in event["organisers"]] == organisers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a merger's date is no event's; a past "had held a forum" is no event
        (
            "News\n\nThe An Giang Forum opened on Friday. It was the first time the province, "
            "which absorbed Kien Giang Province in July 2025, had held a forum devoted to Japan.",
            [("An Giang Forum", "2026-12-04")],
        ),
        (
            "News\n\nThe province, which absorbed Kien Giang Province in July 2025, held the An "
            "Giang–Japan Forum.",
            [],
        ),
        (
            "News\n\nOn December 7, the province held a forum devoted to Japan.",
            [("forum", "2026-12-07")],
        ),
    ],
)
def test_a_merger_dates_no_event(text, expected):
    assert event_rows(text, "en", PUBLISHED) == expected
