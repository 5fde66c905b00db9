"""Lay the report out as one self-contained HTML page and write it atomically.

The page needs nothing from the network: the styles, the charts (inline SVG) and a few lines of script (hover
details for the charts, sorting the leaderboard) are all in the file. Without script it still shows every chart,
the leaderboard in its default order, and native tooltips.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from copydesk.files import write_text_atomic
from copydesk.report.charts import (esc, format_day, format_lag, format_time, language_bar_svg,
                                    language_colours, language_name, legend_svg, report_days, sparkline_svg,
                                    story_timeline_svg)
from copydesk.report.data import DEFAULT_TOP_STORIES, OutletRow, ReportData, StoryTimeline, read_report
from copydesk.warehouse.query import open_warehouse
from copydesk.wording import noun

REPORT_FILE = "report.html"     # written into the warehouse folder unless --output says otherwise
SORTED_BY_DEFAULT = ' aria-sort="descending"'   # the leaderboard's order as written: most first reports first

STYLE = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --ground: #f3f4f6;
        --own: #0072B2; --wire: #D55E00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--ground); color: var(--ink); line-height: 1.5;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial,
             sans-serif; }
main, header.top, footer { max-width: 1140px; margin: 0 auto; padding: 0 24px; }
header.top { padding-top: 32px; padding-bottom: 8px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 0 0 4px; }
h3 { font-size: 17px; line-height: 1.35; margin: 0 0 4px; overflow-wrap: anywhere; }
p { margin: 0 0 8px; }
.lede { color: var(--muted); font-size: 16px; margin-bottom: 16px; }
nav a { color: var(--own); margin-right: 16px; text-decoration: none; font-weight: 600; }
nav a:hover, nav a:focus { text-decoration: underline; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 20px 0 8px;
         padding: 0; list-style: none; }
.stat { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.stat b { display: block; font-size: 26px; line-height: 1.2; font-variant-numeric: tabular-nums; }
.stat span { color: var(--muted); font-size: 13px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 22px 24px;
          margin: 20px 0; }
.explain { color: var(--muted); max-width: 80ch; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 10px 0 4px; font-size: 14px; }
.legend .key { display: inline-flex; align-items: center; gap: 6px; }
.story { border-top: 1px solid var(--line); padding: 18px 0 6px; }
.story:first-of-type { border-top: 0; }
.story .meta { color: var(--muted); font-size: 14px; margin-bottom: 6px; }
.story .meta b { color: var(--ink); font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg text { font-family: inherit; }
.timeline .stripe { fill: #f6f8fa; }
.timeline .grid { stroke: var(--line); stroke-dasharray: 2 3; }
.timeline .axis { stroke: #8c959f; }
.timeline .tick { font-size: 12px; fill: var(--muted); text-anchor: middle; font-variant-numeric: tabular-nums; }
.timeline .tick.day { font-weight: 600; fill: var(--ink); }
.timeline .lane-label { font-size: 13px; fill: var(--ink); text-anchor: end; }
.timeline .lane-label.unknown { font-style: italic; fill: var(--muted); }
.timeline .lang-code { font-size: 10.5px; fill: var(--muted); letter-spacing: 0.05em; }
.timeline .lag { font-size: 12px; fill: var(--muted); text-anchor: end; font-variant-numeric: tabular-nums; }
.timeline .stack { font-size: 11px; fill: var(--muted); }
.mark.own { fill: var(--own); stroke: #ffffff; stroke-width: 1.5; }
.mark.wire { fill: #ffffff; stroke: var(--wire); stroke-width: 2.5; }
.first-ring { fill: none; stroke: var(--ink); stroke-width: 1.6; }
.wire-link { fill: none; stroke: var(--wire); stroke-opacity: 0.45; stroke-width: 1.4; }
svg a:focus { outline: none; }
svg a:focus .mark, .mark:hover { stroke: var(--ink); stroke-width: 3; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
th, td { padding: 7px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { font-size: 13px; color: var(--muted); font-weight: 600; vertical-align: bottom; white-space: normal; }
th span { font-weight: 400; }
th.text, td.text { text-align: left; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer;
            text-align: inherit; }
th button:hover, th button:focus-visible { color: var(--ink); text-decoration: underline; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
tbody tr:hover { background: #f6f8fa; }
td.outlet { font-weight: 600; }
.cellbar { display: inline-flex; align-items: center; gap: 8px; justify-content: flex-end; }
.cellbar i { display: inline-block; width: 56px; height: 8px; background: #eaeef2; border-radius: 4px;
             overflow: hidden; }
.cellbar i s { display: block; height: 100%; border-radius: 4px; }
.cellbar.first i s { background: var(--own); }
.cellbar.wire i s { background: var(--wire); }
svg.spark { width: 120px; height: 30px; display: block; margin-left: auto; }
.spark rect.own { fill: var(--own); }
.spark rect.wire { fill: var(--wire); }
.language-bar text { font-size: 15px; font-weight: 600; }
.language-legend { display: flex; flex-wrap: wrap; gap: 8px 26px; padding: 0; margin: 12px 0 6px;
                   list-style: none; font-size: 14px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
          vertical-align: -1px; }
footer { color: var(--muted); font-size: 13px; padding-bottom: 32px; }
#tip { position: fixed; z-index: 10; max-width: 360px; padding: 8px 10px; border-radius: 6px; background: var(--ink);
       color: #ffffff; font-size: 13px; line-height: 1.4; white-space: pre-line; pointer-events: none;
       box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25); }
#tip[hidden] { display: none; }
@media (max-width: 700px) { main, header.top, footer { padding: 0 12px; } section { padding: 16px 12px; } }
"""

# Hover and focus details for chart elements (their SVG <title> moves into a styled box), and sorting the
# leaderboard by any column. The page works without it.
SCRIPT = """
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  document.querySelectorAll("svg .mark > title, svg .segment > title, svg .day-bar > title").forEach(function (title) {
    var owner = title.parentNode;
    owner.setAttribute("data-tip", title.textContent);
    owner.setAttribute("aria-label", title.textContent);
    owner.removeChild(title);
  });
  function place(x, y) {
    var box = tip.getBoundingClientRect();
    var left = Math.min(x + 14, window.innerWidth - box.width - 8);
    var top = y + 16 + box.height > window.innerHeight ? y - box.height - 12 : y + 16;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }
  function show(target, x, y) {
    var owner = target.closest ? target.closest("[data-tip]") : null;
    if (!owner) { tip.hidden = true; return; }
    tip.textContent = owner.getAttribute("data-tip");
    tip.hidden = false;
    place(x, y);
  }
  document.addEventListener("mousemove", function (e) { show(e.target, e.clientX, e.clientY); });
  document.addEventListener("focusin", function (e) {
    var owner = e.target.querySelector ? (e.target.matches("[data-tip]") ? e.target :
                                          e.target.querySelector("[data-tip]")) : null;
    if (!owner) { tip.hidden = true; return; }
    var r = owner.getBoundingClientRect();
    show(owner, r.right, r.top);
  });
  document.addEventListener("focusout", function () { tip.hidden = true; });

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      th.querySelector("button").addEventListener("click", function () {
        var column = th.cellIndex;
        var numeric = th.getAttribute("data-sort") === "number";
        var current = th.getAttribute("aria-sort");
        var ascending = current ? current === "descending" : th.getAttribute("data-first") === "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
          if (x === "" || y === "") {
            if (x !== y) { return x === "" ? 1 : -1; }
          } else {
            var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
            if (order !== 0) { return ascending ? order : -order; }
          }
          return Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
        });
        rows.forEach(function (row) { body.appendChild(row); });
        table.querySelectorAll("th[data-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  });
})();
"""


class ReportError(RuntimeError):
    """The report could not be written (one line, naming the file)."""


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    n_stories: int
    n_outlets: int
    n_languages: int


def write_report(warehouse_dir: Path, output: Path | None = None,
                 top_stories: int = DEFAULT_TOP_STORIES) -> WrittenReport:
    """Read the warehouse (read-only) and write the report to `output` (default DIR/report.html) atomically."""
    con = open_warehouse(warehouse_dir)
    try:
        data = read_report(con, top_stories)
    finally:
        con.close()
    path = output or warehouse_dir / REPORT_FILE
    page = render_report(data, source=str(warehouse_dir))
    try:
        write_text_atomic(path, page)
    except OSError as err:
        raise ReportError(f"cannot write the report to {path}: {err.strerror or err}") from None
    return WrittenReport(path, len(data.stories), len(data.outlets), len(data.languages))


def render_report(data: ReportData, source: str) -> str:
    """Lay out the whole page: the figures, the top stories' timelines, the leaderboard and the language mix."""
    t = data.totals
    span = (f"{format_time(t.first_published_at, t.first_published_precision)} to "
            f"{format_time(t.last_published_at, t.last_published_precision)}"
            if t.first_published_at and t.last_published_at else "no dated articles")
    colours = language_colours([code for code, _ in data.languages])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="copydesk report">
<title>copydesk report: {t.n_articles} {noun(t.n_articles, "article")}, {t.n_outlets} {noun(t.n_outlets, "outlet")},
{t.n_stories} {noun(t.n_stories, "story", "stories")}</title>
<style>{STYLE}</style>
</head>
<body>
<header class="top">
<h1>Who published what, when, and copied from whom</h1>
<p class="lede">{t.n_articles} {noun(t.n_articles, "article")} published {esc(span)}. All times are in UTC.</p>
<nav aria-label="sections"><a href="#stories">Top stories</a><a href="#outlets">Outlet leaderboard</a>\
<a href="#languages">Language mix</a></nav>
{stats_html(data)}
</header>
<main>
{stories_html(data.stories)}
{leaderboard_html(data.outlets)}
{languages_html(data, colours)}
</main>
<footer>
<p>Built by <code>copydesk report</code> from {esc(source)}{
    f", data as of {esc(format_time(t.last_ingested_at))} (the last batch read)" if t.last_ingested_at else ""}.
Wire copy: an article that repeats wire text published earlier by another article. This page is self-contained
and works offline.</p>
</footer>
<div id="tip" role="tooltip" hidden></div>
<script>{SCRIPT}</script>
</body>
</html>
"""


def stats_html(data: ReportData) -> str:
    """The headline figures as cards."""
    t = data.totals
    with_outlet = t.n_articles - t.n_without_outlet
    wire_share = f"{t.n_wire_copies / with_outlet:.0%} of articles by known outlets" if with_outlet else "none yet"
    breaking = sum(1 for o in data.outlets if o.n_first_reports)
    cards = [
        (t.n_articles, noun(t.n_articles, "article"),
         f"{t.n_undated} undated, {t.n_without_outlet} with no known outlet"),
        (t.n_outlets, noun(t.n_outlets, "outlet"), f"{breaking} broke at least one story"),
        (t.n_stories, noun(t.n_stories, "story", "stories"), f"{t.n_shared_stories} carried by two outlets or more"),
        (t.n_wire_copies, noun(t.n_wire_copies, "wire copy", "wire copies"), wire_share),
        (len(data.languages), noun(len(data.languages), "language"),
         f"{t.n_multilingual_stories} {noun(t.n_multilingual_stories, 'story', 'stories')} in more than one"),
    ]
    items = "".join(f'<li class="stat" data-stat="{esc(name)}"><b>{value}</b>{esc(name)}<br><span>{esc(note)}</span>'
                    f"</li>" for value, name, note in cards)
    return f'<ul class="stats">{items}</ul>'


def stories_html(stories: tuple[StoryTimeline, ...]) -> str:
    """The spread timeline of each top story, after a legend."""
    body = "\n".join(story_html(story, n) for n, story in enumerate(stories, 1)) or \
        '<p class="empty">No dated story yet: run <code>copydesk run</code> on some articles first.</p>'
    return f"""<section id="stories" aria-labelledby="stories-heading">
<h2 id="stories-heading">How the top stories spread</h2>
<p class="explain">The {len(stories)} {noun(len(stories), "story", "stories")} that reached the most outlets. One lane
per outlet, in the order they picked the story up; each mark is an article at its publication time, and the right
column says how long after the first report the outlet's first article came. Hover over or tab to a mark for its
headline; click it to open the article.</p>
{legend_svg()}
{body}
</section>"""


def story_html(story: StoryTimeline, number: int) -> str:
    span = format_lag((story.last_published_at - story.first_published_at).total_seconds() / 60)
    first_time = format_time(story.first_published_at, story.first_published_precision)
    first = (f"by <b>{esc(story.first_outlet)}</b>" if story.first_outlet else
             "by an article with no known outlet")
    languages = ", ".join(language_name(code) for code in story.languages.split(",") if code)
    undated = (f" {story.n_undated} undated {noun(story.n_undated, 'article')} not drawn."
               if story.n_undated else "")
    if story.n_date_only:
        articles = noun(story.n_date_only, "article")
        undated += f" {story.n_date_only} {articles} dated by day only, not drawn."
    return f"""<article class="story" data-story="{esc(story.story_id)}">
<h3>{number}. {esc(story.headline or "(no headline)")}</h3>
<p class="meta">First reported {esc(first_time)} {first} · <b>{story.n_articles}</b>
{noun(story.n_articles, "article")} · <b>{story.n_outlets}</b> {noun(story.n_outlets, "outlet")} ·
{story.n_wire_clusters} distinct {noun(story.n_wire_clusters, "text")} · spread over {esc(span)} ·
{esc(languages)}.{undated}</p>
{story_timeline_svg(story, f"timeline-{number}")}
</article>"""


def leaderboard_html(outlets: tuple[OutletRow, ...]) -> str:
    """The outlets as a sortable table, most first reports first."""
    days = report_days(outlets)
    peak = max((n for row in outlets for n, _ in row.daily.values()), default=0)
    top_firsts = max((row.n_first_reports for row in outlets), default=0) or 1
    rows = "\n".join(outlet_row_html(rank, row, days, peak, top_firsts) for rank, row in enumerate(outlets, 1))
    headers = [("#", "number", "ascending", ""), ("Outlet", "text", "ascending", "text"),
               ("Lang.", "text", "ascending", "text"), ("First reports", "number", "descending", ""),
               ("Articles", "number", "descending", ""), ("Stories", "number", "descending", ""),
               ("Wire-copy share", "number", "descending", ""), ("Median lag", "number", "ascending", "")]
    head = "".join(f'<th scope="col" class="{css}" data-sort="{kind}" data-first="{first}"'
                   f'{SORTED_BY_DEFAULT if label == "First reports" else ""}>'
                   f'<button type="button">{esc(label)}</button></th>' for label, kind, first, css in headers)
    period = f"{esc(format_day(days[0]))} to {esc(format_day(days[-1]))}" if days else "no dated articles"
    body = rows or '<tr><td class="empty text" colspan="9">No outlet yet.</td></tr>'
    return f"""<section id="outlets" aria-labelledby="outlets-heading">
<h2 id="outlets-heading">Outlet leaderboard</h2>
<p class="explain"><b>First reports</b>: stories the outlet published before anyone else. <b>Wire-copy share</b>: its
articles that repeat wire text published earlier. <b>Median lag</b>: the median time from a story's first report to
the outlet's articles on stories it did not break. Click a column to sort by it.</p>
<div class="table-wrap">
<table class="sortable" id="leaderboard">
<thead><tr>{head}<th scope="col">Articles per day<br><span>{period}</span></th></tr></thead>
<tbody>
{body}
</tbody>
</table>
</div>
</section>"""


def outlet_row_html(rank: int, row: OutletRow, days: list[date], peak: int, top_firsts: int) -> str:
    lag = row.median_minutes_behind_first
    lag_value = "" if lag is None else f"{lag:g}"
    return (f'<tr data-rank="{rank}" data-outlet="{esc(row.outlet)}">'
            f'<td data-value="{rank}">{rank}</td>'
            f'<td class="text outlet" data-value="{esc(row.outlet)}">{esc(row.outlet)}</td>'
            f'<td class="text" data-value="{esc(row.languages)}">{esc(row.languages.upper().replace(",", " "))}</td>'
            f'<td data-value="{row.n_first_reports}"><span class="cellbar first">{row.n_first_reports}'
            f'<i><s style="width:{row.n_first_reports / top_firsts:.1%}"></s></i></span></td>'
            f'<td data-value="{row.n_articles}">{row.n_articles}</td>'
            f'<td data-value="{row.n_stories}">{row.n_stories}</td>'
            f'<td data-value="{row.wire_copy_share:g}"><span class="cellbar wire">{row.wire_copy_share:.0%}'
            f'<i><s style="width:{row.wire_copy_share:.1%}"></s></i></span></td>'
            f'<td data-value="{lag_value}">{esc(format_lag(lag))}</td>'
            f"<td>{sparkline_svg(row, days, peak)}</td></tr>")


def languages_html(data: ReportData, colours: dict[str, str]) -> str:
    """The articles' languages as one proportional bar with a legend."""
    total = sum(n for _, n in data.languages)
    if not total:
        return ('<section id="languages" aria-labelledby="languages-heading"><h2 id="languages-heading">Language mix'
                '</h2><p class="empty">No articles yet.</p></section>')
    legend = "".join(f'<li data-language="{esc(code)}"><span class="swatch" '
                     f'style="background:{colours[code]}"></span><b>{esc(language_name(code))}</b> '
                     f"({esc(code)}): {n} {noun(n, 'article')}, {n / total:.1%}</li>" for code, n in data.languages)
    t = data.totals
    return f"""<section id="languages" aria-labelledby="languages-heading">
<h2 id="languages-heading">Language mix</h2>
<p class="explain">The language of each article's text, as detected. {t.n_multilingual_stories} of {t.n_stories}
stories were reported in more than one language.</p>
{language_bar_svg(data.languages, colours)}
<ul class="language-legend">{legend}</ul>
</section>"""
