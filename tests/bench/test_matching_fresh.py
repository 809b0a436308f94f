"""The fresh held-out batch of the matching benchmark (bench/data/matching-fresh/): it loads
against the labelled set and passes the set's checks and its own; a batch that breaks any of
them is refused whole; bench/matching.py can leave it out. Not its scores."""

import json
import shutil

import matching_data
import matching_fresh
import matching_quality_report
import pytest

import matching


@pytest.fixture(scope="module")
def base():
    return matching_data.load()


@pytest.fixture
def copy(tmp_path):
    """A copy of the batch, and a function that rewrites one of its files' rows."""
    target = tmp_path / "matching-fresh"
    shutil.copytree(matching_fresh.FRESH, target)

    def rewrite(name, change):
        path = target / name
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        rows = change(rows)
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )

    return target, rewrite


def test_the_batch_joins_the_pool_and_only_its_queries_are_scored(base):
    fresh = matching_fresh.load(base)
    counts = matching_fresh.counts(fresh)
    assert counts["queries"] >= matching_fresh.MIN_QUERIES
    assert counts["pool"] == len(base.proposals) + counts["proposals"]
    assert fresh.proposals[: len(base.proposals)] == base.proposals
    own = {p["id"] for p in fresh.proposals[len(base.proposals) :]}
    assert all(i.startswith(matching_fresh.PREFIX) for i in own)
    assert {u.query for u in fresh.units} <= own
    assert {r for u in fresh.units for r in u.relevant} <= own
    assert matching_fresh.below_minimums(counts) == []
    for pair, n in counts["units_by_pair"].items():
        if pair[:2] != pair[-2:]:
            assert n >= matching_fresh.MIN_UNITS_PER_CROSS_PAIR, pair
    # Mostly cross-lingual, every query with a hard negative, all three kinds present.
    assert counts["cross_lingual_units"] >= 0.8 * counts["units"]
    kinds = {h["kind"] for p in fresh.pairs for h in p["hard_negatives"]}
    assert kinds == set(matching_data.HARD_NEGATIVE_KINDS)
    assert all(p["hard_negatives"] for p in fresh.pairs)


def test_the_batch_shares_no_text_or_organisation_with_the_set(base):
    fresh = matching_fresh.load(base)
    own = fresh.proposals[len(base.proposals) :]
    assert not {p["text"] for p in base.proposals} & {p["text"] for p in own}
    assert not {p["organisation"] for p in base.proposals} & {p["organisation"] for p in own}


def _first(rows, **values):
    rows[0] = {**rows[0], **values}
    return rows


@pytest.mark.parametrize(
    ("name", "change", "problem"),
    [
        # The set's own checks run on the batch.
        ("proposals.jsonl", lambda r: _first(r, locality="atlantis"), "unknown locality"),
        ("proposals.jsonl", lambda r: _first(r, sectors=["mining"]), "sectors"),
        ("proposals.jsonl", lambda r: _first(r, text="One sentence only."), "sentences"),
        ("pairs.jsonl", lambda r: _first(r, relevant=["F-nowhere-1-en"]), "unknown relevant"),
        (
            "pairs.jsonl",
            lambda r: _first(
                r, hard_negatives=[{"id": r[0]["relevant"][0], "kind": "wrong_level"}]
            ),
            "both relevant and a hard negative",
        ),
        # And the batch's own.
        (
            "proposals.jsonl",
            lambda r: [*r, {**r[0], "id": "mush-9-vi", "organisation": "vn.f-x"}],
            "does not begin with",
        ),
        ("proposals.jsonl", lambda r: _first(r, organisation="vn.camau-tomxanh"), "already in"),
        ("pairs.jsonl", lambda r: _first(r, hard_negatives=[]), "no hard negative"),
        ("pairs.jsonl", lambda r: r[:10], "labelled queries, at least 30"),
    ],
)
def test_a_broken_batch_is_refused_whole(base, copy, name, change, problem):
    target, rewrite = copy
    rewrite(name, change)
    with pytest.raises(matching_data.DataError) as error:
        matching_fresh.load(base, target)
    assert any(problem in p for p in error.value.problems), error.value.problems


def test_an_id_of_the_set_is_refused(base, copy):
    target, rewrite = copy
    taken = base.proposals[0]["id"]
    rewrite("proposals.jsonl", lambda r: [*r, {**r[0], "id": taken, "organisation": "jp.f-x"}])
    with pytest.raises(matching_data.DataError) as error:
        matching_fresh.load(base, target)
    assert any("id already in the set" in p for p in error.value.problems)


def test_the_minimums_can_be_waived_for_a_smaller_batch(base, copy):
    target, rewrite = copy
    rewrite("pairs.jsonl", lambda r: r[:3])
    assert len(matching_fresh.load(base, target, minimums=False).pairs) == 3


def test_the_quality_bench_can_leave_the_batch_out():
    assert matching.parse_args(["--skip-speed", "--databases", "none"]).no_fresh is False
    assert matching.parse_args(["--no-fresh", "--skip-speed", "--databases", "none"]).no_fresh
    assert matching.main(["--check-only", "--no-fresh"]) == 0
    assert matching.main(["--check-only"]) == 0


def test_the_report_has_the_batch_only_when_it_was_measured():
    row = {m: {"recall@10": 1.0, "mrr": 0.5, "r@1": 0.0} for m in ("bm25", "embedding")}
    row |= {m: {"recall@10": 1.0, "mrr": 0.95, "r@1": 1.0} for m in ("before", "full")}
    fresh = {
        "pool": 405,
        "queries": 2,
        "rows": {"vi->ja": {"units": 1, **row}, "all": {"units": 1, **row}},
        "hard_negatives": {
            kind: {"before": [1, 1], "full": [1, 1]} for kind in matching_data.HARD_NEGATIVE_KINDS
        },
    }
    counts = {"proposals": 5, "queries": 2, "units": 2, "cross_lingual_units": 1}
    results = {"quality": {"fresh": fresh}, "evaluation_set": {"fresh": counts}}
    lines = matching_quality_report._fresh(results)
    assert lines[0] == "### Fresh held-out batch (2 queries)"
    assert "405 proposals" in lines[2] and "`--no-fresh`" in lines[2] and ": met." in lines[2]
    assert any(line.startswith("| vi->ja | 1 |") for line in lines)
    assert any(line.startswith("| right topic, wrong level | fresh | 1 of 1") for line in lines)
    assert matching_quality_report._fresh({"quality": {}, "evaluation_set": {}}) == []
