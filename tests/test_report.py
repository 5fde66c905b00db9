"""`copydesk report`: the page's content checked against the warehouse (parsed with lxml, always), then the page
opened in a real headless Chromium through the DevTools protocol (skipped, saying why, when it is absent).

Two warehouses: the demo one (the pipeline on the demo corpus), and a small one whose titles, outlets and URLs
are hostile, to prove that text from the web cannot become markup.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import lxml.html
import pyarrow as pa
import pytest
from test_cli import copydesk
from test_cli_sql import direct

from copydesk.cli import main
from copydesk.report.charts import LANGUAGE_BAR_WIDTH_UNITS, format_lag, time_ticks
from copydesk.report.data import DEFAULT_TOP_STORIES
from copydesk.report.page import REPORT_FILE
from copydesk.warehouse.build import build_warehouse
from copydesk.warehouse.lake import SCHEMAS, Lake

pytestmark = pytest.mark.e2e     # the demo warehouse runs the pipeline through the real Prefect engine
BATCH = "20260307T000000000000Z-000002"
HOSTILE_TITLE = '</title><script>alert("title")</script><img src=x onerror=alert(1)> & "quotes"'
HOSTILE_OUTLET = 'evil"><b onmouseover=alert(2)>.example'
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
BROWSER_START_TIMEOUT_SECONDS = 30
PAGE_LOAD_TIMEOUT_SECONDS = 30
LAPTOP_WINDOW = (1366, 768)     # a common laptop screen, in CSS pixels

# The widest stories, in the report's order; the report must draw exactly these.
TOP_STORIES = """
select story_id, headline from story_summary where first_published_at is not null
order by n_outlets desc, n_articles desc, first_published_at desc, story_id limit {top}
"""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=timezone.utc)


# article_id, story_id, wire_cluster_id, outlet, published_at, language, title, url
HOSTILE_ARTICLES = [
    ("h1", "s1", "w1", "wire.example", at(2, 8), "en", HOSTILE_TITLE, "javascript:alert(3)"),
    ("h2", "s1", "w1", HOSTILE_OUTLET, at(2, 9), "en", "Copy <i>one</i>", "https://evil.example/a?x=1&y=\"2\""),
    ("h3", "s1", "w2", HOSTILE_OUTLET, at(2, 9), "de", "Eigener Bericht", "https://evil.example/b"),
    ("h4", "s1", "w3", None, at(2, 12), "fr", None, None),
    ("h5", "s1", "w1", "late.example", None, "en", "Undated copy", "https://late.example/c"),
    ("h6", "s2", "w4", "late.example", at(3, 7), "und", "&amp; already escaped?", "https://late.example/d"),
    ("h7", "s2", "w5", None, at(3, 0), "en", "Day only, same day", None),
    ("h8", "s3", "w6", None, at(4, 0), "en", "Day only, first", None),
    ("h9", "s3", "w7", "late.example", at(5, 9), "en", "Timed, next day", "https://late.example/e"),
]
DATE_ONLY = {"h7", "h8"}      # the source gave only the day


def write_hostile_lake(root: Path, rows: list[tuple] = HOSTILE_ARTICLES) -> Lake:   # type: ignore[type-arg]
    """Commit six articles in two stories with hostile titles, outlets and URLs, and one kept source each."""
    articles = [{"article_id": a, "story_id": s, "wire_cluster_id": w, "outlet": o, "published_at": p,
                 "published_precision": None if p is None else "date" if a in DATE_ONLY else "time",
                 "language": lang, "title": title, "url": url, "source_uri": f"/in/{a}.html", "text": f"text {a}",
                 "word_count": 2, "content_hash": f"h-{a}", "doc_key": f"k-{a}", "batch_id": BATCH,
                 "ingested_at": at(7, 0), "wire_similarity": 1.0, "reused_share": 0.0}
                for a, s, w, o, p, lang, title, url in rows]
    sources = [{"source_uri": a["source_uri"], "article_id": a["article_id"], "duplicate_kind": None,
                "doc_key": a["doc_key"], "batch_id": BATCH} for a in articles]
    lake = Lake(root)
    lake.commit(BATCH, {name: pa.Table.from_pylist(rows, schema=SCHEMAS[name])
                        for name, rows in {"articles": articles, "article_sources": sources}.items()})
    return lake


def report(warehouse: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run `copydesk report` in this process; return its exit status, stdout and stderr."""
    status = main(["report", "--warehouse", str(warehouse), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def demo_report(demo_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("report") / "demo.html"
    assert main(["report", "--warehouse", str(demo_warehouse), "--output", str(output)]) == 0
    return output


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    build_warehouse(write_hostile_lake(root / "lake"), root)
    return root


@pytest.fixture(scope="module")
def hostile_report(hostile_warehouse: Path) -> Path:
    assert main(["report", "--warehouse", str(hostile_warehouse)]) == 0
    return hostile_warehouse / REPORT_FILE


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


# --- the page's content, without a browser -------------------------------------------------------------------

def test_the_page_needs_nothing_from_the_network(demo_report: Path) -> None:
    page = parse(demo_report)
    text = demo_report.read_text(encoding="utf-8")
    assert not page.xpath("//*[@src]") and not page.xpath("//link") and not page.xpath("//iframe|//object|//embed")
    assert "url(" not in text and "@import" not in text and "//cdn" not in text
    # the only links out are the articles themselves, opened in a new tab
    for link in page.xpath("//a[@href]"):
        href = link.get("href")
        assert href.startswith("#") or (href.startswith(("http://", "https://")) and link.get("target") == "_blank")
    assert len(page.xpath("//script")) == 1 and len(page.xpath("//style")) == 1


def test_the_timelines_are_the_widest_stories_with_a_lane_per_outlet_and_a_mark_per_article(
        demo_report: Path, demo_warehouse: Path) -> None:
    page = parse(demo_report)
    expected = direct(demo_warehouse, TOP_STORIES.format(top=DEFAULT_TOP_STORIES))
    stories = page.xpath("//article[@class='story']")
    assert [s.get("data-story") for s in stories] == [story_id for story_id, _ in expected]
    for story, (story_id, headline) in zip(stories, expected):
        assert story.xpath("string(h3)").split(". ", 1)[1] == headline
        articles = direct(demo_warehouse, f"""
            select coalesce(outlet, ''), is_wire_copy, is_first_report, article_id, wire_origin_id
            from int_article_positions
            where story_id = '{story_id}' and published_at is not null
                  and (not is_date_only or is_first_report)
            order by position_in_story""")
        svg = story.xpath(".//*[local-name()='svg']")[0]
        outlets = list(dict.fromkeys(outlet for outlet, *_ in articles))  # by their first article
        labels = [t.xpath("string(text())") for t in svg.xpath(".//*[contains(@class, 'lane-label')]")]
        assert labels == [o or "outlet unknown" for o in outlets]
        marks = svg.xpath(".//*[contains(concat(' ', @class, ' '), ' mark ')]")
        assert len(marks) == len(articles) == int(svg.get("data-marks"))
        assert len(labels) == int(svg.get("data-lanes"))
        wire = sum(1 for _, is_wire, *_ in articles if is_wire)
        assert len([m for m in marks if "wire" in m.get("class").split()]) == wire
        assert len([m for m in marks if "own" in m.get("class").split()]) == len(articles) - wire
        drawn = {article_id for *_, article_id, _ in articles}
        joined = sum(1 for _, is_wire, _, _, origin in articles if is_wire and origin in drawn)
        assert len(svg.xpath(".//*[@class='wire-link']")) == joined  # copy -> drawn origin
        assert len(svg.xpath(".//*[@class='first-ring']")) == 1
        assert "first" in marks[0].get("class").split() and articles[0][2]
        # the right column: how long after the first report each known outlet's first article came
        lags = dict(direct(demo_warehouse, f"select outlet, minutes_behind_first from story_outlets "
                                           f"where story_id = '{story_id}'"))
        shown = [t.text for t in svg.xpath(".//*[@class='lag']")]
        for outlet, lag in zip(outlets, shown):
            if outlet:
                assert lag == ("first" if lags[outlet] == 0 else f"+{format_lag(lags[outlet])}")


def test_the_leaderboard_is_outlet_summary_most_first_reports_first(demo_report: Path, demo_warehouse: Path) -> None:
    rows = parse(demo_report).xpath("//table[@id='leaderboard']/tbody/tr")
    expected = direct(demo_warehouse, """
        select outlet, n_first_reports, n_articles, n_stories, wire_copy_share, median_minutes_behind_first
        from outlet_summary
        order by n_first_reports desc, median_minutes_behind_first nulls last, n_articles desc, outlet""")
    assert len(rows) == len(expected) > 0
    for row, (outlet, firsts, articles, stories, share, lag) in zip(rows, expected):
        values = [td.get("data-value") for td in row.xpath("td")]
        assert values[1] == row.get("data-outlet") == outlet
        assert [int(v) for v in values[3:6]] == [firsts, articles, stories]
        assert float(values[6]) == share and row.xpath("string(td[7])") == f"{share:.0%}"
        assert (values[7] == "" if lag is None else float(values[7]) == lag)
        assert row.xpath("string(td[8])") == format_lag(lag)
        days = direct(demo_warehouse, f"select count(*) from outlet_daily where outlet = '{outlet}'")[0][0]
        assert len(row.xpath(".//*[@class='day-bar']")) == days


def test_the_language_bar_splits_the_articles_by_language(demo_report: Path, demo_warehouse: Path) -> None:
    svg = parse(demo_report).xpath("//*[@id='language-bar']")[0]
    expected = direct(demo_warehouse, "select language, count(*) from articles group by all order by 2 desc, 1")
    segments = svg.xpath(".//*[@class='segment']")
    assert [(s.get("data-language"), int(s.get("data-articles"))) for s in segments] == expected
    widths = [float(s.xpath("*[local-name()='rect']")[0].get("width")) for s in segments]
    assert sum(widths) == pytest.approx(LANGUAGE_BAR_WIDTH_UNITS, abs=0.1)
    total = sum(n for _, n in expected)
    assert [round(w / LANGUAGE_BAR_WIDTH_UNITS * total) for w in widths] == [n for _, n in expected]


def test_text_from_the_web_stays_text(hostile_report: Path) -> None:
    page = parse(hostile_report)
    assert len(page.xpath("//script")) == 1 and not page.xpath("//img") and not page.xpath("//b[@onmouseover]")
    assert not page.xpath("//*[@onerror or @onmouseover]")
    headline = page.xpath("//article[@class='story']/h3")[0].text_content()
    assert headline == f"1. {HOSTILE_TITLE}"
    lanes = page.xpath("//*[contains(@class, 'lane-label')]")
    assert HOSTILE_OUTLET in [t.xpath("string(*[local-name()='title'])") for t in lanes]   # in full
    cut = [t.xpath("string(text())") for t in lanes if t.xpath("string(text())").endswith("…")]
    assert len(cut) == 1 and HOSTILE_OUTLET.startswith(cut[0][:-1])                       # cut to fit
    assert HOSTILE_OUTLET in [td.text_content() for td in page.xpath("//td[contains(@class, 'outlet')]")]
    hrefs = [a.get("href") for a in page.xpath("//a[@href]")]
    assert "https://evil.example/a?x=1&y=\"2\"" in hrefs              # an attribute, quoted and escaped
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert "&amp; already escaped?" in page.text_content()            # shown as written: escaped once, not twice
    assert "&amp;amp; already escaped?" in hostile_report.read_text(encoding="utf-8")


# What web text may hold that no page should: C0 controls but tab, newline and return (NUL, ESC),
# DEL, C1 controls. (A lone surrogate cannot come from DuckDB, whose strings are UTF-8.)
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x80\x85\x9b\x9f"
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def test_control_characters_from_the_web_do_not_reach_the_page(tmp_path: Path) -> None:
    rows = [(a, s, w, o and o + CONTROLS, p, lang, title and CONTROLS + title + "\x00",
             url and url + "\x01") for a, s, w, o, p, lang, title, url in HOSTILE_ARTICLES]
    build_warehouse(write_hostile_lake(tmp_path / "lake", rows), tmp_path)
    assert main(["report", "--warehouse", str(tmp_path)]) == 0
    assert CONTROL_CHARACTERS.findall((tmp_path / REPORT_FILE).read_text(encoding="utf-8")) == []
    page = parse(tmp_path / REPORT_FILE)
    headline = page.xpath("//article[@class='story']/h3")[0].text_content()
    assert headline == f"1. [31m{HOSTILE_TITLE}"      # the text kept, without its controls
    outlets = [td.text_content() for td in page.xpath("//td[contains(@class, 'outlet')]")]
    assert HOSTILE_OUTLET + "[31m" in outlets


def test_the_hostile_warehouse_draws_undated_unknown_and_same_time_articles(hostile_report: Path) -> None:
    story = parse(hostile_report).xpath("//article[@class='story']")[0]
    svg = story.xpath(".//*[local-name()='svg']")[0]
    assert [t.xpath("string(*[local-name()='title'])") for t in svg.xpath(".//*[contains(@class, 'lane-label')]")] == [
        "wire.example", HOSTILE_OUTLET, "outlet unknown"]
    assert int(svg.get("data-marks")) == 4 and "1 undated article not drawn" in story.text_content()
    assert [t.text for t in svg.xpath(".//*[@class='stack']")] == ["×2"]   # two articles in one minute, one lane
    assert [t.text for t in svg.xpath(".//*[@class='lang-code']")] == ["EN", "DE EN", "FR"]


def test_a_date_only_article_is_shown_as_a_day_and_drawn_only_when_it_reports_first(
        hostile_report: Path) -> None:
    page = parse(hostile_report)
    stories = {s.get("data-story"): s for s in page.xpath("//article[@class='story']")}
    s2, s3 = stories["s2"], stories["s3"]   # s2: h7, date-only on h6's day (07:00), is not first
    meta = " ".join(s2.xpath("string(p[@class='meta'])").split())
    assert meta.startswith("First reported Tue 3 Mar 2026, 07:00 UTC by late.example")
    assert meta.endswith("1 article dated by day only, not drawn.")
    assert int(s2.xpath(".//*[local-name()='svg']")[0].get("data-marks")) == 1
    meta = " ".join(s3.xpath("string(p[@class='meta'])").split())   # s3: h8, a day before h9
    assert meta.startswith("First reported Wed 4 Mar 2026 by an article with no known outlet")
    marks = s3.xpath(".//*[contains(concat(' ', @class, ' '), ' mark ')]")
    assert len(marks) == 2 and "first" in marks[0].get("class").split()
    tooltip = marks[0].xpath("string(.//*[local-name()='title'])")
    assert "outlet unknown · Wed 4 Mar 2026\n" in tooltip
    assert "00:00" not in page.xpath("string(//p[@class='lede'])")


def test_the_report_goes_to_the_warehouse_folder_by_default_atomically_and_the_same_each_time(
        hostile_warehouse: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = report(hostile_warehouse, capsys=capsys)
    assert status == 0 and not err
    assert out.strip() == (f"wrote {hostile_warehouse / REPORT_FILE} "
                           "(3 story timelines, 3 outlets, 4 languages)")
    first = (hostile_warehouse / REPORT_FILE).read_bytes()
    assert report(hostile_warehouse, capsys=capsys)[0] == 0
    assert (hostile_warehouse / REPORT_FILE).read_bytes() == first     # deterministic: same warehouse, same page
    assert not [p for p in hostile_warehouse.iterdir() if p.name.endswith(".tmp")]
    status, out, _ = report(hostile_warehouse, "--output", str(tmp_path / "new" / "r.html"), "--stories", "1",
                            capsys=capsys)
    assert status == 0 and len(parse(tmp_path / "new" / "r.html").xpath("//article[@class='story']")) == 1


def test_the_installed_command_writes_the_report_without_starting_prefect(demo_warehouse: Path,
                                                                          tmp_path: Path) -> None:
    result = copydesk("report", "--warehouse", str(demo_warehouse), "--output", "out/report.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote out/report.html (8 story timelines, ")
    assert parse(tmp_path / "out" / "report.html").xpath("//table[@id='leaderboard']")
    assert not (tmp_path / ".prefect").exists()         # a reader: no Prefect home, no server


def test_the_report_fails_in_one_line(tmp_path: Path, hostile_warehouse: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = report(tmp_path / "nowhere", capsys=capsys)
    assert status == 1 and not out and err.count("\n") == 1 and "no warehouse at" in err
    status, out, err = report(hostile_warehouse, "--output", str(tmp_path), capsys=capsys)
    assert status == 1 and err == f"copydesk: cannot write the report to {tmp_path}: Is a directory\n"
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--stories", "0"])
    assert exit_.value.code == 2


def test_an_empty_warehouse_gives_a_page_that_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_warehouse(Lake(tmp_path / "lake"), tmp_path)
    status, out, err = report(tmp_path, capsys=capsys)
    assert status == 0, err
    page = parse(tmp_path / REPORT_FILE)
    assert "No dated story yet" in page.text_content() and "No outlet yet" in page.text_content()
    assert not page.xpath("//*[@id='language-bar']")


def test_lags_and_time_ticks_read_well() -> None:
    assert [format_lag(m) for m in (None, 0, 0.4, 45, 60, 365, 1440, 1441 + 59, 2 * 1440 + 180)] == [
        "—", "0 min", "0 min", "45 min", "1 h 00 min", "6 h 05 min", "1 d", "1 d 1 h", "2 d 3 h"]
    ticks = time_ticks(at(3, 0, 10), at(3, 18, 11))
    assert ticks[0] == at(3, 3) and ticks[-1] == at(3, 18) and len(ticks) == 6   # every 3 h, on the hour
    assert [t.hour for t in time_ticks(at(2, 5), at(7, 23))] == [0] * 5          # days, from midnight
    assert len(time_ticks(at(1, 0), datetime(2026, 9, 1, tzinfo=timezone.utc))) <= 8


# --- the page in a real browser ------------------------------------------------------------------------------

class Browser:
    """A headless Chromium driven over the DevTools protocol: one page, its events kept."""

    def __init__(self, executable: str, profile: Path) -> None:
        from websockets.sync.client import connect

        width, height = LAPTOP_WINDOW
        self.process = subprocess.Popen(
            [executable, "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run",
             "--no-default-browser-check", "--remote-debugging-port=0", f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + BROWSER_START_TIMEOUT_SECONDS
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError(f"{executable} did not open its DevTools port")
            time.sleep(0.1)
        port = port_file.read_text().splitlines()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
            target = next(t for t in json.load(answer) if t["type"] == "page")
        self.socket = connect(target["webSocketDebuggerUrl"], max_size=None)
        self.events: list[dict] = []
        self.next_id = 0
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params: object) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=PAGE_LOAD_TIMEOUT_SECONDS))
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]
            self.events.append(message)

    def open(self, path: Path) -> None:
        """Load a file and wait for its load event; keep only this page's events."""
        self.events.clear()
        self.call("Page.navigate", url=path.as_uri())
        deadline = time.monotonic() + PAGE_LOAD_TIMEOUT_SECONDS
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            assert time.monotonic() < deadline, "the page did not finish loading"
            try:
                self.events.append(json.loads(self.socket.recv(timeout=1)))
            except TimeoutError:
                pass

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Say what went wrong on the page: exceptions, console errors and warnings, log errors, dialogs."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {params['args']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params['message']}")
        return found

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        if getattr(self, "socket", None):
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = os.environ.get("COPYDESK_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if not executable:
        pytest.skip("no Chromium on PATH (Debian: apt-get install chromium; or set COPYDESK_CHROMIUM): the report's "
                    "browser tests need a real headless browser")
    browser = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


def test_chromium_loads_the_page_offline_without_errors_and_draws_the_charts(
        browser: Browser, demo_report: Path, demo_warehouse: Path, tmp_path: Path) -> None:
    browser.open(demo_report)
    assert browser.problems() == []
    assert browser.requests() == [demo_report.as_uri()]      # the page alone: no font, style, script or image
    expected = direct(demo_warehouse, f"""
        with top as ({TOP_STORIES.format(top=DEFAULT_TOP_STORIES)})
        select count(distinct coalesce(outlet, '')), count(*)
        from int_article_positions join top using (story_id)
        where published_at is not null and (not is_date_only or is_first_report)
        group by story_id
        order by any_value(story_id)""")
    drawn = browser.evaluate("""Array.from(document.querySelectorAll('svg.timeline')).map(function (svg) {
        var box = svg.getBoundingClientRect();
        var inside = Array.from(svg.querySelectorAll('.mark')).every(function (m) {
          var r = m.getBoundingClientRect();
          return r.width > 4 && r.left >= box.left && r.right <= box.right && r.top >= box.top &&
                 r.bottom <= box.bottom;
        });
        return {story: svg.closest('article').dataset.story, lanes: svg.querySelectorAll('.lane-label').length,
                marks: svg.querySelectorAll('.mark').length, width: box.width, height: box.height, inside: inside};
      })""")
    order = [s for s, _ in direct(demo_warehouse, TOP_STORIES.format(top=DEFAULT_TOP_STORIES))]
    assert [d["story"] for d in drawn] == order
    assert sorted((d["lanes"], d["marks"]) for d in drawn) == sorted(tuple(row) for row in expected)
    assert all(d["inside"] and d["width"] > 900 and d["height"] > 100 for d in drawn)   # drawn, at a readable size
    languages = direct(demo_warehouse, "select count(distinct language) from articles")[0][0]
    assert browser.evaluate("document.querySelectorAll('#language-bar .segment rect').length") == languages
    assert browser.evaluate("document.querySelector('#language-bar').getBoundingClientRect().width") > 900
    outlets = direct(demo_warehouse, "select count(*) from outlet_summary")[0][0]
    assert browser.evaluate("document.querySelectorAll('#leaderboard tbody tr').length") == outlets
    assert browser.evaluate("document.querySelectorAll('#leaderboard svg.spark').length") == outlets
    # it fits a laptop screen: nothing wider than the window
    assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot = base64.b64decode(browser.call("Page.captureScreenshot", format="png")["data"])
    assert screenshot.startswith(b"\x89PNG") and len(screenshot) > 20_000
    (tmp_path / "report.png").write_bytes(screenshot)


def test_hovering_a_mark_shows_its_headline_and_the_leaderboard_sorts(
        browser: Browser, demo_report: Path, demo_warehouse: Path) -> None:
    browser.open(demo_report)
    box = browser.evaluate("""(function () {
        var mark = document.querySelector('svg.timeline .mark.wire');
        mark.scrollIntoView({block: 'center'});
        var r = mark.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2, article: mark.dataset.article};
      })()""")
    browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=box["x"], y=box["y"])
    tip = browser.evaluate("var t = document.getElementById('tip'); t.hidden ? null : t.textContent")
    title, agency = direct(demo_warehouse, f"select title, wire_agency from articles "
                                           f"where article_id = '{box['article']}'")[0]
    assert tip and title in tip and "wire copy" in tip and (agency is None or agency in tip)
    browser.evaluate("Array.from(document.querySelectorAll('#leaderboard th button'))"
                     ".find(function (b) { return b.textContent === 'Median lag'; }).click()")
    shown = browser.evaluate("Array.from(document.querySelectorAll('#leaderboard tbody tr'))"
                             ".map(function (r) { return r.dataset.outlet; })")
    assert shown == [o for o, in direct(demo_warehouse, "select outlet from outlet_summary order by "
                                        "median_minutes_behind_first nulls last, n_first_reports desc, "
                                        "median_minutes_behind_first, n_articles desc, outlet")]
    assert browser.evaluate("document.querySelector('#leaderboard th[aria-sort]').textContent") == "Median lag"
    assert browser.problems() == []


def test_chromium_runs_no_script_from_hostile_titles(browser: Browser, hostile_report: Path) -> None:
    browser.open(hostile_report)
    assert browser.problems() == []                          # no alert() dialog, no error
    assert browser.evaluate("document.scripts.length") == 1 and browser.evaluate("document.images.length") == 0
    assert browser.evaluate("document.querySelector('article.story h3').textContent") == f"1. {HOSTILE_TITLE}"
