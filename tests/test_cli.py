"""The `copydesk` command as a user runs it: a separate process with its own Prefect server."""

from __future__ import annotations

import os
import subprocess
import sys
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
