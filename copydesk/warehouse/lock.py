"""Let one run at a time write a warehouse folder: an exclusive lock that dies with its process.

A second run either stops at once or waits for the lock up to `wait_seconds`, then stops; it names the run
that holds the folder. The lock is a `flock` on `DIR/.copydesk.lock`, released by the kernel when its holder
ends, however it ends; it holds across processes of one machine (and local file systems), not across machines.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

LOCK_FILE = ".copydesk.lock"
LOCK_POLL_SECONDS = 0.5          # how often a waiting run tries the lock again


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


def _holder(handle: IO[str]) -> str:
    """Read the pid the holding run wrote into the lock file."""
    handle.seek(0)
    return handle.read().strip() or "unknown"


@contextmanager
def warehouse_lock(warehouse_dir: Path, wait_seconds: float = 0.0,
                   on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the warehouse folder's lock for the duration. If another run holds it, wait for it up to
    `wait_seconds` (telling `on_wait` once), then fail with one line naming the holder."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    path = warehouse_dir / LOCK_FILE
    deadline = time.monotonic() + wait_seconds
    with path.open("a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(handle)
                if time.monotonic() >= deadline:
                    waited = f" after waiting {wait_seconds:g} s" if wait_seconds > 0 else ""
                    raise WarehouseBusy(f"another copydesk run (pid {holder}) is writing {warehouse_dir}{waited}; "
                                        "try again when it has finished") from None
                if on_wait:
                    on_wait(f"another copydesk run (pid {holder}) is writing {warehouse_dir}; "
                            f"waiting up to {wait_seconds:g} s for it to finish")
                    on_wait = None
                time.sleep(LOCK_POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
