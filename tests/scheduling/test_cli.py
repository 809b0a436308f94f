"""`kakehashi schedule solve|check`: in-process through main(), and once through the console
script, which must not set Django up."""

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kakehashi.scheduling.check import check
from kakehashi.scheduling.cli import main
from kakehashi.scheduling.instance import parse_instance
from tests.scheduling.test_check import INSTANCE, RESULT

KAKEHASHI = Path(sys.executable).with_name("kakehashi")

VALID_REPORT = """\
scheduled weight: 9 of upper bound 9 (100.00%)
meetings: 6 scheduled, 2 unscheduled, 8 in the instance
idle gaps: 0
meetings per participant: min 0, median 2, max 2
worst-served participant: g (0 of 1 meetings)
valid: no violations
"""


@pytest.fixture
def files(tmp_path):
    def write(name, content):
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        return str(path)

    return write


def broken_result():
    doc = copy.deepcopy(RESULT)
    doc["assignments"][2]["slot"] = "s1"  # m3 (b, d) into s1, where b is in m1 at t1
    doc["stats"]["idle_gaps"] = 3
    return doc


def test_check_prints_the_figures_of_a_valid_result(files, capsys):
    code = main(["check", files("instance.json", INSTANCE), files("result.json", RESULT)])

    assert code == 0
    assert capsys.readouterr() == (VALID_REPORT, "")


def test_check_prints_every_violation_and_exits_with_1(files, capsys):
    code = main(["check", files("instance.json", INSTANCE), files("result.json", broken_result())])

    assert code == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-4:] == [
        "invalid: 3 violations",
        "  slot 's1': participant 'b' is in meetings 'm1', 'm3' [member_double_booked]",
        "  slot 's1': table 't1' is in meetings 'm1', 'm3' [table_double_booked]",
        "  stats.idle_gaps: claims 3; the assignments leave 0 [idle_gaps_mismatch]",
    ]


def test_check_of_a_result_that_is_not_an_object(files, capsys):
    code = main(["check", files("instance.json", INSTANCE), files("result.json", [1, 2])])

    assert code == 1
    assert capsys.readouterr() == (
        "invalid: 1 violation\n  $: the result must be a JSON object [bad_format]\n",
        "",
    )


def test_a_missing_file(files, capsys, tmp_path):
    missing = str(tmp_path / "nowhere.json")

    assert main(["check", missing, files("result.json", RESULT)]) == 2
    assert capsys.readouterr() == (
        "",
        f"kakehashi schedule: cannot read {missing}: No such file or directory\n",
    )


def test_a_directory_instead_of_a_file(capsys, tmp_path):
    assert main(["solve", str(tmp_path)]) == 2
    assert capsys.readouterr() == (
        "",
        f"kakehashi schedule: cannot read {tmp_path}: Is a directory\n",
    )


def test_invalid_json_is_reported_with_line_and_column(files, capsys):
    instance = files("instance.json", INSTANCE)
    result = files("result.json", '{\n  "format": "kakehashi-schedule-result/1",\n  "status": }\n')

    assert main(["check", instance, result]) == 2
    assert capsys.readouterr() == (
        "",
        f"kakehashi schedule: {result}: invalid JSON at line 3, column 13: Expecting value\n",
    )


def test_a_file_that_is_not_utf8(files, capsys):
    instance = files("instance.json", '{"format": "kakehashi-schedule/1"}'.encode("utf-16"))

    assert main(["solve", instance]) == 2
    assert capsys.readouterr() == (
        "",
        f"kakehashi schedule: {instance}: not UTF-8 text (byte 0: invalid start byte)\n",
    )


def test_every_problem_of_a_bad_instance_is_printed(files, capsys):
    doc = copy.deepcopy(INSTANCE)
    doc["slots"][0]["start"] = "2026-03-10T09:00"
    doc["meetings"][0]["participants"] = ["a", "ghost"]
    doc["meetings"][1]["weight"] = 0
    instance = files("instance.json", doc)

    for command in (["check", instance, files("result.json", RESULT)], ["solve", instance]):
        assert main(command) == 2
        assert capsys.readouterr() == (
            "",
            f"kakehashi schedule: {instance}: the instance has 3 problems:\n"
            "  slots[0].start: '2026-03-10T09:00' needs a UTC offset, e.g. +07:00 "
            "[time_without_offset]\n"
            "  meetings[0].participants[1]: no participant 'ghost' [unknown_participant]\n"
            "  meetings[1].weight: must be an integer ≥ 1 [bad_number]\n",
        )


@pytest.mark.parametrize(
    "options, message",
    [
        (
            ["--time-limit", "-1"],
            "argument --time-limit: must be a number of seconds ≥ 0, not '-1'",
        ),
        (
            ["--time-limit=-0.5"],
            "argument --time-limit: must be a number of seconds ≥ 0, not '-0.5'",
        ),
        (
            ["--time-limit", "nan"],
            "argument --time-limit: must be a number of seconds ≥ 0, not 'nan'",
        ),
        (["--time-limit", "soon"], "argument --time-limit: 'soon' is not a number of seconds"),
        (["--seed", "1.5"], "argument --seed: '1.5' is not a whole number"),
        (["--seed", "-1"], "argument --seed: must be between 0 and 2147483647, not '-1'"),
    ],
)
def test_bad_options_of_solve(files, capsys, options, message):
    code = main(["solve", files("instance.json", INSTANCE), *options])

    assert code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == f"kakehashi schedule solve: error: {message}"


@pytest.mark.parametrize(
    "argv, message",
    [
        ([], "the following arguments are required: COMMAND"),
        (["plan"], "argument COMMAND: invalid choice: 'plan' (choose from 'solve', 'check')"),
        (["check", "instance.json"], "the following arguments are required: RESULT.json"),
    ],
)
def test_usage_errors(capsys, argv, message):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0].startswith("usage: kakehashi schedule")
    assert err.splitlines()[-1].endswith(f"error: {message}")


def test_help(capsys):
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: kakehashi schedule [-h] COMMAND ...")


def test_solve_prints_a_valid_result_and_repeats_it_for_the_same_seed(files, capsys):
    """Needs the solver (kakehashi.scheduling.solve)."""
    doc = copy.deepcopy(INSTANCE)
    # Ids in Vietnamese and Japanese come out as UTF-8, not \u escapes.
    doc["meetings"][0]["id"] = "Họp với Đại sứ quán 大使館"
    instance = files("instance.json", doc)

    assert main(["solve", instance, "--time-limit", "10", "--seed", "7"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert out == json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    assert '"meeting": "Họp với Đại sứ quán 大使館",' in out
    assert list(result)[:3] == ["format", "status", "scheduled_weight"]
    assert (result["status"], result["scheduled_weight"], result["upper_bound"]) == (
        "optimal",
        9,
        9,
    )
    report = check(parse_instance(doc), result)
    assert report.violations == []
    assert err.splitlines()[-1].startswith("optimal: weight 9 of bound 9, 6 meetings scheduled")

    assert main(["solve", instance, "--time-limit", "10", "--seed", "7"]) == 0
    again = json.loads(capsys.readouterr().out)
    del again["stats"], result["stats"]  # the stats hold the solve time
    assert again == result


def run(*args, **env):
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        # Settings that cannot be imported: the scheduler must not need them.
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "kakehashi.no_such_settings", **env},
    )


def test_the_console_script_dispatches_schedule_without_django(files):
    instance = files("instance.json", INSTANCE)

    valid = run(str(KAKEHASHI), "schedule", "check", instance, files("result.json", RESULT))
    broken = run(str(KAKEHASHI), "schedule", "check", instance, files("b.json", broken_result()))
    missing = run(str(KAKEHASHI), "schedule", "check", instance, "nowhere.json")

    assert (valid.returncode, valid.stdout, valid.stderr) == (0, VALID_REPORT, "")
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[-4] == "invalid: 3 violations"
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == (
        "kakehashi schedule: cannot read nowhere.json: No such file or directory\n"
    )


def test_schedule_imports_neither_django_nor_the_solver_to_check(files):
    script = (
        "import sys\n"
        "from kakehashi.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'ortools')"
        " or m == 'kakehashi.scheduling.solve'))\n"
        "sys.exit(code)\n"
    )
    instance = files("instance.json", INSTANCE)

    done = run(sys.executable, "-c", script, "schedule", "check", instance, files("r.json", RESULT))

    assert done.returncode == 0
    assert done.stdout == VALID_REPORT + "[]\n"


def test_the_examples_of_the_format_document_check_as_shown(tmp_path, capsys):
    text = (Path(__file__).parents[2] / "docs" / "scheduling-format.md").read_text("utf-8")
    # The example instance is the document's first JSON block; the example result, the first
    # after its heading (a diagnosis fragment comes between them).
    instance = re.findall(r"```json\n(.*?)```", text, re.S)[0]
    after = text.split("### Example result", 1)[1]
    result = re.findall(r"```json\n(.*?)```", after, re.S)[0]
    printed = re.findall(r"prints for it:\n\n```\n(.*?)```", text, re.S)
    (tmp_path / "instance.json").write_text(instance, "utf-8")
    (tmp_path / "result.json").write_text(result, "utf-8")

    assert main(["check", str(tmp_path / "instance.json"), str(tmp_path / "result.json")]) == 0
    assert [capsys.readouterr().out] == printed
