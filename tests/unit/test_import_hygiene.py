"""The one-line log and `remind` stay light: no Textual, no plotext, no sqlite-utils."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("textual", "plotext", "sqlite_utils", "fpdf", "rich", "openpyxl")


def imported_modules(args, env) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tracker", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize(
    "args", [["pain", "5"], ["exercise", "walking", "20"], ["remind"], ["list"]]
)
def test_logging_path_imports_nothing_heavy(tmp_path, args):
    env = {**os.environ, "TRACKER_DB": str(tmp_path / "t.db")}
    subprocess.run([sys.executable, "-m", "tracker", "pain", "3"], env=env, check=True)
    names = imported_modules(args, env)
    heavy = sorted(n for n in names if n.split(".")[0] in HEAVY)
    assert heavy == [], f"{args} imported {heavy[:5]}"
    # The medicine models load on first use: a pain log does not create their dataclasses.
    assert not names & {"tracker.models.medicines", "tracker.cli.med"}, args


def test_core_modules_import_without_textual():
    code = (
        "import sys, tracker.models, tracker.store, tracker.sample, tracker.cli;"
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
