"""Make a run observable: stage timings, structured log lines, run records and Prefect artifacts.

The pipeline flow calls in here at a few points (`begin_run`, `lap` after each stage of a batch,
`batch_done`, `finish_run`) and registers `record_failure` as its failure hook. Log lines are `key=value`
pairs in the message, with the same fields under `extra["copydesk"]` for JSON formatters; at INFO a run logs
one line when it starts, one per batch, one per stage and one when it ends, details at DEBUG. A run's records
go to `DIR/runs/` (warehouse/runs.py), its counts and new stories to the artifacts named in `ARTIFACTS`.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from prefect import get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.context import FlowRunContext
from prefect.exceptions import MissingContextError

from copydesk import progress
from copydesk.config import Settings
from copydesk.records import utc_now
from copydesk.warehouse.digest import RunDigest, run_digest
from copydesk.warehouse.lake import first_batch_id
from copydesk.warehouse.query import open_warehouse
from copydesk.warehouse.runs import (COMPLETED, FAILED, MAX_INPUTS_KEPT, RUNNING, RunRecord, new_run_id,
                                     write_record)
from copydesk.warehouse.status import describe_run

if TYPE_CHECKING:
    from prefect import Flow
    from prefect.client.schemas.objects import FlowRun
    from prefect.states import State

    from copydesk.flows.pipeline import RunSummary

ARTIFACTS = {
    "stages": "pipeline-stages",      # table: documents in and out of each stage, seconds, throughput
    "outlets": "pipeline-outlets",    # table: new articles, wire copies and first reports per outlet
    "rejects": "pipeline-rejects",    # table: rejects by stage and reason, with an example
    "stories": "pipeline-stories",    # table: the run's top new stories
    "report": "pipeline-report",      # markdown: the run in words
}
FALLBACK_LOGGER = "copydesk"          # where log lines go outside a Prefect run (a flow called with .fn)
QUIET_TASK_MESSAGE = "Finished in state Completed"   # Prefect's line per task run, kept to DEBUG


@dataclass
class RunTrace:
    """A run's identity and clock: batches done, documents past each stage and the seconds it took.

    Plain data, kept on the `RunSummary` (which Prefect may persist as the flow's result).
    """

    run_id: str = ""
    flow_run_id: str | None = None       # the Prefect flow run, when the run is one
    batches: int = 0
    stage_documents: Counter[str] = field(default_factory=Counter)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    lap_at: float = field(default_factory=time.monotonic)            # the end of the last lap
    batch_started_at: float = field(default_factory=time.monotonic)
    last_batch_totals: dict[str, int] = field(default_factory=dict)  # the run's totals after the last batch


# The runs of this process that have begun and not ended, by run id: what the failure hook needs.
_active: dict[str, tuple["RunSummary", Settings, RunRecord]] = {}


# -- log lines --------------------------------------------------------------------------------------------------
def run_logger() -> logging.Logger | logging.LoggerAdapter[Any]:
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger(FALLBACK_LOGGER)


def log(level: int, event: str, **fields: object) -> None:
    """Log one structured line: `event=<event> key=value ...`, the fields also in `extra["copydesk"]`."""
    logger = run_logger()
    if not logger.isEnabledFor(level):
        return
    fields = {key: value for key, value in fields.items() if value is not None}
    text = " ".join(f"{key}={value_text(value)}" for key, value in {"event": event, **fields}.items())
    logger.log(level, text, extra={"copydesk": {"event": event, **fields}})


def value_text(value: object) -> str:
    """A field's value in a log line: numbers short, text quoted when it holds spaces or quotes."""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if not text or any(c in text for c in ' "=') else text


class QuietTaskRuns(logging.Filter):
    """Move Prefect's "Finished in state Completed()" line of every task run to DEBUG: a run makes four task
    runs per batch, and at INFO it should say one line per batch. Failures stay at ERROR."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO or not record.getMessage().startswith(QUIET_TASK_MESSAGE):
            return True
        if not logging.getLogger(record.name).isEnabledFor(logging.DEBUG):
            return False
        record.levelno, record.levelname = logging.DEBUG, logging.getLevelName(logging.DEBUG)
        return True


def quiet_task_runs() -> None:
    """Install `QuietTaskRuns` on Prefect's task run logger, once per process."""
    logger = logging.getLogger("prefect.task_runs")
    if not any(isinstance(f, QuietTaskRuns) for f in logger.filters):
        logger.addFilter(QuietTaskRuns())


# -- the run's clock ----------------------------------------------------------------------------------------------
def lap(summary: "RunSummary", stage: str, documents: int) -> None:
    """Book the seconds since the last lap to `stage`, which `documents` more documents have now passed."""
    trace, now = summary.trace, time.monotonic()
    seconds, trace.lap_at = now - trace.lap_at, now
    trace.stage_seconds[stage] = trace.stage_seconds.get(stage, 0.0) + seconds
    trace.stage_documents[stage] += documents
    log(logging.DEBUG, "stage_done", stage=stage, batch=trace.batches + 1, documents=documents, seconds=seconds)
    progress.stage_done(stage, documents, seconds)


def stage_began(summary: "RunSummary", stage: str) -> None:
    """Start the clock of a stage that follows no lap (the build, after the last batch)."""
    summary.trace.lap_at = time.monotonic()
    progress.stage_began(stage)


def batch_done(summary: "RunSummary") -> None:
    """Close a batch: stages it had nothing to do in (every document already known) count its documents too;
    log the batch's line."""
    trace = summary.trace
    for stage in progress.BATCH_STAGES:
        if (behind := summary.documents_read - trace.stage_documents[stage]) > 0:
            trace.stage_documents[stage] += behind
            progress.stage_done(stage, behind, 0.0)
    trace.batches += 1
    now = totals(summary)
    before, trace.last_batch_totals = trace.last_batch_totals, now
    log(logging.INFO, "batch_done", batch=trace.batches,
        **{name: value - before.get(name, 0) for name, value in now.items()},
        seconds=time.monotonic() - trace.batch_started_at, documents_done=summary.documents_read)
    trace.batch_started_at = time.monotonic()
    progress.batch_done(progress.BatchTotals(trace.batches, summary.documents_read, summary.articles_new,
                                             sum(summary.duplicates.values()), sum(summary.rejects.values())))


def totals(summary: "RunSummary") -> dict[str, int]:
    return {"documents": summary.documents_read, "already_known": summary.already_known,
            "articles": summary.articles_new, "duplicates": sum(summary.duplicates.values()),
            "rejects": sum(summary.rejects.values())}


# -- beginning and ending a run -------------------------------------------------------------------------------------
def begin_run(summary: "RunSummary", settings: Settings, inputs: list[str]) -> None:
    """Record that a run begins (`DIR/runs/<run_id>.started.json`) and start its clock."""
    quiet_task_runs()
    started_at = utc_now()
    context = FlowRunContext.get()
    flow_run = context.flow_run if context else None
    trace = summary.trace
    trace.run_id = new_run_id(started_at)
    trace.flow_run_id = str(flow_run.id) if flow_run else None
    record = RunRecord(trace.run_id, RUNNING, started_at, first_batch_id(started_at),
                       inputs=list(inputs[:MAX_INPUTS_KEPT]), input_count=len(inputs),
                       flow_run_id=trace.flow_run_id, flow_run_name=flow_run.name if flow_run else None)
    write_record(settings.warehouse_dir, record)
    _active[trace.run_id] = (summary, settings, record)
    trace.lap_at = trace.batch_started_at = time.monotonic()
    log(logging.INFO, "run_started", run_id=trace.run_id, warehouse=str(settings.warehouse_dir),
        lake=settings.lake or None, runner=settings.runner, inputs=len(inputs))
    progress.run_began()


def ended_record(summary: "RunSummary", started: RunRecord, state: str, error: str | None = None,
                 digest: RunDigest | None = None) -> RunRecord:
    """The record of a run that ended: the started record with what the run did."""
    finished_at = utc_now()
    if digest is not None:
        rejects = digest.rejects
    else:  # a failed run built no warehouse to read examples from: reasons and counts only
        rejects = [{"stage": None, "reason": reason, "documents": n, "example_source": None, "example_detail": None}
                   for reason, n in summary.rejects.most_common()]
    return replace(started, state=state, finished_at=finished_at,
                   seconds=(finished_at - started.started_at).total_seconds(),
                   documents_read=summary.documents_read, already_known=summary.already_known,
                   articles_new=summary.articles_new, duplicates=sum(summary.duplicates.values()),
                   rejects=sum(summary.rejects.values()), batches=summary.trace.batches, rejects_by_reason=rejects,
                   stage_seconds=dict(summary.trace.stage_seconds), warehouse=dict(summary.warehouse), error=error)


def finish_run(summary: "RunSummary", settings: Settings, built: bool = True) -> RunRecord:
    """Publish a completed run's artifacts from the warehouse it built, record it and log its stage lines.

    A run that only ingested into the lake (`built` false: the hourly crawl) has no warehouse to describe
    it: it is recorded, and its artifacts wait for the next build."""
    _, _, started = _active[summary.trace.run_id]
    digest = None
    if built:
        con = open_warehouse(settings.warehouse_dir)
        try:
            digest = run_digest(con, started.first_batch_id)
        finally:
            con.close()
    record = ended_record(summary, started, COMPLETED, digest=digest)
    if digest is not None:
        publish_artifacts(record, digest, summary)
    write_record(settings.warehouse_dir, record)
    del _active[summary.trace.run_id]   # ended: from here on a failure is no longer this run's
    if digest is not None:
        for row in stage_rows(record, digest, summary):
            log(logging.INFO, "stage_summary", **{k: v for k, v in row.items() if k != "what_happened"})
    log(logging.INFO, "run_finished", run_id=record.run_id, state=record.state, seconds=record.seconds,
        documents=record.documents_read, articles=record.articles_new, rejects=record.rejects,
        new_stories=digest.new_stories if digest is not None else None)
    return record


def record_failure(flow: "Flow[Any, Any]", flow_run: "FlowRun", state: "State[Any]") -> None:
    """Flow hook: record a run that failed or crashed, with its error, so `copydesk status` can say why."""
    run_ids = [run_id for run_id, (summary, _, _) in _active.items() if summary.trace.flow_run_id == str(flow_run.id)]
    if not run_ids:
        return  # it failed before it began: nothing was written
    summary, settings, started = _active.pop(run_ids[0])
    record = ended_record(summary, started, FAILED, error=error_text(state))
    try:
        write_record(settings.warehouse_dir, record)
    except OSError as err:
        log(logging.WARNING, "run_record_failed", run_id=record.run_id, error=f"{type(err).__name__}: {err}")
    log(logging.WARNING, "run_finished", run_id=record.run_id, state=record.state, seconds=record.seconds,
        documents=record.documents_read, articles=record.articles_new, rejects=record.rejects, error=record.error)


def error_text(state: "State[Any]") -> str:
    """One line naming the exception that ended a run."""
    try:
        err = state.result(raise_on_failure=False)
    except Exception as failure:  # noqa: BLE001 - the result itself may be what is missing
        err = failure
    if isinstance(err, BaseException):
        lines = str(err).strip().splitlines()
        return f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__
    return (state.message or state.name or "failed").splitlines()[0]


# -- artifacts ------------------------------------------------------------------------------------------------------
def stage_rows(record: RunRecord, digest: RunDigest, summary: "RunSummary") -> list[dict[str, object]]:
    """Documents in and out of each stage, what was set aside, seconds and throughput, in words too."""
    by_stage: dict[str, int] = {}
    for row in digest.rejects:
        by_stage[str(row["stage"])] = by_stage.get(str(row["stage"]), 0) + int(row["documents"])  # type: ignore[call-overload]
    read_out = record.documents_read - record.already_known - by_stage.get("read", 0) - by_stage.get("fetch", 0)
    cleaned = read_out - by_stage.get("extract", 0)
    rows = [
        ("read", record.documents_read, read_out,
         f"{record.already_known:,} already in the lake; {by_stage.get('read', 0):,} rejected when read"
         + (f", {by_stage['fetch']:,} when fetched" if "fetch" in by_stage else "")),
        ("clean", read_out, cleaned, f"{by_stage.get('extract', 0):,} rejected (no article text, bad encoding)"),
        ("deduplicate", cleaned, record.articles_new, f"{record.duplicates:,} exact duplicates of kept articles"),
        ("group", record.articles_new, record.articles_new,
         f"{digest.wire_copies:,} wire copies in {digest.wire_clusters:,} wire clusters "
         f"({digest.new_wire_clusters:,} new); {digest.stories:,} stories ({digest.new_stories:,} new)"),
        ("commit", read_out, read_out, f"{record.batches:,} batches written to the lake"),
        ("build", None, None,
         f"warehouse rebuilt: {record.warehouse.get('articles', 0):,} articles, "
         f"{record.warehouse.get('stories', 0):,} stories, {record.warehouse.get('outlets', 0):,} outlets"),
    ]
    table = []
    for stage, documents_in, documents_out, words in rows:  # the build takes the whole lake: no documents in
        seconds = summary.trace.stage_seconds.get(stage, 0.0)
        passed = summary.trace.stage_documents[stage] if stage != "build" else 0
        table.append({"stage": stage, "documents_in": documents_in, "documents_out": documents_out,
                      "set_aside": None if documents_in is None else documents_in - documents_out,
                      "seconds": round(seconds, 3),
                      "documents_per_second": round(passed / seconds, 1) if passed and seconds else None,
                      "what_happened": words})
    return table


def publish_artifacts(record: RunRecord, digest: RunDigest, summary: "RunSummary") -> None:
    """Publish the run's tables and its account in words as Prefect artifacts."""
    where = f"copydesk run {record.run_id}"
    stories = [{"headline": s.headline, "outlets": s.outlets, "articles": s.articles, "first_outlet": s.first_outlet,
                "first_published_at": s.first_published_at.isoformat() if s.first_published_at else None,
                "story_id": s.story_id} for s in digest.top_stories]
    tables = {
        "stages": (stage_rows(record, digest, summary), "documents through each stage"),
        "outlets": (digest.outlets, "new articles, wire copies and first reports per outlet"),
        "rejects": (digest.rejects, "documents that could not become articles, by reason, with an example"),
        "stories": (stories, "the widest new stories"),
    }
    for name, (rows, description) in tables.items():
        create_table_artifact(key=ARTIFACTS[name], table=rows, description=f"{where}: {description}")
    create_markdown_artifact(key=ARTIFACTS["report"], markdown=report_markdown(record, digest),
                             description=f"{where} in words")


def report_markdown(record: RunRecord, digest: RunDigest) -> str:
    """The run in words, with its top new stories, for the Prefect UI."""
    lines = [f"# copydesk run {record.run_id}", "", describe_run(record), ""]
    if digest.top_stories:
        lines += ["## Top new stories", "", "| headline | outlets | articles | first outlet |", "|---|---:|---:|---|"]
        lines += [f"| {markdown_cell(s.headline)} | {s.outlets} | {s.articles} | {markdown_cell(s.first_outlet)} |"
                  for s in digest.top_stories]
    if digest.rejects:
        lines += ["", "## Rejected", "", "| stage | reason | documents | example |", "|---|---|---:|---|"]
        lines += [f"| {r['stage']} | {r['reason']} | {r['documents']} | {markdown_cell(r['example_source'])} |"
                  for r in digest.rejects]
    return "\n".join(lines) + "\n"


def markdown_cell(value: object) -> str:
    return "—" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
