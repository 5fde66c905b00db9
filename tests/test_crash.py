"""Crash safety: `copydesk run` killed by SIGKILL at named points, then run again, ends as an uninterrupted run.

Each kill comes from the run itself: `COPYDESK_CRASH_AT=<point>[:<n>]` (copydesk/crashpoints.py) makes the
process SIGKILL itself the n-th time it passes a named point, so every kill lands at a known moment, the
same on every machine. A chain of kills is one history of a warehouse folder: a run is killed, the next run
(resuming it) is killed elsewhere, and so on; after each kill the test checks what a reader would find
there, and after the last, uninterrupted, run that the lake, the warehouse and the exports equal those of
one uninterrupted run of the same inputs (the demo corpus in batches of 40 documents: 9 batches).

Compared: every committed lake row, batch by batch in commit order, and every row of every table and view
of the warehouse and of every export, without the columns that say when a row was written or in which
batch (`RUN_COLUMNS`: a batch id is its commit time plus a random suffix): those legitimately differ
between two runs; everything else must not, ids included.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from builders import RUN_COLUMNS

from copydesk.crashpoints import CRASH_AT
from copydesk.records import Document
from copydesk.warehouse.build import WAREHOUSE_FILE, build_warehouse
from copydesk.warehouse.exports import EXPORTS_DIR, export_tables, recover_exports
from copydesk.warehouse.lake import MANIFESTS, SCHEMAS, Lake, LakeError, batch_tables, new_batch_id

BATCH_SIZE_DOCUMENTS = 40          # the demo corpus' 321 documents make 9 batches
DEMO_BATCHES = 9
RUN_TIMEOUT_SECONDS = 300
ORPHAN_EXIT_SECONDS = 15.0         # extraction workers notice their run is gone within ~1 s
TABLE_FILES = len(SCHEMAS)         # lake files a batch writes before its manifest
MERGES_FILE = list(SCHEMAS).index("story_merges") + 1     # the how-manieth file of a batch it is
KEYS = {"documents": "doc_key", "articles": "article_id", "article_sources": "doc_key", "rejects": "doc_key"}

Rows = list[tuple[object, ...]]


# -- running copydesk ------------------------------------------------------------------------------------

def copydesk_run(warehouse: Path, prefect: dict[str, str], crash_at: str | None = None) -> tuple[int, str]:
    """Run `copydesk run` on the demo corpus in a session of its own; return its exit status and stderr.

    Once the run is over, whatever it left in its process group is killed (after the check, for a killed run,
    that its extraction workers exit by themselves).
    """
    script = Path(sys.executable).with_name("copydesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "copydesk.cli"]
    env = {k: v for k, v in os.environ.items() if k != CRASH_AT} | prefect
    env["COPYDESK_BATCH_SIZE_DOCUMENTS"] = str(BATCH_SIZE_DOCUMENTS)
    if crash_at:
        env[CRASH_AT] = crash_at
    stderr = warehouse.with_name(f"{warehouse.name}.stderr")
    with stderr.open("w") as err:   # a file, not a pipe: orphans would hold a pipe open
        process = subprocess.Popen([*command, "run", "--warehouse", str(warehouse)], cwd=warehouse.parent,
                                   env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        try:
            status = process.wait(timeout=RUN_TIMEOUT_SECONDS)
            if crash_at:
                assert_no_extraction_workers_left(process.pid)
        finally:
            kill_group(process.pid)
            process.wait()
    return status, stderr.read_text()


def group_members(pgid: int) -> dict[int, str]:
    """The live processes of a process group, with their command lines (from /proc)."""
    members = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                members[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue   # the process ended meanwhile
    return members


def assert_no_extraction_workers_left(pgid: int) -> None:
    """The extraction workers of a killed run exit by themselves (they watch their parent)."""
    deadline = time.monotonic() + ORPHAN_EXIT_SECONDS
    while workers := [cmd for cmd in group_members(pgid).values() if "multiprocessing" in cmd]:
        assert time.monotonic() < deadline, f"workers of a killed run still alive: {workers}"
        time.sleep(0.2)


def test_a_run_killed_outright_leaves_no_helper_process_behind(tmp_path: Path) -> None:
    """Prefect's temporary API server and a local Dask cluster do not watch the run that started them: the
    run's reaper (copydesk/reaper.py) stops them once the run is gone."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(tmp_path / "prefect"), CRASH_AT: "clean", "COPYDESK_RUNNER": "dask",
        "COPYDESK_WORKERS": "1", "COPYDESK_BATCH_SIZE_DOCUMENTS": str(BATCH_SIZE_DOCUMENTS)}
    script = Path(sys.executable).with_name("copydesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "copydesk.cli"]
    with (tmp_path / "stderr").open("w") as err:
        process = subprocess.Popen([*command, "run", "--warehouse", str(tmp_path / "wh")], cwd=tmp_path, env=env,
                                   stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        try:
            assert process.wait(timeout=RUN_TIMEOUT_SECONDS) == -signal.SIGKILL, (tmp_path / "stderr").read_text()
            deadline = time.monotonic() + ORPHAN_EXIT_SECONDS
            while left := group_members(process.pid):   # the server and the cluster kept the run's group
                assert time.monotonic() < deadline, f"still alive after the run was killed: {left}"
                time.sleep(0.2)
        finally:
            kill_group(process.pid)


def kill_group(pgid: int) -> None:
    if group_members(pgid):
        os.killpg(pgid, signal.SIGKILL)


# -- reading what a run left -------------------------------------------------------------------------------

def stable(rows: Rows) -> Rows:
    """Rows in a canonical order, floats rounded (sums over doubles may differ in the last bits)."""
    return sorted((tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows), key=repr)


def committed_batches(lake: Path) -> list[dict[str, Rows]]:
    """Each committed batch in commit order: its rows by table, without run columns. Read from the manifests
    and files as they are, without opening a `Lake` (which would clear what a killed run left)."""
    batches = []
    for manifest in sorted((lake / MANIFESTS).glob("*.json")):
        tables = {}
        for table, count in json.loads(manifest.read_text())["rows"].items():
            data = pq.read_table(lake / table / f"{manifest.stem}.parquet")
            assert data.num_rows == count, f"{table} of {manifest.stem} holds {data.num_rows} rows, not {count}"
            data = data.drop_columns([c for c in data.column_names if c in RUN_COLUMNS])
            tables[table] = stable([tuple(row.values()) for row in data.to_pylist()])
        batches.append(tables)
    return batches


def uncommitted_files(lake: Path) -> list[str]:
    """Lake files no reader counts: temporary files, and batch files that no manifest names."""
    committed = {path.stem for path in (lake / MANIFESTS).glob("*.json")}
    return sorted(str(path.relative_to(lake)) for path in lake.rglob("*")
                  if path.is_file() and (path.name.startswith(".") or path.stem not in committed))


def warehouse_rows(path: Path) -> dict[str, Rows]:
    """Every table and view of a warehouse file, without run columns."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        relations: dict[str, list[str]] = {}
        for relation, column in con.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' "
                "ORDER BY table_name, ordinal_position").fetchall():
            relations.setdefault(relation, []).append(column)
        return {relation: stable(con.execute(
                    f'SELECT {", ".join(c for c in columns if c not in RUN_COLUMNS)} FROM "{relation}"').fetchall())
                for relation, columns in relations.items()}
    finally:
        con.close()


def export_rows(exports: Path) -> dict[str, Rows]:
    """Every export folder's rows (hive partitions read back as columns), without run columns; temporary
    folders (`.<table>.<token>.tmp`, beside the table folders) are not exports."""
    con = duckdb.connect()
    tables = {}
    for folder in sorted(p for p in exports.iterdir() if p.is_dir() and not p.name.startswith(".")):
        scan = f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"
        columns = ", ".join(c for c in con.sql(f"SELECT * FROM {scan}").columns if c not in RUN_COLUMNS)
        tables[folder.name] = stable(con.execute(f"SELECT {columns} FROM {scan}").fetchall())
    con.close()
    return tables


def listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def export_listing(exports: Path) -> dict[str, list[str]]:
    """The files of each export, as its link shows them, without the version's random token."""
    return {link.name: [re.sub(r"data_[0-9a-f]+_", "data_", name) for name in listing(link)]
            for link in exports.iterdir() if not link.name.startswith(".")}


@pytest.fixture(scope="module")
def prefect(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The Prefect settings of every run here: the session's server (none to start per run, none left running
    by a killed run; `copydesk run` alone starts a temporary one) and one Prefect home."""
    from prefect.settings import PREFECT_API_URL

    return {"PREFECT_API_URL": str(PREFECT_API_URL.value()), "PREFECT_HOME": str(tmp_path_factory.mktemp("prefect"))}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, prefect: dict[str, str]) -> Path:
    """The warehouse folder of one uninterrupted run (read only: copy it to change it)."""
    warehouse = tmp_path_factory.mktemp("reference") / "wh"
    status, stderr = copydesk_run(warehouse, prefect)
    assert status == 0, stderr
    batches = committed_batches(warehouse / "lake")
    assert len(batches) == DEMO_BATCHES
    for table, key in KEYS.items():   # the reference itself holds each document and article once
        column = [f.name for f in SCHEMAS[table] if f.name not in RUN_COLUMNS].index(key)
        keys = [row[column] for batch in batches for row in batch[table]]
        assert keys and len(keys) == len(set(keys)), table
    return warehouse


def assert_equals_reference(warehouse: Path, reference: Path) -> None:
    """The lake, the warehouse and the exports are those of the uninterrupted run; nothing stray is left."""
    assert committed_batches(warehouse / "lake") == committed_batches(reference / "lake")
    assert uncommitted_files(warehouse / "lake") == []
    assert warehouse_rows(warehouse / WAREHOUSE_FILE) == warehouse_rows(reference / WAREHOUSE_FILE)
    assert export_listing(warehouse / EXPORTS_DIR) == export_listing(reference / EXPORTS_DIR)
    assert export_rows(warehouse / EXPORTS_DIR) == export_rows(reference / EXPORTS_DIR)
    assert [p.name for p in warehouse.iterdir() if p.name.startswith(".") and p.name != ".copydesk.lock"] == []


def run_killed_at(warehouse: Path, prefect: dict[str, str], crash_at: str) -> None:
    status, stderr = copydesk_run(warehouse, prefect, crash_at)
    assert status == -signal.SIGKILL, f"{crash_at}: the run was not killed (exit {status}): {stderr[-2000:]}"


def rerun_equals_reference(warehouse: Path, prefect: dict[str, str], reference: Path) -> None:
    status, stderr = copydesk_run(warehouse, prefect)
    assert status == 0, stderr
    assert_equals_reference(warehouse, reference)


# -- the kill-and-rerun tests ------------------------------------------------------------------------------

def writing_merges(files: list[str]) -> bool:
    """A batch killed while writing its story merges: its first files whole, the merges' temporary."""
    return (len(files) == MERGES_FILE and sum(f.endswith(".tmp") for f in files) == 1
            and any(f.startswith("story_merges/.") for f in files))


@pytest.mark.e2e
def test_killed_while_ingesting_then_rerun_equals_an_uninterrupted_run(
        tmp_path: Path, prefect: dict[str, str], reference: Path) -> None:
    warehouse, lake = tmp_path / "wh", tmp_path / "wh" / "lake"
    expected = committed_batches(reference / "lake")
    # the last batch that merged stories: decided by a run that resumed killed ones (after "clean:2")
    merging = max(b for b, tables in enumerate(expected) if tables["story_merges"])
    assert merging >= 4, "the demo in batches of 40 merges stories in a later batch"
    # (kill point, batches committed after it, the lake files no reader counts that the kill left)
    chain = [
        (f"lake-write:{TABLE_FILES + 1}", 0,                 # the first manifest
         lambda files: len(files) == TABLE_FILES + 1 and files[0].startswith(f"{MANIFESTS}/.")),
        (f"lake-write:{TABLE_FILES + 1 + MERGES_FILE}", 1, writing_merges),     # the 2nd batch's merges
        ("lake-commit:2", 3, lambda files: files == []),     # between batches
        ("clean:2", 4, lambda files: files == []),     # batches 1-3 are known: its 2nd cleaned batch is batch 5
        (f"lake-write:{(merging - 4) * (TABLE_FILES + 1) + MERGES_FILE}", merging, writing_merges),
        ("warehouse-load", DEMO_BATCHES, lambda files: files == []),
    ]
    for crash_at, committed, left in chain:
        run_killed_at(warehouse, prefect, crash_at)
        assert committed_batches(lake) == expected[:committed], crash_at   # whole batches, in order, once
        assert left(uncommitted_files(lake)), f"{crash_at}: {uncommitted_files(lake)}"
        assert not (warehouse / WAREHOUSE_FILE).exists()   # no run completed: no warehouse to read yet
    assert (warehouse / f".{WAREHOUSE_FILE}.tmp").exists()   # the last kill was in the middle of the build

    rerun_equals_reference(warehouse, prefect, reference)


@pytest.mark.e2e
def test_killed_while_building_then_rerun_equals_an_uninterrupted_run(
        tmp_path: Path, prefect: dict[str, str], reference: Path) -> None:
    warehouse, exports = tmp_path / "wh", tmp_path / "wh" / EXPORTS_DIR
    shutil.copytree(reference, warehouse, symlinks=True)   # an earlier run's warehouse, in use
    expected_warehouse, expected_exports = warehouse_rows(reference / WAREHOUSE_FILE), export_rows(exports)

    run_killed_at(warehouse, prefect, "warehouse-swap")
    assert (warehouse / f".{WAREHOUSE_FILE}.tmp").exists()
    assert warehouse_rows(warehouse / WAREHOUSE_FILE) == expected_warehouse    # the earlier one, whole

    run_killed_at(warehouse, prefect, "export-swap")
    assert export_rows(exports) == expected_exports     # every export the earlier one, whole
    # killed with the new articles export written and linked, the link not renamed over the old
    assert (exports / "articles").is_symlink()
    folders = sorted(p.name for p in exports.glob(".articles.*") if not p.is_symlink())
    (link,) = [p for p in exports.glob(".articles.*") if p.is_symlink()]
    assert sorted([os.readlink(exports / "articles"), os.readlink(link)]) == folders
    assert warehouse_rows(warehouse / WAREHOUSE_FILE) == expected_warehouse    # the new one, swapped in

    rerun_equals_reference(warehouse, prefect, reference)


# -- a corrupted lake ----------------------------------------------------------------------------------------

@pytest.mark.e2e
def test_a_truncated_lake_file_stops_the_run_with_one_line_naming_it(
        tmp_path: Path, prefect: dict[str, str], reference: Path) -> None:
    warehouse = tmp_path / "wh"
    shutil.copytree(reference, warehouse)
    bad = sorted((warehouse / "lake" / "documents").glob("*.parquet"))[1]
    bad.write_bytes(bad.read_bytes()[: bad.stat().st_size // 2])
    status, stderr = copydesk_run(warehouse, prefect)
    assert status == 1
    assert len(stderr.splitlines()) == 1 and stderr.startswith("copydesk: run failed:"), stderr[:3000]
    assert str(bad) in stderr
    assert bad.exists()      # named, not deleted: a committed file is never cleared away
    assert (warehouse / WAREHOUSE_FILE).read_bytes() == (reference / WAREHOUSE_FILE).read_bytes()


# -- the parts, in-process ---------------------------------------------------------------------------------------

def test_the_crash_hook_kills_at_the_nth_passage_only_when_set() -> None:
    script = "from copydesk.crashpoints import crash_point\nfor _ in range(3):\n    crash_point('here')\nprint('alive')"
    for spec, killed in [(None, False), ("here:2", True), ("here", True), ("here:4", False), ("elsewhere", False)]:
        env = {k: v for k, v in os.environ.items() if k != CRASH_AT} | ({CRASH_AT: spec} if spec else {})
        result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
        assert (result.returncode == -signal.SIGKILL) is killed, spec
        assert ("alive" in result.stdout) is not killed, spec


def test_a_lake_file_that_cannot_be_loaded_is_named_by_the_build(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    batch_id = new_batch_id()
    lake.commit(batch_id, batch_tables(batch_id, [Document.of("s", "html", b"x")]))
    bad = Path(lake.path("rejects", batch_id))
    bad.write_bytes(bad.read_bytes()[:-12])
    with pytest.raises(LakeError, match=str(bad)):
        build_warehouse(lake, tmp_path)
    assert not (tmp_path / WAREHOUSE_FILE).exists() and not (tmp_path / f".{WAREHOUSE_FILE}.tmp").exists()


KILLED_WRITER = """
import duckdb, os, signal, sys
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE scratch AS SELECT 1 AS x")   # an analyst's table, not yet checkpointed
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_write_ahead_log_beside_the_warehouse_does_not_spoil_the_next_one(tmp_path: Path) -> None:
    """A process that opened `warehouse.duckdb` for writing and was killed leaves its WAL beside it;
    renamed in beside that WAL, a new warehouse would not open ("WAL does not match database")."""
    lake = Lake(tmp_path / "lake")
    batch_id = new_batch_id()
    lake.commit(batch_id, batch_tables(batch_id, [Document.of("s", "html", b"x")]))
    build_warehouse(lake, tmp_path)
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(tmp_path / WAREHOUSE_FILE)],
                            timeout=RUN_TIMEOUT_SECONDS)
    assert killed.returncode == -signal.SIGKILL and (tmp_path / f"{WAREHOUSE_FILE}.wal").exists()
    build_warehouse(lake, tmp_path)
    rows = warehouse_rows(tmp_path / WAREHOUSE_FILE)     # opens: the new warehouse, whole
    assert "articles" in rows and "scratch" not in rows


def test_a_manifest_without_row_counts_is_named(tmp_path: Path) -> None:
    Lake(tmp_path)
    bad = tmp_path / MANIFESTS / f"{new_batch_id()}.json"
    bad.write_text("[]")
    with pytest.raises(LakeError, match=str(bad)):
        Lake(tmp_path)


def test_recovering_exports_keeps_what_links_name_and_clears_the_rest(tmp_path: Path) -> None:
    for folder in [".articles.0000aaaa", ".articles.1111bbbb", ".story_summary.2222cccc.old",
                   ".outlet_summary.3333dddd.old", "outlet_summary", ".story_timeline.4444eeee"]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "data_0.parquet").write_text(folder)
    (tmp_path / "articles").symlink_to(".articles.0000aaaa")
    (tmp_path / ".articles.1111bbbb.tmp").symlink_to(".articles.1111bbbb")  # a new link
    (tmp_path / ".notes").write_text("not an export")
    recover_exports(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".articles.0000aaaa", ".notes", "articles", "outlet_summary", "story_summary"]
    assert (tmp_path / "articles" / "data_0.parquet").read_text() == ".articles.0000aaaa"
    restored = (tmp_path / "story_summary" / "data_0.parquet").read_text()
    assert restored == ".story_summary.2222cccc.old"
    assert (tmp_path / "outlet_summary" / "data_0.parquet").read_text() == "outlet_summary"


@pytest.mark.e2e
def test_a_reader_of_the_previous_export_never_opens_files_of_the_next(
        tmp_path: Path, reference: Path) -> None:
    exports = tmp_path / EXPORTS_DIR
    export_tables(reference / WAREHOUSE_FILE, exports)
    listed = sorted((exports / "articles").rglob("*.parquet"))   # through the link, as a glob lists
    previous = (exports / "articles").resolve()
    export_tables(reference / WAREHOUSE_FILE, exports)
    assert listed and not [path for path in listed if path.exists()]   # fails, does not mix exports
    assert all((previous / path.relative_to(exports / "articles")).exists() for path in listed)


@pytest.mark.e2e
def test_exports_of_the_older_layout_are_linked_and_kept_by_a_kill_in_between(
        tmp_path: Path, reference: Path) -> None:
    """Folders written before versions (a real directory per table) become links; a kill between
    moving one aside and linking leaves it where `recover_exports` puts it back."""
    exports = tmp_path / EXPORTS_DIR
    # the links copied as the folders they name, the versions left out: the layout before versions
    shutil.copytree(reference / EXPORTS_DIR, exports, ignore=shutil.ignore_patterns(".*"))
    expected = export_rows(exports)
    script = ("import sys; from pathlib import Path; "
              "from copydesk.warehouse.exports import export_tables; "
              "export_tables(Path(sys.argv[1]), Path(sys.argv[2]))")
    command = [sys.executable, "-c", script, str(reference / WAREHOUSE_FILE), str(exports)]
    killed = subprocess.run(command, env=os.environ | {CRASH_AT: "export-swap"},
                            timeout=RUN_TIMEOUT_SECONDS)
    assert killed.returncode == -signal.SIGKILL
    assert not (exports / "articles").exists() and len(list(exports.glob(".articles.*.old"))) == 1
    recover_exports(exports)
    assert export_rows(exports) == expected and not (exports / "articles").is_symlink()
    subprocess.run(command, env={k: v for k, v in os.environ.items() if k != CRASH_AT}, check=True,
                   timeout=RUN_TIMEOUT_SECONDS)
    assert all((exports / table).is_symlink() for table in expected)
    assert export_rows(exports) == expected
