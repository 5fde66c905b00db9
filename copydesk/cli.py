"""The `copydesk` command: `copydesk run [INPUT ...] [--warehouse DIR]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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
    run.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for name, value in {**PREFECT_DEFAULTS, **({} if args.verbose else QUIET_CONSOLE)}.items():
        os.environ.setdefault(name, value)
    flags = {"WORKERS": args.workers, "BATCH_SIZE_DOCUMENTS": args.batch_size, "CONTACT_URL": args.contact_url,
             "ALLOW_PRIVATE": args.allow_private or None, "REFETCH": args.refetch or None}
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


if __name__ == "__main__":
    sys.exit(main())
