"""Priority partners (issue 14, twentieth pass), told from the partner's side or without a word
of priority: the agent of a passive choice is the chooser ("Saga has been named by Dong Thap as
one of its priority partners", "selected by Hung Yen to be", "được tỉnh Đồng Tháp chọn là"); a
group of localities chosen for a period is a list ("settled on a quartet of Japanese
localities for the years up to 2030: …"), its size told by a group word (a pair, a trio, a
quartet, half a dozen); members told one by one ("The first is … The second is …"). Sentences
written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language="en"):
    return list_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "News\n\nShiga Prefecture has been named by Ninh Binh Province, Vietnam, as one of "
            "its three priority partners in Japan until 2030, together with Nara and Mie "
            "prefectures.",
            "en",
        ),
        (
            "News\n\nShiga Prefecture was one of three Japanese localities selected by Ninh "
            "Binh to be its priority partners until 2030, alongside Nara and Mie.",
            "en",
        ),
        (
            "Tin\n\nTỉnh Shiga được tỉnh Ninh Bình chọn là một trong ba đối tác ưu tiên đến năm "
            "2030, cùng tỉnh Nara và tỉnh Mie.",
            "vi",
        ),
    ],
)
def test_agent_of_a_passive_choice_is_the_chooser(text, language):
    assert _lists(text, language) == [
        ("ninh-binh", ("mie-prefecture", "nara-prefecture", "shiga-prefecture"), 3, "2030")
    ]


def test_agent_that_is_no_place_leaves_the_owner():
    text = (
        "News\n\nShiga Prefecture was selected by the ministry as one of Ninh Binh's priority "
        "partners until 2030, with Nara and Mie."
    )
    assert [row[0] for row in _lists(text)] == ["ninh-binh"]


@pytest.mark.parametrize(
    ("sentence", "size"),
    [
        (
            '"We have settled on a quartet of Japanese localities for the years up to 2030: '
            'Aichi, Gifu, Mie and Nagoya City," the director said.',
            4,
        ),
        ("Hai Phong has picked four Japanese localities for the 2026-2030 period: Aichi, Gifu, "
         "Mie and Nagoya City.", 4),
        ("Hai Phong has chosen a trio of Japanese prefectures until 2030 - Aichi, Gifu and Mie.",
         3),
    ],
)  # fmt: skip
def test_group_chosen_for_a_period(sentence, size):
    text = "Hai Phong and Japan\n\nHai Phong will deepen its ties with Japan. " + sentence
    rows = _lists(text)
    assert len(rows) == 1
    place, partners, got_size, until = rows[0]
    assert place == "hai-phong" and got_size == size and until == "2030"
    assert partners[:3] in (("aichi-prefecture", "gifu-prefecture", "mie-prefecture"),) or set(
        partners
    ) >= {"aichi-prefecture", "gifu-prefecture", "mie-prefecture"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Hai Phong has picked three Japanese prefectures for its trade fair in 2027: Aichi, "
        "Gifu and Mie.",
        "Hai Phong has selected three Japanese cities to host its students this summer: "
        "Nagoya City, Gifu and Tsu.",
        "The delegation will visit three Japanese prefectures until 2030: Aichi, Gifu and Mie.",
    ],
)
def test_group_without_a_period_or_choice_is_no_list(sentence):
    assert _lists("Hai Phong\n\n" + sentence) == []


def test_size_as_a_group_word():
    text = (
        "News\n\nHai Phong has named a pair of Japanese prefectures, Aichi and Gifu, as its "
        "priority partners until 2030."
    )
    assert _lists(text) == [("hai-phong", ("aichi-prefecture", "gifu-prefecture"), 2, "2030")]


@pytest.mark.parametrize(
    "second",
    [
        '"The second is Shizuoka Prefecture, home to many of our trainees," he said.',
        "The second partner is Shizuoka Prefecture, he added.",
    ],
)
def test_members_told_one_by_one(second):
    text = (
        "Speech\n\nThe Chairman of Thanh Hoa said the province would work with two priority "
        'partners in Japan until 2030. "The first is Gifu Prefecture, our friend since 2015.'
        '"\n\n' + second
    )
    assert _lists(text) == [("thanh-hoa", ("gifu-prefecture", "shizuoka-prefecture"), 2, "2030")]


def test_second_thing_that_is_no_member():
    text = (
        "Speech\n\nThe Chairman of Thanh Hoa said the province would work with two priority "
        'partners in Japan until 2030. "The first is Gifu Prefecture, our friend since 2015."'
        "\n\nThe second topic was a seminar in Osaka next year, he added."
    )
    assert all("osaka-prefecture" not in p for _, p, _, _ in _lists(text))
