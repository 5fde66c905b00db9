"""The `copydesk` command as a user runs it: a separate process with its own Prefect server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, require

pytestmark = pytest.mark.e2e
RUN_TIMEOUT_SECONDS = 300


def copydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("copydesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "copydesk.cli"]
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(cwd / ".prefect")
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_SECONDS)


def test_run_prints_a_summary_and_exits_zero(tmp_path: Path) -> None:
    result = copydesk("run", str(require(SEEDS)), "--warehouse", "wh", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = dict(line.rsplit(None, 1) for line in result.stdout.splitlines() if line.strip())
    assert lines["documents read"] == "2" and lines["new articles kept"] == "2"
    assert lines["warehouse stories"] == "1" and lines["warehouse wire_clusters"] == "2"   # one event, two writers
    assert (tmp_path / "wh" / "warehouse.duckdb").exists()


def test_a_run_that_cannot_complete_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "wh").write_text("a file where the warehouse folder should be")
    result = copydesk("run", str(tmp_path), "--warehouse", "wh", cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip().startswith("copydesk: run failed:")
    assert len([line for line in result.stderr.splitlines() if line.startswith("copydesk:")]) == 1


# Installed in the test's Python but hidden from one process: the import system's path finder does
# not find it, as after `pip uninstall prefect-dask` (find_spec returns None, an import fails).
HIDE_PREFECT_DASK = '''
import sys
from importlib.machinery import PathFinder


class Hiding(PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.partition(".")[0] == "prefect_dask":
            return None
        return super().find_spec(name, path, target)


sys.meta_path[:] = [Hiding if finder is PathFinder else finder for finder in sys.meta_path]
'''
MISSING_RUNNER_SECONDS = 5.0


def test_the_dask_runner_without_prefect_dask_stops_before_prefect_starts(tmp_path: Path) -> None:
    hidden = tmp_path / "hide"
    hidden.mkdir()
    (hidden / "sitecustomize.py").write_text(HIDE_PREFECT_DASK)
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(hidden), *sys.path])}
    probe = "import importlib.util; print(importlib.util.find_spec('prefect_dask'))"
    assert subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True).stdout == "None\n"
    script = Path(sys.executable).with_name("copydesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "copydesk.cli"]
    started = time.monotonic()
    result = subprocess.run([*command, "run", "--runner", "dask", "--warehouse", "wh"],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT_SECONDS)
    seconds = time.monotonic() - started
    assert (result.returncode, result.stderr) == (
        2, "copydesk: the dask runner needs prefect-dask: pip install 'copydesk[dask]'\n")
    assert seconds < MISSING_RUNNER_SECONDS
    assert not (tmp_path / "wh").exists() and not (tmp_path / ".prefect").exists()   # none started
