"""The `copydesk` command: `copydesk run [INPUT ...]` builds the warehouse, `copydesk sql QUERY` reads it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from copydesk.config import RUNNERS, Settings
from copydesk.warehouse.query import (DEFAULT_MAX_ROWS, FORMATS, WRITERS, QueryError, format_table,
                                      open_warehouse, run_query)

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
    run.add_argument("--runner", choices=RUNNERS, default=None,
                     help="where extraction and wire signatures run: local processes (default) or a Dask cluster")
    run.add_argument("--dask-address", metavar="ADDR", default=None,
                     help="with --runner dask: the scheduler of an existing cluster (default: a local cluster)")
    run.add_argument("--lake", metavar="URI", default=None,
                     help="the lake's folder or URI, e.g. s3://bucket/prefix (default: DIR/lake)")
    run.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    sql = commands.add_parser("sql", help="run a read-only SQL query against the warehouse and print the rows")
    sql.add_argument("query", metavar="QUERY", help="the SQL to run (DuckDB dialect); - reads it from stdin")
    sql.add_argument("--warehouse", metavar="DIR", default=None, help="warehouse folder (default ./data)")
    sql.add_argument("--format", choices=FORMATS, default="table",
                     help="an aligned table (default), CSV with a header, or one JSON array of objects")
    sql.add_argument("--max-rows", type=row_limit, default=DEFAULT_MAX_ROWS, metavar="N",
                     help=f"write at most N rows (default {DEFAULT_MAX_ROWS}; 0 for all)")
    return parser.parse_args(argv)


def row_limit(text: str) -> int:
    """Parse --max-rows: a count of rows, 0 meaning all."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (all rows) or a positive number, not {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "sql":
        return sql(args)
    for name, value in {**PREFECT_DEFAULTS, **({} if args.verbose else QUIET_CONSOLE)}.items():
        os.environ.setdefault(name, value)
    flags = {"WORKERS": args.workers, "BATCH_SIZE_DOCUMENTS": args.batch_size, "CONTACT_URL": args.contact_url,
             "ALLOW_PRIVATE": args.allow_private or None, "REFETCH": args.refetch or None,
             "RUNNER": args.runner, "DASK_ADDRESS": args.dask_address, "LAKE": args.lake}
    for name, value in flags.items():  # the flow reads its settings from the environment, in one place
        if value is not None:
            os.environ[f"COPYDESK_{name}"] = str(value)

    from copydesk.flows.pipeline import pipeline

    try:
        summary = pipeline(inputs=args.inputs or None, warehouse_dir=args.warehouse)
    except KeyboardInterrupt:
        print("copydesk: interrupted; the lake keeps every batch committed so far", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the command's promise: one line on stderr, non-zero exit
        print(f"copydesk: run failed: {type(err).__name__}: {str(err).splitlines()[0]}", file=sys.stderr)
        return 1
    print(summary.format())
    return 0


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
        print(f"copydesk: {err}", file=sys.stderr)
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


if __name__ == "__main__":
    sys.exit(main())
