import io
import json

import pytest

from kakehashi.matching.engine.cli import main

CORPUS = [
    '{"id": "vi-cold", "title": "Logistics chuỗi lạnh", "text": "Cần đối tác đầu tư kho lạnh '
    'cho thủy sản xuất khẩu.", "kind": "business_request", "locality": "dong-nai", '
    '"country": "VN"}',
    '{"id": "ja-cold", "title": "コールドチェーン物流", "text": "冷凍倉庫と低温輸送のノウハウを'
    '提供します。", "language": "ja", "kind": "business_offer", "country": "JP"}',
    "{not json at all",
    '{"title": "no id here", "text": "x"}',
    '{"id": "vi-cold", "title": "the same id again", "text": "x"}',
    '{"id": "fr", "title": "Bonjour", "text": "Logistique", "language": "fr"}',
    "",
    '{"id": "en-wind", "title": "Offshore wind", "text": "Offshore wind farms.", "language": "en"}',
    '{"id": "vi-rice", "title": "Xuất khẩu gạo", "text": "Gạo thơm chất lượng cao."}',
]
QUERIES = [
    '{"id": "q-cold", "title": "冷凍倉庫", "text": "水産物のコールドチェーン", '
    '"kind": "business_offer", "country": "JP"}',
    '{"id": "vi-cold", "title": "Logistics chuỗi lạnh", "text": "Kho lạnh cho thủy sản."}',
    '{"id": 7, "title": "a number as id"}',
]


def _files(tmp_path, corpus=CORPUS, queries=QUERIES):
    c = tmp_path / "corpus.jsonl"
    q = tmp_path / "queries.jsonl"
    c.write_text("\n".join(corpus) + "\n", encoding="utf-8")
    q.write_text("\n".join(queries) + "\n", encoding="utf-8")
    return str(c), str(q)


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_rank_skips_and_reports_malformed_lines(tmp_path):
    corpus, queries = _files(tmp_path)
    argv = ["rank", "--corpus", corpus, "--queries", queries, "--k", "3"]
    code, out, err = _run([*argv, "--embedder", "lexical"])
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["q-cold", "vi-cold"]
    first = lines[0]
    assert first["results"][0]["id"] == "vi-cold"
    assert len(first["results"]) == 3
    assert all(set(r) == {"id", "score", "reasons"} for r in first["results"])
    assert any("cold chain" in reason for reason in first["results"][0]["reasons"])
    scores = [r["score"] for r in first["results"]]
    assert scores == sorted(scores, reverse=True)
    # the query itself is never among its results
    assert "vi-cold" not in [r["id"] for r in lines[1]["results"]]
    assert lines[1]["results"][0]["id"] == "ja-cold"
    problems = err.splitlines()
    assert f"{corpus}:3: bad JSON: Expecting property name enclosed in double quotes" in problems
    assert f'{corpus}:4: missing "id"' in problems
    assert f"{corpus}:5: duplicate id 'vi-cold' (first on line 1)" in problems
    assert f'{corpus}:6: unknown language \'fr\' (expected "vi", "ja" or "en")' in problems
    assert f'{queries}:3: "id" must be a string' in problems
    assert problems[-1] == "5 line(s) skipped"


def test_rank_is_deterministic_and_exits_0_on_clean_input(tmp_path):
    good = [line for i, line in enumerate(CORPUS) if i not in (2, 3, 4, 5)]
    corpus, queries = _files(tmp_path, corpus=good, queries=QUERIES[:2])
    argv = ["rank", "--corpus", corpus, "--queries", queries, "--embedder", "lexical"]
    first = _run(argv)
    assert first[0] == 0 and first[2] == ""
    assert _run(argv) == first


def test_baseline_methods(tmp_path):
    good = [line for i, line in enumerate(CORPUS) if i not in (2, 3, 4, 5)]
    corpus, queries = _files(tmp_path, corpus=good, queries=QUERIES[1:2])
    argv = ["rank", "--corpus", corpus, "--queries", queries, "--embedder", "lexical"]
    code, out, _ = _run([*argv, "--method", "bm25"])
    assert code == 0
    # BM25 has no cross-language reach: only the Vietnamese rice document shares no word either
    assert json.loads(out)["results"] == []
    code, out, _ = _run([*argv, "--method", "embedding", "--k", "1"])
    assert [r["id"] for r in json.loads(out)["results"]] == ["ja-cold"]


@pytest.mark.parametrize(
    "argv",
    [
        ["rank", "--corpus", "missing.jsonl", "--queries", "missing.jsonl"],
        ["rank", "--queries", "q.jsonl"],
        ["rank", "--corpus", "c.jsonl", "--queries", "q.jsonl", "--k", "0"],
        ["explode"],
        [],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    code, out, err = _run(argv)
    assert code == 2
    assert out == ""
