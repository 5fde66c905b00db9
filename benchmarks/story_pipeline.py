"""Measure story grouping through `copydesk run` on ecbplus-dev, alone and mixed with other sets.

Modes, each a fresh warehouse in a temporary folder:

- one batch: `copydesk run ecbplus-dev.jsonl` (496 documents < 500 per batch; the file's `date` is
  not a contract field, so the articles are undated);
- batches of 60: the same with `--batch-size 60` (file order, topic by topic);
- dated, one batch: a copy of the file with `published_at` set from `date` (half of the articles);
- two runs split by time: the dated copy's undated articles and earlier half of the dated ones in a
  first run, the later half in a second run into the same warehouse;
- mixed: ecbplus-dev with the 80 fundus pages and the demo corpus in one run: pair scores on
  ecbplus-dev and on the demo corpus's gold events, and the pairs put together across sets (there
  should be none).

Pairwise and B-cubed scores against the gold events, per mode.

    .venv/bin/python -m benchmarks.story_pipeline [--corpora ../shared/corpora] [--modes ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

from benchmarks.story_quality import ECBPLUS
from benchmarks.wire_eval import bcubed_scores, pairwise_scores

COPYDESK = Path(sys.executable).parent / "copydesk"
DEMO = Path(__file__).resolve().parents[1] / "copydesk" / "demo" / "corpus"
MODES = ("one-batch", "batches-60", "dated", "two-runs", "mixed")


def run(inputs: list[Path], warehouse: Path, *flags: str) -> float:
    """Run `copydesk run` on the inputs into the warehouse; the wall seconds."""
    begin = time.perf_counter()
    subprocess.run(
        [
            str(COPYDESK),
            "run",
            *map(str, inputs),
            "--warehouse",
            str(warehouse),
            "--progress",
            "off",
            *flags,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - begin


def placed(warehouse: Path) -> list[tuple[str, str]]:
    """(source_uri, story_id) of every stored article."""
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(
            "SELECT s.source_uri, a.story_id FROM article_sources s "
            "JOIN articles a USING (article_id) ORDER BY 1"
        ).fetchall()
    finally:
        con.close()


def line(name: str, gold: list[str], predicted: list[str], seconds: float) -> str:
    p, b = pairwise_scores(gold, predicted), bcubed_scores(gold, predicted)
    return (
        f"{name:<26} {len(gold)} articles: "
        f"pair P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}   "
        f"B3 P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}   {seconds:.1f} s"
    )


def ecbplus_scores(
    rows: list[tuple[str, str]], source: Path, events: list[str]
) -> tuple[list[str], list[str]]:
    """Gold and predicted stories of the stored ecbplus-dev lines (`uri#line`)."""
    mine = [(uri, story) for uri, story in rows if uri.rsplit("#", 1)[0].endswith(source.name)]
    return [events[int(uri.rsplit("#", 1)[1]) - 1] for uri, _ in mine], [story for _, story in mine]


def dated_copies(source: Path, folder: Path) -> tuple[Path, Path, Path]:
    """The file with `published_at` from `date`, and its two halves by time (two runs)."""
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    records = [
        {"url": r["url"], "title": r["title"], "text": r["text"], "published_at": r["date"]}
        for r in rows
    ]
    dated = sorted(
        (n for n, r in enumerate(records) if r["published_at"]),
        key=lambda n: records[n]["published_at"],
    )
    later = set(dated[len(dated) // 2 :])
    paths = (folder / source.name, folder / "first" / source.name, folder / "second" / source.name)
    for path, keep in zip(paths, (lambda n: True, lambda n: n not in later, lambda n: n in later)):
        path.parent.mkdir(parents=True, exist_ok=True)
        # the line numbers of the source (a dropped line is an empty object: rejected, not scored)
        path.write_text(
            "".join(json.dumps(r if keep(n) else {}) + "\n" for n, r in enumerate(records)),
            encoding="utf-8",
        )
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--modes", nargs="*", default=list(MODES), choices=MODES)
    args = parser.parse_args()
    source = (args.corpora / ECBPLUS).resolve()
    events = [json.loads(x)["story"] for x in source.read_text(encoding="utf-8").splitlines() if x]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dated, first, second = dated_copies(source, folder / "dated")
        for mode in args.modes:
            warehouse = folder / mode
            if mode == "one-batch":
                seconds = run([source], warehouse)
            elif mode == "batches-60":
                seconds = run([source], warehouse, "--batch-size", "60")
            elif mode == "dated":
                seconds = run([dated], warehouse)
            elif mode == "two-runs":
                seconds = run([first], warehouse) + run([second], warehouse)
            else:
                fundus = args.corpora.resolve() / "fundus-evaluation" / "html"
                seconds = run([source, fundus, DEMO], warehouse)
            rows = placed(warehouse)
            print(line(f"{mode}: ecbplus-dev", *ecbplus_scores(rows, source, events), seconds))
            if mode == "mixed":
                mixed_report(rows, source)


def mixed_report(rows: list[tuple[str, str]], source: Path) -> None:
    """Scores on the demo corpus's gold events, and the stories holding articles of several sets."""
    truth = json.loads((DEMO / "_truth.json").read_text(encoding="utf-8"))["documents"]
    event = {row["source"]: row["event"] for row in truth if row["expected"] == "article"}
    prefix = str(DEMO.resolve()) + "/"
    demo = [(uri.removeprefix(prefix), story) for uri, story in rows if uri.startswith(prefix)]
    demo = [(uri, story) for uri, story in demo if uri in event]
    gold = [event[uri] or f"single:{uri}" for uri, _ in demo]
    print(line("mixed: demo corpus", gold, [story for _, story in demo], 0.0))
    sets = [
        "ecbplus" if source.name in uri else "demo" if uri.startswith(prefix) else "fundus"
        for uri, _ in rows
    ]
    members: dict[str, Counter[str]] = {}
    for (_, story), name in zip(rows, sets):
        members.setdefault(story, Counter())[name] += 1
    across = {s: c for s, c in members.items() if len(c) > 1}
    pairs = sum(sum(c.values()) ** 2 - sum(n * n for n in c.values()) for c in across.values()) // 2
    same = sum(sum(c.values()) * (sum(c.values()) - 1) // 2 for c in members.values())
    print(
        f"mixed: {len(rows)} articles of {dict(Counter(sets))}, {len(across)} stories across sets, "
        f"{pairs} of {same} pairs put together across sets"
        + "".join(f"\n  across: {s} {dict(c)}" for s, c in across.items())
    )


if __name__ == "__main__":
    main()
