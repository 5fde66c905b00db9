"""`copydesk status`: the last runs, how fresh the warehouse is and what was rejected, in plain words.

Everything comes from the warehouse folder: the run records (`DIR/runs/`, warehouse/runs.py), the warehouse
file (opened read-only, as `copydesk sql` opens it) and the lake's manifests (`DIR/lake`, or the `lake`
setting's folder or URI). Nothing is locked or waited for, so it works while a run writes; Prefect is not
imported, so no server is needed.
"""

from __future__ import annotations

import json
import os
import socket
import textwrap
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb

from copydesk.reaper import PROC, PROC_SELF, proc_fields
from copydesk.records import utc_now
from copydesk.warehouse.build import WAREHOUSE_FILE
from copydesk.warehouse.digest import REJECTS_SQL, query_rows
from copydesk.warehouse.lock import LOCK_FILE
from copydesk.warehouse.query import QueryError, open_warehouse
from copydesk.warehouse.runs import COMPLETED, FAILED, RUNNING, RunRecord, read_records
from copydesk.wording import ago, count, duration, moment, number, printable

DEFAULT_RUNS = 5                # runs listed unless --runs says otherwise
LAKE_DIR, MANIFESTS = "lake", "_manifests"     # as flows/pipeline.py LAKE_DIR and warehouse/lake.py MANIFESTS
WAREHOUSE_TABLES = ("articles", "article_sources", "rejects")   # the lake tables the warehouse loads
NEWEST_BATCH_SQL = "select max(batch_id) from (" + " union all ".join(
    f"select max(batch_id) as batch_id from {table}" for table in WAREHOUSE_TABLES) + ")"
WIDTH = 100                     # wrap sentences at this many characters
EXAMPLE_CHARS = 90              # an example reject is cut to this many characters
STOPPED = "stopped"             # a run with no finished record whose process is gone
ZOMBIE_STATES = ("Z", "X")     # /proc states of a process that has ended but not been reaped
PROCESS_START_SLACK = timedelta(seconds=2)   # /proc start times are rounded to the boot clock's ticks

# What each reject reason means, for people (docs/architecture.md "Reject reasons" says more).
REASONS = {
    "unreadable": "the file could not be opened or read, or the folder could not be listed",
    "not_a_file": "not a regular file (a FIFO, a device, a socket, a link to a folder)",
    "broken_link": "a symbolic link that leads nowhere (its target is missing, or it loops)",
    "too_large": "bigger than the size limit (10 MB by default)",
    "truncated_gzip": "a gzip file that ends too early (cut short)",
    "bad_gzip": "named .gz but not gzip",
    "not_html": "not a web page (an image, a PDF, binary data)",
    "invalid_json": "a JSON Lines line that is not a JSON object",
    "missing_text": "a JSON Lines record with no text or html",
    "bad_warc": "a WARC archive that is damaged or cut short",
    "unsupported_type": "a kind of file copydesk does not read",
    "dns_error": "the web site's name could not be resolved",
    "connect_error": "the web site could not be reached",
    "timeout": "the web site did not answer in time",
    "robots_disallowed": "the site's robots.txt asks crawlers to stay away",
    "too_many_redirects": "redirected too many times",
    "bad_url": "a URL that cannot be fetched: malformed, a port out of range, a bad host name",
    "blocked_address": "the address is not allowed (not http(s), or a private network)",
    "bad_feed": "a listing that is neither a feed nor a sitemap, or unsafe XML",
    "bad_sources": "a sources file that cannot be read",
    "empty_page": "the page has no text at all",
    "no_article": "no article text found, or too short to be an article",
    "bad_encoding": ("the bytes are not readable text in any encoding, or were sent compressed in a "
                     "way copydesk does not undo"),
    "extraction_error": "the text extractor failed on this document",
}


@dataclass(frozen=True)
class Freshness:
    """What the warehouse holds, and since when."""

    built_at: datetime
    articles: int
    stories: int
    outlets: int
    rejects: int
    newest_published_at: datetime | None
    newest_batch_id: str | None       # the newest lake batch it holds


@dataclass(frozen=True)
class Status:
    warehouse_dir: Path
    runs: list[RunRecord]             # newest first; a run with no finished record is `running` or `stopped`
    freshness: Freshness | None
    rejects: list[dict[str, object]]  # by stage and reason since the oldest run listed (warehouse/digest.py)
    warehouse_problem: str | None     # why the warehouse could not be read, when it could not
    pending_batches: int              # lake batches with documents committed after the warehouse was built


def gather(warehouse_dir: Path, runs: int = DEFAULT_RUNS, lake: str = "") -> Status:
    """Read the status of a warehouse folder (whose lake is `lake`, default DIR/lake), touching nothing."""
    records = [settle(record, warehouse_dir) for record in read_records(warehouse_dir, runs)]
    freshness, rejects, problem = None, [], None
    try:
        con = open_warehouse(warehouse_dir)
        try:
            freshness = read_freshness(con, warehouse_dir)
            if records:
                rejects = query_rows(con, REJECTS_SQL, first_batch_id=records[-1].first_batch_id)
        except duckdb.Error as err:  # an old or damaged warehouse: say so, show the rest
            raise QueryError(f"cannot read {warehouse_dir / WAREHOUSE_FILE}: {str(err).splitlines()[0]}") from None
        finally:
            con.close()
    except QueryError as err:
        problem = str(err)
    newest = freshness.newest_batch_id if freshness else None
    unfinished = [r.first_batch_id for r in records if r.state in (RUNNING, STOPPED)]
    since = min([newest or "", *unfinished])
    batches = committed_batches(lake or str(warehouse_dir / LAKE_DIR), since)
    records = [with_committed(record, records[i - 1] if i else None, batches) for i, record in enumerate(records)]
    pending = sum(1 for batch_id, rows in batches.items()
                  if (newest is None or batch_id > newest) and any(rows.get(t) for t in (*WAREHOUSE_TABLES, "documents")))
    return Status(warehouse_dir, records, freshness, rejects, problem, pending)


def settle(record: RunRecord, warehouse_dir: Path) -> RunRecord:
    """Tell a run that is still running from one that stopped without a word (killed, crashed).

    It is running while its process lives: on Linux, a process with its pid that started before the run
    did (a later one reuses the pid of a dead run); elsewhere, a live process that the warehouse lock names.
    A run on another machine is taken at its word.
    """
    if record.state != RUNNING or record.host != socket.gethostname():
        return record
    if PROC_SELF.exists():
        began = process_started_at(record.pid)
        running = began is not None and began <= record.started_at + PROCESS_START_SLACK
    else:
        running = alive(record.pid) and lock_holder(warehouse_dir) == record.pid
    return record if running else replace(record, state=STOPPED)


def process_started_at(pid: int) -> datetime | None:
    """When a live process started, from Linux's /proc; None when there is no such process (or a zombie)."""
    fields = proc_fields(pid)
    if fields is None or fields[0] in ZOMBIE_STATES:
        return None
    try:
        boot = next(int(line.split()[1]) for line in (PROC / "stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, StopIteration, ValueError):
        return None
    ticks = int(fields[19])                      # start time, in clock ticks since boot
    return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), tz=timezone.utc)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_holder(warehouse_dir: Path) -> int | None:
    """The pid the warehouse lock file names: the run holding the lock, or the last one that held it."""
    try:
        return int((warehouse_dir / LOCK_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def read_freshness(con: duckdb.DuckDBPyConnection, warehouse_dir: Path) -> Freshness:
    """Count what the open warehouse holds; its build time is when its file was swapped in."""
    built_at = datetime.fromtimestamp((warehouse_dir / WAREHOUSE_FILE).stat().st_mtime, tz=timezone.utc)
    articles, newest_published = con.execute("select count(*), max(published_at) from articles").fetchall()[0]
    stories, outlets, rejects = con.execute(
        "select (select count(*) from story_summary), (select count(*) from outlet_summary), "
        "(select count(*) from rejects)").fetchall()[0]
    (newest_batch,) = con.execute(NEWEST_BATCH_SQL).fetchall()[0]
    return Freshness(built_at, articles, stories, outlets, rejects, newest_published, newest_batch)


def committed_batches(lake: str, since: str) -> dict[str, dict[str, int]]:
    """The rows per table of the batches of the lake at `lake` (a folder or URI) whose id sorts at or after
    `since`, from their manifests (only those are opened)."""
    if "://" in lake:  # an object store: through pyarrow, imported only then
        import pyarrow.fs as pafs

        filesystem, base = pafs.FileSystem.from_uri(lake)
        folder = f"{base.rstrip('/')}/{MANIFESTS}"
        names = [info.base_name for info in filesystem.get_file_info(pafs.FileSelector(folder, allow_not_found=True))]

        def read(name: str) -> str:
            with filesystem.open_input_stream(f"{folder}/{name}") as stream:
                return stream.read().decode()
    else:
        local = Path(lake) / MANIFESTS
        names = os.listdir(local) if local.is_dir() else []

        def read(name: str) -> str:
            return (local / name).read_text()
    batches = {}
    for name in sorted(n for n in names if n.endswith(".json") and not n.startswith(".")):
        if name.removesuffix(".json") < since:
            continue
        try:
            batches[name.removesuffix(".json")] = json.loads(read(name)).get("rows", {})
        except (OSError, ValueError):
            continue
    return batches


def with_committed(record: RunRecord, next_run: RunRecord | None, batches: dict[str, dict[str, int]]) -> RunRecord:
    """Give a run that is running or stopped, which recorded no counts, the batches it committed so far and
    the new articles in them: those from its start to the next run's."""
    if record.state not in (RUNNING, STOPPED):
        return record
    own = [rows for batch_id, rows in batches.items() if batch_id >= record.first_batch_id
           and (next_run is None or batch_id < next_run.first_batch_id) and rows.get("documents", 0) + rows.get(
               "rejects", 0)]
    return replace(record, batches=len(own), articles_new=sum(rows.get("articles", 0) for rows in own))


# -- in words ----------------------------------------------------------------------------------------------------
def describe_run(record: RunRecord, now: datetime | None = None) -> str:
    """Say what a run did and how it ended, for someone who has never seen copydesk run."""
    now = now or utc_now()
    took = duration(record.seconds) if record.seconds is not None else None
    if record.state == COMPLETED:
        head = f"Completed in {took}."
    elif record.state == FAILED:
        head = f"Failed after {took}: {printable(record.error or 'no error was recorded')}."
    elif record.state == RUNNING:
        return (f"Running now (process {record.pid} on {record.host}) for "
                f"{duration((now - record.started_at).total_seconds())}; so far it committed {committed(record)} "
                "to the lake. `copydesk status` again shows how it ended.")
    else:
        return (f"Stopped before it finished: it recorded no end and its process is gone, so it was killed, "
                f"crashed, or its machine stopped. It had committed {committed(record)} to the lake; they are "
                "kept, and the next run skips what they hold, reads the rest and builds the warehouse.")
    parts = [head, documents_sentence(record)]
    if record.state == COMPLETED and record.warehouse:
        w = record.warehouse
        parts.append(f"The warehouse then held {count(w.get('articles', 0), 'article')} from "
                     f"{count(w.get('outlets', 0), 'outlet')} in {count(w.get('stories', 0), 'story', 'stories')}.")
    if record.state == FAILED:
        parts.append("The batches it committed before failing are kept in the lake; the warehouse is the one "
                     "built before, and the next run goes on from the lake.")
    return " ".join(parts)


def committed(record: RunRecord) -> str:
    return f"{count(record.batches, 'batch', 'batches')} ({count(record.articles_new, 'new article')})"


def documents_sentence(record: RunRecord) -> str:
    """What became of the documents a run read."""
    read = record.documents_read
    if read == 0:
        return "It read no documents." if record.state == FAILED else "It found no documents to read."
    if record.already_known == read:
        return f"It read {count(read, 'document')}, all already in the lake from earlier runs: nothing new."
    outcomes = [f"{number(record.articles_new)} became new {'article' if record.articles_new == 1 else 'articles'}"]
    if record.duplicates == 1:
        outcomes.append("1 was an exact copy of an article already kept")
    elif record.duplicates:
        outcomes.append(f"{number(record.duplicates)} were exact copies of articles already kept")
    if record.rejects:
        outcomes.append(f"{number(record.rejects)} could not be used (rejected, see below)")
    known = f" ({number(record.already_known)} already in the lake, skipped)" if record.already_known else ""
    joined = outcomes[0] if len(outcomes) == 1 else ", ".join(outcomes[:-1]) + " and " + outcomes[-1]
    return f"It read {count(read, 'document')}{known}: {joined}."


def render(status: Status, now: datetime | None = None) -> str:
    """The status as text for a terminal: runs, freshness, rejects."""
    now = now or utc_now()
    out = [f"copydesk status of {status.warehouse_dir} (times in UTC)", ""]
    out += render_runs(status.runs, now)
    out += [""] + render_freshness(status, now)
    out += [""] + render_rejects(status)
    return "\n".join(out).rstrip() + "\n"


def render_runs(runs: list[RunRecord], now: datetime) -> list[str]:
    if not runs:
        return ["No runs recorded yet: `copydesk run` records each run here (runs made before copydesk kept "
                "records are not listed)."]
    header = ("started", "took", "result", "documents", "new articles", "duplicates", "rejects")
    rows = [header] + [
        (f"{record.started_at.astimezone(timezone.utc):%Y-%m-%d %H:%M}",
         duration(record.seconds) if record.seconds is not None else "-",
         record.state if record.state in (COMPLETED, RUNNING) else record.state.upper(),
         *((number(record.documents_read), number(record.articles_new), number(record.duplicates),
            number(record.rejects)) if record.state not in (RUNNING, STOPPED)
           else ("?", number(record.articles_new), "?", "?")))
        for record in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["Last runs, newest first:"]
    for row in rows:
        cells = [row[i].ljust(widths[i]) if i < 3 else row[i].rjust(widths[i]) for i in range(len(header))]
        lines.append("  " + "  ".join(cells).rstrip())
    lines.append("")
    notes = [(runs[0], f"The last run, started {ago(runs[0].started_at, now)}")]
    notes += [(record, f"The run of {moment(record.started_at)}") for record in runs[1:]
              if record.state != COMPLETED]
    for record, who in notes:
        lines += wrap(f"{who}: {describe_run(record, now)}")
    return lines


def render_freshness(status: Status, now: datetime) -> list[str]:
    lines = ["Warehouse:"]
    fresh = status.freshness
    if fresh is None:
        lines += wrap(status.warehouse_problem or "no warehouse")
    else:
        text = (f"Built {ago(fresh.built_at, now)} ({moment(fresh.built_at)}): {count(fresh.articles, 'article')} "
                f"from {count(fresh.outlets, 'outlet')} in {count(fresh.stories, 'story', 'stories')}, and "
                f"{count(fresh.rejects, 'rejected document')}.")
        if fresh.newest_published_at is not None:
            text += (f" The newest article was published {ago(fresh.newest_published_at, now)} "
                     f"({moment(fresh.newest_published_at)}).")
        lines += wrap(text)
    if status.pending_batches:
        lines += wrap(f"The lake holds {count(status.pending_batches, 'batch', 'batches')} of documents that the "
                      "warehouse does not show yet: a run committed them and stopped before building the "
                      "warehouse (or is building it now). The next run builds them in.")
    elif fresh is not None:
        lines += wrap("Everything in the lake is in the warehouse.")
    return lines


def render_rejects(status: Status) -> list[str]:
    """Rejects of the batches of the listed runs that the warehouse holds, by stage and reason, with what the
    reason means and an example."""
    runs = status.runs
    if not runs or status.freshness is None:
        return []
    total = sum(int(row["documents"]) for row in status.rejects)  # type: ignore[call-overload]
    span = "the last run" if len(runs) == 1 else f"the last {len(runs)} runs"
    if not total:
        return [f"Rejected in {span}: nothing; every document read became an article or a duplicate."]
    lines = [f"Rejected in {span}: {count(total, 'document')} that could not become articles:"]
    for row in status.rejects:
        reason = str(row["reason"])
        meaning = REASONS.get(reason) or (f"the server answered HTTP {reason[5:]}" if reason.startswith("http_")
                                          else "see docs/architecture.md, Reject reasons")
        lines.append(f"  {number(int(row['documents'])):>7}  {reason} ({row['stage']}): {meaning}")  # type: ignore[call-overload]
        lines.append(f"           e.g. {example_text(str(row['example_source']), row['example_detail'])}")
    lines += ["", *wrap("Rejected documents are kept in the warehouse's `rejects` table: "
                        "copydesk sql \"select * from rejects\".")]
    return lines


def example_text(source: str, detail: object) -> str:
    """A short example: the file's name (or the URL) and the detail, cut to `EXAMPLE_CHARS`."""
    name = source if source.startswith(("http://", "https://")) else source.rpartition("/")[2]
    name = name if len(name) <= EXAMPLE_CHARS // 2 else name[:EXAMPLE_CHARS // 2 - 1] + "…"
    text = printable(f"{name}: {detail}" if detail else name)
    return text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS - 1] + "…"


def wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="  ")
