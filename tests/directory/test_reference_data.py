import datetime as dt

import pytest

from kakehashi.directory.models import Country, Locality, LocalityLevel, Sector
from kakehashi.directory.reference import load_reference

pytestmark = pytest.mark.usefixtures("reference")


def test_vietnam_has_34_current_and_63_former_units():
    vn = Locality.objects.filter(country=Country.VIETNAM)
    assert vn.filter(is_current=True).count() == 34
    assert vn.filter(is_current=False, valid_until=dt.date(2025, 6, 30)).count() == 63
    # and Thua Thien Hue, a province until 2024, when it became the city of Hue
    assert vn.filter(is_current=False).count() == 64
    assert vn.filter(is_current=True, level=LocalityLevel.VN_CENTRAL_CITY).count() == 6
    assert not vn.filter(is_current=False, successor=None).exists()


def test_binh_duong_and_ba_ria_vung_tau_lead_to_ho_chi_minh_city():
    hcmc = Locality.objects.get(slug="ho-chi-minh-city")
    assert hcmc.is_current and hcmc.code == "79"
    assert sorted(hcmc.predecessors.values_list("name_vi", flat=True)) == [
        "Bà Rịa - Vũng Tàu",
        "Bình Dương",
        "Thành phố Hồ Chí Minh",
    ]
    binh_duong = Locality.objects.get(country="VN", code="74", is_current=False)
    assert binh_duong.successor == hcmc
    assert binh_duong.name_local == "Tỉnh Bình Dương"


def test_japan_prefectures_and_designated_cities():
    assert Locality.objects.filter(level=LocalityLevel.JP_PREFECTURE).count() == 47
    assert Locality.objects.filter(level=LocalityLevel.JP_DESIGNATED_CITY).count() == 20
    osaka_city = Locality.objects.get(slug="osaka-city")
    assert osaka_city.parent.slug == "osaka-prefecture"
    assert (osaka_city.name_ja, osaka_city.name_kana) == ("大阪市", "おおさかし")
    hamamatsu = Locality.objects.get(slug="hamamatsu-city")
    assert sorted(hamamatsu.children.values_list("name_ja", flat=True)) == [
        "浜松市中央区",
        "浜松市天竜区",
        "浜松市浜名区",
    ]


def test_sasayama_points_to_tamba_sasayama():
    former = Locality.objects.get(slug="sasayama-city-former")
    assert not former.is_current
    assert former.successor.slug == "tamba-sasayama-city"


def test_sectors_have_three_labels():
    investment = Sector.objects.get(key="investment")
    assert (investment.label_en, investment.label_vi, investment.label_ja) == (
        "Investment",
        "Đầu tư",
        "投資",
    )
    assert Sector.objects.count() == 12


def test_loading_twice_changes_nothing():
    before = Locality.objects.count(), Sector.objects.count()
    ids = set(Locality.objects.values_list("id", flat=True))
    load_reference()
    assert (Locality.objects.count(), Sector.objects.count()) == before
    assert set(Locality.objects.values_list("id", flat=True)) == ids


def test_names_follow_the_reader_language():
    from django.utils import translation

    hcmc = Locality.objects.get(slug="ho-chi-minh-city")
    osaka = Locality.objects.get(slug="osaka-prefecture")
    with translation.override("vi"):
        assert (hcmc.name, osaka.name) == ("Thành phố Hồ Chí Minh", "Tỉnh Osaka")
        assert Locality.objects.get(slug="osaka-city").name == "Thành phố Osaka"
    with translation.override("ja"):
        assert (hcmc.name, osaka.name) == ("ホーチミン市", "大阪府")
    with translation.override("en"):
        assert (hcmc.name, osaka.name) == ("Ho Chi Minh City", "Osaka Prefecture")


def test_thua_thien_hue_is_a_province_until_2024_succeeded_by_hue():
    province = Locality.objects.get(slug="thua-thien-hue-before-2025")
    assert (province.code, province.level, province.is_current) == ("46", "province", False)
    assert province.valid_until == dt.date(2024, 12, 31)
    assert province.name_vi == "Thừa Thiên Huế" and province.name_local == "Tỉnh Thừa Thiên Huế"
    assert province.successor.slug == "hue"
    # the city of Hue of 1 January to 30 June 2025 keeps its record and slug
    city = Locality.objects.get(slug="hue-before-2025")
    assert city.valid_until == dt.date(2025, 6, 30) and city.successor.slug == "hue"


def test_the_loaded_slugs_are_the_reference_rows_slugs():
    from kakehashi.directory.reference_rows import locality_rows

    loaded = set(Locality.objects.values_list("country", "code", "is_current", "slug"))
    rows = {(r.country, r.code, r.is_current, r.slug) for r in locality_rows()}
    assert loaded == rows
