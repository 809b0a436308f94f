import json
import subprocess
import sys
from pathlib import Path

import pytest

from kakehashi.cli import main

ARTICLE = "Chiều 25/11, JETRO tổ chức Diễn đàn đầu tư Nhật Bản tại Hà Nội.\n"


def run(capsys, *args):
    code = main(["news", "extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_prints_the_format(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, str(path), "--published", "2023-11-26")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert list(doc) == ["format", "language", "published", "facts", "mentions"]
    assert (doc["format"], doc["language"], doc["published"]) == (
        "kakehashi-news/1",
        "vi",
        "2023-11-26",
    )
    [event] = doc["facts"]
    assert (event["type"], event["name"], event["date"]) == (
        "event",
        "Diễn đàn đầu tư Nhật Bản",
        "2023-11-25",
    )


def test_a_byte_order_mark_is_dropped_and_offsets_follow_the_decoded_text(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    code, out, _err = run(capsys, str(path), "--language", "vi")
    doc = json.loads(out)
    assert code == 0
    assert doc["facts"][0]["span"] == [0, len(ARTICLE.strip())]


def test_another_encoding_is_recognised(tmp_path, capsys):
    text = "在ベトナム日本国大使館は2023年11月25日、ハノイで「日越地方協力会議」を開催した。\n" * 3
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("shift_jis"))
    code, out, _err = run(capsys, str(path))
    doc = json.loads(out)
    assert (code, doc["language"]) == (0, "ja")
    assert doc["facts"][0]["name"] == "日越地方協力会議"


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ["missing.txt"], "missing.txt: no such file"),
        (b"", ["a.txt"], "a.txt: the file is empty"),
        (b"  \n\n ", ["a.txt"], "a.txt: the file is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", ["a.txt"], "a.txt: a binary file, not text"),
        (
            ARTICLE.encode(),
            ["a.txt", "--language", "fr"],
            "unknown language 'fr': use vi, ja or en",
        ),
        (
            ARTICLE.encode(),
            ["a.txt", "--published", "25/11/2023"],
            "argument --published: '25/11/2023' is not a date (YYYY-MM-DD)",
        ),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(tmp_path, capsys, monkeypatch, setup, args, message):
    monkeypatch.chdir(tmp_path)
    if setup is not None:
        Path(tmp_path / "a.txt").write_bytes(setup)
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err == f"kakehashi news: error: {message}\n"


def test_undecodable_bytes_are_refused(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(128, 256)) * 20)
    code, out, err = run(capsys, str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("kakehashi news: error: ")


def test_a_directory_and_a_missing_command(tmp_path, capsys):
    code, _out, err = run(capsys, str(tmp_path))
    assert (
        code == 2 and err == f"kakehashi news: error: {tmp_path}: is a directory, not a text file\n"
    )
    assert main(["news"]) == 2
    assert capsys.readouterr().err.startswith("kakehashi news: error: ")


def test_the_command_runs_without_django(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = (
        "import sys; from kakehashi.cli import main; rc = main(['news', 'extract', sys.argv[1]]); "
        "assert 'django' not in sys.modules; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "vi"
