"""Running unattended: deployments on a real Prefect server run by a process worker, backfills by date,
extraction that is never repeated for the same bytes, one writer per warehouse, and task settings.

The deployment test does what an operator does (docs/operations.md): `prefect server start` on 127.0.0.1,
`prefect work-pool create`, `prefect deploy --all` from a copy of the repository, `prefect deployment run`,
`prefect worker start --run-once`; then it opens the warehouses the runs wrote.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import httpx
import pytest
from builders import PARAGRAPHS, article_html
from conftest import REPO
from httpsite import Site
from test_crawl import ALLOW_LOCAL_SITE
from test_pipeline import check_contract, query

pytestmark = pytest.mark.e2e

PREFECT = Path(sys.executable).with_name("prefect")
SERVER_START_TIMEOUT_SECONDS = 180
COMMAND_TIMEOUT_SECONDS = 180
WORKER_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 20
POOL = "copydesk"
TIMEOUT_SECONDS = 2.0             # the clean stage's time limit in the timeout test
LOCAL_SITE_ENV = {"COPYDESK_ALLOW_PRIVATE": "1", "COPYDESK_MIN_INTERVAL_SECONDS": "0.01", "COPYDESK_WORKERS": "1"}
TEXT = ("The harbour authority of Port Elwin said on {day} that {n} dock workers had walked off the job after talks "
        "on a new wage agreement collapsed, and shipping lines diverted {n} vessels to neighbouring ports.")


def jsonl(path: Path, days: list[str | None]) -> Path:
    """Write one article per day (None: undated), each at its own URL."""
    lines = [{"text": TEXT.format(day=day or "an unknown day", n=100 + i), "url": f"https://news.example.com/{i}",
              "outlet": "news.example.com", **({"published_at": f"{day}T09:00:00Z"} if day else {})}
             for i, day in enumerate(days)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def stop(process: subprocess.Popen) -> None:
    """End a process started in its own session, and everything it started: politely, then for sure."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(STOP_TIMEOUT_SECONDS)
        except ProcessLookupError:
            pass
    try:  # flow runs a worker started may outlive it in the same session
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    env: dict[str, str]

    def cli(self, *args: str, cwd: Path, timeout: float = COMMAND_TIMEOUT_SECONDS,
            env: dict[str, str] | None = None) -> str:
        """Run a `prefect` command against this server; fail with its output unless it succeeds."""
        process = subprocess.Popen([str(PREFECT), *args], cwd=cwd, env={**self.env, **(env or {})}, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            output, _ = process.communicate(timeout=timeout)
        finally:
            stop(process)
        assert process.returncode == 0, f"prefect {' '.join(args)} exited {process.returncode}:\n{output}"
        return output

    def api(self, method: str, path: str, body: object = None) -> object:
        response = httpx.request(method, self.url + path, json=body, timeout=30)
        response.raise_for_status()
        return response.json()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A `prefect server start` of its own on 127.0.0.1 (no scheduler: only the runs a test asks for)."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": url, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", "PREFECT_UI_ENABLED": "false", "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
           "PREFECT_CLI_PROMPT": "false"}
    log = (home / "server.log").open("w")
    process = subprocess.Popen([str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_SECONDS
        while True:
            assert process.poll() is None, f"prefect server exited:\n{(home / 'server.log').read_text()}"
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"no healthy server in {SERVER_START_TIMEOUT_SECONDS} s"
            time.sleep(0.5)
        yield Server(url, env)
    finally:
        stop(process)
        log.close()


def copydesk_run(server: Server, *args: str, cwd: Path, **env: str) -> subprocess.Popen:
    """Start `copydesk run` in a process of its own, reporting to the shared server."""
    return subprocess.Popen([str(PREFECT.with_name("copydesk")), "run", *args], cwd=cwd, text=True,
                            env={**server.env, "COPYDESK_WORKERS": "1", **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=COMMAND_TIMEOUT_SECONDS)
    finally:
        stop(process)
    return process.returncode, out, err


def test_deploy_all_then_a_process_worker_runs_each_deployment(server: Server, site: Site, tmp_path: Path) -> None:
    repo = tmp_path / "repo"  # what an operator deploys from: the checkout, with its prefect.yaml
    shutil.copytree(REPO / "copydesk", repo / "copydesk", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("prefect.yaml", "sources.yaml"):
        shutil.copy(REPO / name, repo / name)
    server.cli("work-pool", "create", POOL, "--type", "process", cwd=repo)
    server.cli("--no-prompt", "deploy", "--all", cwd=repo, env={"PWD": str(repo)})  # as after `cd repo` in a shell

    deployments = {f"{d['name']}": d for d in server.api("POST", "/deployments/filter", {})}  # type: ignore[union-attr]
    assert {name: [s["schedule"].get("cron") for s in d["schedules"]] for name, d in deployments.items()} == {
        "hourly": ["7 * * * *"], "daily": ["30 5 * * *"], "by-date": []}
    assert deployments["hourly"]["parameters"] == {"inputs": ["sources.yaml"], "warehouse_dir": "data",
                                                   "build_warehouse": False}
    assert deployments["hourly"]["global_concurrency_limit"]["limit"] == 1
    assert deployments["hourly"]["concurrency_options"]["collision_strategy"] == "CANCEL_NEW"
    assert all(d["job_variables"]["env"]["COPYDESK_LOCK_WAIT_SECONDS"] for d in deployments.values())
    assert {step["prefect.deployments.steps.set_working_directory"]["directory"]  # runs where it was deployed
            for d in deployments.values() for step in d["pull_steps"]} == {str(repo)}

    news = site.host("news")
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"outlets:\n  - name: Harbour Times\n    homepage: {news}/\n    feeds: [{news}/rss.xml]\n")
    daily_input = jsonl(tmp_path / "daily.jsonl", ["2026-03-03", "2026-03-04"])
    backfill_input = jsonl(tmp_path / "archive.jsonl", ["2026-02-27", "2026-02-28", "2026-03-01", None])
    shared_lake = tmp_path / "shared-lake"   # the daily run scales out: Dask runner, lake at a URI (job variables)
    scale_out = {"COPYDESK_RUNNER": "dask", "COPYDESK_WORKERS": "1", "COPYDESK_LAKE": shared_lake.as_uri(),
                 "PREFECT_LOGGING_LEVEL": "INFO"}   # the suite runs quiet; this run's INFO lines say how it ran
    runs = {
        "pipeline/hourly": ["-p", f'inputs=["{sources}"]', "-p", f"warehouse_dir={tmp_path / 'hourly'}"],
        "pipeline/daily": ["-p", f'inputs=["{daily_input}"]', "-p", f"warehouse_dir={tmp_path / 'daily'}",
                           "--job-variable", f"env={json.dumps(scale_out)}"],
        "backfill/by-date": ["-p", "start=2026-02-28", "-p", "end=2026-03-01", "-p", f'inputs=["{backfill_input}"]',
                             "-p", f"warehouse_dir={tmp_path / 'backfill'}"],
    }
    with ThreadPoolExecutor(len(runs)) as commands:  # three processes at once: most of their time is start-up
        outputs = commands.map(lambda run: server.cli("deployment", "run", run[0], *run[1], cwd=repo), runs.items())
        flow_runs = {name: re.search(r"UUID: ([0-9a-f-]{36})", output).group(1)  # type: ignore[union-attr]
                     for name, output in zip(runs, outputs)}

    worker = server.cli("worker", "start", "--pool", POOL, "--run-once", cwd=repo, timeout=WORKER_TIMEOUT_SECONDS,
                        env=LOCAL_SITE_ENV)
    messages = {}
    for name, run_id in flow_runs.items():
        state = server.api("GET", f"/flow_runs/{run_id}")["state"]  # type: ignore[index]
        logs = server.api("POST", "/logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}}})
        messages[name] = [entry["message"] for entry in logs]  # type: ignore[union-attr]
        assert state["type"] == "COMPLETED", (name, state, messages[name], worker)

    hourly = tmp_path / "hourly"
    assert not (hourly / "warehouse.duckdb").exists()  # the hourly crawl fills the lake; the daily run builds
    lake = f"read_parquet('{hourly}/lake/articles/*.parquet')"
    assert duckdb.sql(f"SELECT count(*) FROM {lake} WHERE url LIKE '{news}/articles/%'").fetchall() == [(5,)]
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{hourly}/lake/fetches/*.parquet')").fetchall() == [(1,)]
    assert query(tmp_path / "daily", "SELECT url FROM articles ORDER BY url") == [
        ("https://news.example.com/0",), ("https://news.example.com/1",)]
    assert any("runner=dask" in m and f"lake={shared_lake.as_uri()}" in m for m in messages["pipeline/daily"])
    assert len(list((shared_lake / "articles").glob("*.parquet"))) == 1 and not (tmp_path / "daily" / "lake").exists()
    assert query(tmp_path / "backfill", "SELECT url, published_at::DATE FROM articles ORDER BY url") == [
        ("https://news.example.com/1", date(2026, 2, 28)), ("https://news.example.com/2", date(2026, 3, 1))]


# -- backfill -----------------------------------------------------------------------------------------------

@pytest.mark.usefixtures("prefect_server")
def test_a_backfill_keeps_the_articles_of_its_days_and_leaves_the_others_for_a_later_run(tmp_path: Path) -> None:
    from copydesk.flows.backfill import backfill
    from copydesk.flows.pipeline import pipeline

    archive = jsonl(tmp_path / "archive.jsonl", ["2026-02-27", "2026-02-28", "2026-03-01", None])
    with archive.open("a") as f:
        f.write("{not json\n")
    warehouse = tmp_path / "data"
    summary = backfill(start=date(2026, 2, 28), end=date(2026, 3, 1), inputs=[str(archive)],
                       warehouse_dir=str(warehouse))
    assert (summary.articles_new, summary.outside_range, sum(summary.rejects.values())) == (2, 2, 1)
    assert query(warehouse, "SELECT url FROM articles ORDER BY url") == [
        ("https://news.example.com/1",), ("https://news.example.com/2",)]
    assert query(warehouse, "SELECT reason FROM rejects") == [("invalid_json",)]
    assert "verdict: OK" in check_contract(warehouse)

    later = pipeline(inputs=[str(archive)], warehouse_dir=str(warehouse))  # the days left out are still unread
    assert (later.already_known, later.articles_new, sum(later.duplicates.values())) == (3, 2, 0)
    assert query(warehouse, "SELECT count(*), count(DISTINCT url) FROM articles") == [(4, 4)]
    assert query(warehouse, "SELECT count(*) FROM article_sources") == [(4,)]

    with pytest.raises(ValueError, match=r"starts \(2026-03-02\) after it ends \(2026-03-01\)"):
        backfill(start=date(2026, 3, 2), end=date(2026, 3, 1), inputs=[str(archive)], warehouse_dir=str(warehouse))


def test_copydesk_run_from_to_is_a_backfill(server: Server, tmp_path: Path) -> None:
    archive = jsonl(tmp_path / "archive.jsonl", ["2026-02-27", "2026-02-28", "2026-03-01", None])
    code, out, err = finish(copydesk_run(server, str(archive), "--from", "2026-02-28", "--warehouse",
                                         str(tmp_path / "data"), cwd=tmp_path))
    assert code == 0, err
    assert re.search(r"published outside the dates \(left\) +2\n", out) and re.search(r"new articles kept +2\n", out)
    assert query(tmp_path / "data", "SELECT url FROM articles ORDER BY url") == [
        ("https://news.example.com/1",), ("https://news.example.com/2",)]


@pytest.mark.usefixtures("prefect_server")
def test_a_backfill_crawl_fetches_only_what_is_listed_for_its_days_and_remembers_no_poll(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.flows.backfill import backfill
    from copydesk.flows.pipeline import pipeline

    for name, value in ALLOW_LOCAL_SITE.items():
        monkeypatch.setenv(name, value)
    news = site.host("news")
    inputs, warehouse = [news + "/rss.xml", news + "/sitemap_index.xml"], tmp_path / "data"

    later_days = backfill(start=date(2026, 3, 4), end=date(2026, 3, 31), inputs=inputs, warehouse_dir=str(warehouse))
    assert later_days.articles_new == 0 and later_days.outside_range == 6  # the feed's 5 and the robots-barred one
    assert not site.requests_to("news", "/articles/1.html")
    assert not site.requests_to("news", "/sitemap-news.xml")  # its index says it was last changed on 3 March

    site.clear()
    their_day = backfill(start=date(2026, 3, 3), end=date(2026, 3, 3), inputs=inputs, warehouse_dir=str(warehouse))
    assert their_day.articles_new == 8 and their_day.outside_range == 0  # feed 1-5, sitemaps 8, 9 and 10
    assert all("if-none-match" not in r.headers for r in site.requests_to("news", "/rss.xml"))
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{warehouse}/lake/fetches/*.parquet')").fetchall() == [(0,)]

    site.clear()
    regular = pipeline(inputs=inputs[:1], warehouse_dir=str(warehouse))
    assert regular.articles_new == 0 and not site.requests_to("news", "/articles/1.html")
    assert duckdb.sql(f"SELECT url FROM read_parquet('{warehouse}/lake/fetches/*.parquet')").fetchall() == [
        (news + "/rss.xml",)]


# -- extraction keyed by content --------------------------------------------------------------------------

@pytest.mark.usefixtures("prefect_server")
def test_the_same_bytes_under_another_name_are_not_extracted_again(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.flows.pipeline import pipeline
    from copydesk.tasks import extract

    extracted: list[str] = []
    real_clean_document = extract.clean_document

    def counted(document, settings):  # the real extraction, counted (batches this small are cleaned in-process)
        extracted.append(Path(document.source_uri).name)
        return real_clean_document(document, settings)

    monkeypatch.setattr(extract, "clean_document", counted)
    page, stub = article_html().encode(), b"<html><body><p>Too short to be an article.</p></body></html>"
    first, second, warehouse = tmp_path / "first", tmp_path / "second", tmp_path / "data"
    for folder, names in ((first, ("story.html", "story-copy.html", "stub.html")),
                          (second, ("story.html", "story-again.html", "stub.html"))):
        folder.mkdir()
        for name in names:
            (folder / name).write_bytes(stub if name == "stub.html" else page)

    one = pipeline(inputs=[str(first)], warehouse_dir=str(warehouse))
    assert extracted == ["story-copy.html", "stub.html"] and one.extraction_reused == 1  # story.html is its twin
    extracted.clear()
    two = pipeline(inputs=[str(second)], warehouse_dir=str(warehouse))
    assert extracted == [] and two.extraction_reused == 3 and two.already_known == 0
    assert two.articles_new == 0 and two.duplicates["url"] == 2 and two.rejects == {"no_article": 1}

    changed = tmp_path / "changed.html"
    changed.write_bytes(page.replace(b"Jane Doe", b"John Doe"))
    three = pipeline(inputs=[str(changed)], warehouse_dir=str(warehouse))
    assert extracted == ["changed.html"] and three.extraction_reused == 0
    sources = query(warehouse, "SELECT source_uri, article_id, duplicate_kind FROM article_sources")
    assert len({article_id for _, article_id, _ in sources}) == 1 and len(sources) == 5
    assert {Path(uri).name: kind for uri, _, kind in sources if Path(uri).parent == second} == {
        "story.html": "url", "story-again.html": "url"}
    rejects = query(warehouse, "SELECT source_uri, reason, detail FROM rejects ORDER BY source_uri")
    assert [(Path(uri).parent.name, reason) for uri, reason, _ in rejects] == [("first", "no_article"),
                                                                              ("second", "no_article")]
    assert rejects[0][2] == rejects[1][2]


# -- one writer at a time ------------------------------------------------------------------------------------

class GatedSite(ThreadingHTTPServer):
    """A one-article site on 127.0.0.1 whose article is answered only once the test opens the gate, so a run
    crawling it holds its warehouse for as long as the test needs."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), GatedHandler)
        self.requested, self.gate = threading.Event(), threading.Event()
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.gate.set()
        self.shutdown()
        self.server_close()


class GatedHandler(BaseHTTPRequestHandler):
    server: GatedSite

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        base = self.server.base
        if self.path == "/feed.xml":
            body, kind = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gated</title><item>'
                          f"<title>Dock strike</title><link>{base}/article.html</link></item></channel></rss>"
                          ).encode(), "application/rss+xml"
        elif self.path == "/article.html":
            self.server.requested.set()
            self.server.gate.wait(COMMAND_TIMEOUT_SECONDS)
            body, kind = article_html(url=f"{base}/article.html").encode(), "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_second_run_on_a_busy_warehouse_stops_with_one_line_or_waits_its_turn(server: Server, tmp_path: Path) -> None:
    warehouse, inputs = tmp_path / "data", jsonl(tmp_path / "other.jsonl", ["2026-03-02", "2026-03-03"])
    gated = GatedSite()
    try:
        patience = str(COMMAND_TIMEOUT_SECONDS)  # the gated article may take that long to come
        first = copydesk_run(server, gated.base + "/feed.xml", "--allow-private", "--warehouse", str(warehouse),
                             cwd=tmp_path, COPYDESK_READ_TIMEOUT_SECONDS=patience,
                             COPYDESK_TOTAL_TIMEOUT_SECONDS=patience)
        assert gated.requested.wait(COMMAND_TIMEOUT_SECONDS), finish(first)  # it holds the lock while it crawls
        assert (warehouse / ".copydesk.lock").read_text() == str(first.pid)

        code, out, err = finish(copydesk_run(server, str(inputs), "--warehouse", str(warehouse), cwd=tmp_path))
        assert code == 1 and out == "" and err.count("\n") == 1, err
        assert err.startswith(f"copydesk: run failed: WarehouseBusy: another copydesk run (pid {first.pid}) is "
                              f"writing {warehouse}; try again"), err
        assert first.poll() is None

        patient = copydesk_run(server, str(inputs), "--warehouse", str(warehouse), cwd=tmp_path,
                               COPYDESK_LOCK_WAIT_SECONDS=patience)
        deadline = time.monotonic() + COMMAND_TIMEOUT_SECONDS
        while running_flow_runs(server) < 2:  # both flow runs are in their flow: the second waits for the lock
            assert time.monotonic() < deadline and patient.poll() is None, finish(patient)
            time.sleep(0.5)
        gated.gate.set()
        assert finish(first)[0] == 0
        code, out, err = finish(patient)
        assert code == 0, err
    finally:
        gated.close()
    batches = duckdb.sql(f"SELECT batch_id, url FROM read_parquet('{warehouse}/lake/articles/*.parquet') "
                         "ORDER BY batch_id").fetchall()
    assert [url for _, url in batches] == [gated.base + "/article.html", "https://news.example.com/0",
                                           "https://news.example.com/1"]  # the first run's batch, then the other's
    assert query(warehouse, "SELECT count(*) FROM articles") == [(3,)]
    assert "verdict: OK" in check_contract(warehouse)


def running_flow_runs(server: Server) -> int:
    return len(server.api("POST", "/flow_runs/filter",  # type: ignore[arg-type]
                          {"flow_runs": {"state": {"type": {"any_": ["RUNNING"]}}}}))


# -- task settings -------------------------------------------------------------------------------------------

def test_every_task_has_a_time_limit_and_network_and_disk_work_is_retried() -> None:
    from prefect import Task

    from copydesk.flows import pipeline as module

    tasks = {t.name: t for t in vars(module).values() if isinstance(t, Task)}
    assert set(tasks) >= {"fetch", "recall-extraction", "clean", "deduplicate", "group", "commit-batch",
                          "build-warehouse"}
    assert all(t.timeout_seconds for t in tasks.values()), {n: t.timeout_seconds for n, t in tasks.items()}
    retried = {name for name, t in tasks.items() if t.retries}
    assert retried == {"fetch", "commit-batch", "build-warehouse"}
    assert all(tasks[name].retry_condition_fn is module.transient for name in retried)
    delays = tasks["fetch"].retry_delay_seconds
    assert delays[1] == 2 * delays[0] and tasks["fetch"].retry_jitter_factor  # exponential, with jitter


@pytest.mark.usefixtures("prefect_server")
def test_retries_are_for_failures_another_attempt_may_cure() -> None:
    from prefect import flow, task

    from copydesk.flows.pipeline import transient

    attempts: list[str] = []

    @task(retries=2, retry_delay_seconds=0, retry_condition_fn=transient, timeout_seconds=1)
    def attempt(kind: str) -> None:
        attempts.append(kind)
        if kind == "network":
            raise httpx.ConnectError("connection refused")
        if kind == "disk":
            raise OSError(28, "No space left on device")
        if kind == "hang":
            time.sleep(30)
        raise ValueError("a data test failed")

    @flow
    def each(kind: str) -> str:
        try:
            attempt(kind)
        except Exception as err:  # noqa: BLE001
            return type(err).__name__
        return "ok"

    outcomes = {}
    for kind in ("network", "disk", "hang", "data"):
        attempts.clear()
        outcomes[kind] = (each(kind), len(attempts))
    assert outcomes == {"network": ("ConnectError", 3), "disk": ("OSError", 3),
                        "hang": ("TaskRunTimeoutError", 1), "data": ("ValueError", 1)}


def spawned_workers() -> set[int]:
    """The pids of this process's multiprocessing children (extraction workers)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and b"spawn_main" in cmdline:
            found.add(int(stat.parent.name))
    return found


@pytest.mark.usefixtures("prefect_server")
@pytest.mark.parametrize("thread", ["main", "crawl"])
def test_a_clean_stage_past_its_timeout_fails_at_once_and_kills_its_workers(thread: str) -> None:
    from prefect import flow
    from prefect.utilities.annotations import quote

    from copydesk.config import Settings
    from copydesk.flows.pipeline import clean
    from copydesk.records import Document
    from copydesk.tasks import extract

    long_page = article_html(paragraphs=PARAGRAPHS * 2000)  # about a second of extraction each
    documents = [Document.of(f"/pages/{n}.html", "html", long_page.replace("Jane Doe", f"Writer {n}").encode())
                 for n in range(4 * extract.PARALLEL_MIN_DOCUMENTS)]

    @flow
    def one_batch() -> str:
        try:
            clean.with_options(timeout_seconds=TIMEOUT_SECONDS)(quote(documents), Settings(workers=2))
        except TimeoutError as err:
            return type(err).__name__
        return "finished"

    outcome: list[str] = []
    started = time.monotonic()
    if thread == "main":  # the command line runs the flow here: the timeout is an alarm signal
        outcome.append(one_batch())
    else:  # a crawl hands its batches over in another thread: Prefect raises the timeout into that thread
        runner = threading.Thread(target=lambda: outcome.append(one_batch()))
        runner.start()
        runner.join(COMMAND_TIMEOUT_SECONDS)
    assert outcome == ["TaskRunTimeoutError"]
    assert time.monotonic() - started < TIMEOUT_SECONDS + 3 * extract.WAIT_SLICE_SECONDS + 10
    assert extract._pool is None and spawned_workers() == set()
