"""The labelled news set (bench/data/news/) and the fresh held-out batch
(bench/data/news-fresh/) are valid against the format, and bench/news.py writes its section of
docs/benchmarks.md."""

import json
import shutil

import news_data
import pytest

import news
from kakehashi.directory.models import Locality

SETS = [(news_data.DATA, news_data.MINIMUM), (news_data.FRESH, news_data.FRESH_MINIMUM)]


def test_the_labelled_set_is_sound_and_large_enough():
    assert news_data.check() == []
    figures = news_data.summary(news_data.load())
    for language, least in news_data.MINIMUM.items():
        assert figures["per_language"][language] >= least
    assert all(figures["facts_per_type"][kind] > 0 for kind in figures["facts_per_type"])


def test_the_fresh_batch_is_sound_and_weighted_to_events_and_visits():
    assert news_data.check(news_data.FRESH, minimum=news_data.FRESH_MINIMUM) == []
    figures = news_data.summary(news_data.load(news_data.FRESH))
    assert figures["per_language"] == news_data.FRESH_MINIMUM
    per_type = figures["facts_per_type"]
    assert per_type["event"] >= 12 and per_type["visit"] >= 20
    # Its own numbering, but no article shared with the first set.
    first = {a.text for a in news_data.load()}
    assert not first & {a.text for a in news_data.load(news_data.FRESH)}


@pytest.mark.django_db
@pytest.mark.parametrize("directory", [d for d, _ in SETS], ids=["news", "news-fresh"])
def test_slugs_are_the_reference_datas(reference, directory):
    in_database = set(Locality.objects.values_list("slug", flat=True))
    assert news_data.known_slugs() == in_database

    def slugs(value):
        if isinstance(value, dict):
            if "slug" in value and "key" not in value:
                yield value["slug"]
        elif isinstance(value, list):
            for item in value:
                yield from slugs(item)

    used = {
        slug
        for article in news_data.load(directory)
        for fact in article.facts
        for value in fact.values()
        for slug in slugs(value)
        if slug
    }
    assert used and used <= in_database


def _copy(tmp_path, *names):
    for name in names:
        for suffix in (".txt", ".json"):
            shutil.copy(news_data.DATA / f"{name}{suffix}", tmp_path / f"{name}{suffix}")


def _edit(path, change):
    meta = json.loads(path.read_text(encoding="utf-8"))
    change(meta)
    path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def test_the_checks_find_broken_gold_files(tmp_path):
    name = "002-vi-thu-truong-lam-viec-tphcm"
    _copy(tmp_path, name)
    assert news_data.check(tmp_path, minimum={}) == []

    def breakage(meta):
        facts = meta["facts"]
        facts[0]["evidence"] = "Một câu không có trong bài."
        facts[0]["host_locality"]["slug"] = "saigon"
        del facts[1]["country"]
        facts[2]["date"] = "11/3/2024"
        facts.append({"type": "rumour", "evidence": "x"})
        meta["language"] = "ja"

    _edit(tmp_path / f"{name}.json", breakage)
    (tmp_path / "003-vi-orphan.txt").write_text("Một bài không có tệp JSON.", encoding="utf-8")
    errors = "\n".join(news_data.check(tmp_path, minimum={"vi": 2}))
    assert "fact 0 (visit): evidence is not a verbatim part of the article" in errors
    assert "unknown locality slug 'saigon'" in errors
    assert "fact 1 (person): missing ['country']" in errors
    assert "unknown fact type 'rumour'" in errors
    assert "language 'ja' is not the file's" in errors
    assert "003-vi-orphan.txt has no 003-vi-orphan.json" in errors
    assert "1 vi articles, fewer than 2" in errors


def test_the_checks_find_unknown_sectors_and_bad_dates(tmp_path):
    name = "001-vi-hoi-nghi-hop-tac-dia-phuong"
    _copy(tmp_path, name)

    def breakage(meta):
        meta["facts"][0]["sectors"].append("fisheries")
        meta["facts"][0]["date"] = "2023-13"
        meta["published"] = "26/11/2023"

    _edit(tmp_path / f"{name}.json", breakage)
    errors = "\n".join(news_data.check(tmp_path, minimum={}))
    assert "unknown sector 'fisheries'" in errors
    assert "published is YYYY-MM-DD or null" in errors
    # 2023-13 has the shape of a partial date; the shape is what the check looks at.
    assert "(event).date" not in errors


def _count(kind, articles=None):
    articles = news_data.load() if articles is None else articles
    return sum(1 for article in articles for fact in article.facts if fact["type"] == kind)


def test_the_benchmark_writes_its_section_from_saved_outputs(tmp_path):
    predictions = tmp_path / "predictions"
    predictions.mkdir()
    for article in news_data.load():
        facts = article.facts if not article.id.startswith("002") else article.facts[1:]
        output = {"format": "kakehashi-news/1", "language": article.language, "facts": facts}
        (predictions / f"{article.id}.json").write_text(json.dumps(output), encoding="utf-8")
    report = tmp_path / "benchmarks.md"
    report.write_text(
        "<!-- begin matching (generated) -->\nkept\n<!-- end matching (generated) -->\n"
    )
    code = news.main(["--predictions", str(predictions), "--output", str(report)])
    text = report.read_text(encoding="utf-8")
    assert code == 0
    # No saved outputs for the fresh batch: reported, as not measured.
    assert "## Fresh held-out batch\n\nNot measured" in text
    assert "kept" in text and "<!-- begin news (generated) -->" in text
    # The figures follow the set's size (it grows by batches): every fact found but 002's visit.
    people, visits = _count("person"), _count("visit")
    assert f"| person | {people} | {people} | {people} | 1.00 | 1.00 | 1.00 |" in text
    # 002's first expected fact is its visit: the one visit missed, named under the misses.
    recall = (visits - 1) / visits
    f1 = 2 * recall / (1 + recall)
    assert (
        f"| visit | {visits} | {visits - 1} | {visits - 1} | 1.00 | {recall:.2f} | {f1:.2f} |"
        in text
    )
    # 002 is in the held-out half: its figures count, its miss is not listed.
    held_out = _count("visit", news_data.split(news_data.load())["held-out"])
    assert f"- visit: met (recall {(held_out - 1) / held_out:.2f}, precision 1.00)." in text
    assert "- person: met (recall 1.00, precision 1.00)." in text
    assert "Ngô Thanh Bình" not in text
    assert "The held-out half's misses are not listed" in text
    news.main(
        ["--predictions", str(predictions), "--output", str(report), "--list-held-out-misses"]
    )
    text = report.read_text(encoding="utf-8")
    assert "**visit, not found** (1): 002: Ngô Thanh Bình → ho-chi-minh-city, 2024-03-11" in text


def test_the_fresh_batch_is_reported_apart_with_its_misses_unlisted(tmp_path):
    predictions = tmp_path / "predictions"
    (predictions / "fresh").mkdir(parents=True)
    for article in news_data.load():
        output = {"language": article.language, "facts": article.facts}
        (predictions / f"{article.id}.json").write_text(json.dumps(output), encoding="utf-8")
    dropped = []
    for article in news_data.load(news_data.FRESH):
        facts = list(article.facts)
        if article.id.startswith("006"):  # drop its first visit
            dropped.append(facts.pop(0))
        output = {"language": article.language, "facts": facts}
        path = predictions / "fresh" / f"{article.id}.json"
        path.write_text(json.dumps(output), encoding="utf-8")
    assert dropped and dropped[0]["type"] == "visit"
    report, figures = tmp_path / "benchmarks.md", tmp_path / "news.json"
    args = ["--predictions", str(predictions), "--output", str(report), "--json", str(figures)]
    assert news.main(args) == 0
    text = report.read_text(encoding="utf-8")
    fresh = text[text.index("## Fresh held-out batch") :]
    assert "24 articles (vi 12, ja 7, en 5)" in fresh
    assert "| visit | 24 | 23 | 23 | 1.00 | 0.96 | 0.98 |" in fresh
    assert "| event | 16 | 16 | 16 | 1.00 | 1.00 | 1.00 |" in fresh
    assert "fresh batch's misses (1) and unmatched predictions (0) are not listed" in text
    assert dropped[0]["visitor"] not in text
    results = json.loads(figures.read_text(encoding="utf-8"))
    assert results["fresh"]["scored"]["misses"] is None
    assert results["fresh"]["scored"]["counts"]["all"]["visit"] == {"tp": 23, "fp": 0, "fn": 1}
    assert dropped[0]["visitor"] not in figures.read_text(encoding="utf-8")
    # The first set's halves are as before: the fresh batch is in neither.
    assert len(results["split"]["dev"]) + len(results["split"]["held-out"]) == len(news_data.load())
    news.main([*args, "--list-fresh-misses"])
    text = report.read_text(encoding="utf-8")
    assert "Misses: expected facts not found (fresh batch)" in text
    assert f"006: {dropped[0]['visitor']}" in text
