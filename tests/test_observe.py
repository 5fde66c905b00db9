"""What a run tells about itself through the real Prefect engine: artifacts, run records and log lines."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from builders import PARAGRAPHS

from copydesk.flows.observe import ARTIFACTS, QuietTaskRuns
from copydesk.flows.pipeline import pipeline
from copydesk.warehouse.lock import warehouse_lock
from copydesk.warehouse.runs import COMPLETED, FAILED, read_records

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]

MUSEUM = [
    "Thieves broke into the Kessler Gallery in Lindholm early on Sunday and took two paintings by Anna Brandt, "
    "the museum's director Jonas Weber said at a press conference.",
    "The works, painted in 1911 and 1913, were insured for 3.5 million euros; police found the alarm cables "
    "cut and a side window forced open, and are looking for a grey van seen near the river.",
    "Weber said the gallery would stay closed until Wednesday while forensic teams examined the rooms, and "
    "asked anyone offered the paintings to call the police hotline.",
]
LOCAL = ("Local reaction: shop owners on the quay said trade had already fallen by a third since the first walkout, "
         "and several asked the council for help with rents until the port opens again.")


def record(outlet: str, path: str, published: str, paragraphs: list[str], **extra: str) -> str:
    return json.dumps({"text": "\n\n".join(paragraphs), "url": f"https://{outlet}/{path}", "outlet": outlet,
                       "published_at": published, **extra})


def observed_inputs(root: Path) -> Path:
    """Eight documents: a wire story in three outlets, an own story, a duplicate URL and three rejects."""
    root.mkdir(parents=True)
    lines = [
        record("alpha.example", "strike", "2026-03-03T06:00:00Z", PARAGRAPHS, title="Dock workers strike"),
        record("beta.example", "strike", "2026-03-03T07:00:00Z", ["PORT ELWIN (Reuters) - " + PARAGRAPHS[0],
                                                                  *PARAGRAPHS[1:]], title="Port Elwin strike"),
        record("gamma.example", "strike", "2026-03-03T08:00:00Z", PARAGRAPHS[:3] + [LOCAL], title="Strike"),
        record("beta.example", "museum", "2026-03-03T09:00:00Z", MUSEUM, title="Paintings stolen from gallery"),
        record("alpha.example", "strike?utm_source=feed", "2026-03-03T06:00:00Z", PARAGRAPHS[::-1]),  # same URL
        "{broken",                                                    # invalid_json
        json.dumps({"title": "nothing else"}),                        # missing_text
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (root / "empty.html").write_bytes(b"")                            # empty_page
    return root


def artifacts_of(flow_run_id: str) -> dict[str, object]:
    """Read a flow run's artifacts back from the Prefect API, by key: tables as rows, markdown as text."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {a.key: json.loads(a.data) if a.type == "table" else a.data for a in found}


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object, dict[str, object]]:
    base = tmp_path_factory.mktemp("observed")
    inputs = observed_inputs(base / "inputs")
    mp = pytest.MonkeyPatch()
    mp.setenv("COPYDESK_BATCH_SIZE_DOCUMENTS", "3")    # three batches: the numbers must add up across them
    try:
        summary = pipeline(inputs=[str(inputs)], warehouse_dir=str(base / "data"))
    finally:
        mp.undo()
    return base / "data", summary, artifacts_of(summary.trace.flow_run_id)


def test_every_artifact_is_published_under_its_key(observed) -> None:
    _, _, artifacts = observed
    assert set(ARTIFACTS.values()) | {"pipeline-summary"} <= set(artifacts)


def test_the_stage_table_follows_the_documents_through_the_stages(observed) -> None:
    _, summary, artifacts = observed
    stages = {row["stage"]: row for row in artifacts[ARTIFACTS["stages"]]}
    assert list(stages) == ["read", "clean", "deduplicate", "group", "commit", "build"]
    flow = {stage: (row["documents_in"], row["documents_out"], row["set_aside"]) for stage, row in stages.items()}
    assert flow == {"read": (8, 6, 2), "clean": (6, 5, 1), "deduplicate": (5, 4, 1), "group": (4, 4, 0),
                    "commit": (6, 6, 0), "build": (None, None, None)}
    assert stages["group"]["what_happened"] == "2 wire copies in 2 wire clusters (2 new); 2 stories (2 new)"
    assert stages["commit"]["what_happened"] == "3 batches written to the lake"
    assert all(row["seconds"] > 0 for row in stages.values())
    assert summary.trace.stage_documents["clean"] == 8       # every stage saw every document of each batch


def test_the_outlet_table_counts_new_articles_wire_copies_and_first_reports(observed) -> None:
    _, _, artifacts = observed
    outlets = {row["outlet"]: (row["new_articles"], row["wire_copies"], row["first_reports"])
               for row in artifacts[ARTIFACTS["outlets"]]}
    assert outlets == {"alpha.example": (1, 0, 1), "beta.example": (2, 1, 1), "gamma.example": (1, 1, 0)}


def test_the_reject_table_gives_each_reason_with_an_example(observed) -> None:
    _, _, artifacts = observed
    rejects = {(row["stage"], row["reason"]): row for row in artifacts[ARTIFACTS["rejects"]]}
    assert {key: row["documents"] for key, row in rejects.items()} == {
        ("read", "invalid_json"): 1, ("read", "missing_text"): 1, ("extract", "empty_page"): 1}
    assert rejects[("read", "invalid_json")]["example_source"].endswith("feed.jsonl#6")
    assert rejects[("extract", "empty_page")]["example_detail"]


def test_the_top_new_stories_widest_first(observed) -> None:
    _, _, artifacts = observed
    stories = [(s["headline"], s["outlets"], s["articles"], s["first_outlet"]) for s in artifacts[ARTIFACTS["stories"]]]
    assert stories == [("Dock workers strike", 3, 3, "alpha.example"),
                       ("Paintings stolen from gallery", 1, 1, "beta.example")]


def test_the_report_says_the_run_in_words(observed) -> None:
    _, _, artifacts = observed
    report = artifacts[ARTIFACTS["report"]]
    assert ("It read 8 documents: 4 became new articles, 1 was an exact copy of an article already kept and 3 "
            "could not be used") in report
    assert "| Dock workers strike | 3 | 3 | alpha.example |" in report
    assert "| read | invalid_json | 1 |" in report


def test_the_run_is_recorded_beside_the_warehouse(observed) -> None:
    warehouse, summary, _ = observed
    (run,) = read_records(warehouse, 10)
    assert run.state == COMPLETED and run.run_id == summary.trace.run_id
    assert run.flow_run_id == summary.trace.flow_run_id
    assert (run.documents_read, run.articles_new, run.duplicates, run.rejects, run.batches) == (8, 4, 1, 3, 3)
    assert run.warehouse["articles"] == 4 and run.seconds and run.seconds > 0
    assert {(r["stage"], r["reason"]) for r in run.rejects_by_reason} == {
        ("read", "invalid_json"), ("read", "missing_text"), ("extract", "empty_page")}
    assert [p.name.split(".", 1)[1] for p in sorted((warehouse / "runs").iterdir())] == [
        "finished.json", "started.json"]


def test_a_rerun_publishes_a_run_that_added_nothing(observed) -> None:
    warehouse, _, _ = observed
    inputs = warehouse.parent / "inputs"
    summary = pipeline(inputs=[str(inputs)], warehouse_dir=str(warehouse))
    artifacts = artifacts_of(summary.trace.flow_run_id)
    assert artifacts[ARTIFACTS["outlets"]] == [] and artifacts[ARTIFACTS["stories"]] == []
    assert artifacts[ARTIFACTS["rejects"]] == []
    read = {row["stage"]: row for row in artifacts[ARTIFACTS["stages"]]}["read"]
    assert (read["documents_in"], read["documents_out"]) == (8, 0)
    assert "all already in the lake from earlier runs: nothing new" in artifacts[ARTIFACTS["report"]]


def test_a_failed_run_is_recorded_with_its_error_and_what_it_did_before(tmp_path: Path) -> None:
    (tmp_path / "data" / "warehouse.duckdb").mkdir(parents=True)   # the build cannot swap its file in
    with pytest.raises(IsADirectoryError):
        pipeline(inputs=[str(observed_inputs(tmp_path / "in"))], warehouse_dir=str(tmp_path / "data"))
    (run,) = read_records(tmp_path / "data", 10)
    assert run.state == FAILED and run.finished_at is not None
    assert run.error.startswith("IsADirectoryError: ") and "warehouse.duckdb" in run.error
    assert (run.documents_read, run.articles_new, run.rejects, run.batches) == (8, 4, 3, 1)
    assert {(r["reason"], r["documents"]) for r in run.rejects_by_reason} == {
        ("invalid_json", 1), ("missing_text", 1), ("empty_page", 1)}


def test_a_run_stopped_by_another_is_recorded_with_the_reason(tmp_path: Path) -> None:
    with warehouse_lock(tmp_path / "data"):
        with pytest.raises(Exception, match="another copydesk run"):
            pipeline(inputs=[str(observed_inputs(tmp_path / "in"))], warehouse_dir=str(tmp_path / "data"))
    (run,) = read_records(tmp_path / "data", 10)
    assert run.state == FAILED and run.error.startswith("WarehouseBusy: another copydesk run (pid ")


def test_logs_are_key_value_lines_one_per_batch_and_stage(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYDESK_BATCH_SIZE_DOCUMENTS", "3")
    caplog.set_level(logging.INFO, logger="prefect")
    pipeline(inputs=[str(observed_inputs(tmp_path / "in"))], warehouse_dir=str(tmp_path / "data"))
    ours = [r for r in caplog.records if hasattr(r, "copydesk")]
    events = [r.copydesk["event"] for r in ours if r.levelno == logging.INFO]
    assert events == ["run_started", "batch_done", "batch_done", "batch_done", *["stage_summary"] * 6,
                      "run_finished"]
    batch = next(r for r in ours if r.copydesk["event"] == "batch_done")
    assert batch.getMessage().startswith("event=batch_done batch=1 documents=3 ")
    fields = dict(pair.split("=", 1) for pair in batch.getMessage().split())
    assert fields["documents"] == str(batch.copydesk["documents"])
    assert not any(r.levelno == logging.INFO and r.getMessage().startswith("Finished in state Completed")
                   and r.name == "prefect.task_runs" for r in caplog.records)  # Prefect's per task line: DEBUG


def test_prefect_task_lines_stay_at_debug_unless_debug_is_on() -> None:
    quiet = QuietTaskRuns()
    logger = logging.getLogger("prefect.task_runs")
    line = logging.LogRecord("prefect.task_runs", logging.INFO, __file__, 1, "Finished in state Completed()",
                             None, None)
    failed = logging.LogRecord("prefect.task_runs", logging.ERROR, __file__, 1, "Finished in state Failed('x')",
                               None, None)
    before = logger.level
    try:
        logger.setLevel(logging.INFO)
        assert not quiet.filter(line) and quiet.filter(failed)
        logger.setLevel(logging.DEBUG)
        assert quiet.filter(line) and line.levelno == logging.DEBUG
    finally:
        logger.setLevel(before)
