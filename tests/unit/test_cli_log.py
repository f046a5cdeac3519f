"""The one-line commands, driven through click's CliRunner on a real database file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.cli import cli
from tracker.store import Store


def rows(db_path, kind):
    with Store.open(db_path) as store:
        return store.rows(kind)


def test_pain_with_every_option(invoke, db_path):
    result = invoke(
        "pain", "5", "--worst", "7", "--least", "2", "--sleep", "4", "--daily-activity", "3",
        "--enjoyment", "6", "--symptom", "burning", "--symptom", "tingling",
        "--where", "both feet", "--note", "long walk, then rest", "--date", "yesterday",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Stored pain entry #1 for ")
    (row,) = rows(db_path, "pain")
    assert row["average"] == 5 and row["worst"] == 7 and row["least"] == 2
    assert row["sleep_interference"] == 4
    assert row["activity_interference"] == 3 and row["enjoyment_interference"] == 6
    assert row["symptoms"] == ["burning", "tingling"]
    assert row["locations"] == "both feet" and row["note"] == "long walk, then rest"


def test_exercise_infers_and_overrides_category(invoke, db_path):
    assert (
        invoke("exercise", "Tai Chi", "40", "--rpe", "3", "--before", "5", "--after", "4").exit_code
        == 0
    )
    assert invoke("exercise", "gardening", "30", "--category", "strength").exit_code == 0
    first, second = rows(db_path, "exercise")
    assert (first["category"], first["pain_before"], first["pain_after"]) == ("mind_body", 5, 4)
    assert second["category"] == "strength"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["pain", "11"], "average"),
        (["pain", "-1"], "average"),
        (["pain", "abc"], "average"),
        (["pain", "5", "--symptom", "zap"], "symptom"),
        (["pain", "5", "--least", "6"], "least"),
        (["pain", "5", "--worst", "3", "--least", "4"], "least"),
        (["pain", "5", "--date", "2099-01-01"], "date"),
        (["pain", "5", "--date", "not-a-date"], "date"),
        (["exercise", "walking", "0"], "minutes"),
        (["exercise", "walking", "601"], "minutes"),
        (["exercise", "", "30"], "activity"),
        (["exercise", "walking", "30", "--rpe", "12"], "rpe"),
        (["exercise", "walking", "30", "--category", "cardio"], "category"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(invoke, db_path, args, field):
    result = invoke(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {field}")
    assert "Traceback" not in result.output
    assert not db_path.exists() or (rows(db_path, "pain") == [] and rows(db_path, "exercise") == [])


def test_unknown_option_is_a_one_line_usage_error(invoke):
    result = invoke("pain", "5", "--bogus")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(score=st.text(max_size=6))
def test_fuzzed_scores_never_trace(invoke, score):
    result = invoke("pain", "5", "--worst", score)
    assert result.exit_code in (0, 2)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1


def test_list_and_json(invoke):
    invoke("pain", "4")
    invoke("exercise", "walking", "30")
    text = invoke("list")
    assert "pain entry #1" in text.output and "exercise session #1" in text.output
    data = json.loads(invoke("list", "--json").output)
    assert set(data) == {
        "pain",
        "exercise",
        "medicine",
        "med_change",
        "dose",
        "side_effect",
        "symptom_rating",
    }
    assert data["pain"][0]["id"] == 1 and data["pain"][0]["average"] == 4
    assert data["exercise"][0]["activity"] == "walking"


def test_list_days_window(invoke):
    invoke("pain", "4", "--date", "2020-01-01")
    invoke("pain", "6")
    assert json.loads(invoke("list", "--json").output)["pain"][0]["average"] == 6
    assert len(json.loads(invoke("list", "--days", "0", "--json").output)["pain"]) == 2


def test_edit_changes_only_given_fields(invoke, db_path):
    invoke("pain", "5", "--worst", "7", "--note", "first")
    result = invoke("edit", "pain", "1", "--average", "6", "--note", "")
    assert result.exit_code == 0, result.output
    (row,) = rows(db_path, "pain")
    assert (row["average"], row["worst"], row["note"]) == (6, 7, None)
    assert invoke("edit", "pain", "1", "--average", "8").exit_code == 2  # above worst 7
    invoke("exercise", "walking", "30")
    assert invoke("edit", "exercise", "1", "--activity", "yoga").exit_code == 0
    assert rows(db_path, "exercise")[0]["category"] == "mind_body"


def test_edit_or_delete_missing_id(invoke):
    invoke("pain", "5")
    assert invoke("edit", "pain", "9", "--average", "3").exit_code == 2
    assert invoke("delete", "exercise", "1", "--yes").exit_code == 2


def test_delete_asks_first(invoke, db_path):
    invoke("pain", "5")
    refused = invoke("delete", "pain", "1", input="n\n")
    assert refused.exit_code == 1 and len(rows(db_path, "pain")) == 1
    assert invoke("delete", "pain", "1", input="y\n").exit_code == 0
    assert rows(db_path, "pain") == []


def test_remind(invoke, db_path):
    result = invoke("remind")
    assert result.exit_code == 0 and "nothing logged today" in result.output
    assert not db_path.exists()  # remind never creates a database
    invoke("pain", "3")
    assert invoke("remind").output == ""


def test_sample_writes_a_new_database_only(invoke, tmp_path):
    target = tmp_path / "sample.db"
    result = invoke("sample", str(target), "--days", "60", "--seed", "3")
    assert result.exit_code == 0 and "pain entries" in result.output
    with Store.open(target) as store:
        assert 40 < store.count("pain") < 70
        categories = {row["category"] for row in store.exercise_rows()}
    assert {"aerobic", "strength", "balance", "flexibility", "mind_body"} <= categories
    assert invoke("sample", str(target)).exit_code == 2


def test_corrupt_database_gets_one_line_and_is_untouched(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    before = bad.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(bad), "pain", "5"])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == before


def test_list_shows_each_note_indented_under_its_entry_verbatim(invoke):
    note = "[b]x[/b] [left foot]\n\ttab kept, then a blank line\n\nlast"
    invoke("pain", "4", "--note", note, "--date", "yesterday")
    invoke("exercise", "walking", "30")  # no note: no extra line
    invoke("exercise", "yoga", "20", "--note", "easy")
    lines = invoke("list").output.splitlines()
    assert lines[0].startswith("pain entry #1 for ")
    assert lines[1:5] == [
        "    [b]x[/b] [left foot]",
        "    \ttab kept, then a blank line",
        "",
        "    last",
    ]
    assert lines[5].startswith("exercise session #1 for ")
    assert lines[6].startswith("exercise session #2 for ") and lines[7] == "    easy"
    assert len(lines) == 8


def test_list_says_when_each_entry_was_written(tmp_path):
    """The time of writing in `tracker list`, and the day too for a late entry."""
    from click.testing import CliRunner

    from tracker.cli import cli

    env = {"TRACKER_DB": str(tmp_path / "d.db"), "TRACKER_TODAY": "2026-06-30"}
    runner = CliRunner()
    for args in (
        ["import", str(tmp_path / "rows.csv")],
        ["list", "--days", "0"],
    ):
        if args[0] == "import":
            (tmp_path / "rows.csv").write_text(
                "date,logged_at,average\n"
                "2026-06-29,2026-06-30T08:05:00,4\n"
                "2026-06-30,2026-06-30T21:40:00+00:00,5\n",
                encoding="utf-8",
            )
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("pain entry #1 for 2026-06-29 (logged 2026-06-30 08:05): ")
    assert lines[1].startswith("pain entry #2 for 2026-06-30 (logged ")


def test_list_json_streams_one_entry_a_line(invoke, db_path):
    """Valid JSON, the same content as the rows, one entry a line (streamed, no indent)."""
    import json

    from tracker.cli.log import JSON_BATCH
    from tracker.kinds import KINDS
    from tracker.sample import write_sample
    from tracker.store import Store

    assert json.loads(invoke("list", "--json").stdout) == {name: [] for name in KINDS}
    write_sample(db_path, days=JSON_BATCH + 40, seed=2)
    output = invoke("list", "--json", "--days", "0").stdout
    with Store.open(db_path) as store:
        expected = {name: store.rows(name) for name in KINDS}
    assert json.loads(output) == expected
    lines = output.splitlines()
    # a line per entry, plus a head and a closing line per kind (one line when it is empty)
    assert len(lines) == sum(len(rows) + (2 if rows else 1) for rows in expected.values())
    assert lines[0] == '{"pain": [' and lines[-1].endswith("]}")
