"""Priority lists (issue 14, thirteenth pass): a list given as bullet lines after "như sau:"
or ":" is read to its last line; "địa phương Nhật Bản được ưu tiên hợp tác" names a list; a
list of one country's places with no chooser in the sentence (A、B、Cの3市を重点交流先と位置付け)
is the article's place's list, not the first partner's; "will concentrate its exchanges on A, B
and C" names a list of two or more. Sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 11, 20)


def _facts(text, kind, language="vi"):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == kind]


def _slugs(fact):
    return sorted(p["slug"] for p in fact["partners"])


def test_bulleted_list_is_read_to_its_last_line():
    text = (
        "Sở Ngoại vụ tỉnh Bắc Ninh công bố danh sách 03 địa phương Nhật Bản được ưu tiên hợp "
        "tác giai đoạn 2026-2030 như sau:\n- Tỉnh Gifu;\n- Tỉnh Aichi;\n"
        "- Tỉnh Nagano.\n\nCác doanh nghiệp có nhu cầu liên hệ Sở Ngoại vụ tỉnh Ibaraki."
    )
    (fact,) = _facts(text, "priority_partners")
    assert fact["locality"]["slug"] == "bac-ninh"
    assert _slugs(fact) == ["aichi-prefecture", "gifu-prefecture", "nagano-prefecture"]
    assert fact["list_size"] == 3
    assert fact["until"] == "2030"


def test_bullets_without_a_colon_are_not_read():
    text = (
        "Tỉnh Bắc Ninh có danh sách 3 địa phương Nhật Bản được ưu tiên hợp tác.\n"
        "- Tỉnh Gifu đã cử đoàn sang thăm tỉnh.\n- Tỉnh Aichi mở văn phòng đại diện."
    )
    facts = _facts(text, "priority_partners")
    assert all(len(f["partners"]) < 2 for f in facts)


def test_ja_list_with_no_chooser_is_the_articles_place():
    text = (
        "三重県は12月１日、交流方針を改定した。令和８年度から令和12年度までの５年間、"
        "ハノイ市、ダナン市、カントー市の３市を重点交流先と位置付け、人材育成で連携する。"
    )
    (fact,) = _facts(text, "priority_partners", "ja")
    assert fact["locality"]["slug"] == "mie-prefecture"
    assert _slugs(fact) == ["can-tho", "da-nang", "hanoi"]


def test_ja_chooser_named_in_the_sentence_is_kept():
    text = "三重県はハノイ市、ダナン市の２市を重点交流先と位置付けた。"
    (fact,) = _facts(text, "priority_partners", "ja")
    assert fact["locality"]["slug"] == "mie-prefecture"
    assert _slugs(fact) == ["da-nang", "hanoi"]


def test_en_concentrate_exchanges_on_names_a_list():
    text = (
        "Aichi Prefecture adopted a new plan on December 1. In Vietnam, the prefecture will "
        "concentrate its exchanges on Hai Phong, Da Nang and Can Tho, the plan says."
    )
    (fact,) = _facts(text, "priority_partners", "en")
    assert fact["locality"]["slug"] == "aichi-prefecture"
    assert _slugs(fact) == ["can-tho", "da-nang", "hai-phong"]


@pytest.mark.parametrize(
    "text",
    [
        # one place focused on: a preference, no list
        "Aichi Prefecture will concentrate its cooperation on Da Nang in the field of nursing.",
        # a hope, not a list
        "Aichi Prefecture would like to concentrate its exchanges on Hai Phong and Da Nang.",
        "Aichi Prefecture will prioritise exchanges with Da Nang in the field of nursing.",
        "Aichi Prefecture hopes to prioritise cooperation with Hai Phong and Da Nang.",
    ],
)
def test_en_no_list(text):
    assert _facts(text, "priority_partners", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "chooser", "partners"),
    [
        (
            "Danh sách đối tác ưu tiên của tỉnh Bắc Ninh gồm:\n1. Tỉnh Gifu\n2. Tỉnh Aichi\n"
            "3. Tỉnh Mie",
            "vi",
            "bac-ninh",
            ["aichi-prefecture", "gifu-prefecture", "mie-prefecture"],
        ),
        (
            "愛知県の重点交流先は次の３地域です。\n・ハノイ市\n・ダナン市\n・カントー市",
            "ja",
            "aichi-prefecture",
            ["can-tho", "da-nang", "hanoi"],
        ),
        (
            "Hanoi, Da Nang and Can Tho were chosen as Aichi Prefecture's priority partners "
            "until 2030.",
            "en",
            "aichi-prefecture",
            ["can-tho", "da-nang", "hanoi"],
        ),
        (
            "Theo kế hoạch, tỉnh Bắc Ninh sẽ tập trung hợp tác với 3 địa phương Nhật Bản gồm "
            "tỉnh Gifu, tỉnh Aichi và tỉnh Mie đến năm 2030.",
            "vi",
            "bac-ninh",
            ["aichi-prefecture", "gifu-prefecture", "mie-prefecture"],
        ),
    ],
)
def test_numbered_lines_possessive_chooser_and_focus(text, language, chooser, partners):
    (fact,) = _facts(text, "priority_partners", language)
    assert fact["locality"]["slug"] == chooser
    assert _slugs(fact) == partners


def test_numbered_lines_stop_at_the_first_line_that_is_no_item():
    text = (
        "Danh sách đối tác ưu tiên của tỉnh Bắc Ninh gồm:\n1. Tỉnh Gifu\n2. Tỉnh Aichi\n\n"
        "Tỉnh Mie cũng cử đoàn sang làm việc."
    )
    (fact,) = _facts(text, "priority_partners")
    assert _slugs(fact) == ["aichi-prefecture", "gifu-prefecture"]


def test_vi_focus_on_one_place_is_no_list():
    text = "Tỉnh Bắc Ninh sẽ tập trung hợp tác với tỉnh Gifu trong lĩnh vực nông nghiệp."
    assert _facts(text, "priority_partners") == []


def test_en_prioritise_exchanges_with_names_a_list():
    text = "Aichi Prefecture will prioritise exchanges with Hai Phong, Da Nang and Can Tho."
    (fact,) = _facts(text, "priority_partners", "en")
    assert fact["locality"]["slug"] == "aichi-prefecture"
    assert _slugs(fact) == ["can-tho", "da-nang", "hai-phong"]
