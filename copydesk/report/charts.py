"""Draw the report's charts as inline SVG: story timelines, daily output sparklines and the language mix bar.

Every string that comes from the data goes through `esc` (HTML-escaped, quotes included), so a headline or an
outlet name can never open a tag or an attribute; the control characters web text may hold are
dropped. Sizes are in SVG user units; the page scales each chart to its column's width (viewBox), so
the numbers below are proportions rather than screen pixels.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from copydesk.report.data import Lane, Mark, OutletRow, StoryTimeline
from copydesk.tasks.dates import DATE
from copydesk.wording import noun

# C0 controls but tab, newline and return; DEL and C1 controls; lone surrogates (unencodable)
NOT_IN_PAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

# Okabe & Ito's palette, told apart by readers with any common colour-vision deficiency.
OWN_COLOUR = "#0072B2"          # own reporting: filled blue
WIRE_COLOUR = "#D55E00"         # wire copy: hollow vermillion ring (shape and colour both differ)
FIRST_COLOUR = "#1f2328"        # the ring around a story's first report
LANGUAGE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
OTHER_COLOUR = "#8c959f"        # languages past the palette, and `und`
DARK_TEXT_ON = frozenset({"#E69F00", "#56B4E9", "#F0E442", "#8c959f"})   # light fills take dark labels

TIMELINE_WIDTH_UNITS = 1000
LABEL_WIDTH_UNITS = 235         # outlet names, left of the plot
PLOT_LEFT_UNITS = 245
PLOT_RIGHT_UNITS = 905          # the lag column ("+6 h 05") right of the plot
LANE_HEIGHT_UNITS = 26
TIMELINE_TOP_UNITS = 6
AXIS_HEIGHT_UNITS = 42
MARK_RADIUS_UNITS = 5.5
FIRST_RING_RADIUS_UNITS = 9.5
NAME_CHAR_UNITS = 8.2           # the width of an outlet name's character (13 px), generously: longer names are
CODE_CHAR_UNITS = 7.0           # cut with "…" to leave room for the language codes (full name in the tooltip)
SAME_TIME_STEP_UNITS = 10.0     # marks of one lane at one time are spread up and down the lane by this much
MAX_LANE_CODES = 2              # language codes shown beside a lane's name; more become "+N"
MAX_TICKS = 8
TICK_STEPS_MINUTES = (15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10080)
MIN_DOMAIN_PAD_MINUTES = 20     # room left and right of the first and last marks

SPARK_WIDTH_UNITS = 120
SPARK_HEIGHT_UNITS = 30
SPARK_MAX_DAYS = 62             # a sparkline shows at most the report's last two months
LANGUAGE_BAR_WIDTH_UNITS = 1000
LANGUAGE_BAR_HEIGHT_UNITS = 44
MIN_SEGMENT_LABEL_UNITS = 70    # a language segment narrower than this carries no label inside
NAMED_SEGMENT_UNITS = 120       # narrower ones show the code rather than the language's name

# langdetect's languages (ISO 639-1), plus `und`.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "gu": "Gujarati", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese", "und": "undetermined",
}


def esc(value: object) -> str:
    """Escape any value for HTML text and quoted attributes, without characters no page may hold."""
    return html.escape(NOT_IN_PAGE.sub("", str(value)), quote=True)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def language_colours(codes: Sequence[str]) -> dict[str, str]:
    """Give each language a palette colour, most frequent first (codes come in that order); `und` and those
    past the palette share grey."""
    colours = iter(LANGUAGE_COLOURS)
    return {code: OTHER_COLOUR if code == "und" else next(colours, OTHER_COLOUR) for code in codes}


def format_lag(minutes: float | None) -> str:
    """Say how long after a first report: `45 min`, `6 h 05 min`, `2 d 3 h`."""
    if minutes is None:
        return "—"
    total = round(minutes)
    days, rest = divmod(total, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins:02d} min"
    return f"{mins} min"


def format_time(moment: datetime, precision: str | None = None) -> str:
    """A UTC time for people: `Tue 3 Mar 2026, 06:00 UTC`, or only `Tue 3 Mar 2026` when the source
    gave only the day (precision `date`)."""
    utc = moment.astimezone(timezone.utc)
    if precision == DATE:
        return f"{utc:%a} {utc.day} {utc:%b %Y}"
    return f"{utc:%a} {utc.day} {utc:%b %Y, %H:%M} UTC"


def format_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def time_ticks(start: datetime, end: datetime, max_ticks: int = MAX_TICKS) -> list[datetime]:
    """Pick round UTC times between start and end, at most `max_ticks`, one step from TICK_STEPS_MINUTES."""
    span_minutes = max((end - start).total_seconds() / 60, 1.0)
    step = next((s for s in TICK_STEPS_MINUTES if span_minutes / s <= max_ticks), None)
    if step is None:
        step = TICK_STEPS_MINUTES[-1] * -(-span_minutes // (TICK_STEPS_MINUTES[-1] * max_ticks))
    epoch = datetime(1970, 1, 5, tzinfo=timezone.utc)   # a Monday at midnight: weekly steps start on Mondays
    offset = (start - epoch).total_seconds() / 60
    tick = epoch + timedelta(minutes=-(-offset // step) * step)
    ticks = []
    while tick <= end:
        ticks.append(tick)
        tick += timedelta(minutes=step)
    return ticks


def mark_tooltip(mark: Mark, lane: Lane) -> str:
    """Say what one mark is, in plain text (escaped where it is written)."""
    kind = ("first report" if mark.is_first_report else
            f"wire copy{f' ({mark.wire_agency})' if mark.wire_agency else ''}" if mark.is_wire_copy else
            "own reporting")
    outlet = lane.outlet or "outlet unknown"
    lag = "" if mark.is_first_report else f" · +{format_lag(mark.minutes_behind_first)}"
    when = format_time(mark.published_at, mark.published_precision)
    return (f"{outlet} · {when}{lag}\n{mark.title or '(no title)'}\n"
            f"{kind} · {language_name(mark.language)}")


def story_timeline_svg(story: StoryTimeline, chart_id: str) -> str:
    """Draw one lane per outlet with a mark per article at its publication time; wire copies are hollow rings
    joined to the earliest copy of their wire text, the first report is ringed."""
    lanes = story.lanes
    plot_height = len(lanes) * LANE_HEIGHT_UNITS
    height = TIMELINE_TOP_UNITS + plot_height + AXIS_HEIGHT_UNITS
    span = story.last_published_at - story.first_published_at
    pad = max(span * 0.03, timedelta(minutes=MIN_DOMAIN_PAD_MINUTES))
    start, end = story.first_published_at - pad, story.last_published_at + pad
    width_seconds = (end - start).total_seconds()

    def x(moment: datetime) -> float:
        return PLOT_LEFT_UNITS + (moment - start).total_seconds() / width_seconds * (PLOT_RIGHT_UNITS -
                                                                                        PLOT_LEFT_UNITS)

    def y(index: int) -> float:
        return TIMELINE_TOP_UNITS + (index + 0.5) * LANE_HEIGHT_UNITS

    marks = story.marks
    where: dict[str, tuple[float, float]] = {}
    stacks: list[list[tuple[datetime, int]]] = []   # per lane: (time, articles) where several share a time
    for index, lane in enumerate(lanes):
        at_time: dict[datetime, list[Mark]] = {}
        for mark in lane.marks:
            at_time.setdefault(mark.published_at, []).append(mark)
        for moment, group in at_time.items():   # articles at one time in one lane: spread them across the lane
            step = min(SAME_TIME_STEP_UNITS, (LANE_HEIGHT_UNITS - 2 * MARK_RADIUS_UNITS) / max(len(group) - 1, 1))
            for n, mark in enumerate(group):
                where[mark.article_id] = (x(moment), y(index) + (n - (len(group) - 1) / 2) * step)
        stacks.append([(moment, len(group)) for moment, group in at_time.items() if len(group) > 1])

    parts = [f'<svg class="chart timeline" id="{esc(chart_id)}" viewBox="0 0 {TIMELINE_WIDTH_UNITS} {height}" '
             f'role="img" aria-labelledby="{esc(chart_id)}-title" data-lanes="{len(lanes)}" '
             f'data-marks="{len(marks)}">',
             f'<title id="{esc(chart_id)}-title">When each outlet published the story: {len(marks)} '
             f'dated articles by {len(lanes)} outlets</title>']
    for index in range(0, len(lanes), 2):   # striped lanes
        parts.append(f'<rect class="stripe" x="0" y="{y(index) - LANE_HEIGHT_UNITS / 2:.1f}" '
                     f'width="{TIMELINE_WIDTH_UNITS}" height="{LANE_HEIGHT_UNITS}"/>')
    axis_y = TIMELINE_TOP_UNITS + plot_height
    previous_day = None
    for tick in time_ticks(start, end):
        tx = x(tick)
        parts.append(f'<line class="grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="{TIMELINE_TOP_UNITS}" y2="{axis_y + 4}"/>')
        label = f"{tick:%H:%M}" if tick.hour or tick.minute or span < timedelta(days=2) else ""
        day = format_day(tick.date()) if tick.date() != previous_day else ""
        previous_day = tick.date()
        if label:
            parts.append(f'<text class="tick" x="{tx:.1f}" y="{axis_y + 18}">{label}</text>')
        if day:
            parts.append(f'<text class="tick day" x="{tx:.1f}" y="{axis_y + (34 if label else 18)}">{day}</text>')
    parts.append(f'<line class="axis" x1="{PLOT_LEFT_UNITS}" x2="{PLOT_RIGHT_UNITS}" y1="{axis_y}" y2="{axis_y}"/>')
    for index, lane in enumerate(lanes):
        parts.append(lane_label(lane, y(index)))
    for mark in marks:   # wire links under the marks
        origin = where.get(mark.wire_origin_id)
        if mark.is_wire_copy and origin:
            (x1, y1), (x2, y2) = origin, where[mark.article_id]
            mid = (x1 + x2) / 2
            parts.append(f'<path class="wire-link" d="M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} '
                         f'{x2:.1f},{y2:.1f}"/>')
    for index, lane in enumerate(lanes):
        for mark in lane.marks:
            parts.append(mark_svg(mark, lane, *where[mark.article_id]))
        for moment, count in stacks[index]:
            parts.append(f'<text class="stack" x="{x(moment) + FIRST_RING_RADIUS_UNITS + 2:.1f}" '
                         f'y="{y(index) + 4:.1f}">×{count}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def lane_label(lane: Lane, lane_y: float) -> str:
    """Write an outlet's languages and name (cut to fit) left of its lane, and its lag at the right."""
    name = lane.outlet or "outlet unknown"
    css = "lane-label" if lane.outlet else "lane-label unknown"
    codes = [c.upper() for c in lane.languages]
    shown = " ".join(codes[:MAX_LANE_CODES]) + (f" +{len(codes) - MAX_LANE_CODES}" if len(codes) > MAX_LANE_CODES
                                                  else "")
    room = int((LABEL_WIDTH_UNITS - 12 - len(shown) * CODE_CHAR_UNITS) / NAME_CHAR_UNITS)
    short = name if len(name) <= room else name[:room - 1] + "…"
    lag = "first" if lane.minutes_behind_first == 0 else f"+{format_lag(lane.minutes_behind_first)}"
    return (f'<text class="lang-code" x="4" y="{lane_y + 4:.1f}">{esc(shown)}</text>'
            f'<text class="{css}" x="{LABEL_WIDTH_UNITS}" y="{lane_y + 4.5:.1f}"><title>{esc(name)}</title>'
            f'{esc(short)}</text>'
            f'<text class="lag" x="{TIMELINE_WIDTH_UNITS - 4}" y="{lane_y + 4.5:.1f}">{esc(lag)}</text>')


def mark_svg(mark: Mark, lane: Lane, cx: float, cy: float) -> str:
    """Draw one article: filled for own reporting, a hollow ring for a wire copy, ringed when first; a link to
    the article when its URL is http(s)."""
    kind = "wire" if mark.is_wire_copy else "own"
    shape = (f'<circle class="mark {kind}{" first" if mark.is_first_report else ""}" cx="{cx:.1f}" cy="{cy:.1f}" '
             f'r="{MARK_RADIUS_UNITS}" data-article="{esc(mark.article_id)}"><title>{esc(mark_tooltip(mark, lane))}'
             f'</title></circle>')
    if mark.is_first_report:
        shape = (f'<circle class="first-ring" cx="{cx:.1f}" cy="{cy:.1f}" r="{FIRST_RING_RADIUS_UNITS}"/>'
                 + shape)
    if mark.url and mark.url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(mark.url)}" target="_blank" rel="noopener noreferrer">{shape}</a>'
    return shape


def legend_svg() -> str:
    """Draw the key to the timelines' marks."""
    items = [('<circle class="mark own" cx="12" cy="14" r="5.5"/>', "own reporting"),
             ('<circle class="mark wire" cx="12" cy="14" r="5.5"/>', "wire copy (repeats wire text published earlier)"),
             ('<circle class="first-ring" cx="12" cy="14" r="9.5"/><circle class="mark own" cx="12" cy="14" '
              'r="5.5"/>', "the story's first report"),
             ('<path class="wire-link" d="M2,20 C12,20 12,8 22,8"/>', "copied from the earliest copy")]
    cells = []
    for shape, label in items:
        cells.append(f'<span class="key"><svg viewBox="0 0 24 28" width="24" height="28" aria-hidden="true">'
                     f'{shape}</svg>{esc(label)}</span>')
    return '<div class="legend" id="timeline-legend">' + "".join(cells) + "</div>"


def report_days(outlets: Sequence[OutletRow]) -> list[date]:
    """List the days the sparklines cover: from the first day any outlet published to the last, at most
    SPARK_MAX_DAYS ending on the last."""
    days = [day for row in outlets for day in row.daily]
    if not days:
        return []
    last = max(days)
    first = max(min(days), last - timedelta(days=SPARK_MAX_DAYS - 1))
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def sparkline_svg(row: OutletRow, days: Sequence[date], peak: int) -> str:
    """Draw an outlet's articles per day as bars, its wire copies stacked on top in the wire colour."""
    if not days or not peak:
        return ""
    slot = SPARK_WIDTH_UNITS / len(days)
    gap = min(1.0, slot / 4)
    parts = [f'<svg class="spark" viewBox="0 0 {SPARK_WIDTH_UNITS} {SPARK_HEIGHT_UNITS}" role="img" '
             f'aria-label="articles per day, {esc(format_day(days[0]))} to {esc(format_day(days[-1]))}">']
    for n, day in enumerate(days):
        articles, wire = row.daily.get(day, (0, 0))
        if not articles:
            continue
        total_h = articles / peak * (SPARK_HEIGHT_UNITS - 2)
        wire_h = wire / peak * (SPARK_HEIGHT_UNITS - 2)
        bx = n * slot + gap / 2
        tip = f"{format_day(day)}: {articles} {noun(articles, 'article')}, {wire} wire {noun(wire, 'copy', 'copies')}"
        parts.append(f'<g class="day-bar"><title>{esc(tip)}</title>'
                     f'<rect class="own" x="{bx:.2f}" y="{SPARK_HEIGHT_UNITS - total_h:.2f}" width="{slot - gap:.2f}" '
                     f'height="{total_h - wire_h:.2f}"/>'
                     + (f'<rect class="wire" x="{bx:.2f}" y="{SPARK_HEIGHT_UNITS - total_h:.2f}" '
                        f'width="{slot - gap:.2f}" height="{wire_h:.2f}"/>' if wire else "") + "</g>")
    parts.append("</svg>")
    return "".join(parts)


def language_bar_svg(languages: Sequence[tuple[str, int]], colours: dict[str, str]) -> str:
    """Draw the articles' languages as one bar split in proportion, labelled where a segment has room."""
    total = sum(n for _, n in languages)
    parts = [f'<svg class="chart language-bar" id="language-bar" viewBox="0 0 {LANGUAGE_BAR_WIDTH_UNITS} '
             f'{LANGUAGE_BAR_HEIGHT_UNITS}" role="img" aria-labelledby="language-bar-title" '
             f'data-segments="{len(languages)}">',
             f'<title id="language-bar-title">Articles by language: {total} articles in {len(languages)} '
             f'languages</title>']
    left = 0.0
    for code, n in languages:
        width = n / total * LANGUAGE_BAR_WIDTH_UNITS
        colour = colours[code]
        share = n / total
        parts.append(f'<g class="segment" data-language="{esc(code)}" data-articles="{n}">'
                     f'<title>{esc(language_name(code))}: {n} {noun(n, "article")} ({share:.0%})</title>'
                     f'<rect x="{left:.2f}" y="0" width="{width:.2f}" height="{LANGUAGE_BAR_HEIGHT_UNITS}" '
                     f'fill="{colour}"/>')
        if width >= MIN_SEGMENT_LABEL_UNITS:
            ink = "#1f2328" if colour in DARK_TEXT_ON else "#ffffff"
            parts.append(f'<text x="{left + 10:.2f}" y="{LANGUAGE_BAR_HEIGHT_UNITS / 2 + 5:.1f}" fill="{ink}">'
                         f'{esc(language_name(code) if width >= NAMED_SEGMENT_UNITS else code.upper())} '
                         f'{share:.0%}</text>')
        parts.append("</g>")
        left += width
    parts.append("</svg>")
    return "\n".join(parts)
