"""Japanese events (issue 14, nineteenth pass): an earlier edition told by its number after
the clause that dates it (令和７年11月にホーチミン市で開催した前回は, …に開催した第１回では,
昨年６月に開かれた初回には). Sentences written for the test, with look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows

PUBLISHED = dt.date(2026, 12, 20)
_LEAD = (
    "「ふくい県産品ベトナム商談会」の開催結果について\n\n"
    "福井県は、12月10日、ハノイ市において「ふくい県産品ベトナム商談会」を開催しました。"
)
_OWN = ("ふくい県産品ベトナム商談会", "2026-12-10")


def _events(text, published=PUBLISHED):
    return event_rows(text, "ja", published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和７年11月にホーチミン市で開催した前回は、個別商談が18件でした。", ("前回", "2025-11")),
        (
            "本商談会は２回目で、令和７年10月にダナン市で開催した第１回では、個別商談は12件でした。",
            ("第１回", "2025-10"),
        ),
        ("昨年６月に開かれた初回には、15社が参加しました。", ("初回", "2025-06")),
        ("2024年９月に大阪市内で実施した第2回は、20社が参加した。", ("第2回", "2024-09")),
    ],
)
def test_an_earlier_edition_told_by_its_number(text, expected):
    found = _events(_LEAD + text)
    assert _OWN in found
    assert expected in found
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        # no clause dates it
        "前回は個別商談が18件でした。",
        # this one's number
        "本商談会は今回で第３回の開催です。",
        # another thing dated before it, and an edition to come
        "令和７年に締結した覚書に基づき、第２回の商談会を来年開催する予定です。",
        # a date with no holding between
        "令和７年11月に就任した前回の担当者も参加しました。",
    ],
)
def test_no_edition_without_its_dating_clause(text):
    assert _events(_LEAD + text) == [_OWN]
