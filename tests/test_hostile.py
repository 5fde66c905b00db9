"""One `copydesk run`, as a user types it, over good inputs among every hostile kind at once.

Local files (a nested line, gzip bombs, a FIFO, /dev/zero, loops, a non-UTF-8 name, broken
WARCs) and URLs (malformed, a 64-character label, fullwidth digits, a redirect to port 99999, a
redirect to IPv6, stacked gzip that inflates to 300 MB): the run exits 0, and every document read
is an article, a duplicate or a reject, once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from httpsite import GZIP_TWICE_BYTES, Site, gzip_twice
from test_crawl import ALLOW_LOCAL_SITE, mixed_inputs
from test_read import every_bad_local_kind

pytestmark = pytest.mark.e2e
RUN_TIMEOUT_SECONDS = 600


def copydesk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("copydesk")
    return subprocess.run([str(script), *args], capture_output=True, text=True, env=env,
                          timeout=RUN_TIMEOUT_SECONDS)


def test_a_run_over_every_hostile_input_exits_0_and_accounts_for_every_document(
        tmp_path: Path) -> None:
    local = every_bad_local_kind(tmp_path / "in")
    env = {**os.environ, **ALLOW_LOCAL_SITE, "COPYDESK_MAX_DOCUMENT_BYTES": str(10 << 20)}
    with Site().start(n_hosts=2, ipv6=True) as site:
        urls, url_rejects, good = mixed_inputs(site, tmp_path)
        gzip_twice(GZIP_TWICE_BYTES)
        bomb = site.host("faults") + "/gzip-twice"
        run = copydesk("run", str(tmp_path / "in"), *urls, bomb, "--progress", "off",
                       "--warehouse", str(tmp_path / "data"), env=env)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    try:
        outcomes = con.execute(
            "SELECT source_uri, coalesce('duplicate:' || duplicate_kind, 'article') "
            "FROM article_sources UNION ALL SELECT source_uri, 'reject:' || reason "
            "FROM rejects").fetchall()
        urls = [url for (url,) in con.execute("SELECT url FROM articles WHERE url LIKE 'http://127.%'"
                                              " OR url LIKE 'http://[::1]%'").fetchall()]
    finally:
        con.close()
    seen = [uri for uri, _ in outcomes]
    assert len(seen) == len(set(seen))                                  # each document once
    by_uri = dict(outcomes)
    prefix = f"{tmp_path}/in/"
    assert {uri.removeprefix(prefix): outcome for uri, outcome in by_uri.items()
            if uri.startswith(prefix)} == local
    assert {uri: outcome.removeprefix("reject:") for uri, outcome in by_uri.items()
            if outcome.startswith("reject:") and not uri.startswith(prefix)
            and uri != bomb} == url_rejects
    assert by_uri[bomb] == "reject:too_large"
    fetched = [uri for uri, outcome in by_uri.items()
               if outcome == "article" and uri.startswith("http")]
    assert len(fetched) == len(good)
    assert sorted(url.split("/", 3)[3] for url in urls) == sorted(good)   # a redirect's article too
