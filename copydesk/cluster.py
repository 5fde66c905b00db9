"""Run the CPU-heavy chunks of a run (extraction, wire signatures) on a Dask cluster, through prefect-dask.

With `runner = "dask"` (`copydesk run --runner dask`, `COPYDESK_RUNNER=dask`) the flow opens a prefect-dask
`DaskTaskRunner` for the run: a temporary `LocalCluster` of `workers` processes, or a client of the
existing cluster at `dask_address`. Its client goes to the `clean` and `group` tasks as a `DaskPool`. The
tasks stay one Prefect task run per batch, in the flow's process; only their chunks (plain functions on
plain data: `clean_chunk` over documents, `sketches` over texts) run on the workers, which need copydesk
installed but no access to the Prefect API. Results come back in input order, so the lake and the warehouse
are the same as with the local runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from copydesk.config import DASK_MISSING, Settings
from copydesk.tasks.wire import WORKER_CHUNK, joined, sketches

if TYPE_CHECKING:
    import distributed

R = TypeVar("R")
THREADS_PER_WORKER = 1       # trafilatura holds the GIL: one chunk per worker process at a time
DASK_LOG_LEVEL = logging.WARNING   # distributed logs every connection and worker start at INFO


@dataclass(frozen=True)
class DaskPool:
    """A Dask client: runs a function over chunks on the cluster's workers."""

    client: distributed.Client

    @property
    def slots(self) -> int:
        """How many chunks run at once: the cluster's worker threads, now."""
        return max(1, sum(self.client.nthreads().values()))

    def map(self, function: Callable[..., R], chunks: Sequence[object], **constants: Any) -> list[R]:
        """`function(chunk, **constants)` of every chunk on the workers, in order; each chunk is sent
        straight to a worker (`scatter`), not through the scheduler."""
        if not chunks:
            return []
        data = self.client.scatter(list(chunks), hash=False)
        return self.client.gather(self.client.map(function, data, pure=False, **constants))

    def sketches(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[str | None]]:
        """`wire.sketches` of texts, spread over the workers in chunks of at most WORKER_CHUNK texts."""
        size = min(WORKER_CHUNK, max(1, -(-len(texts) // self.slots)))
        results = self.map(sketches, [list(texts[i:i + size]) for i in range(0, len(texts), size)])
        return joined(results)


@contextmanager
def dask_pool(settings: Settings) -> Iterator[DaskPool | None]:
    """Yield where the CPU-heavy chunks run for the run: None (this machine's processes) with the local
    runner; with `dask`, a pool on the cluster at `dask_address`, or on a temporary local cluster of
    `worker_count` processes, opened and closed by a prefect-dask `DaskTaskRunner`."""
    if settings.runner != "dask":
        yield None
        return
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as err:
        raise RuntimeError(DASK_MISSING) from err
    logging.getLogger("distributed").setLevel(DASK_LOG_LEVEL)
    if settings.dask_address:
        runner = DaskTaskRunner(address=settings.dask_address)
    else:
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": settings.worker_count, "processes": True,
                                                "threads_per_worker": THREADS_PER_WORKER,
                                                "dashboard_address": None})
    with runner:
        yield DaskPool(runner.client)
