"""People written the way prefectures' releases and Vietnamese sources write them (issue 14,
second pass): Japanese names with a space, bureau heads, departments by their abbreviation,
short later mentions."""

import datetime as dt

from kakehashi.news.engine import extract


def _people(text, language, published=None):
    facts = extract(text, language=language, published=published)["facts"]
    return [f for f in facts if f["type"] == "person"]


def test_a_japanese_name_written_with_a_space_is_one_person():
    text = "岐阜県の森本 和也 副知事は、ベトナムの代表団と会談した。森本副知事は協力を約束した。"
    (person,) = _people(text, "ja")
    assert (person["name"], person["role"], person["country"]) == ("森本 和也", "副知事", "JP")
    assert person["organisation"]["name"] == "岐阜県"


def test_a_bureau_head_is_a_role():
    text = "静岡県の藤田 理恵 国際交流課長は、研修制度について説明した。"
    (person,) = _people(text, "ja")
    assert (person["name"], person["role"]) == ("藤田 理恵", "国際交流課長")


def test_a_department_abbreviation_qualifies_a_role():
    text = (
        "Phó Giám đốc Sở KH&ĐT tỉnh Long An Trần Thị Mai Hương cho biết tỉnh đã thu hút "
        "nhiều dự án."
    )
    (person,) = _people(text, "vi")
    assert person["name"] == "Trần Thị Mai Hương"
    assert person["role"] == "Phó Giám đốc"


def test_a_later_surname_in_english_is_the_same_person():
    text = (
        "Quang Tri Provincial People's Committee Chairman Vo Van Hung met Gifu Vice Governor "
        "Akira Ishida. Hung proposed a direct flight. Ishida agreed."
    )
    doc = extract(text, language="en", published=dt.date(2025, 1, 10))
    names = [f["name"] for f in doc["facts"] if f["type"] == "person"]
    assert sorted(names) == ["Akira Ishida", "Vo Van Hung"]
    (proposal,) = [f for f in doc["facts"] if f["type"] == "proposal"]
    assert proposal["by"] == "Vo Van Hung"


def test_a_proposal_runs_past_an_abbreviation():
    text = "Ông Võ Văn Hưng đề nghị TP. Takayama hỗ trợ Quảng Trị đào tạo hướng dẫn viên du lịch."
    facts = extract(text, language="vi")["facts"]
    (proposal,) = [f for f in facts if f["type"] == "proposal"]
    assert proposal["text"] == "TP. Takayama hỗ trợ Quảng Trị đào tạo hướng dẫn viên du lịch"
