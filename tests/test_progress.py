"""Progress on the command line: counting the documents to expect, the plain lines and the bars per stage."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from builders import article_html, write_gzip, write_warc, write_zeros_gzip

from copydesk.progress import BATCH_STAGES, BUILD_STAGE, BatchTotals, Bars, Lines, choose, count_documents
from copydesk.tasks.read import iter_documents

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
MAX_BYTES = 10_000_000


class FakeClock:
    """A clock the test moves by hand, so rates and times left are exact."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def inputs_of_every_kind(root: Path) -> Path:
    root.mkdir()
    (root / "page.html").write_text(article_html())
    write_gzip(root / "page2.html.gz", article_html(title="Second").encode())
    (root / "brief.txt").write_text(" date 2026-03-04 Talks resume\n\nThe talks resumed on Wednesday.")
    lines = [json.dumps({"text": f"record {n}"}) for n in range(5)]
    (root / "feed.jsonl").write_text("\n".join(lines))                      # no newline after the last
    write_gzip(root / "feed2.jsonl.gz", ("\n".join(lines[:3]) + "\n").encode())
    write_warc(root / "crawl.warc.gz", [(f"https://example.com/{n}", "text/html", article_html().encode())
                                        for n in range(4)])
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")                             # a reject, still a document
    (root / "_skipped.html").write_text("not read: names starting with _ are notes")
    return root


def test_the_count_up_front_matches_what_reading_gives(tmp_path: Path) -> None:
    root = inputs_of_every_kind(tmp_path / "in")
    read = sum(1 for _ in iter_documents([str(root)], MAX_BYTES))
    assert read == 1 + 1 + 1 + 5 + 3 + 4 + 1
    assert count_documents([str(root)]) == read


def test_a_cut_gzip_counts_what_can_be_read(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"text": "x" * 200, "n": n}).encode() + b"\n" for n in range(50)))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    counted = count_documents([str(tmp_path)])
    assert counted is not None and 0 < counted < 50


def test_the_count_reads_regular_files_only_in_bounded_memory(tmp_path: Path) -> None:
    line = json.dumps({"text": "The line after the bomb."}).encode()
    write_zeros_gzip(tmp_path / "bomb.jsonl.gz", 200 << 20, b"\n" + line + b"\n")
    os.mkfifo(tmp_path / "pipe.jsonl")  # opened, it would wait for a writer
    code = ("import sys; from copydesk.progress import count_documents; "
            "print(count_documents(sys.argv[1:]), *(line.split()[1] for line in "
            "open('/proc/self/status') if line.startswith('VmHWM:')))")  # the child's own peak RSS
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                            text=True, timeout=60, check=True)
    counted, peak_kb = map(int, result.stdout.split())
    assert counted == 2 and peak_kb < 150_000, (counted, peak_kb)


def test_a_crawl_has_no_total_up_front(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(article_html())
    assert count_documents([str(tmp_path), "https://example.com/feed.xml"]) is None


def test_lines_say_where_the_run_stands_after_each_batch() -> None:
    clock, out = FakeClock(), io.StringIO()
    lines = Lines(out, clock)
    lines.set_total(2_000)
    lines.run_began()
    clock.now += 50
    lines.batch_done(BatchTotals(batches=1, documents=500, articles=480, duplicates=1, rejects=19))
    clock.now += 50
    lines.batch_done(BatchTotals(batches=2, documents=2_000, articles=1_900, duplicates=2, rejects=98))
    lines.stage_done(BUILD_STAGE, 0, 3.25)
    assert out.getvalue().splitlines() == [
        "batch 1: 500 of 2,000 documents (25%); 480 new articles, 1 duplicate, 19 rejects; 10.0 documents/s, "
        "about 2m 30s left",
        "batch 2: 2,000 of 2,000 documents (100%); 1,900 new articles, 2 duplicates, 98 rejects; 20.0 documents/s",
        "built the warehouse in 3.2 s",
    ]


def test_a_count_that_fell_short_is_raised_to_what_was_done() -> None:
    clock, out = FakeClock(), io.StringIO()
    lines, bars = Lines(out, clock), Bars(io.StringIO(), clock, force_terminal=True, width=110)
    for display in (lines, bars):
        display.set_total(320)              # a cut gzip file is one more document: its reject
        display.run_began()
    clock.now += 10
    lines.batch_done(BatchTotals(batches=1, documents=321, articles=300, duplicates=0, rejects=21))
    assert out.getvalue().startswith("batch 1: 321 of 321 documents (100%);")
    bars.stage_done("read", 321, 1.0)
    assert bars.progress.tasks[0].total == 321
    bars.close(completed=True)


def test_lines_without_a_total_say_no_percentage_nor_time_left() -> None:
    clock, out = FakeClock(), io.StringIO()
    lines = Lines(out, clock)
    lines.run_began()
    clock.now += 4
    lines.batch_done(BatchTotals(batches=1, documents=10, articles=10, duplicates=0, rejects=0))
    assert out.getvalue() == "batch 1: 10 documents; 10 new articles, 0 duplicates, 0 rejects; 2.5 documents/s\n"


def screen(out: io.StringIO) -> list[str]:
    """The last frame the bars drew, without terminal codes."""
    frames = ANSI.sub("", out.getvalue().replace("\r", "\n"))
    lines = [line.rstrip() for line in frames.splitlines() if line.strip()]
    stages = (*BATCH_STAGES, BUILD_STAGE)
    last = max(i for i, line in enumerate(lines) if line.startswith("read "))
    return [line for line in lines[last:] if line.split(" ")[0] in stages]


def test_bars_show_documents_rate_and_time_left_per_stage() -> None:
    clock, out = FakeClock(), io.StringIO()
    bars = Bars(out, clock, force_terminal=True, width=110)
    bars.run_began()
    clock.now += 10
    for stage, seconds in zip(BATCH_STAGES, (0.5, 6.0, 0.25, 2.0, 1.0)):
        bars.stage_done(stage, 500, seconds)
    bars.set_total(2_000)              # the count up front arrives when it is ready
    bars.progress.refresh()
    rows = {line.split()[0]: line for line in screen(out)}
    assert list(rows) == list(BATCH_STAGES)
    assert all("500/2,000" in row and "30 s left" in row for row in rows.values())  # 1,500 left at 50/s
    assert "1,000 docs/s" in rows["read"] and "83 docs/s" in rows["clean"] and "250 docs/s" in rows["group"]

    bars.stage_began(BUILD_STAGE)
    clock.now += 5
    bars.stage_done(BUILD_STAGE, 0, 4.5)
    bars.close(completed=True)
    rows = {line.split()[0]: line for line in screen(out)}
    assert rows[BUILD_STAGE].startswith("build (4.5 s)")
    assert all("500/500" in rows[stage] and "left" not in rows[stage] for stage in BATCH_STAGES)


def test_bars_without_a_total_count_up() -> None:
    clock, out = FakeClock(), io.StringIO()
    bars = Bars(out, clock, force_terminal=True, width=110)
    bars.run_began()
    clock.now += 2
    bars.stage_done("read", 40, 1.0)
    bars.progress.refresh()
    rows = {line.split()[0]: line for line in screen(out)}
    assert "40/?" in rows["read"] and "40 docs/s" in rows["read"] and "left" not in rows["read"]
    assert "0/?" in rows["clean"]
    bars.close(completed=False)


def test_the_display_follows_the_stream() -> None:
    master, slave = os.openpty()
    try:
        with open(slave, "w", closefd=False) as terminal:
            assert choose("auto", terminal) == "bars"
            assert choose("auto", terminal, verbose=True) == "off"   # Prefect's logs go there instead
            assert choose("lines", terminal) == "lines"
    finally:
        os.close(master)
        os.close(slave)
    assert choose("auto", io.StringIO()) == "lines"
    assert choose("bars", io.StringIO()) == "bars"

