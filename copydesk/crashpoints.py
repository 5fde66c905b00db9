"""Kill the process at a named point of a run, for the crash tests; a no-op unless `COPYDESK_CRASH_AT` is set.

`COPYDESK_CRASH_AT=<point>[:<n>]` sends SIGKILL to the process itself the n-th time (default 1) it reaches
`crash_point("<point>")`: no `finally`, no `atexit`, no flush, as when the OOM killer or `kill -9` strikes.
The points, in the order a run reaches them:

    clean           a batch read and cleaned, nothing of it written                    (flows/pipeline.py)
    lake-write      a lake file written under its temporary name, not renamed yet: a batch writes its
                    Parquet files (one per table, 6), then its manifest, so the 7th write of a run is
                    its first batch's manifest                                         (warehouse/lake.py)
    lake-commit     a batch's manifest in place: the batch is committed
    warehouse-load  the lake loaded into the temporary warehouse file, models not built (warehouse/build.py)
    warehouse-swap  the temporary warehouse file complete and closed, not renamed yet
    export-swap     an export written to a new version folder, a link to it made, not yet
                    renamed over `exports/<table>` (a folder of the layout before
                    versions moved aside first)                        (warehouse/exports.py)
"""

from __future__ import annotations

import os
import signal
from collections import Counter

CRASH_AT = "COPYDESK_CRASH_AT"
_reached: Counter[str] = Counter()


def crash_point(point: str) -> None:
    """Die here by SIGKILL when `COPYDESK_CRASH_AT` names this point and this is its n-th passage."""
    spec = os.environ.get(CRASH_AT)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != point:
        return
    _reached[point] += 1
    if _reached[point] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
