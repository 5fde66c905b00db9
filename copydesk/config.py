"""Read copydesk's settings from one place: defaults, then `COPYDESK_*` environment variables, then flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEMO_CORPUS = Path(__file__).parent / "demo" / "corpus"
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
RUNNERS = ("local", "dask")     # where extraction and wire signatures run (see `runner`)
DASK_PACKAGE = "prefect_dask"   # what the `dask` runner imports (an extra: copydesk[dask])
DASK_MISSING = "the dask runner needs prefect-dask: pip install 'copydesk[dask]'"


@dataclass(frozen=True)
class Settings:
    """Every knob of a run, typed, with its unit in its name."""

    warehouse_dir: Path = Path("data")
    batch_size_documents: int = 500          # documents per lake batch (one Prefect task run per stage)
    workers: int = 0                         # extraction processes (or local Dask workers); 0 = one per core
    lake: str = ""                           # the lake's folder or URI (`s3://bucket/prefix`); "" = WAREHOUSE/lake
    # scale-out: `local` cleans and signs in processes of this machine; `dask` on a Dask cluster (prefect-dask)
    runner: str = "local"
    dask_address: str = ""                   # scheduler of an existing cluster (`tcp://host:8786`); "" = a local one
    max_document_bytes: int = 10_000_000     # larger inputs are rejected as `too_large`
    min_article_words: int = 10              # shorter main texts are rejected as `no_article`
    language_sample_chars: int = 1_000       # title + this much text goes to langdetect
    min_language_chars: int = 40             # shorter samples get language `und`
    future_date_tolerance_hours: int = 24    # later publication dates are treated as unknown
    wire_window_days: int = 14               # new articles are compared with the history this far back
    story_window_days: float = 14.0          # a story goes quiet when no article joined it for this long
    lock_wait_seconds: float = 0.0           # how long a run waits for another one writing the warehouse; 0: stop
    # fetching the web
    contact_url: str = "https://github.com/copydesk/copydesk"   # named in the User-Agent
    allow_private: bool = False              # let URLs reach private and loopback addresses (intranets, tests)
    refetch: bool = False                    # fetch article URLs again even when the lake has them
    connect_timeout_seconds: float = 10.0
    read_timeout_seconds: float = 30.0
    total_timeout_seconds: float = 120.0     # one request, from connecting to the last byte
    max_redirects: int = 5
    host_concurrency: int = 2                # requests in flight to one host
    min_interval_seconds: float = 1.0        # between the starts of two requests to one host
    max_attempts: int = 4                    # tries of one request on transient failures
    backoff_base_seconds: float = 1.0        # first retry delay, doubled each time, with jitter
    max_backoff_seconds: float = 60.0        # cap on a retry delay, including Retry-After
    fetch_concurrency: int = 64              # requests in flight over all hosts

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> "Settings":
        """Build settings from `COPYDESK_<FIELD>` variables, then explicit overrides (None means unset)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"COPYDESK_{f.name.upper()}")
            if raw is not None:
                values[f.name] = PARSERS[str(f.type)](raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "warehouse_dir" in values:
            values["warehouse_dir"] = Path(str(values["warehouse_dir"]))
        return replace(cls(), **values)

    def __post_init__(self) -> None:
        if self.runner not in RUNNERS:
            raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {self.runner!r}")

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


PARSERS = {"Path": Path, "str": str, "int": int, "float": float, "bool": lambda raw: raw.strip().lower() in TRUE_WORDS}
