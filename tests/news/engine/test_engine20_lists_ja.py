"""Priority partners (issue 14, twentieth pass), Japanese releases: "本県" is the prefecture the
release's contact line names (【問合せ先】…) when the text names another prefecture as often, and
a partner's own list that names 本県 among other members is a list of its own beside the
release's list. Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language="ja"):
    return list_rows(text, language, PUBLISHED, fields=("list_size",))


@pytest.mark.parametrize(
    "contact",
    ["【問合せ先】福井県国際課", "問い合わせ先：福井県交流文化部国際課", "お問合せ　福井県国際課"],
)
def test_own_prefecture_from_contact_line(contact):
    text = (
        "ゲアン省との交流について\n\n"
        "本県は、ベトナムで重点的に交流する地域として、ゲアン省及びハティン省の２地域を定めました。"
        "両省とは山形県も交流を続けています。\n\n" + contact + "\n"
    )
    assert _lists(text) == [("fukui-prefecture", ("ha-tinh", "nghe-an"), 2)]


def test_contact_line_naming_a_city_leaves_the_prefecture_count():
    text = (
        "交流について\n\n本県は、ゲアン省及びハティン省を重点交流先としています。"
        "愛知県の企業も参加しました。愛知県と本県は協力します。\n\n【問合せ先】名古屋市国際課\n"
    )
    assert _lists(text) == [("aichi-prefecture", ("ha-tinh", "nghe-an"), None)]


@pytest.mark.parametrize(
    ("sentence", "partners", "size"),
    [
        (
            "クアンナム省は、2030年までの日本における重点協力先として、本県、石川県及び仙台市の"
            "３自治体を選定しています。",
            ("ishikawa-prefecture", "sendai-city", "toyama-prefecture"),
            3,
        ),
        (
            "クアンナム省は、本県及び石川県を日本における重点パートナーに位置付けています。",
            ("ishikawa-prefecture", "toyama-prefecture"),
            None,
        ),
        (
            "クアンナム省の重点交流先は、本県、石川県、金沢市の３自治体となっています。",
            ("ishikawa-prefecture", "toyama-prefecture", "金沢市"),
            3,
        ),
    ],
)
def test_partners_own_list_with_this_prefecture(sentence, partners, size):
    text = (
        "クアンナム省との交流\n\n本県は、ベトナムで重点的に交流する地域として、クアンナム省及び"
        "ダナン市の２地域を定めています。" + sentence + "\n\n【問合せ先】富山県国際課\n"
    )
    got = _lists(text)
    assert ("toyama-prefecture", ("da-nang", "quang-nam"), 2) in got or (
        "toyama-prefecture",
        ("da-nang", "quang-nam-before-2025"),
        2,
    ) in got
    assert any(slug.startswith("quang-nam") and p == partners and s == size
               for slug, p, s in got)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "partners"),
    [
        ("ディエンビエン省は、今月、本県及び金沢市を日本における重点パートナーに選定しました。",
         ("toyama-prefecture", "金沢市")),
        ("ディエンビエン省は、本県、金沢市及び小松市を重点交流先としています。",
         ("toyama-prefecture", "小松市", "金沢市")),
    ],
)  # fmt: skip
def test_partner_outside_the_directory_joined_to_a_member(sentence, partners):
    text = "交流\n\n" + sentence + "\n\n【問合せ先】富山県国際課\n"
    assert _lists(text) == [("dien-bien", tuple(sorted(partners)), None)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a city the directory lacks that is no member: where the choice was told, a programme
        "ディエンビエン省は、金沢市で開かれた会議で、本県を日本における重点パートナーに選定しました。",
        "ディエンビエン省は、本県を重点交流先としており、金沢市での研修も続けます。",
    ],
)
def test_city_outside_the_list_is_no_member(sentence):
    text = "交流\n\nベトナムの交流先について\n\n" + sentence + "\n\n【問合せ先】富山県国際課\n"
    assert all("金沢市" not in p for _, p, _ in _lists(text))


def test_headline_read_the_wrong_way_round_stays_one_list():
    text = (
        "ダナン市を重点交流先に　富山県\n\n"
        "富山県は、ダナン市及びフエ市を重点交流先とすることを決めました。\n"
    )
    assert _lists(text) == [("toyama-prefecture", ("da-nang", "hue"), None)]
