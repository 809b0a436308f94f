import csv
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from kakehashi.demo.loader import load_demo
from kakehashi.demo.partnerships import PARTNERSHIP_DATA
from kakehashi.directory.models import Organisation, Person
from kakehashi.partnerships.models import Partnership, PartnershipParty

SHARED_CSV = Path(__file__).resolve().parents[3] / "shared" / "data" / "vn_jp_partnerships.csv"
PROJECT_CSV = PARTNERSHIP_DATA / "vn_jp_partnerships.csv"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_project_copy_of_the_shared_list_is_current():
    assert PROJECT_CSV.read_text(encoding="utf-8") == SHARED_CSV.read_text(encoding="utf-8")


@pytest.fixture
def demo(db):
    load_demo()


def test_every_row_of_the_list_is_loaded_with_its_source(demo):
    rows = read_rows(PROJECT_CSV)
    assert len(rows) == 24
    for row in rows:
        partnerships = Partnership.objects.filter(sources__url=row["source_url"])
        assert partnerships.exists(), row["source_url"]
        for partnership in partnerships:
            assert partnership.type_as_stated == row["type_as_stated"]
            assert not partnership.is_demo
    # Niigata's row names two MoUs, one with each province.
    assert Partnership.objects.filter(is_demo=False).count() == 25


def test_corrections_to_the_reading_of_the_list(demo):
    niigata = Partnership.objects.filter(sources__url__contains="vietnam202408").order_by("title")
    assert [sorted(p.name_as_signed for p in n.parties.all()) for n in niigata] == [
        ["Niigata Prefecture", "Thanh Hoa"],
        ["Niigata Prefecture", "Vinh Long"],
    ]
    assert {n.kind for n in niigata} == {"cooperation_mou"}
    sasayama = Partnership.objects.get(sources__url__contains="sankei.com")
    assert sasayama.kind == "other"  # a citizens' exchange city, not a sister city
    shiga = Partnership.objects.get(sources__url__contains="shiga")
    takayama = Partnership.objects.get(sources__url__contains="Takayama")
    for inferred in (shiga, takayama):
        assert inferred.signed_precision == "year", inferred.title
    assert (shiga.signed_display, takayama.signed_display) == ("2014", "2018")
    # Takayama and Sasayama signed with the city of Hue, not Thua Thien Hue province.
    for partnership in (takayama, sasayama):
        hue = partnership.parties.get(name_as_signed="Hue City")
        assert hue.locality.slug == "hue", partnership.title
    kyoto = PartnershipParty.objects.get(name_as_signed="Thua Thien Hue")
    assert kyoto.locality.slug == "thua-thien-hue-before-2025"


def test_parties_keep_the_name_as_signed_and_point_to_todays_unit(demo):
    party = PartnershipParty.objects.get(name_as_signed="Binh Duong")
    assert party.locality.slug == "binh-duong-before-2025"
    assert party.current_place.slug == "ho-chi-minh-city"
    vinh_phuc = PartnershipParty.objects.get(name_as_signed="Vinh Phuc")
    assert vinh_phuc.current_place.slug == "phu-tho"
    can_tho = PartnershipParty.objects.get(name_as_signed="Can Tho")
    assert can_tho.locality.slug == "can-tho"  # signed after 1 July 2025: today's unit


def test_invented_records_are_marked_demo_and_loading_twice_changes_nothing(demo):
    counts = (Partnership.objects.count(), Organisation.objects.count(), Person.objects.count())
    load_demo()
    assert (
        Partnership.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
    ) == counts
    invented = Organisation.objects.filter(name__contains="demo") | Organisation.objects.filter(
        name__contains="デモ"
    )
    assert invented.count() == 8
    assert set(invented.values_list("is_demo", flat=True)) == {True}
    assert set(Person.objects.values_list("is_demo", flat=True)) == {True}


# The partners in the reader's language. A partner that signed under its own name is shown by
# that name in the reader's language only, so the English names are not on a vi/ja page.
IN_READERS_LANGUAGE = {
    "en": ["Osaka Prefecture", "Osaka City", "Aichi Prefecture", "Shiga Prefecture", "Yamaguchi"],
    "vi": ["Tỉnh Osaka", "Thành phố Osaka", "Tỉnh Aichi", "Tỉnh Shiga", "Tỉnh Yamaguchi"],
    "ja": ["大阪府", "大阪市", "愛知県", "滋賀県", "山口県"],
}
ENGLISH_NAMES = ["Osaka Prefecture", "Osaka City", "Aichi Prefecture", "Shiga Prefecture"]
EXPECTED_DATES = {"en": "13 Sept 2016", "vi": "13 tháng 9 năm 2016", "ja": "2016年9月13日"}


@pytest.mark.parametrize("language", ["en", "vi", "ja"])
def test_ho_chi_minh_city_page_lists_its_japanese_partners(
    client, demo, language, django_assert_max_num_queries
):
    client.cookies["kakehashi_language"] = language
    with django_assert_max_num_queries(20):
        response = client.get(reverse("locality", args=["ho-chi-minh-city"]))
    html = response.content.decode()
    assert f'<html lang="{language}" ' in html
    for name in IN_READERS_LANGUAGE[language]:
        assert name in html
    if language != "en":
        assert not [name for name in ENGLISH_NAMES if name in html]
    with translation.override(language):
        aichi = Partnership.objects.get(sources__url__contains="mou-hochiminh")
        assert aichi.signed_display == EXPECTED_DATES[language]
    assert EXPECTED_DATES[language] in html
    for row in read_rows(PROJECT_CSV):
        if row["vn_province_after_2025"] == "Ho Chi Minh City":
            assert f'href="{row["source_url"]}"' in html
    # The former province that signed (now part of the city), in the reader's language.
    assert {"en": "Binh Duong", "vi": "Bình Dương", "ja": "ビンズオン"}[language] in html


def test_demo_events_with_a_rotating_host(client, demo):
    from kakehashi.events.models import Event, EventSeries

    assert set(Event.objects.values_list("is_demo", flat=True)) == {True}
    festival = EventSeries.objects.get(slug="vietnam-japan-festival")
    hosts = list(
        festival.editions.order_by("starts_on").values_list("host_locality__slug", flat=True)
    )
    assert hosts == ["ho-chi-minh-city", "osaka-city", "ho-chi-minh-city"]
    html = client.get(reverse("events:series", args=[festival.slug])).content.decode()
    assert (
        "Vietnam–Japan Festival 2025 (demo)" in html
        and "Vietnam–Japan Festival 2027 (demo)" in html
    )


def test_demo_proposals_in_three_languages_are_marked_and_findable(client, demo):
    from kakehashi.matching import live
    from kakehashi.proposals.models import Proposal, ProposalStatus

    live.forget()
    proposals = Proposal.objects.all()
    assert set(proposals.values_list("is_demo", flat=True)) == {True}
    published = proposals.filter(status=ProposalStatus.PUBLISHED)
    assert set(published.values_list("language", flat=True)) == {"vi", "ja", "en"}
    assert proposals.filter(status=ProposalStatus.SUBMITTED).exists()  # the moderation queue
    load_demo()
    assert Proposal.objects.count() == proposals.count()

    # A Japanese search finds the Vietnamese cold-chain request.
    response = client.get("/matching/search/", {"q": "冷凍倉庫の省エネ"})
    titles = [hit.proposal.title for hit in response.context["hits"] if hit.proposal]
    assert any(title.startswith("Tìm công nghệ kho lạnh") for title in titles)
    live.forget()


def test_demo_obstacles_cover_each_stage_and_are_marked(client, demo):
    from kakehashi.obstacles.models import Obstacle

    obstacles = Obstacle.objects.all()
    assert set(obstacles.values_list("is_demo", flat=True)) == {True}
    assert set(obstacles.values_list("status", flat=True)) == {
        "received",
        "in_progress",
        "resolved",
    }
    resolved = obstacles.get(status="resolved")
    assert resolved.is_public and resolved.authority is not None
    # A Japanese reader sees the title as filed; an English reader its translation, marked.
    response = client.get("/obstacles/resolved/", headers={"accept-language": "ja"})
    assert resolved.title in response.content.decode()
    english = client.get("/obstacles/resolved/", headers={"accept-language": "en"})
    assert resolved.translation_into("en").title.endswith("work permits takes too long (demo)")
    assert "work permits takes too long (demo)" in english.content.decode()
    assert "(translated)" in english.content.decode()


def test_demo_conversations_are_readable_by_their_members_and_one_has_an_outcome(client, demo):
    from kakehashi.accounts.models import User
    from kakehashi.insights.models import Outcome
    from kakehashi.messaging.models import Thread
    from kakehashi.messaging.queries import unread_total

    threads = Thread.objects.all()
    assert threads.count() == 2 and all("demo" in thread.subject for thread in threads)
    outcome = Outcome.objects.get(thread__isnull=False)
    assert (outcome.kind, outcome.is_demo) == ("training", True)
    lan = User.objects.get(email__startswith="hcmc@")
    assert unread_total(lan) == 1  # Osaka's answer waits in her inbox
    client.force_login(lan)
    assert "Thí điểm" not in client.get("/messages/").content.decode()  # not her thread
    load_demo()
    assert Thread.objects.count() == 2 and Outcome.objects.filter(thread__isnull=False).count() == 1
