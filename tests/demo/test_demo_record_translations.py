"""Every reference partnership record and the demo obstacles carry their vi and ja texts,
as a moderator's translation with no person named; the original language stays honest."""

import json

import pytest

from kakehashi.common.translations import TranslationSource
from kakehashi.demo.loader import load_demo
from kakehashi.demo.partnerships import PARTNERSHIP_DATA, _read_source_rows
from kakehashi.demo.record_translations import PARTNERSHIP_TRANSLATIONS
from kakehashi.obstacles.models import Obstacle, ObstacleTranslation
from kakehashi.partnerships.models import Partnership, PartnershipTranslation, renewal_notes_of


def test_the_translation_file_covers_every_record_and_note():
    records = json.loads((PARTNERSHIP_DATA / "partnerships.json").read_text("utf-8"))
    translations = json.loads(PARTNERSHIP_TRANSLATIONS.read_text("utf-8"))
    titles = [entry["title"] for entry in records["partnerships"]]
    assert sorted(translations["records"]) == sorted(titles)
    for entry in records["partnerships"]:
        for language in ("vi", "ja"):
            texts = translations["records"][entry["title"]][language]
            assert texts["title"].strip()
            assert bool(texts.get("summary")) == bool(entry.get("summary"))
        for _date, note in entry["renewals"]:
            assert set(translations["renewal_notes"][note]) == {"vi", "ja"}
    for row in _read_source_rows():
        assert set(translations["types_as_stated"][row["type_as_stated"]]) == {"vi", "ja"}
    for entry in records["priority_lists"]:
        texts = translations["priority_lists"][entry["title"]]
        for language in ("vi", "ja"):
            assert texts[language]["title"].strip()
            assert set(texts[language]["notes"]) == {note for _ref, note in entry["partners"]}


@pytest.fixture
def demo(db):
    load_demo()


def test_every_record_has_its_vi_and_ja_translation(demo, client):
    records = Partnership.objects.filter(is_demo=False).prefetch_related("translations", "renewals")
    assert records.count() == 25
    for record in records:
        assert record.language == "en"
        rows = {row.language: row for row in record.translations.all()}
        assert sorted(rows) == ["ja", "vi"], record.title
        for row in rows.values():
            assert (row.source, row.made_by_id) == (TranslationSource.MODERATOR, None)
            assert set(row.renewal_notes) == set(renewal_notes_of(record))
            assert bool(row.summary) == bool(record.summary)
            assert bool(row.type_as_stated) == bool(record.type_as_stated)
    # The demo's MoU (recorded as an outcome of a festival meeting) too.
    demo_mou = Partnership.objects.get(is_demo=True, title__startswith="MoU between")
    assert sorted(demo_mou.translations.values_list("language", flat=True)) == ["ja", "vi"]
    sakai = records.get(title__startswith="Sakai City")
    page = client.get(sakai.get_absolute_url(), headers={"accept-language": "ja"}).content.decode()
    assert "堺市とダナン市との交流及び協力に関する覚書" in page and "友好都市提携" in page
    assert "Sakai City – Da Nang" not in page and "Friendship ties" not in page
    page = client.get(sakai.get_absolute_url(), headers={"accept-language": "vi"}).content.decode()
    assert "giữa thành phố Sakai và thành phố Đà Nẵng" in page
    # Ho Chi Minh City's priority-partner list, in each reader's language.
    hcmc = "/localities/ho-chi-minh-city/"
    for language, title, note in [
        ("vi", "Các địa phương ưu tiên hợp tác", "Một trong 12 địa phương ưu tiên"),
        ("ja", "戦略的パートナー国の重点協力自治体", "12の重点自治体の一つ"),
        ("en", "Priority localities of strategic-partner countries", "One of 12 priority"),
    ]:
        page = client.get(hcmc, headers={"accept-language": language}).content.decode()
        assert title in page and note in page, language
        if language != "en":
            assert "Priority localities of" not in page and "One of 12" not in page


def test_demo_obstacles_carry_their_translations_and_loading_twice_changes_nothing(demo):
    resolved = Obstacle.objects.get(title__startswith="技術者の労働許可証")
    assert (resolved.language, resolved.summary_language) == ("ja", "en")
    rows = {row.language: row for row in resolved.translations.all()}
    assert sorted(rows) == ["en", "ja", "vi"]
    assert rows["ja"].title == "" and "10営業日" in rows["ja"].public_summary
    assert rows["vi"].title.endswith("(demo)") and "10 ngày làm việc" in rows["vi"].public_summary
    assert ObstacleTranslation.objects.filter(made_by__isnull=False).count() == 0

    before = (
        sorted(PartnershipTranslation.objects.values_list("pk", "updated_at")),
        sorted(ObstacleTranslation.objects.values_list("pk", "updated_at")),
    )
    load_demo()
    after = (
        sorted(PartnershipTranslation.objects.values_list("pk", "updated_at")),
        sorted(ObstacleTranslation.objects.values_list("pk", "updated_at")),
    )
    assert after == before
