import pytest

from tests.api.client import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reference(reference):
    pass


def test_vietnam_lists_the_34_current_units(anonymous):
    body = anonymous.get("/localities?country=VN").json()

    assert body["count"] == 34
    assert len(body["items"]) == 34
    assert {item["is_current"] for item in body["items"]} == {True}
    assert {item["successor"] for item in body["items"]} == {None}
    assert {item["country"] for item in body["items"]} == {"VN"}


def test_former_true_adds_the_64_former_units_each_with_its_successor(anonymous):
    body = anonymous.get("/localities?country=VN&former=true").json()

    # the 63 units in force until 30 June 2025 and Thua Thien Hue (until 31 December 2024)
    assert body["count"] == 98
    former = [item for item in body["items"] if not item["is_current"]]
    assert len(former) == 64
    assert all(item["successor"] is not None for item in former)
    binh_duong = next(item for item in former if item["slug"] == "binh-duong-before-2025")
    assert binh_duong["successor"] == {
        "slug": "ho-chi-minh-city",
        "code": "79",
        "name": "Ho Chi Minh City",
    }
    assert binh_duong["valid_until"] == "2025-06-30"
    assert binh_duong["name_vi"] == "Bình Dương"


def test_status_former_lists_only_former_units(anonymous):
    body = anonymous.get("/localities?country=VN&status=former").json()

    assert body["count"] == 64
    assert {item["is_current"] for item in body["items"]} == {False}


def test_japan_has_47_prefectures(anonymous):
    body = anonymous.get("/localities?country=JP&level=prefecture").json()

    assert body["count"] == 47
    assert len(body["items"]) == 47
    assert {item["level"] for item in body["items"]} == {"prefecture"}
    assert body["items"][0]["slug"] == "hokkaido"
    assert body["items"][0]["iso_code"] == "JP-01"


def test_a_municipality_names_its_prefecture_as_parent(anonymous):
    body = anonymous.get("/localities/osaka-city").json()

    assert body["parent"] == "osaka-prefecture"
    assert body["level"] == "designated_city"
    assert body["name_kana"] == "おおさかし"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("country=XX", "country", "Choose one of: VN, JP."),
        ("level=county", "level", None),
        ("status=gone", "status", "Choose one of: current, former, all."),
        ("former=perhaps", "former", "Enter true or false."),
        ("limit=0", "limit", "Ensure this value is greater than or equal to 1."),
    ],
)
def test_bad_filters_are_refused_in_the_api_error_format(anonymous, query, field, message):
    response = anonymous.get(f"/localities?{query}")

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["message"] == "The request is not valid; see the details."
    assert [detail["field"] for detail in body["details"]] == [field]
    if message:
        assert body["details"][0]["message"] == message


def test_search_by_name(anonymous):
    body = anonymous.get("/localities?country=VN&former=true&q=Binh Duong").json()

    assert [item["slug"] for item in body["items"]] == ["binh-duong-before-2025"]


def test_limit_and_offset_page_through_the_list(anonymous):
    all_slugs = [item["slug"] for item in anonymous.get("/localities?country=VN").json()["items"]]

    body = anonymous.get("/localities?country=VN&limit=10&offset=30").json()

    assert body["count"] == 34
    assert [item["slug"] for item in body["items"]] == all_slugs[30:]


def test_unknown_slug_is_404_in_the_api_error_format(anonymous):
    response = anonymous.get("/localities/atlantis")

    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "There is no such record, or you may not see it.",
        "details": [],
    }


def test_name_follows_the_request_language(client):
    in_japanese = ApiClient(client, language="ja").get("/localities/hanoi").json()
    in_english = ApiClient(client, language="en").get("/localities/hanoi").json()

    assert in_japanese["name"] == "ハノイ市"
    assert in_english["name"] == "Hanoi"


def test_sectors_carry_labels_in_each_language(anonymous):
    body = anonymous.get("/sectors").json()

    assert body["count"] == 12
    assert body["items"][0] == {
        "key": "investment",
        "label": "Investment",
        "label_en": "Investment",
        "label_vi": "Đầu tư",
        "label_ja": "投資",
    }


def test_the_whole_list_takes_two_queries(anonymous, django_assert_num_queries):
    with django_assert_num_queries(2):  # count + rows (parent and successor joined)
        anonymous.get("/localities?former=true")


def test_names_are_sent_as_utf8_not_escaped(anonymous):
    response = anonymous.get("/localities/hanoi")
    assert "Thành phố Hà Nội".encode() in response.content
    assert b"\\u" not in response.content
