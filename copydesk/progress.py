"""Show a run's progress on the command line: a bar per stage on a terminal, a plain line per batch otherwise.

The flow reports what it did (`run_began`, `stage_began`, `stage_done`, `batch_done`) to whatever displays
are open in its process; with none open (a deployment, a test) reporting costs nothing. The bars count
input documents: each stage's bar advances by a batch's documents once the batch has passed the stage, and
shows the stage's own throughput (documents per second of work in that stage) and the time left at the
run's pace so far. The total is counted up front, in a thread, where that is cheap (below); until then,
and for crawls, it is unknown.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskID, TextColumn
from rich.text import Text

from copydesk.tasks.crawl import is_web_input
from copydesk.tasks.read import JSONL_SUFFIXES, WARC_SUFFIXES, ReadError, discover, open_regular
from copydesk.wording import count, duration, number

BATCH_STAGES = ("read", "clean", "deduplicate", "group", "commit")   # every batch passes them in this order
BUILD_STAGE = "build"                                                # once per run, after the last batch
GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib reads a gzip member
COUNT_CHUNK_BYTES = 1 << 20     # read JSON Lines and WARC files this much at a time to count their records
WARC_RESPONSE = b"WARC-Type: response"   # a WARC response record's header line: one document each
REFRESH_PER_SECOND = 4


@dataclass(frozen=True)
class BatchTotals:
    """Where the run stands after a batch: documents through every stage, and what became of them."""

    batches: int
    documents: int
    articles: int
    duplicates: int
    rejects: int


class Display(Protocol):
    def set_total(self, documents: int | None) -> None: ...
    def run_began(self) -> None: ...
    def stage_began(self, stage: str) -> None: ...
    def stage_done(self, stage: str, documents: int, seconds: float) -> None: ...
    def batch_done(self, totals: BatchTotals) -> None: ...
    def close(self, completed: bool) -> None: ...


_displays: list[Display] = []


def run_began() -> None:
    """Tell the open displays that the run's clock starts now."""
    for display in tuple(_displays):
        display.run_began()


def stage_began(stage: str) -> None:
    """Tell the open displays that a stage is running (the build, which reports no documents until done)."""
    for display in tuple(_displays):
        display.stage_began(stage)


def stage_done(stage: str, documents: int, seconds: float) -> None:
    """Tell the open displays that `documents` more documents passed `stage`, which took `seconds`."""
    for display in tuple(_displays):
        display.stage_done(stage, documents, seconds)


def batch_done(totals: BatchTotals) -> None:
    """Tell the open displays that a batch passed every stage."""
    for display in tuple(_displays):
        display.batch_done(totals)


# -- counting the documents up front ------------------------------------------------------------------------
def count_documents(inputs: Sequence[str]) -> int | None:
    """Count the documents that reading `inputs` will give, or None when a crawl makes that unknowable.

    A file is one document; a JSON Lines file one per line and a WARC archive one per response record, both
    found by a byte scan (decompressing `.gz`) that may overshoot a little: blank lines count, and so would
    a page quoting a WARC header. The scan reads each such file once more than the run does.
    """
    if any(is_web_input(item) for item in inputs):
        return None
    total = 0
    for source in discover(inputs):
        name = source.lower()
        if name.endswith(JSONL_SUFFIXES):
            total += count_bytes(Path(source), b"\n", count_unterminated=True)
        elif name.endswith(WARC_SUFFIXES):
            total += count_bytes(Path(source), WARC_RESPONSE)
        else:
            total += 1
    return total


def count_bytes(path: Path, needle: bytes, count_unterminated: bool = False) -> int:
    """Count `needle` in a (gzipped) file, chunk by chunk; with `count_unterminated`, text after the last
    needle counts once more (a last line without a newline)."""
    found, tail, last = 0, b"", b""
    for chunk in read_chunks(path):
        window = tail + chunk
        found += window.count(needle)
        tail = window[len(window) - len(needle) + 1:]   # a needle cut between two chunks is found next time
        last = chunk or last
    return found + (count_unterminated and bool(last) and not last.endswith(needle))


def read_chunks(path: Path) -> Iterator[bytes]:
    """Yield a regular file's bytes, gunzipped when it ends in `.gz` (every member); a damaged file
    yields what can be read of it, anything else (a FIFO, a device) nothing."""
    gzipped = path.suffix.lower() == ".gz"
    inflate = zlib.decompressobj(GZIP_WBITS)
    try:
        with open_regular(path) as f:
            while raw := f.read(COUNT_CHUNK_BYTES):
                if not gzipped:
                    yield raw
                    continue
                while raw:   # at most a chunk out at a time, however well the bytes compress
                    yield inflate.decompress(raw, COUNT_CHUNK_BYTES)
                    raw = inflate.unused_data if inflate.eof else inflate.unconsumed_tail
                    if inflate.eof:   # the next gzip member
                        inflate = zlib.decompressobj(GZIP_WBITS)
    except (OSError, ReadError, zlib.error):
        return


# -- the displays ----------------------------------------------------------------------------------------------
class Pace:
    """The run's clock: documents done per second of wall time since the run began, and the time left."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.began_at: float | None = None
        self.total: int | None = None

    def start(self) -> None:
        self.began_at = self.clock()

    def rate(self, done: int) -> float | None:
        elapsed = self.clock() - self.began_at if self.began_at is not None else 0.0
        return done / elapsed if done and elapsed > 0 else None

    def total_for(self, done: int) -> int | None:
        """The total to show beside `done`: the expected count, or `done` where the count fell short."""
        return self.total and max(self.total, done)

    def seconds_left(self, done: int) -> float | None:
        rate = self.rate(done)
        if self.total is None or rate is None:
            return None
        return max(self.total - done, 0) / rate


class Lines:
    """One plain line per batch (and one for the build) on a stream that is not a terminal."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.pace = Pace(clock)

    def set_total(self, documents: int | None) -> None:
        self.pace.total = documents

    def run_began(self) -> None:
        self.pace.start()

    def stage_began(self, stage: str) -> None:
        pass

    def stage_done(self, stage: str, documents: int, seconds: float) -> None:
        if stage == BUILD_STAGE:
            self.write(f"built the warehouse in {duration(seconds)}")

    def batch_done(self, totals: BatchTotals) -> None:
        done, total = totals.documents, self.pace.total_for(totals.documents)
        line = f"batch {totals.batches}: {number(done)}"
        line += f" of {number(total)} documents ({min(done / total, 1):.0%})" if total else " documents"
        line += (f"; {count(totals.articles, 'new article')}, {count(totals.duplicates, 'duplicate')}, "
                 f"{count(totals.rejects, 'reject')}")
        if (rate := self.pace.rate(done)) is not None:
            line += f"; {rate:,.1f} documents/s"
        if (left := self.pace.seconds_left(done)) is not None and done < (total or 0):
            line += f", about {duration(left)} left"
        self.write(line)

    def close(self, completed: bool) -> None:
        pass

    def write(self, line: str) -> None:
        self.stream.write(line + "\n")   # not print(): the flow's log_prints would send it to the log
        self.stream.flush()


class Bars:
    """A bar per stage (documents done of the total, documents per second of the stage's work, time left),
    drawn with rich on a terminal."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic,
                 force_terminal: bool | None = None, width: int | None = None) -> None:
        self.pace = Pace(clock)
        self.progress = Progress(
            TextColumn("{task.description:<11}"), BarColumn(), DocumentsColumn(), StageRateColumn(),
            TimeLeftColumn(self.pace),
            console=Console(file=stream, force_terminal=force_terminal, width=width),
            get_time=clock, refresh_per_second=REFRESH_PER_SECOND, redirect_stdout=False, redirect_stderr=False)
        self.tasks: dict[str, TaskID] = {}
        self.done: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        for stage in BATCH_STAGES:
            self.stage_began(stage)
        self.progress.start()

    def set_total(self, documents: int | None) -> None:
        self.pace.total = documents
        for stage in BATCH_STAGES:
            self.progress.update(self.tasks[stage], total=documents)

    def run_began(self) -> None:
        self.pace.start()

    def stage_began(self, stage: str) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=None, stage=stage, seconds=0.0)
            self.done[stage], self.seconds[stage] = 0, 0.0

    def stage_done(self, stage: str, documents: int, seconds: float) -> None:
        self.stage_began(stage)
        self.done[stage] += documents
        self.seconds[stage] += seconds
        if stage == BUILD_STAGE:
            self.progress.update(self.tasks[stage], total=1, completed=1, seconds=self.seconds[stage],
                                 description=f"{stage} ({duration(self.seconds[stage])})", refresh=True)
        else:  # drawn at once: a batch may pass a stage quicker than the next refresh
            total = self.pace.total_for(self.done[stage])
            self.progress.update(self.tasks[stage], total=total, completed=self.done[stage],
                                 seconds=self.seconds[stage], refresh=True)

    def batch_done(self, totals: BatchTotals) -> None:
        pass

    def close(self, completed: bool) -> None:
        if completed:  # an overshooting or unknown total ends where the documents did
            for stage in BATCH_STAGES:
                self.progress.update(self.tasks[stage], total=self.done[stage])
        self.progress.refresh()
        self.progress.stop()


class DocumentsColumn(ProgressColumn):
    """Documents done, of the total when it is known: 1,500/5,000."""

    def render(self, task: Task) -> Text:
        if task.fields["stage"] == BUILD_STAGE:
            return Text("")
        total = number(int(task.total)) if task.total is not None else "?"
        return Text(f"{number(int(task.completed))}/{total}", style="progress.download")


class StageRateColumn(ProgressColumn):
    """Documents per second of the stage's own work."""

    def render(self, task: Task) -> Text:
        seconds = task.fields["seconds"]
        if task.fields["stage"] == BUILD_STAGE or not task.completed or not seconds:
            return Text("")
        return Text(f"{task.completed / seconds:,.0f} docs/s", style="progress.data.speed")


class TimeLeftColumn(ProgressColumn):
    """Time left at the run's pace so far (the stages wait on each other, so they finish together)."""

    def __init__(self, pace: Pace) -> None:
        super().__init__()
        self.pace = pace

    def render(self, task: Task) -> Text:
        if task.fields["stage"] == BUILD_STAGE or task.finished:
            return Text("")
        left = self.pace.seconds_left(int(task.completed))
        return Text(f"{duration(left)} left" if left is not None else "", style="progress.remaining")


# -- choosing and running a display -----------------------------------------------------------------------------
def choose(mode: str, stream: TextIO, verbose: bool = False) -> str:
    """Pick the display: bars on a terminal, lines elsewhere, none when Prefect's logs are shown (-v)."""
    if mode != "auto":
        return mode
    if verbose:
        return "off"
    return "bars" if stream.isatty() and os.environ.get("TERM") != "dumb" else "lines"


def set_total(display: Display, inputs: Sequence[str]) -> None:
    """Count the documents to expect and tell the display; a folder that cannot be listed leaves it unknown
    (the run itself reports what it cannot read)."""
    try:
        display.set_total(count_documents(inputs))
    except OSError:
        display.set_total(None)


@contextmanager
def showing(mode: str, inputs: Sequence[str], stream: TextIO = sys.stderr, verbose: bool = False
            ) -> Iterator[Display | None]:
    """Open a display for one run while the block runs; count the documents to expect in a thread."""
    kind = choose(mode, stream, verbose)
    if kind == "off":
        yield None
        return
    display: Display = Bars(stream) if kind == "bars" else Lines(stream)
    counter = threading.Thread(target=set_total, args=(display, inputs), name="copydesk-count", daemon=True)
    _displays.append(display)
    counter.start()
    completed = False
    try:
        yield display
        completed = True
    finally:
        _displays.remove(display)
        display.close(completed)
