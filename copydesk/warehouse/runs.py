"""Run records: what each run did, kept beside the warehouse so `copydesk status` needs nothing else.

Layout under `DIR/runs/`, append-only (a record is never rewritten):
    <run_id>.started.json     written when a run begins
    <run_id>.finished.json    written when it ends: `completed` or `failed` (with the error)
A run with no finished record is still running, or was stopped (killed, crashed) before it could say so;
`copydesk status` tells which from the warehouse lock's holder. Run ids sort by start time. Each file is
written under a temporary name and renamed, so a reader sees whole records or none and takes no lock.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path

from copydesk.files import write_text_atomic

RUNS_DIR = "runs"
STARTED, FINISHED = "started", "finished"
RUNNING, COMPLETED, FAILED = "running", "completed", "failed"
MAX_INPUTS_KEPT = 20           # a record names at most this many inputs (and how many there were)


@dataclass
class RunRecord:
    """One run as `copydesk status` shows it; counts cover the documents the run got through."""

    run_id: str
    state: str                               # running | completed | failed
    started_at: datetime
    first_batch_id: str                      # every lake batch of this run sorts at or after it
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    inputs: list[str] = field(default_factory=list)
    input_count: int = 0
    flow_run_id: str | None = None
    flow_run_name: str | None = None
    finished_at: datetime | None = None
    seconds: float | None = None
    documents_read: int = 0
    already_known: int = 0
    articles_new: int = 0
    duplicates: int = 0
    rejects: int = 0
    batches: int = 0
    # one row per stage and reason: {stage, reason, documents, example_source, example_detail}
    rejects_by_reason: list[dict[str, object]] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    warehouse: dict[str, int] = field(default_factory=dict)   # row counts of the warehouse it built
    error: str | None = None

    def to_json(self) -> str:
        data = asdict(self)
        for name in ("started_at", "finished_at"):
            data[name] = data[name].isoformat() if data[name] else None
        return json.dumps(data, indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "RunRecord":
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}  # records of later versions may say more
        for name in ("started_at", "finished_at"):
            values[name] = datetime.fromisoformat(values[name]) if values.get(name) else None
        return cls(**values)


def new_run_id(started_at: datetime) -> str:
    """Name a run so that names sort by start time."""
    return f"{started_at:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def write_record(warehouse_dir: Path, record: RunRecord) -> Path:
    """Add a record to `DIR/runs/`: the started one while running, else the finished one."""
    event = STARTED if record.state == RUNNING else FINISHED
    path = warehouse_dir / RUNS_DIR / f"{record.run_id}.{event}.json"
    write_text_atomic(path, record.to_json())
    return path


def read_records(warehouse_dir: Path, limit: int) -> list[RunRecord]:
    """The last `limit` runs, newest first, each as its finished record or else its started one.

    A record that cannot be read (cut short by a full disk, edited by hand) is passed over.
    """
    folder = warehouse_dir / RUNS_DIR
    try:
        names = [name for name in os.listdir(folder) if name.endswith(".json") and not name.startswith(".")]
    except FileNotFoundError:
        return []
    events: dict[str, set[str]] = {}
    for name in names:
        run_id, _, event = name.removesuffix(".json").rpartition(".")
        events.setdefault(run_id, set()).add(event)
    records = []
    for run_id in sorted(events, reverse=True):
        for event in (FINISHED, STARTED):
            if event not in events[run_id]:
                continue
            try:
                records.append(RunRecord.from_json((folder / f"{run_id}.{event}.json").read_text(encoding="utf-8")))
                break
            except (OSError, ValueError, TypeError):
                continue
        if len(records) == limit:
            break
    return records
