"""The engines' commands share their option types and input reading (kakehashi/cli_support.py)."""

import argparse

import pytest

from kakehashi.cli_support import UsageError, read_utf8, whole_number


@pytest.mark.parametrize(
    "low, high, text, message",
    [
        (1, None, "0", "must be at least 1, not '0'"),
        (0, 9, "10", "must be between 0 and 9, not '10'"),
        (0, 9, "1.5", "'1.5' is not a whole number"),
        (0, 9, "", "'' is not a whole number"),
    ],
)
def test_whole_number_refuses_with_the_reason(low, high, text, message):
    with pytest.raises(argparse.ArgumentTypeError, match=message):
        whole_number(low, high)(text)


def test_whole_number_takes_the_ends():
    assert whole_number(0, 9)("0") == 0
    assert whole_number(0, 9)("9") == 9
    assert whole_number(1)("123456") == 123456


def test_read_utf8_says_why_it_cannot_read(tmp_path):
    good = tmp_path / "good.json"
    good.write_text('{"name": "Đà Nẵng"}', encoding="utf-8")
    assert read_utf8(str(good)) == '{"name": "Đà Nẵng"}'
    latin = tmp_path / "latin.json"
    latin.write_bytes("Đà".encode("cp1258"))
    with pytest.raises(UsageError, match="not UTF-8 text"):
        read_utf8(str(latin))
    with pytest.raises(UsageError, match="cannot read .*: No such file or directory"):
        read_utf8(str(tmp_path / "missing.json"))
