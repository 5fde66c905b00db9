"""The `copydesk` command: `copydesk run [INPUT ...]` builds the warehouse, `copydesk sql QUERY` reads it,
`copydesk report` draws it as one HTML page."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import traceback
from datetime import date
from pathlib import Path

from copydesk.config import DASK_MISSING, DASK_PACKAGE, DEMO_CORPUS, RUNNERS, Settings
from copydesk.reaper import start_reaper
from copydesk.report.data import DEFAULT_TOP_STORIES
from copydesk.report.page import ReportError, write_report
from copydesk.tasks.dates import PublishedRange
from copydesk.warehouse.query import (DEFAULT_MAX_ROWS, FORMATS, WRITERS, QueryError, format_table,
                                      open_warehouse, run_query)
from copydesk.warehouse.status import DEFAULT_RUNS, gather, render
from copydesk.wording import printable

PROGRESS_MODES = ("auto", "bars", "lines", "off")   # what copydesk/progress.py `showing` can show

# Prefect reads its settings at import: give it a private home and an offline default set-up. Its logs
# still reach the Prefect API (and UI); the console shows them only with --verbose.
PREFECT_DEFAULTS = {
    "PREFECT_HOME": str(Path.cwd() / ".prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}
QUIET_CONSOLE = {"PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL", "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="copydesk", description="Who published what, when, and copied from whom.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the pipeline on inputs (the demo corpus when none)")
    run.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="files, folders (read recursively), article/feed/sitemap URLs, sources.yaml")
    run.add_argument("--warehouse", metavar="DIR", default=None, help="warehouse folder (default ./data)")
    run.add_argument("--workers", type=int, default=None, help="extraction processes (default: one per core)")
    run.add_argument("--batch-size", type=int, default=None, help="documents per batch (default 500)")
    run.add_argument("--allow-private", action="store_true",
                     help="let URLs reach private and loopback addresses (intranets, tests)")
    run.add_argument("--refetch", action="store_true", help="fetch article URLs again even when already stored")
    run.add_argument("--contact-url", default=None, help="the contact URL named in copydesk's User-Agent")
    run.add_argument("--from", dest="published_from", type=day, metavar="DATE",
                     help="backfill: keep only articles published on or after DATE (YYYY-MM-DD, UTC)")
    run.add_argument("--to", dest="published_to", type=day, metavar="DATE",
                     help="backfill: keep only articles published on or before DATE (YYYY-MM-DD, UTC)")
    run.add_argument("--runner", choices=RUNNERS, default=None,
                     help="where extraction and wire signatures run: local processes (default) or a Dask cluster")
    run.add_argument("--dask-address", metavar="ADDR", default=None,
                     help="with --runner dask: the scheduler of an existing cluster (default: a local cluster)")
    run.add_argument("--lake", metavar="URI", default=None,
                     help="the lake's folder or URI, e.g. s3://bucket/prefix (default: DIR/lake)")
    run.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    run.add_argument("--progress", choices=PROGRESS_MODES, default="auto",
                     help="bars per stage on a terminal, a line per batch otherwise (auto, the default; off with "
                          "-v), or as chosen")
    status = commands.add_parser("status", help="show the last runs, how fresh the warehouse is and what was "
                                                "rejected (reads the warehouse folder only)")
    status.add_argument("--warehouse", metavar="DIR", default=None, help="warehouse folder (default ./data)")
    status.add_argument("--lake", metavar="URI", default=None,
                        help="the lake's folder or URI, when the runs put it elsewhere (default: DIR/lake)")
    status.add_argument("--runs", type=positive_count, default=DEFAULT_RUNS, metavar="N",
                        help=f"list the last N runs (default {DEFAULT_RUNS})")
    sql = commands.add_parser("sql", help="run a read-only SQL query against the warehouse and print the rows")
    sql.add_argument("query", metavar="QUERY", help="the SQL to run (DuckDB dialect); - reads it from stdin")
    sql.add_argument("--warehouse", metavar="DIR", default=None, help="warehouse folder (default ./data)")
    sql.add_argument("--format", choices=FORMATS, default="table",
                     help="an aligned table (default), CSV with a header, or one JSON array of objects")
    sql.add_argument("--max-rows", type=row_limit, default=DEFAULT_MAX_ROWS, metavar="N",
                     help=f"write at most N rows (default {DEFAULT_MAX_ROWS}; 0 for all)")
    report = commands.add_parser("report", help="write one self-contained HTML page of stories, outlets and languages")
    report.add_argument("--warehouse", metavar="DIR", default=None, help="warehouse folder (default ./data)")
    report.add_argument("--output", metavar="FILE", type=Path, default=None,
                        help="where to write the page (default DIR/report.html)")
    report.add_argument("--stories", type=positive_count, default=DEFAULT_TOP_STORIES, metavar="N",
                        help=f"draw the timelines of the N widest stories (default {DEFAULT_TOP_STORIES})")
    args = parser.parse_args(argv)
    if args.command == "run" and args.published_from and args.published_to and args.published_from > args.published_to:
        parser.error(f"--from {args.published_from} is after --to {args.published_to}")
    return args


def day(text: str) -> date:
    """Parse --from and --to: a day as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, not {text!r}") from None


def published_range(args: argparse.Namespace) -> PublishedRange | None:
    """The backfill's days from --from and --to (open on the side not given), or None for a regular run."""
    if args.published_from is None and args.published_to is None:
        return None
    return PublishedRange(args.published_from or date.min, args.published_to or date.max)


def row_limit(text: str) -> int:
    """Parse --max-rows: a count of rows, 0 meaning all."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (all rows) or a positive number, not {text!r}")
    return value


def positive_count(text: str) -> int:
    """Parse a count of at least 1 (--stories, --runs)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "sql":
        return sql(args)
    if args.command == "report":
        return report(args)
    if args.command == "status":
        return status(args)
    for name, value in {**PREFECT_DEFAULTS, **({} if args.verbose else QUIET_CONSOLE)}.items():
        os.environ.setdefault(name, value)
    flags = {"WORKERS": args.workers, "BATCH_SIZE_DOCUMENTS": args.batch_size, "CONTACT_URL": args.contact_url,
             "ALLOW_PRIVATE": args.allow_private or None, "REFETCH": args.refetch or None,
             "RUNNER": args.runner, "DASK_ADDRESS": args.dask_address, "LAKE": args.lake}
    for name, value in flags.items():  # the flow reads its settings from the environment, in one place
        if value is not None:
            os.environ[f"COPYDESK_{name}"] = str(value)
    runner = os.environ.get("COPYDESK_RUNNER")
    if runner == "dask" and importlib.util.find_spec(DASK_PACKAGE) is None:  # before Prefect starts
        print(f"copydesk: {DASK_MISSING}", file=sys.stderr)
        return 2

    start_reaper()   # stops the run's helper processes (Prefect's temporary server, a Dask cluster) if it is killed
    from copydesk.flows.pipeline import pipeline
    from copydesk.progress import showing

    try:
        with showing(args.progress, args.inputs or [str(DEMO_CORPUS)], sys.stderr, args.verbose):
            summary = pipeline(inputs=args.inputs or None, warehouse_dir=args.warehouse,
                               published=published_range(args))
    except KeyboardInterrupt:
        print("copydesk: interrupted; the lake keeps every batch committed so far", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the command's promise: one line on stderr, non-zero exit
        reason = printable(str(err).partition("\n")[0])
        print(f"copydesk: run failed: {type(err).__name__}: {reason}", file=sys.stderr)
        release_failure(err)
        return 1
    print(summary.format())
    return 0


def release_failure(err: BaseException) -> None:
    """Let go of what a failed run's exception holds (Prefect keeps it in its result cache until exit): the
    locals of its frames and its causes. Else DuckDB objects outlive the interpreter's teardown and nanobind
    prints leak reports on stderr after the one-line reason."""
    cause: BaseException | None = err
    while cause is not None:
        traceback.clear_frames(cause.__traceback__)
        cause = cause.__cause__ or cause.__context__
    err.__cause__ = err.__context__ = err.__traceback__ = None


def sql(args: argparse.Namespace) -> int:
    """Print the result of one read-only query; exit 1 with one line on stderr when it cannot run."""
    query = sys.stdin.read() if args.query == "-" else args.query
    warehouse_dir = Settings.from_env(warehouse_dir=args.warehouse).warehouse_dir
    try:
        con = open_warehouse(warehouse_dir)
        try:
            result = run_query(con, query, args.max_rows)
        finally:
            con.close()
    except QueryError as err:
        print(f"copydesk: {printable(str(err))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    try:
        if args.format == "table":
            print(format_table(result))
        else:
            WRITERS[args.format](result, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): stop quietly, as other commands do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    if result.more and args.format != "table":
        print(f"copydesk: wrote the first {args.max_rows} rows; --max-rows 0 writes all", file=sys.stderr)
    return 0


def report(args: argparse.Namespace) -> int:
    """Write the HTML report and say where; exit 1 with one line on stderr when it cannot."""
    warehouse_dir = Settings.from_env(warehouse_dir=args.warehouse).warehouse_dir
    try:
        written = write_report(warehouse_dir, args.output, args.stories)
    except (QueryError, ReportError) as err:
        print(f"copydesk: {printable(str(err))}", file=sys.stderr)
        return 1
    print(f"wrote {written.path} ({written.n_stories} story timelines, {written.n_outlets} outlets, "
          f"{written.n_languages} languages)")
    return 0


def status(args: argparse.Namespace) -> int:
    """Print the last runs, the warehouse's freshness and the recent rejects; exit 1 when there is no folder."""
    settings = Settings.from_env(warehouse_dir=args.warehouse, lake=args.lake)
    warehouse_dir = settings.warehouse_dir
    if not warehouse_dir.is_dir():
        print(f"copydesk: no warehouse folder at {warehouse_dir}; `copydesk run --warehouse {warehouse_dir}` "
              "makes one", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(render(gather(warehouse_dir, args.runs, settings.lake)))
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
