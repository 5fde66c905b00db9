"""Scale-out: the Dask runner builds the same warehouse as the default runner; the lake lives at any URI or
on any pyarrow filesystem."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import duckdb
import pyarrow.fs as pafs
import pytest
from builders import RUN_COLUMNS
from fsspec.implementations.memory import MemoryFileSystem

from copydesk.cluster import dask_pool
from copydesk.config import DEMO_CORPUS, Settings
from copydesk.records import Document, Reject
from copydesk.tasks.extract import clean_chunk
from copydesk.tasks.read import iter_documents
from copydesk.tasks.wire import sketches
from copydesk.warehouse.build import WAREHOUSE_FILE, build_warehouse
from copydesk.warehouse.lake import MANIFESTS, Lake, batch_tables, new_batch_id

# When a batch was written, not what it holds: batch ids are named after the commit time, and the
# ingestion and reject times are the clock's. Every other column of every relation must be equal.
BATCH_SIZE_DOCUMENTS = 100       # the demo corpus's 321 documents in 4 batches: history and lineage across them
SIGNATURE_COLUMNS = ["article_id", "wire_signature", "wire_shingles", "wire_agency", "wire_sketch_version"]


def warehouse_rows(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table and view of a warehouse, without the ignored columns, as sorted rows."""
    con = duckdb.connect(str(warehouse / WAREHOUSE_FILE), read_only=True)
    try:
        relations = [name for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        rows = {}
        for name in relations:
            columns = [column for (column,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                "AND table_name = ? ORDER BY ordinal_position", [name]).fetchall() if column not in RUN_COLUMNS]
            rows[name] = con.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY ALL").fetchall()
        return rows
    finally:
        con.close()


def lake_signatures(lake: Lake) -> list[dict[str, object]]:
    """What the wire stage stored of each article that the warehouse does not load: its MinHash signature."""
    rows = lake.dataset("articles").to_table(columns=SIGNATURE_COLUMNS).to_pylist()
    return sorted(rows, key=lambda row: str(row["article_id"]))


def chunks_done(dask_scheduler: object) -> dict[str, int]:
    """How many tasks of each kind the scheduler has seen finish (run on the scheduler)."""
    return {name: prefix.state_counts["memory"]
            for name, prefix in dask_scheduler.task_prefixes.items()}  # type: ignore[attr-defined]


@pytest.mark.e2e
def test_the_dask_runner_builds_the_same_warehouse_and_lake(prefect_server: None, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client, LocalCluster

    from copydesk.flows.pipeline import pipeline

    monkeypatch.setenv("COPYDESK_BATCH_SIZE_DOCUMENTS", str(BATCH_SIZE_DOCUMENTS))
    monkeypatch.setenv("COPYDESK_WORKERS", "2")
    local = pipeline(inputs=None, warehouse_dir=str(tmp_path / "local"))

    lake_uri = (tmp_path / "elsewhere" / "lake").as_uri()          # file:///…, opened as a pyarrow filesystem
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        monkeypatch.setenv("COPYDESK_RUNNER", "dask")
        monkeypatch.setenv("COPYDESK_DASK_ADDRESS", cluster.scheduler_address)
        monkeypatch.setenv("COPYDESK_LAKE", lake_uri)
        distributed = pipeline(inputs=None, warehouse_dir=str(tmp_path / "dask"))
        with Client(cluster) as client:
            done = client.run_on_scheduler(chunks_done)

    batches = -(-local.documents_read // BATCH_SIZE_DOCUMENTS)
    assert done.get("clean_chunk", 0) >= batches and done.get("sketches", 0) >= batches  # the cluster did the work
    assert not (tmp_path / "dask" / "lake").exists() and (tmp_path / "elsewhere" / "lake" / MANIFESTS).is_dir()
    assert (distributed.articles_new, distributed.rejects) == (local.articles_new, local.rejects)
    expected, actual = warehouse_rows(tmp_path / "local"), warehouse_rows(tmp_path / "dask")
    assert expected["articles"] and expected["story_summary"] and sorted(actual) == sorted(expected)
    for relation, rows in expected.items():
        assert actual[relation] == rows, relation
    assert lake_signatures(Lake(lake_uri)) == lake_signatures(Lake(tmp_path / "local" / "lake"))


def test_a_local_dask_cluster_runs_chunks_in_other_processes_in_order() -> None:
    documents = [d for d in iter_documents([str(DEMO_CORPUS / "html")], 10_000_000) if isinstance(d, Document)]
    settings = Settings(runner="dask", workers=2)
    with dask_pool(settings) as pool:
        assert pool is not None and pool.slots == 2
        pids = set(pool.client.run(os.getpid).values())
        cleaned = pool.map(clean_chunk, [documents[:5], documents[5:7], documents[7:]], settings=settings)
        texts = [c.text for chunk in cleaned for c in chunk if not isinstance(c, Reject)]
        signed = pool.sketches(texts)
    assert len(pids) == 2 and os.getpid() not in pids
    assert pool.client.status == "closed"          # the temporary cluster goes with the run
    here = clean_chunk(documents, settings)
    there = [r for chunk in cleaned for r in chunk]
    assert [r for r in there if not isinstance(r, Reject)] == [r for r in here if not isinstance(r, Reject)]
    assert [(r.doc_key, r.reason) for r in there if isinstance(r, Reject)] == \
        [(r.doc_key, r.reason) for r in here if isinstance(r, Reject)]           # rejects differ by their time
    local = sketches(texts)
    assert (signed[0] == local[0]).all() and (signed[1] == local[1]).all() and signed[2] == local[2]


def test_the_local_runner_opens_no_cluster_and_unknown_runners_are_refused() -> None:
    with dask_pool(Settings()) as pool:
        assert pool is None
    with pytest.raises(ValueError, match="runner must be one of local, dask"):
        Settings.from_env({"COPYDESK_RUNNER": "spark"})


def test_a_lake_on_another_filesystem_commits_reopens_and_builds(tmp_path: Path) -> None:
    """An in-memory filesystem stands in for an object store: no local path, no os-level rename or fsync."""
    memory = pafs.PyFileSystem(pafs.FSSpecHandler(MemoryFileSystem()))
    top = f"/copydesk-{secrets.token_hex(4)}"
    root = f"{top}/lake"
    lake = Lake(root, filesystem=memory)
    document = Document.of("file:///a.txt", "text", b"date 2026-01-05 A headline\n\nSome words of a body.")
    batch_id = new_batch_id()
    lake.commit(batch_id, batch_tables(batch_id, [document], rejects=[Reject.of("file:///b", "read", "not_html",
                                                                                "binary", "key-b")]))
    orphan = f"{root}/documents/{new_batch_id()}.parquet"        # a crashed batch: files but no manifest
    with memory.open_output_stream(orphan) as stream:
        stream.write(b"half a file")
    reopened = Lake(root, filesystem=memory)
    assert reopened.batch_ids == [batch_id]
    assert memory.get_file_info(orphan).type == pafs.FileType.NotFound
    assert reopened.known_doc_keys([document.doc_key, "key-b", "other"]) == {document.doc_key, "key-b"}
    assert not [info for info in memory.get_file_info(pafs.FileSelector(root, recursive=True))
                if info.base_name.endswith(".tmp")]
    assert build_warehouse(reopened, tmp_path).row_counts["rejects"] == 1
    assert not Path(root).exists()
    memory.delete_dir(top)                     # the memory filesystem's store is shared by the process


def test_a_lake_uri_names_the_same_files_as_its_path(tmp_path: Path) -> None:
    by_path = Lake(tmp_path)
    batch_id = new_batch_id()
    by_path.commit(batch_id, batch_tables(batch_id, [Document.of("s", "html", b"x")]))
    by_uri = Lake(tmp_path.as_uri())
    assert by_uri.batch_ids == [batch_id] and by_uri.files("documents") == by_path.files("documents")
