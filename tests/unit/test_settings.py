"""The settings file (tracker/settings.py) and `tracker config path|show|set`."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from tracker import settings
from tracker.problems import UsageProblem


@pytest.fixture
def config(tmp_path) -> Path:
    return tmp_path / "conf" / "config.toml"


def test_no_file_means_the_defaults(config):
    loaded = settings.load(config)
    assert loaded.settings == settings.Settings()
    assert loaded.problems == [] and not loaded.damaged
    assert loaded.settings.weekly_target == 150
    assert not config.exists()  # reading creates nothing


def test_the_path_comes_from_the_option_the_environment_or_the_platform(tmp_path, monkeypatch):
    assert settings.config_path(tmp_path / "x.toml") == tmp_path / "x.toml"
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "env.toml"))
    assert settings.config_path() == tmp_path / "env.toml"
    monkeypatch.delenv("TRACKER_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert settings.config_path() == tmp_path / "xdg" / "tracker" / "config.toml"


def test_the_tests_never_see_the_real_config():
    home = Path(os.environ["HOME"])
    assert settings.config_path().is_relative_to(home)
    assert settings.default_config_path().is_relative_to(home)


def test_set_writes_an_owner_only_file_that_reads_back(config):
    settings.set_value("report.name", 'Ana Díaz [left foot] "x"', config)
    settings.set_value("report.birth_date", "1960-04-02", config)
    settings.set_value("exercise.weekly_target", "120", config)
    settings.set_value("app.theme", "light", config)
    settings.set_value("keys.log_pain", "f2", config)
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    loaded = settings.load(config)
    assert loaded.problems == []
    assert loaded.settings == settings.Settings(
        report_name='Ana Díaz [left foot] "x"',
        report_birth_date="1960-04-02",
        weekly_target=120,
        theme="light",
        keys={"log_pain": "f2"},
    )
    details = settings.report_details(config)
    assert (details.name, details.birth_date) == ('Ana Díaz [left foot] "x"', "1960-04-02")
    assert "Ana Díaz" in config.read_text(encoding="utf-8")  # written as typed, UTF-8


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("report.name", "Ana\x1b[2J", "control character"),
        ("report.name", "x" * 101, "at most 100"),
        ("report.birth_date", "2999-01-01", "from 1900 to today"),
        ("report.birth_date", "02/04/1960", "YYYY-MM-DD"),
        ("exercise.weekly_target", "0", "from 1 to 3000"),
        ("exercise.weekly_target", "1e3", "weekly_target"),
        ("app.theme", "blue", "light or dark"),
        ("report.colour", "red", "is not a setting"),
    ],
)
def test_set_refuses_a_bad_value_and_writes_nothing(config, key, value, words):
    with pytest.raises(ValueError if key != "report.colour" else UsageProblem, match=words):
        settings.set_value(key, value, config)
    assert not config.exists()


def test_an_empty_value_clears_a_setting(config):
    settings.set_value("report.birth_date", "1960-04-02", config)
    settings.set_value("report.birth_date", "", config)
    assert settings.load(config).settings.report_birth_date is None


def test_a_damaged_file_is_reported_in_one_line_and_never_rewritten(config):
    config.parent.mkdir()
    config.write_text('[report]\nname = "Ana\n', encoding="utf-8")
    before = config.read_bytes()
    loaded = settings.load(config)
    assert loaded.damaged and loaded.settings == settings.Settings()
    line = loaded.problem_line()
    assert line is not None and "\n" not in line and "not valid TOML" in line
    with pytest.raises(UsageProblem, match="--force"):
        settings.set_value("app.theme", "dark", config)
    assert settings.save_theme("dark", config) is not None  # the app's save: refused, told
    assert config.read_bytes() == before
    settings.set_value("app.theme", "dark", config, force=True)
    assert settings.load(config).settings.theme == "dark"
    assert config.with_name("config.toml.damaged").read_bytes() == before


def test_bad_values_fall_back_to_their_defaults_one_by_one(config):
    config.parent.mkdir()
    config.write_text(
        '[report]\nname = "Ana"\nbirth_date = 1960-04-02\n'
        "[exercise]\nweekly_target = true\n"
        '[app]\ntheme = "blue"\n'
        "[keys]\nlog_pain = 5\n"
        '[other]\nx = "y"\n',
        encoding="utf-8",
    )
    loaded = settings.load(config)
    assert loaded.settings.report_name == "Ana"
    assert loaded.settings.report_birth_date == "1960-04-02"  # a TOML date is fine too
    assert loaded.settings.weekly_target == 150 and loaded.settings.theme is None
    assert loaded.settings.keys == {}
    assert len(loaded.problems) == 4
    assert "\n" not in (loaded.problem_line() or "\n")


def test_set_keeps_what_else_the_file_says(config):
    config.parent.mkdir()
    config.write_text(
        '# mine\nnote = "top"\n[report]\nbirth_date = 1960-04-02\n[other]\nlist = [1, 2]\n'
        '[other.deep]\n"odd key" = 1.5\n',
        encoding="utf-8",
    )
    settings.set_value("report.name", "Bo", config)
    document = tomllib.loads(config.read_text(encoding="utf-8"))
    assert document["note"] == "top"
    assert document["report"]["name"] == "Bo"
    assert str(document["report"]["birth_date"]) == "1960-04-02"
    assert document["other"] == {"list": [1, 2], "deep": {"odd key": 1.5}}


def test_the_theme_is_saved_through_the_same_rules(config):
    assert settings.save_theme("dark", config) is None
    assert settings.load(config).settings.theme == "dark"


# ---- the commands --------------------------------------------------------------------------
def test_config_path_show_and_set(invoke):
    where = Path(os.environ["TRACKER_CONFIG"])
    assert invoke("config", "path").output.strip() == str(where)
    shown = invoke("config", "show")
    assert shown.exit_code == 0
    assert "report.name = (not set)" in shown.stdout
    assert "exercise.weekly_target = 150" in shown.stdout
    assert "does not exist yet" in shown.stderr
    result = invoke("config", "set", "report.name", "Ana Díaz")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Set report.name in {where}."
    assert "report.name = Ana Díaz" in invoke("config", "show").stdout


def test_config_option_points_elsewhere(invoke, tmp_path):
    other = tmp_path / "other.toml"
    result = invoke("--config", str(other), "config", "set", "exercise.weekly_target", "90")
    assert result.exit_code == 0, result.output
    assert settings.load(other).settings.weekly_target == 90
    assert not Path(os.environ["TRACKER_CONFIG"]).exists()


def test_config_set_refuses_in_one_line(invoke):
    for args in (
        ("config", "set", "app.theme", "blue"),
        ("config", "set", "keys.log_pain", "e"),  # log exercise's key
        ("config", "set", "keys.fly", "f2"),
        ("config", "set", "keys.log_pain", "ctrl+"),
    ):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not Path(os.environ["TRACKER_CONFIG"]).exists()
    assert invoke("config", "set", "keys.log_pain", "?").exit_code == 2  # the key list's key
    assert invoke("config", "set", "keys.log_pain", "f2").exit_code == 0


def test_config_show_names_what_it_did_not_use(invoke):
    where = Path(os.environ["TRACKER_CONFIG"])
    where.parent.mkdir(parents=True)
    where.write_text("[keys]\nlog_pain = \"e\"\n[app]\ntheme = 'blue'\n", encoding="utf-8")
    result = invoke("config", "show")
    assert result.exit_code == 0
    assert "app.theme = (not set)" in result.stdout
    (warning,) = result.stderr.strip().splitlines()
    assert "keys.log_pain" in warning and "app.theme" in warning


def test_stats_takes_its_target_from_the_settings(invoke):
    import json

    invoke("exercise", "walking", "30")
    assert json.loads(invoke("stats", "--json").stdout)["weekly_aerobic_target"] == 150
    invoke("config", "set", "exercise.weekly_target", "90")
    assert json.loads(invoke("stats", "--json").stdout)["weekly_aerobic_target"] == 90
    given = invoke("stats", "--json", "--target", "200").stdout
    assert json.loads(given)["weekly_aerobic_target"] == 200
