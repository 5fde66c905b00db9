"""`copydesk status` after real runs, during one, and after one was killed; the run's bars on a terminal."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from builders import PARAGRAPHS, article_html

from copydesk.cli import main
from copydesk.progress import BATCH_STAGES
from copydesk.records import utc_now
from copydesk.warehouse.runs import COMPLETED, FAILED, RUNNING, RunRecord, read_records
from copydesk.warehouse.status import LAKE_DIR, MANIFESTS, STOPPED, gather, render, settle

pytestmark = pytest.mark.e2e
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
RUN_TIMEOUT_SECONDS = 300
POLL_SECONDS = 0.05
STATUS_SECONDS = 1.0          # the promise: status answers within a second (Python's start-up aside)
TERMINAL_SIZE = (40, 120)     # rows, columns of the pseudo-terminal the run draws on


def command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("copydesk")
    return [str(script) if script.exists() else sys.executable, *([] if script.exists() else ["-m", "copydesk.cli"]),
            *args]


def environment(cwd: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {**env, "PREFECT_HOME": str(cwd / ".prefect"), "TERM": "xterm-256color"}


def pages(root: Path, n: int) -> Path:
    """`n` article pages of different texts, an empty page and a PDF: n + 2 documents, 2 rejects."""
    root.mkdir(parents=True)
    for i in range(n):
        paragraphs = PARAGRAPHS[i % 4:] + PARAGRAPHS[:i % 4] + [f"This is update number {i} of the story."]
        (root / f"page{i:02d}.html").write_text(article_html(
            title=f"Port strike, update {i}", paragraphs=paragraphs, url=f"https://www.harbour-times.com/news/{i}"))
    (root / "empty.html").write_bytes(b"")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    return root


def status_text(warehouse: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["status", "--warehouse", str(warehouse), *args]) == 0
    return " ".join(capsys.readouterr().out.split())   # words, whatever the wrapping


@pytest.fixture(scope="module")
def terminal_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Run `copydesk run` as a user does, its stderr on a pseudo-terminal, asking the status all along."""
    base = tmp_path_factory.mktemp("terminal")
    inputs, warehouse = pages(base / "in", 10), base / "wh"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", *TERMINAL_SIZE, 0, 0))
    proc = subprocess.Popen(command("run", str(inputs), "--warehouse", str(warehouse), "--batch-size", "4"),
                            cwd=base, env=environment(base), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=slave, start_new_session=True)
    os.close(slave)
    screen = bytearray()

    def read_terminal() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:      # EIO: the run closed the terminal
                return
            if not data:
                return
            screen.extend(data)

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    polls: list[tuple[str | None, float, str]] = []
    deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if (warehouse / "runs").exists():
                started = time.monotonic()
                status = gather(warehouse)
                text = render(status)
                polls.append((status.runs[0].state if status.runs else None, time.monotonic() - started, text))
            time.sleep(POLL_SECONDS)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        stdout = proc.stdout.read().decode() if proc.stdout else ""
        proc.wait()
        reader.join(timeout=10)
        os.close(master)
    return {"warehouse": warehouse, "returncode": proc.returncode, "stdout": stdout,
            "screen": ANSI.sub("", screen.decode(errors="replace").replace("\r", "\n")), "polls": polls}


def test_the_run_draws_a_bar_per_stage_on_a_terminal(terminal_run) -> None:
    assert terminal_run["returncode"] == 0
    screen = terminal_run["screen"]
    for stage in BATCH_STAGES:   # documents done of the total counted up front, and the stage's rate
        assert re.search(rf"^{stage}\s+━+\s+12/12\s+[\d,]+ docs/s", screen, re.M), (stage, screen[-2000:])
    assert re.search(r"^read\s+\S+\s+4/12\s+[\d,]+ docs/s\s+.* left", screen, re.M)   # after the first batch
    assert re.search(r"^build \([\d.]+ s\)", screen, re.M)
    assert "new articles kept" in terminal_run["stdout"]                 # the summary stays on stdout


def test_status_works_while_the_run_writes_and_says_it_is_running(terminal_run) -> None:
    polls = terminal_run["polls"]
    states = [state for state, _, _ in polls]
    assert RUNNING in states, states
    assert all(seconds < STATUS_SECONDS for _, seconds, _ in polls), max(s for _, s, _ in polls)
    running = next(text for state, _, text in polls if state == RUNNING)
    assert "Running now (process" in " ".join(running.split())
    assert states[-1] in (RUNNING, COMPLETED)


def test_status_after_the_run_says_what_happened(terminal_run, capsys: pytest.CaptureFixture[str]) -> None:
    text = status_text(terminal_run["warehouse"], capsys=capsys)
    assert re.search(r"started took result documents new articles duplicates rejects "
                     r"\d{4}-\d\d-\d\d \d\d:\d\d [\d.]+ s completed 12 10 0 2", text), text
    assert ("Completed in" in text and "It read 12 documents: 10 became new articles and 2 could not be used "
            "(rejected, see below)." in text)
    assert "The warehouse then held 10 articles from 1 outlet in 1 story." in text
    assert re.search(r"Warehouse: Built just now \(.* UTC\): 10 articles from 1 outlet in 1 story, and 2 "
                     r"rejected documents\. The newest article was published .* ago \(2026-03-03 07:15 UTC\)\.",
                     text), text
    assert "Everything in the lake is in the warehouse." in text
    assert "Rejected in the last run: 2 documents that could not become articles:" in text
    assert "1 empty_page (extract): the page has no text at all e.g. " in text
    assert "1 unsupported_type (read): a kind of file copydesk does not read e.g. notes.pdf: no reader" in text


def test_status_needs_no_prefect_and_answers_fast(terminal_run) -> None:
    probe = ("import sys, time; from copydesk.cli import main; t = time.monotonic(); "
             f"code = main(['status', '--warehouse', {str(terminal_run['warehouse'])!r}]); "
             "print('SECONDS', time.monotonic() - t); "
             "print('PREFECT', any(m == 'prefect' or m.startswith('prefect.') for m in sys.modules)); sys.exit(code)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.startswith(("SECONDS", "PREFECT")))
    assert lines["PREFECT"] == "False"
    assert float(lines["SECONDS"]) < STATUS_SECONDS


def test_a_killed_run_is_reported_stopped_and_the_next_run_goes_on(
        tmp_path: Path, prefect_server: None, capsys: pytest.CaptureFixture[str]) -> None:
    from copydesk.flows.pipeline import pipeline

    warehouse = tmp_path / "wh"
    proc = subprocess.Popen(command("run", "--warehouse", str(warehouse), "--batch-size", "50", "--progress", "off"),
                            cwd=tmp_path, env=environment(tmp_path), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
    try:
        while not list((warehouse / LAKE_DIR / MANIFESTS).glob("*.json")):   # the first batch is committed
            assert proc.poll() is None and time.monotonic() < deadline, "the run ended before its first batch"
            time.sleep(POLL_SECONDS)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    status = gather(warehouse)
    (stopped,) = status.runs
    assert stopped.state == STOPPED and stopped.batches == status.pending_batches >= 1   # no warehouse yet
    text = status_text(warehouse, capsys=capsys)
    assert f"- STOPPED ? {stopped.articles_new} ? ?" in text and "Stopped before it finished" in text
    assert f"It had committed {stopped.batches} batch" in text and "no warehouse at" in text
    assert f"The lake holds {status.pending_batches} batch" in text

    summary = pipeline(inputs=None, warehouse_dir=str(warehouse))
    assert summary.already_known >= 50          # what the killed run committed is not read again
    text = status_text(warehouse, capsys=capsys)
    assert [run.state for run in gather(warehouse).runs] == [COMPLETED, STOPPED]
    assert f"({summary.already_known} already in the lake, skipped)" in text
    assert "Everything in the lake is in the warehouse." in text
    assert "and 16 rejected documents" in text and "Rejected in the last 2 runs: 16 documents" in text


def test_a_run_is_running_only_while_its_process_lives(tmp_path: Path) -> None:
    now = utc_now()
    mine = RunRecord("20260101T000000Z-aaaaaa", RUNNING, now, "20260101T000000000000Z")
    assert settle(mine, tmp_path).state == RUNNING                    # this very process, started before
    reused = replace(mine, started_at=now - timedelta(days=365))       # a pid that a later process now has
    assert settle(reused, tmp_path).state == STOPPED
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = replace(mine, pid=int(ended.stdout))
    assert settle(gone, tmp_path).state == STOPPED
    elsewhere = replace(gone, host="another-machine")                  # taken at its word
    assert settle(elsewhere, tmp_path).state == RUNNING
    killed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        killed.kill()
        time.sleep(0.5)                     # not reaped yet: a zombie, which kill(pid, 0) still finds
        assert settle(replace(mine, pid=killed.pid), tmp_path).state == STOPPED
    finally:
        killed.wait()


def test_status_of_an_empty_folder_and_of_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "wh").mkdir()
    text = status_text(tmp_path / "wh", capsys=capsys)
    assert "No runs recorded yet" in text and "no warehouse at" in text
    assert main(["status", "--warehouse", str(tmp_path / "missing")]) == 1
    assert capsys.readouterr().err.startswith("copydesk: no warehouse folder at ")
    with pytest.raises(SystemExit):
        main(["status", "--runs", "0"])


def test_runs_are_listed_newest_first_up_to_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from copydesk.warehouse.runs import write_record

    base = utc_now() - timedelta(hours=3)
    for hour in range(3):
        started = base + timedelta(hours=hour)
        record = RunRecord(f"{started:%Y%m%dT%H%M%SZ}-00000{hour}", COMPLETED, started, "x", documents_read=hour,
                           finished_at=started + timedelta(minutes=1), seconds=60.0)
        write_record(tmp_path, record)
    (tmp_path / "runs" / "20990101T000000Z-ffffff.finished.json").write_text("{cut short")   # passed over
    assert [r.documents_read for r in read_records(tmp_path, 2)] == [2, 1]
    text = status_text(tmp_path, "--runs", "2", capsys=capsys)
    assert "1m 00s completed 2 " in text and "1m 00s completed 1 " in text and "completed 0 " not in text


def test_status_shows_control_characters_from_the_data_as_escapes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from copydesk.warehouse.runs import write_record
    from copydesk.warehouse.status import example_text

    started = utc_now() - timedelta(minutes=5)
    hostile = "\x1b[2J\x1b]0;owned\x07\rcut\x00"
    write_record(tmp_path, RunRecord("20260101T000000Z-000000", FAILED, started, "x",
                                     finished_at=started, seconds=1.0, error=f"boom{hostile}"))
    assert main(["status", "--warehouse", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x07\r\x00")
    assert "boom\\x1b[2J\\x1b]0;owned\\x07\\rcut\\x00" in out
    example = example_text(f"/in/feed{hostile}.jsonl#3", f"line{hostile}")   # a reject's example
    assert example.startswith("feed\\x1b[2J") and "line\\x1b[2J" in example


def test_the_lake_layout_status_reads_is_the_pipelines() -> None:
    from copydesk.flows import pipeline
    from copydesk.warehouse import lake

    assert (LAKE_DIR, MANIFESTS) == (pipeline.LAKE_DIR, lake.MANIFESTS)


def test_status_reads_a_lake_kept_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from copydesk.records import Reject
    from copydesk.warehouse.lake import Lake, batch_tables, new_batch_id

    elsewhere, warehouse = tmp_path / "shared-lake", tmp_path / "wh"
    warehouse.mkdir()
    batch_id = new_batch_id()
    Lake(elsewhere).commit(batch_id, batch_tables(batch_id, rejects=[
        Reject.of("file:///notes.pdf", "read", "unsupported_type", "application/pdf", "k1")]))
    assert gather(warehouse).pending_batches == 0                       # DIR/lake: nothing there
    assert gather(warehouse, lake=str(elsewhere)).pending_batches == 1  # a folder
    assert gather(warehouse, lake=elsewhere.as_uri()).pending_batches == 1   # a URI, read through pyarrow
    text = status_text(warehouse, "--lake", elsewhere.as_uri(), capsys=capsys)
    assert "The lake holds 1 batch" in text
