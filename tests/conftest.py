"""Shared fixtures: a private Prefect home, one Prefect test server per session, paths to the shared corpora."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpsite import site  # noqa: F401 - the local web site fixture, for every test module

# Prefect reads its settings at import: point it at a throw-away home before anything imports it.
_PREFECT_HOME = tempfile.mkdtemp(prefix="copydesk-prefect-")
os.environ.setdefault("PREFECT_HOME", _PREFECT_HOME)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COPYDESK_SHARED", REPO.parent / "shared"))   # or elsewhere
CORPORA = SHARED / "corpora"
SEEDS = SHARED / "seeds"
CHECK_WAREHOUSE = SHARED / "tools" / "check_warehouse.py"
PREFECT_STARTUP_TIMEOUT_SECONDS = 90


def require(path: Path) -> Path:
    """Skip the test, saying why, when a shared input is not beside the repository."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora live in ../shared beside the repository")
    return path


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """Run the flows of this session against one temporary Prefect server (started once)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=PREFECT_STARTUP_TIMEOUT_SECONDS):
        yield


@pytest.fixture(scope="session")
def demo_warehouse(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the pipeline once on the demo corpus; tests only read this warehouse (copy it to change it)."""
    from copydesk.flows.pipeline import pipeline

    warehouse = tmp_path_factory.mktemp("demo-warehouse")
    pipeline(inputs=None, warehouse_dir=str(warehouse))
    return warehouse
