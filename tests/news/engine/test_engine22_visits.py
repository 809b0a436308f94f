"""Visits (issue 14, twenty-second pass): "the province" stands for a Vietnamese province and
"the prefecture" for a Japanese one; the meeting place is never the visitor's own place told
again ("a delegation from Hai Phong to the city"); "Last Wednesday"; a Japanese trip's next stop
(ドンナイ省に移動し、省人民委員会の…); a release's 知事 is its issuer's (【問合せ先】). Sentences
written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import visit_rows

PUBLISHED = dt.date(2026, 12, 9)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the province" after a Japanese prefecture is still the Vietnamese province
        (
            "Bac Ninh\n\nBAC NINH — On December 2, Vice Chairman of the Bac Ninh People's "
            "Committee Dao Quang Huy received a delegation from Saitama Prefecture led by Saitama "
            "Chamber of Commerce President Yoshio Katagiri, who said members were studying sites "
            "in the province.",
            [("Yoshio Katagiri", "Dao Quang Huy", "bac-ninh", "2026-12-02")],
        ),
        (
            "Kobe\n\nOn December 2, Hyogo Governor Saito Ken received Vice Chairman of the Hue "
            "People's Committee Phan Quy Phuong, who led a delegation to the prefecture.",
            [("Phan Quy Phuong", "Saito Ken", "hyogo-prefecture", "2026-12-02")],
        ),
        # the city the visitor travels to is not the visitor's own city named just before
        (
            "Hiroshima\n\nHiroshima City named Hai Phong and Hue as priority partners on December "
            "9. The previous day, Vice Chairman of the Hai Phong People's Committee Le Quang Tuan, "
            "who led a 10-member delegation to the city for the seminar, called on Mayor Kenta "
            "Ishibashi at the city hall.",
            [("Le Quang Tuan", "Kenta Ishibashi", "hiroshima-city", "2026-12-08")],
        ),
        # "Last Wednesday" on a Wednesday is a week before
        (
            "Bac Ninh\n\nBAC NINH — Last Wednesday, Vice Chairman of the provincial People's "
            "Committee Dao Quang Huy received a delegation of 20 companies from Saitama Prefecture "
            "led by Yoshio Katagiri, President of the Saitama Chamber.",
            [("Yoshio Katagiri", "Dao Quang Huy", "bac-ninh", "2026-12-02")],
        ),
    ],
)
def test_english_visits(text, expected):
    assert visit_rows(text, "en", PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "発表\n\n石黒修副知事は、12月１日、ホーチミン市人民委員会を訪問し、グエン・ミン・トゥアン"
            "副委員長と会談しました。翌２日にはドンナイ省に移動し、省人民委員会のチャン・ヴァン・フック"
            "副委員長を表敬訪問しました。",
            [
                ("石黒修", "グエン・ミン・トゥアン", "ho-chi-minh-city", "2026-12-01"),
                ("石黒修", "チャン・ヴァン・フック", "dong-nai", "2026-12-02"),
            ],
        ),
        (
            "発表\n\n石黒修副知事は、12月１日、ハノイ市に入り、市人民委員会のグエン・ヴァン・アン"
            "副委員長を表敬訪問しました。",
            [("石黒修", "グエン・ヴァン・アン", "hanoi", "2026-12-01")],
        ),
        # the release's governor: the prefecture of its contact line, not another one named
        (
            "クアンチ省代表団の来県について\n\n12月３日、ベトナム・クアンチ省人民委員会の"
            "ホアン・ティ・ハー副委員長を団長とする代表団８名が来県し、知事を表敬訪問しました。"
            "クアンチ省は、本県、秋田県及び仙台市を重点協力先としています。\n\n"
            "【問合せ先】鳥取県交流推進課",
            [("ホアン・ティ・ハー", None, "tottori-prefecture", "2026-12-03")],
        ),
    ],
)
def test_japanese_visits(text, expected):
    assert visit_rows(text, "ja", PUBLISHED) == expected
