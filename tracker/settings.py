"""Settings that persist: one TOML file in the platform's config folder, read and written here.

The file (`config.toml` in platformdirs' `user_config_dir("tracker")`, on Linux
`~/.config/tracker/config.toml`; `--config PATH` or TRACKER_CONFIG chooses another) holds:

    [report]
    name = "Ana Díaz"           # on the doctor's report, shown verbatim
    birth_date = "1960-04-02"   # YYYY-MM-DD
    [exercise]
    weekly_target = 150         # minutes of aerobic exercise a week (`stats --target` default)
    [app]
    theme = "dark"              # light or dark; the app saves it when ctrl+t switches
    [keys]
    log_pain = "f2"             # an app action (tui/commands.py ACTIONS) -> a key

A missing file means the defaults. A file that is not valid TOML, or a value that breaks its
rule, is reported in one line and the defaults stand in for what could not be read; a damaged
file is never rewritten without the user's word (`tracker config set --force`). Every write
goes through `tracker.safe_files` (temporary name, fsync, rename, 0600).

Headless: standard library and tracker's core only (the key names in [keys] are checked by
the app, which knows its actions and Textual's key names).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tracker.models.fields import ValidationError, parse_text, parse_whole
from tracker.paths import APP_NAME
from tracker.problems import UsageProblem

ENV_CONFIG = "TRACKER_CONFIG"
CONFIG_FILENAME = "config.toml"
#: The weekly aerobic target when none is set: 150 minutes (WHO 2020; analysis.exercise).
DEFAULT_WEEKLY_TARGET = 150
THEMES = ("light", "dark")
NAME_MAX = 100


@dataclass(frozen=True)
class Settings:
    """What the config file sets; every field has its default."""

    #: The patient's name on the report ("" when not set), shown verbatim.
    report_name: str = ""
    #: Date of birth for the report, YYYY-MM-DD, or None.
    report_birth_date: str | None = None
    #: Minutes of aerobic exercise a week that `stats` (and the tips) measure against.
    weekly_target: int = DEFAULT_WEEKLY_TARGET
    #: "light", "dark", or None for the app's default.
    theme: str | None = None
    #: The day the baseline starts (YYYY-MM-DD), or None for the diary's first rated day.
    baseline_from: str | None = None
    #: App action name -> key (checked by the app, which knows its actions).
    keys: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Loaded:
    """The settings as read, the file they came from, and what could not be read."""

    settings: Settings
    path: Path
    problems: list[str] = field(default_factory=list)
    #: True when the file exists but could not be read as TOML: it must not be rewritten.
    damaged: bool = False

    def problem_line(self) -> str | None:
        """Everything wrong with the file in one line, or None."""
        if not self.problems:
            return None
        return f"{self.path}: {'; '.join(self.problems)}"


@dataclass(frozen=True)
class ReportDetails:
    """Who the report is about (the report prints these; empty when not set)."""

    name: str
    birth_date: str | None


# ---- where ----------------------------------------------------------------------------------
def default_config_path() -> Path:
    """`config.toml` in the platform's user config folder for "tracker" (platformdirs)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILENAME


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--config PATH` first, then the TRACKER_CONFIG environment variable, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    return default_config_path()


# ---- the rules of each setting --------------------------------------------------------------
def _name(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("report.name", "must be text")
    return parse_text("report.name", value, limit=NAME_MAX) or ""


def _birth_date(value: object) -> str | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise ValidationError("report.birth_date", "must be a date, YYYY-MM-DD")
    if text == "":
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or len(text) != 10:
        raise ValidationError("report.birth_date", f"must be YYYY-MM-DD, not {text!r}")
    if not dt.date(1900, 1, 1) <= day <= dt.date.today():
        raise ValidationError("report.birth_date", f"{text} must be from 1900 to today")
    return text


def _baseline_from(value: object) -> str | None:
    from tracker.models import parse_date

    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValidationError("analysis.baseline_from", "must be a date, YYYY-MM-DD")
    if value.strip() == "":
        return None
    return parse_date(value.strip(), "analysis.baseline_from")


def _weekly_target(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError("exercise.weekly_target", "must be a whole number of minutes")
    return parse_whole("exercise.weekly_target", value, 1, 3000)


def _theme(value: object) -> str | None:
    if value == "":
        return None
    if value not in THEMES:
        raise ValidationError("app.theme", f"must be light or dark, not {value!r}")
    return str(value)


@dataclass(frozen=True)
class Setting:
    """One key of the file: its table, name, field of `Settings`, rule and help line."""

    table: str
    name: str
    attribute: str
    parse: Callable[[object], Any]
    help: str

    @property
    def key(self) -> str:
        return f"{self.table}.{self.name}"


SETTINGS: tuple[Setting, ...] = (
    Setting("report", "name", "report_name", _name, "your name, printed on the report"),
    Setting("report", "birth_date", "report_birth_date", _birth_date, "date of birth, YYYY-MM-DD"),
    Setting(
        "exercise",
        "weekly_target",
        "weekly_target",
        _weekly_target,
        "weekly aerobic minutes to aim for (1-3000; default 150)",
    ),
    Setting("app", "theme", "theme", _theme, "the app's theme: light or dark"),
    Setting(
        "analysis",
        "baseline_from",
        "baseline_from",
        _baseline_from,
        "the day your baseline starts, e.g. when an exercise programme began (YYYY-MM-DD; "
        "default: your first rated day)",
    ),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}
KEYS_TABLE = "keys"


# ---- reading --------------------------------------------------------------------------------
def read_document(path: Path) -> dict[str, Any]:
    """The file's TOML as a dict ({} when there is no file); UsageProblem when unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UsageProblem(f"cannot be read ({exc.strerror})") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageProblem("is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageProblem(f"is not valid TOML ({exc})") from None


def settings_from(document: dict[str, Any]) -> tuple[Settings, list[str]]:
    """The settings a parsed document gives, and a line for each value that breaks its rule
    (that value keeps its default) or that tracker does not know."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for table_name, table in document.items():
        if table_name == KEYS_TABLE:
            keys, key_problems = _keys_from(table)
            values["keys"] = keys
            problems += key_problems
            continue
        if not isinstance(table, dict):
            problems.append(f"{table_name}: unknown setting, ignored")
            continue
        for name, value in table.items():
            setting = BY_KEY.get(f"{table_name}.{name}")
            if setting is None:
                problems.append(f"{table_name}.{name}: unknown setting, ignored")
                continue
            try:
                values[setting.attribute] = setting.parse(value)
            except ValidationError as exc:
                problems.append(f"{exc}; using the default")
    return Settings(**values), problems


def _keys_from(table: object) -> tuple[dict[str, str], list[str]]:
    if not isinstance(table, dict):
        return {}, ['keys: must be a table of action = "key"; ignored']
    keys = {name: value for name, value in table.items() if isinstance(value, str)}
    problems = [f"keys.{name}: must be a key name in quotes" for name in table if name not in keys]
    return keys, problems


def load(path: str | os.PathLike[str] | None = None) -> Loaded:
    """The settings from the config file; never raises: problems are listed, defaults used."""
    where = config_path(path)
    try:
        document = read_document(where)
    except UsageProblem as exc:
        return Loaded(Settings(), where, [f"{exc}; using the defaults"], damaged=True)
    settings, problems = settings_from(document)
    return Loaded(settings, where, problems)


def report_details(path: str | os.PathLike[str] | None = None) -> ReportDetails:
    """The name and date of birth for the report (empty when not set or unreadable)."""
    settings = load(path).settings
    return ReportDetails(settings.report_name, settings.report_birth_date)


# ---- writing --------------------------------------------------------------------------------
def set_value(
    key: str, value: str, path: str | os.PathLike[str] | None = None, *, force: bool = False
) -> Path:
    """Check `value` against `key`'s rule and write it into the file; returns the file.

    Keys are `table.name` (see SETTINGS) or `keys.ACTION`. A file that cannot be read is
    replaced only with `force` (the user's word); its old text is kept beside it as
    `config.toml.damaged`. Other settings in the file, known or not, are kept.
    """
    where = config_path(path)
    table, _, name = key.partition(".")
    stored: object
    if table == KEYS_TABLE and name:
        stored = value
    elif key in BY_KEY:
        stored = BY_KEY[key].parse(value)
        if stored is None:
            stored = ""
    else:
        known = ", ".join([*BY_KEY, "keys.ACTION"])
        raise UsageProblem(f"{key!r} is not a setting; the settings are {known}")
    document = _document_to_update(where, force)
    section = document.setdefault(table, {})
    if not isinstance(section, dict):
        raise UsageProblem(f"{where}: {table} is not a table; fix the file by hand first")
    section[name] = stored
    write_document(where, document)
    return where


def _document_to_update(where: Path, force: bool) -> dict[str, Any]:
    try:
        return read_document(where)
    except UsageProblem as exc:
        if not force:
            raise UsageProblem(
                f"{where} {exc}; fix it by hand, or add --force to replace it "
                "(its text is kept as config.toml.damaged)"
            ) from None
    from tracker.safe_files import write_text

    try:
        old = where.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        old = ""
    write_text(where.with_name(where.name + ".damaged"), old, force=True)
    return {}


def save_theme(theme: str, path: str | os.PathLike[str] | None = None) -> str | None:
    """Remember the app's theme; None when saved, else one line saying why not (a damaged
    file is left as it is)."""
    try:
        set_value("app.theme", theme, path)
    except (UsageProblem, ValidationError, OSError) as exc:
        return f"The theme was not saved: {exc}"
    return None


def write_document(where: Path, document: dict[str, Any]) -> None:
    """Write the document as TOML, atomically and owner-only (safe_files)."""
    from tracker.safe_files import write_text

    where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_text(where, dumps(document), force=True)


def dumps(document: dict[str, Any]) -> str:
    """A small TOML writer for what this file holds: tables of scalars (and plain lists)."""
    top = [f"{_key(k)} = {_value(v)}" for k, v in document.items() if not isinstance(v, dict)]
    parts = ["\n".join(top) + "\n"] if top else []
    parts += _tables(document, ())
    return "\n".join(parts)


def _tables(document: dict[str, Any], prefix: tuple[str, ...]) -> list[str]:
    parts = []
    for name, table in document.items():
        if not isinstance(table, dict):
            continue
        path = (*prefix, name)
        lines = [f"[{'.'.join(_key(p) for p in path)}]"]
        lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items() if not isinstance(v, dict)]
        parts.append("\n".join(lines) + "\n")
        parts += _tables(table, path)
    return parts


def _key(name: str) -> str:
    bare = name and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
    return name if bare else json.dumps(name, ensure_ascii=False)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    # JSON's string escapes are all valid in a TOML basic string.
    return json.dumps(str(value), ensure_ascii=False)


def shown(settings: Settings) -> list[tuple[str, str]]:
    """Every setting as (key, value as text), for `tracker config show` and the app."""
    rows = []
    for setting in SETTINGS:
        value = getattr(settings, setting.attribute)
        rows.append((setting.key, "(not set)" if value in (None, "") else str(value)))
    rows += [(f"keys.{action}", key) for action, key in settings.keys.items()]
    return rows


def with_keys(settings: Settings, keys: dict[str, str]) -> Settings:
    """The same settings with only `keys` (the ones the app accepted)."""
    return replace(settings, keys=dict(keys))
