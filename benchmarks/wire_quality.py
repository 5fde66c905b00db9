"""Measure wire-copy detection on real text: copydesk's detector and a datasketch MinHash-LSH baseline.

The evaluation set is built at run time from the ground-truth bodies of the shared corpora (never written
into the repository: the texts belong to their publishers). About 60 real bodies of 150-3,000 words are
taken as wire stories; each is moved by a news agency (the original, kind `original`, published first) and
republished minutes to hours later by 3-8 fictional outlets (kind `copy`), each copy a random mix of:

- 0-2 paragraphs of local angle on top;
- the bottom cut, keeping 25%-100% of the paragraphs and at least 50 words (at least one copy of every
  story keeps <= 40% of them);
- the agency's dateline (`WASHINGTON (AP) — `) added or removed, its credit line (`Reporting by ...;
  Editing by ...`, `© 2024 The Associated Press. ...`) appended or dropped;
- 1-5 word-level substitutions (synonyms, "said" -> "told reporters", number formats);
- paragraphs re-wrapped (merged, split, hard-wrapped at 64-76 columns, or joined by single newlines);
- a new headline (metadata only: never part of the text).

Every other body is a distractor, its own cluster, and so are the two seed articles (one event told by two
outlets, not wire copies of each other) and 15 hard negatives: short distractors each given a partner
distractor of the same outlet carrying one or two identical paragraphs of boilerplate (newsletter sign-up,
"this story has been updated", an about-us footer), which a detector must not group. Everything is drawn
from `random.Random(seed)`: one seed, one set. The scores are `benchmarks.wire_eval`'s.

With `--level heavy` (or `both`, the default: one set after the other) the copies are edited
harder, as small outlets edit wire copy (`_heavy_copy_text`): each keeps 20-45% of the story's
words (and at least 50), cut by its first sentences, its first paragraphs, its first words (ending
mid-sentence) or a run of sentences after the lead; 4-8% of the kept words are dropped, inserted,
replaced by a word of another body, or truncated; 35% of the copies get a paragraph of an unrelated
body (one of 40 bodies kept out of the set) on top or at the bottom, 40% templated local
paragraphs, and datelines, credits and re-wrapping as above. The same-event reports of ECB+ (as
many per event as share no run of 12 words with one kept before them: different reports of one
event or of its sibling event, not copies) are added as distractors. The standard set is unchanged
by the option.

Scored in one run: `copydesk.tasks.wire.wire_clusters(texts, published) -> cluster ids` when it exists, and
datasketch `MinHash` + `MinHashLSH` (word 5-shingles of the lowercased text, 128 permutations, connected
components of the LSH matches) at thresholds 0.30-0.90. Run from the repository root:

    .venv/bin/python -m benchmarks.wire_quality [--corpora ../shared/corpora] [--seeds ../shared/seeds]
        [--seed 7] [--level standard|heavy|both] [--export-jsonl /tmp/wire.jsonl]

`--export-jsonl PATH` also writes the set (the heavy one to PATH with `.heavy` before its suffix)
as copydesk JSON Lines input (`text`, `url`, `outlet`, `published_at`, `title`; PATH must be outside
the repository) and `PATH.gold.json` mapping each URL to its gold cluster, so that the whole
pipeline can be scored later (`copydesk run PATH`).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from benchmarks.wire_eval import (
    COPY,
    DISTRACTOR,
    HARD_NEGATIVE,
    ORIGINAL,
    SAME_EVENT,
    SEED,
    SHORT_CUT,
    Detector,
    EvalItem,
    Evaluation,
    evaluate,
    run_detector,
    same_cluster_pairs,
    subset_pair_recall,
)

AEB = "article-extraction-benchmark"
FUNDUS = "fundus-evaluation"
AEB_TRUTH = "ground-truth.json"
FUNDUS_TRUTH = "ground_truth.json"
ECB = "ecbplus-dev"
ECB_FILE = "ecbplus-dev.jsonl"
SAME_EVENT_RUN = 12                 # same-event articles sharing this many words in a row: left out
STANDARD, HEAVY = "standard", "heavy"
EDIT_LEVELS = (STANDARD, HEAVY)

DEFAULT_SEED = 7
DEFAULT_STORIES = 60
DEFAULT_HARD_NEGATIVES = 15
MIN_STORY_WORDS = 150
MIN_STORY_PARAGRAPHS = 4            # so that a cut to <= 40% still keeps a whole paragraph
MIN_KEPT_WORDS = 50                 # a copy keeps at least this many words of the story (a wire brief)
MAX_STORY_PARAGRAPHS = 80           # longer "bodies" are lists (awards, results), not wire stories
MAX_STORY_WORDS = 3_000
MIN_ENGLISH_THE_SHARE = 0.015       # a crude English check: "the" is >= 1.5% of the words
MAX_HARD_NEGATIVE_WORDS = 300       # boilerplate weighs more in short bodies: pick hard negatives among them
MIN_COPIES, MAX_COPIES = 3, 8
MIN_KEPT = 0.25                     # a copy keeps >= 25% of the paragraphs (<= 40%: SHORT_CUT)
FULL_COPY_SHARE = 0.35              # share of copies that keep the whole story
MAX_SUBSTITUTIONS = 5
MIN_COPY_DELAY_MIN, MAX_COPY_DELAY_MIN = 2.0, 18 * 60.0
WINDOW_START = datetime(2024, 3, 1, tzinfo=UTC)
WINDOW_DAYS = 14
MAX_REDRAWS = 20

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = Path("../shared/corpora")
DEFAULT_SEEDS = Path("../shared/seeds")
DEFAULT_REPEATS = 3
LEGEND = f"""
pairs P/R/F1: pairwise, over the pairs of articles put in one cluster; B3: B-cubed; ARI: adjusted Rand index
R cut: recall on the gold pairs with a copy cut to <= {SHORT_CUT:.0%} of the paragraphs; R local: with a copy
  with local paragraphs on top
hard neg: designed hard-negative pairs grouped; bp: pairs grouped among all articles given boilerplate
  (both should be 0); seeds: the two seed articles (one event, not copies) should stay apart
s/1k docs: wall seconds per 1,000 articles (median of the timed runs)"""
HEADER = (f"{'':34} {'pairs P':>7} {'R':>5} {'F1':>5}   {'B3 P':>5} {'R':>5} {'F1':>5}   {'ARI':>5}   "
          f"{'R cut':>5} {'R local':>7}   {'hard neg':>8} {'bp':>3} {'seeds':>7}   {'clusters':>8} {'s/1k docs':>9}")


# --- the evaluation set ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SourceBody:
    """One real body from the corpora: its paragraphs, where it came from, and what it says of itself."""

    key: str                          # "aeb:<id>", "fundus:<page>", "seed:<file stem>"
    paragraphs: tuple[str, ...]
    url: str
    day: date | None = None           # the seeds' date line
    title: str | None = None          # the seeds' headline, when their first line is one

    @property
    def words(self) -> int:
        """Number of whitespace-separated words of the body."""
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class EvalSetStats:
    """Counts describing an evaluation set."""

    articles: int
    stories: int
    originals: int
    copies: int
    distractors: int
    seeds: int
    hard_negatives: int
    copies_cut_short: int              # kept_fraction <= SHORT_CUT
    copies_with_local: int
    min_copies: int
    max_copies: int
    gold_pairs: int


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Split a text into its non-blank lines, stripped: one paragraph per line."""
    return tuple(p.strip() for p in text.splitlines() if p.strip())


def _unbracket(paragraph: str) -> str:
    """Drop the brackets fundus' ground truth puts around summaries and subheadings."""
    p = paragraph.strip()
    return p[1:-1].strip() if p.startswith("[") and p.endswith("]") else p


def load_bodies(corpora: Path) -> list[SourceBody]:
    """Read the ground-truth bodies of both labelled corpora, sorted by key; empty bodies are left out."""
    bodies = []
    aeb = json.loads((corpora / AEB / AEB_TRUTH).read_text(encoding="utf-8"))
    for key, value in aeb.items():
        bodies.append(SourceBody(f"aeb:{key}", paragraphs_of(value.get("articleBody") or ""), value.get("url", "")))
    fundus = json.loads((corpora / FUNDUS / FUNDUS_TRUTH).read_text(encoding="utf-8"))
    for key, value in fundus.items():
        paragraphs = tuple(q for p in value.get("body") or [] for q in paragraphs_of(_unbracket(p)))
        day = date.fromisoformat(value["crawl_date"][:10]) if value.get("crawl_date") else None
        bodies.append(SourceBody(f"fundus:{key.removesuffix('.html.gz')}", paragraphs, value.get("url", ""), day))
    return sorted((b for b in bodies if b.paragraphs), key=lambda b: b.key)


SEED_FIRST_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def load_seeds(seeds: Path) -> list[SourceBody]:
    """Read the seed articles: a first line ` date YYYY-MM-DD <headline or lead>`, a blank line, the body.

    A first line ending like a sentence is the lead, kept as the first paragraph; otherwise it is the headline.
    """
    bodies = []
    for path in sorted(seeds.glob("*.txt")):
        first, _, rest = path.read_text(encoding="utf-8").partition("\n")
        match = SEED_FIRST_LINE.match(first)
        if not match:
            raise ValueError(f"{path}: the first line is not ` date YYYY-MM-DD <headline or lead>`")
        day, head = date.fromisoformat(match[1]), match[2].strip()
        paragraphs = paragraphs_of(rest)
        if head and SENTENCE_END.search(head):
            bodies.append(SourceBody(f"seed:{path.stem}", (head, *paragraphs), str(path), day, None))
        else:
            bodies.append(SourceBody(f"seed:{path.stem}", paragraphs, str(path), day, head or None))
    return bodies


# The banks of text the edits draw from. All names are fictional; ".example" domains are reserved.
PLACES = ("Springfield", "Riverton", "Fairview", "Maple Grove", "Cedar Falls", "Lakewood", "Oak Harbor",
          "Greenville", "Brookhaven", "Millbrook", "Westport", "Clearwater", "Ashland", "Bristol", "Franklin",
          "Georgetown", "Salem", "Madison", "Dover", "Harrison", "Kingston", "Marion", "Newport", "Oxford")
PAPERS = ("Courier", "Gazette", "Herald", "Tribune", "Daily News", "Sentinel", "Observer", "Chronicle",
          "Record", "Post", "Ledger", "Journal", "Dispatch", "Star", "Examiner", "Times")
REGIONS = ("the county", "the valley", "the region", "the tri-county area", "the state", "the metro area")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OFFICES = ("city council", "mayor's office", "county commission", "school district", "police department",
           "chamber of commerce", "state representative's office", "public health department")
LOCAL_SENTENCES = (
    "Local officials in {place} said they were monitoring the situation.",
    "Residents of {place} reacted with a mix of concern and curiosity on {weekday}.",
    "The {place} {office} did not immediately respond to a request for comment from the {outlet}.",
    "Here is what readers in {place} and across {region} need to know.",
    "The news is being closely watched in {place}, where several families have ties to the people involved.",
    "A spokesperson for the {place} {office} said it was too early to say what the effect on {region} would be.",
    "{place} has faced similar questions in the past, most recently during last year's budget debate.",
    "The {outlet} has asked the {place} {office} how the decision could affect local residents.",
    "Business owners in downtown {place} told the {outlet} they were following the developments closely.",
    "It is not yet clear whether any residents of {region} are directly affected.",
    "The {outlet} will update this story as more information about the local impact becomes available.",
    "For readers in {place}, the most immediate question is what changes, if anything, this week.",
    "Several {place} residents contacted the {outlet} on {weekday} with questions about the report.",
    "Officials in neighboring {place} said they had been briefed on {weekday} morning.",
)
FIRST_NAMES = ("Anna", "David", "Maria", "James", "Sofia", "Peter", "Leila", "Tom", "Hannah", "Rafael", "Mei",
               "Joseph", "Claire", "Omar", "Ines", "Daniel", "Priya", "Lukas", "Grace", "Ahmed")
LAST_NAMES = ("Miller", "Schmidt", "Okafor", "Rossi", "Nakamura", "Kowalski", "Haddad", "Brennan", "Silva",
              "Lindqvist", "Moreau", "Patel", "Chen", "Novak", "Dubois", "Reyes", "Hughes", "Fischer")
DATELINE_CITIES = ("WASHINGTON", "NEW YORK", "LONDON", "PARIS", "BRUSSELS", "LOS ANGELES", "CHICAGO",
                   "BERLIN", "TOKYO", "SYDNEY", "GENEVA", "NAIROBI", "MEXICO CITY", "JOHANNESBURG")
AGENCIES = {
    # name: (outlet name, URL host, dateline template)
    "AP": ("The Associated Press", "wire.ap.example", "{city} (AP) — "),
    "Reuters": ("Reuters", "wire.reuters.example", "{city} (Reuters) - "),
    "AFP": ("Agence France-Presse", "wire.afp.example", "{city} (AFP) - "),
}
CREDIT_LINES = {
    "AP": ("© {year} The Associated Press. All rights reserved.",
           "Associated Press writer {name} in {city} contributed to this report.",
           "(Reporting by {name}; Editing by {editor})"),
    "Reuters": ("Reporting by {name}; Editing by {editor}",
                "(Reporting by {name} in {city}; Additional reporting by {other}; Editing by {editor})",
                "© {year} Thomson Reuters. All rights reserved."),
    "AFP": ("(Reporting by {name}; Editing by {editor})",
            "© {year} AFP. All rights reserved.",
            "-- Agence France-Presse, with reporting by {name}"),
}
DATELINE = re.compile(r"^[^()\n]{0,60}\((?:AP|Reuters|AFP)\)\s*[—–-]+\s*")
CREDIT = re.compile(r"Reporting by|Editing by|Writing by|contributed to this report|All [Rr]ights [Rr]eserved|"
                    r"^\(?©|^-- Agence|This material may not be published")
BOILERPLATE = (
    ("Sign up for the {outlet} morning newsletter to get the day's top stories, local news and weather "
     "delivered to your inbox every weekday. You can unsubscribe at any time."),
    "This story has been updated with additional information.",
    "This is a developing story and will be updated as more information becomes available.",
    ("The {outlet} is an independent, reader-supported newsroom covering politics, business, culture and the "
     "communities of {region}. Our journalism is free to read because readers like you support it. © 2024 "
     "{outlet}. All rights reserved. Reproduction without written permission is prohibited."),
    ("We welcome your comments. Please keep them civil and on topic: comments that include personal attacks, "
     "profanity or links to other sites will be removed. Read our community guidelines before posting."),
    ("The {outlet} is committed to accuracy. If you see an error in this story, please contact our newsroom "
     "at corrections@{domain} and include the headline of the article."),
    ("Listen to The {place} Briefing, the {outlet}'s daily news podcast, every weekday morning on Apple "
     "Podcasts, Spotify or wherever you get your podcasts."),
    ("Download the {outlet} app for breaking news alerts, the e-edition and puzzles. Subscribers get unlimited "
     "access to every story on {domain}."),
    ("When you buy through links on our site, we may earn an affiliate commission. This does not affect our "
     "editorial independence or the products we choose to recommend."),
    ("Have a news tip? Email the newsroom at tips@{domain} or call our tip line. You can also reach our "
     "reporters securely through the contact page."),
)
TOP_BOILERPLATE = (1, 2)   # the "updated" notes: put on top half of the time

NUMBER_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight",
                "9": "nine"}
WORD_NUMBERS = {w: d for d, w in NUMBER_WORDS.items()}


def _sub(pattern: str, replacement: str | Callable[[re.Match[str]], str]) -> tuple[re.Pattern[str], object]:
    return re.compile(pattern), replacement


SUBSTITUTIONS: tuple[tuple[re.Pattern[str], object], ...] = (
    _sub(r"\bsaid\b", "told reporters"),
    _sub(r"\bsays\b", "said"),
    _sub(r"\btold\b", "informed"),
    _sub(r"\bannounced\b", "said"),
    _sub(r"\b(\d+(?:\.\d+)?)%", r"\1 percent"),
    _sub(r"\bpercent\b", "per cent"),
    _sub(r"\bper cent\b", "percent"),
    _sub(r"\b(\d{1,3}),(\d{3})\b(?!,\d)", r"\1\2"),
    _sub(r"\$(\d+(?:\.\d+)?) million\b", r"$\1m"),
    _sub(r"\$(\d+(?:\.\d+)?) billion\b", r"$\1bn"),
    _sub(r"(?<![\d.,$])\b([2-9])\b(?![.,:]\d|%)", lambda m: NUMBER_WORDS[m[1]]),
    _sub(r"\b(two|three|four|five|six|seven|eight|nine)\b", lambda m: WORD_NUMBERS[m[1]]),
    _sub(r"\bU\.S\.(?= )", "US"),
    _sub(r"\bUnited States\b", "U.S."),
    _sub(r"\b[Aa]bout\b", "around"),
    _sub(r"\b[Aa]fter\b", "following"),
    _sub(r"\bbefore\b", "prior to"),
    _sub(r"\bmore than\b", "over"),
    _sub(r"\baccording to\b", "per"),
    _sub(r"\bnearly\b", "almost"),
    _sub(r"\balmost\b", "nearly"),
    _sub(r"\bpeople\b", "individuals"),
    _sub(r"\bchildren\b", "kids"),
    _sub(r"\bbig\b", "large"),
    _sub(r"\bmajor\b", "big"),
    _sub(r"\bbuy\b", "purchase"),
    _sub(r"\bstart\b", "begin"),
    _sub(r"\bstarted\b", "began"),
    _sub(r"\bhelp\b", "assist"),
    _sub(r"\bmany\b", "numerous"),
    _sub(r"\bexpected\b", "anticipated"),
    _sub(r"\bbecause\b", "since"),
    _sub(r"\breceived\b", "got"),
    _sub(r"\bshowed\b", "indicated"),
    _sub(r"\balso \b", ""),
    _sub(r"\bhowever\b", "though"),
    _sub(r"\bofficials\b", "authorities"),
    _sub(r"\bMr\. ", "Mr "),
)
# Tense and modal changes, used only where none of the above applies (short cuts of plain prose).
FALLBACK_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], object], ...] = (
    _sub(r"\bis\b", "was"),
    _sub(r"\bare\b", "were"),
    _sub(r"\bhas\b", "had"),
    _sub(r"\bwill\b", "would"),
    _sub(r"\bcan\b", "could"),
    _sub(r"\band\b", "as well as"),
)


@dataclass(slots=True)
class _Outlet:
    name: str
    domain: str
    place: str


def _outlets(rng: random.Random) -> list[_Outlet]:
    """Every fictional outlet ("The Fairview Gazette", fairviewgazette.example), in a drawn order."""
    outlets = [_Outlet(f"The {place} {paper}", re.sub(r"[^a-z]", "", f"{place}{paper}".lower()) + ".example",
                       place) for place in PLACES for paper in PAPERS]
    rng.shuffle(outlets)
    return outlets


def _slug(text: str, words: int = 8) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words]) or "story"


def _headline(paragraphs: Sequence[str], rng: random.Random) -> str:
    """A headline made of the first words of the text (metadata only, never in the text).

    Never equal to the first paragraph, which copydesk would drop as a repeated title.
    """
    words = re.sub(r"[\"“”]", "", DATELINE.sub("", " ".join(paragraphs[:2]))).split()
    sentence = []
    for w in words[:rng.randint(7, 12)]:
        sentence.append(w)
        if w.endswith((".", "!", "?")) and len(sentence) >= 5:
            break
    head = " ".join(sentence).rstrip(",;:.—-") or "News"
    head = head[0].upper() + head[1:]
    if head.casefold() == DATELINE.sub("", paragraphs[0]).casefold():
        head = head[:max(1, len(head) // 2)].rstrip()
    return head


def _copy_headline(base: str, outlet: _Outlet, rng: random.Random) -> str:
    style = rng.randrange(5)
    if style == 0:
        return base
    if style == 1:
        return f"{base} | {outlet.name.removeprefix('The ')}"
    if style == 2:
        return f"{rng.choice(('UPDATE', 'WATCH', 'WIRE', 'NATION & WORLD'))}: {base}"
    if style == 3:
        return f"{outlet.place} reacts: {base[0].lower()}{base[1:]}"
    words = base.split()
    return " ".join(words[:max(4, len(words) - rng.randint(1, 3))])


def _url(host: str, published: datetime, title: str, item_id: str, section: str = "news") -> str:
    return f"https://{host}/{section}/{published:%Y/%m/%d}/{_slug(title)}-{item_id}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _fill(template: str, rng: random.Random, **known: str) -> str:
    values = {"place": rng.choice(PLACES), "weekday": rng.choice(WEEKDAYS), "office": rng.choice(OFFICES),
              "region": rng.choice(REGIONS), "name": _person(rng), "editor": _person(rng), "other": _person(rng),
              "city": rng.choice(DATELINE_CITIES).title(), "year": "2024", **known}
    return template.format(**values)


def _local_paragraph(outlet: _Outlet, rng: random.Random, used: set[str]) -> str:
    sentences = []
    for _ in range(rng.choice((1, 1, 2))):
        template = rng.choice([s for s in LOCAL_SENTENCES if s not in used])
        used.add(template)
        sentences.append(_fill(template, rng, place=rng.choice((outlet.place, outlet.place, rng.choice(PLACES))),
                               outlet=outlet.name.removeprefix("The ")))
    return " ".join(sentences)


def _capitalised_like(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def substitute(paragraphs: list[str], count: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Make up to `count` word-level substitutions at places drawn from all that `SUBSTITUTIONS` match
    (`FALLBACK_SUBSTITUTIONS` when none does).

    Returns the new paragraphs and a description of each substitution made (at most one per word span).
    """
    sites = []
    for bank in (SUBSTITUTIONS, FALLBACK_SUBSTITUTIONS):
        sites = [(p, m, replacement) for p, text in enumerate(paragraphs)
                 for pattern, replacement in bank for m in pattern.finditer(text)]
        if sites:
            break
    rng.shuffle(sites)
    chosen: list[tuple[int, re.Match[str], object]] = []
    for site in sites:
        if len(chosen) == count:
            break
        p, m, _ = site
        if all(p != q or m.end() <= n.start() or n.end() <= m.start() for q, n, _ in chosen):
            chosen.append(site)
    out, made = list(paragraphs), []
    for p, m, replacement in sorted(chosen, key=lambda c: (c[0], -c[1].start())):
        new = m.expand(replacement) if isinstance(replacement, str) else replacement(m)  # type: ignore[operator]
        new = _capitalised_like(m[0], new)
        out[p] = out[p][:m.start()] + new + out[p][m.end():]
        made.append(f"{m[0]!r}->{new!r}")
    return out, made


SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"])")


def _split_sentences(paragraph: str) -> list[str]:
    return SENTENCE_BREAK.split(paragraph)


def rewrap(paragraphs: list[str], mode: str, rng: random.Random) -> str:
    """Join paragraphs into a text the way an outlet's system might: `none`, `merge`, `split`, `hardwrap`, `single`.

    `merge` joins about a third of adjacent paragraph pairs, `split` breaks paragraphs of several sentences in
    two, `hardwrap` wraps lines at 64-76 columns inside paragraphs, `single` separates paragraphs by a single
    newline instead of a blank line.
    """
    if mode == "merge" and len(paragraphs) > 1:
        merged = [paragraphs[0]]
        for p in paragraphs[1:]:
            if rng.random() < 1 / 3:
                merged[-1] = f"{merged[-1]} {p}"
            else:
                merged.append(p)
        return "\n\n".join(merged)
    if mode == "split":
        split = []
        for p in paragraphs:
            sentences = _split_sentences(p)
            if len(sentences) >= 2:
                cut = rng.randint(1, len(sentences) - 1)
                split += [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
            else:
                split.append(p)
        return "\n\n".join(split)
    if mode == "hardwrap":
        width = rng.randint(64, 76)
        return "\n\n".join(textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False)
                           for p in paragraphs)
    if mode == "single":
        return "\n".join(paragraphs)
    return "\n\n".join(paragraphs)


REWRAP_MODES = ("none", "none", "none", "none", "merge", "merge", "split", "hardwrap", "single")


@dataclass(frozen=True, slots=True)
class _Story:
    agency: str
    lead: list[str]              # the original's paragraphs without dateline and credit line
    dateline: str                # the original's dateline, or one the copies may add
    had_dateline: bool
    credit: str                  # the original's credit line, or one the copies may append
    had_credit: bool
    published: datetime
    headline: str


def _agency_for(body: SourceBody, rng: random.Random) -> str:
    head = body.paragraphs[0][:80]
    for agency in ("AP", "Reuters", "AFP"):
        if f"({agency})" in head or body.key.startswith(f"fundus:{'APNews' if agency == 'AP' else agency}"):
            return agency
    return rng.choice(tuple(AGENCIES))


def _story(body: SourceBody, published: datetime, rng: random.Random) -> _Story:
    agency = _agency_for(body, rng)
    paragraphs = list(body.paragraphs)
    had_credit = len(paragraphs) > 1 and bool(CREDIT.search(paragraphs[-1]))
    credit = paragraphs.pop() if had_credit else _fill(rng.choice(CREDIT_LINES[agency]), rng)
    match = DATELINE.match(paragraphs[0])
    if match:
        dateline, paragraphs[0] = match[0], paragraphs[0][match.end():]
    else:
        dateline = AGENCIES[agency][2].format(city=rng.choice(DATELINE_CITIES))
    return _Story(agency, paragraphs, dateline, bool(match), credit, had_credit, published,
                  body.title or _headline(paragraphs, rng))


def _fewest_kept(paragraphs: Sequence[str]) -> int:
    """The fewest leading paragraphs a copy may keep: >= 25% of them and >= `MIN_KEPT_WORDS` words."""
    n, words, keep = len(paragraphs), 0, 0
    while keep < n and (keep < MIN_KEPT * n or words < MIN_KEPT_WORDS):
        words += len(paragraphs[keep].split())
        keep += 1
    return max(1, keep)


def _cut(paragraphs: Sequence[str], short: bool, rng: random.Random) -> int:
    """How many leading paragraphs a copy keeps: >= 25% and >= 50 words; <= 40% when `short` (when the story
    allows it: `story_candidates` checks); the whole story about a third of the time."""
    n, low = len(paragraphs), _fewest_kept(paragraphs)
    if short:
        return rng.randint(low, max(low, math.floor(SHORT_CUT * n)))
    if rng.random() < FULL_COPY_SHARE:
        return n
    return max(low, min(n, round(rng.uniform(MIN_KEPT, 1.0) * n)))


def _copy_text(story: _Story, outlet: _Outlet, short: bool, rng: random.Random) -> tuple[str, float, int, int,
                                                                                          list[str]]:
    n = len(story.lead)
    keep = _cut(story.lead, short, rng)
    edits = [f"kept {keep}/{n} paragraphs"]
    kept, made = substitute(story.lead[:keep], rng.randint(1, MAX_SUBSTITUTIONS), rng)
    edits += made
    with_dateline = (rng.random() < 0.5) if story.had_dateline else (rng.random() < 0.4)
    if with_dateline:
        kept[0] = f"{story.dateline}{kept[0]}"
    if with_dateline != story.had_dateline:
        edits.append("dateline added" if with_dateline else "dateline removed")
    local = rng.choices((0, 1, 2), weights=(0.5, 0.3, 0.2))[0]
    used: set[str] = set()
    top = [_local_paragraph(outlet, rng, used) for _ in range(local)]
    if local:
        edits.append(f"{local} local paragraph(s) on top")
    with_credit = (rng.random() < 0.5) if story.had_credit else (rng.random() < 0.4)
    tail = [story.credit] if with_credit else []
    if with_credit != story.had_credit:
        edits.append("credit line appended" if with_credit else "credit line dropped")
    mode = rng.choice(REWRAP_MODES)
    if mode != "none":
        edits.append(f"rewrapped: {mode}")
    return rewrap(top + kept + tail, mode, rng), keep / n, local, len(made), edits


# --- heavier edits (HEAVY): copies cut hard and edited word by word ------------------------------

CopyText = Callable[[_Story, _Outlet, bool, random.Random], tuple[str, float, int, int, list[str]]]
HEAVY_KEPT = (0.20, 0.45)           # share of the story's words a HEAVY copy keeps (>= 50 words)
HEAVY_EDIT_RATE = (0.04, 0.08)      # share of kept words dropped, inserted, changed or truncated
WORD_EDITS = ("drop", "insert", "substitute", "truncate")
# how the kept part is cut: the first sentences, the first paragraphs, the first words (ending
# mid-sentence), or a run of whole sentences starting after the lead
CUT_MODES, CUT_WEIGHTS = ("sentences", "paragraphs", "words", "span"), (0.4, 0.2, 0.2, 0.2)
FOREIGN_SHARE = 0.35                # copies given a paragraph of an unrelated body, on top or below
FOREIGN_WORDS = (15, 120)           # the words of such a paragraph
LOCAL_POOL = 40                     # bodies kept out of a HEAVY set: sources of those paragraphs
HEAVY_LOCAL_WEIGHTS = (0.6, 0.3, 0.1)   # 0, 1, 2 templated local paragraphs on top


def _units(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """The sentences of paragraphs, each with its paragraph's index."""
    return [(p, sentence) for p, paragraph in enumerate(paragraphs)
            for sentence in _split_sentences(paragraph)]


def heavy_cut(paragraphs: Sequence[str], share: float, mode: str, rng: random.Random) -> list[str]:
    """The part of the paragraphs a heavily cut copy keeps: about `share` of their words (at least
    MIN_KEPT_WORDS), by `mode` (CUT_MODES), paragraph breaks kept."""
    units = _units(paragraphs)
    total = sum(len(sentence.split()) for _, sentence in units)
    target = max(MIN_KEPT_WORDS, round(share * total))
    first = 0
    if mode == "span":     # from a sentence after the first paragraph, leaving room for the target
        room = [k for k in range(len(units)) if units[k][0] > 0
                and sum(len(s.split()) for _, s in units[k:]) >= target]
        first = rng.choice(room) if room else 0
    if mode == "paragraphs" and len(paragraphs[0].split()) <= HEAVY_KEPT[1] * total:
        units = list(enumerate(paragraphs))
    kept: list[tuple[int, str]] = []
    words = 0
    for p, sentence in units[first:]:
        if words >= target:
            break
        count = len(sentence.split())
        if mode == "words" and words + count > target:
            sentence, count = " ".join(sentence.split()[:target - words]), target - words
        kept.append((p, sentence))
        words += count
    out: list[str] = []
    last = None
    for p, sentence in kept:
        if p == last:
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
        last = p
    return out


def edit_words(paragraphs: Sequence[str], rate: float, vocabulary: Sequence[str], rng: random.Random
               ) -> tuple[list[str], list[str]]:
    """Edit about `rate` of the words (at least one), each at its own place: drop it, insert a word
    of `vocabulary` before it, substitute one for it, or truncate it (keep a prefix). Returns the
    paragraphs and a count of each kind of edit made."""
    words = [paragraph.split() for paragraph in paragraphs]
    places = [(p, w) for p, paragraph in enumerate(words) for w in range(len(paragraph))]
    chosen = rng.sample(places, max(1, min(len(places), round(rate * len(places)))))
    made: Counter[str] = Counter()
    for p, w in sorted(chosen, reverse=True):     # from the end, so the places before stay valid
        kind = rng.choice(WORD_EDITS)
        word = words[p][w]
        if kind == "truncate" and len(word) < 3:
            kind = "drop"
        if kind == "drop":
            del words[p][w]
        elif kind == "insert":
            words[p].insert(w, rng.choice(vocabulary))
        elif kind == "substitute":
            words[p][w] = rng.choice(vocabulary)
        else:
            words[p][w] = word[:rng.randint(1, len(word) - 2)]
        made[kind] += 1
    return ([" ".join(paragraph) for paragraph in words if paragraph],
            [f"{n} {k}" for k, n in sorted(made.items())])


def _heavy_copies(reserved: Sequence[SourceBody]) -> CopyText:
    """`_heavy_copy_text` with foreign paragraphs and vocabulary from the `reserved` bodies."""
    low, high = FOREIGN_WORDS
    foreign = [p for b in reserved for p in b.paragraphs if low <= len(p.split()) <= high]
    vocabulary = [w for b in reserved for p in b.paragraphs for w in p.split()]

    def make(story: _Story, outlet: _Outlet, short: bool, rng: random.Random
             ) -> tuple[str, float, int, int, list[str]]:
        return _heavy_copy_text(story, outlet, rng, foreign, vocabulary)
    return make


def _heavy_copy_text(story: _Story, outlet: _Outlet, rng: random.Random, foreign: Sequence[str],
                     vocabulary: Sequence[str]) -> tuple[str, float, int, int, list[str]]:
    """A copy cut to HEAVY_KEPT of the story's words, ~HEAVY_EDIT_RATE of its words edited,
    datelines and credits as `_copy_text`, templated local paragraphs on top and sometimes one
    paragraph of an unrelated body (FOREIGN_SHARE) on top or at the bottom, then re-wrapped.
    Returns (text, kept share of the words, paragraphs added, word edits made, edits)."""
    share, mode = rng.uniform(*HEAVY_KEPT), rng.choices(CUT_MODES, weights=CUT_WEIGHTS)[0]
    kept = heavy_cut(story.lead, share, mode, rng)
    total = sum(len(p.split()) for p in story.lead)
    kept_share = sum(len(p.split()) for p in kept) / total
    edits = [f"cut by {mode} to {kept_share:.0%} of the words"]
    rate = rng.uniform(*HEAVY_EDIT_RATE)
    kept, made = edit_words(kept, rate, vocabulary, rng)
    edits.append(f"{rate:.1%} of the words edited: {', '.join(made)}")
    with_dateline = (rng.random() < 0.5) if story.had_dateline else (rng.random() < 0.4)
    if with_dateline:
        kept[0] = f"{story.dateline}{kept[0]}"
    local = rng.choices((0, 1, 2), weights=HEAVY_LOCAL_WEIGHTS)[0]
    used: set[str] = set()
    top = [_local_paragraph(outlet, rng, used) for _ in range(local)]
    with_credit = (rng.random() < 0.5) if story.had_credit else (rng.random() < 0.4)
    tail = [story.credit] if with_credit else []
    if rng.random() < FOREIGN_SHARE:
        paragraph, on_top = rng.choice(foreign), rng.random() < 0.5
        (top if on_top else tail).insert(len(top) if on_top else 0, paragraph)
        local += 1
        edits.append(f"an unrelated paragraph {'on top' if on_top else 'at the bottom'}")
    if local:
        edits.append(f"{local} paragraph(s) added")
    mode = rng.choice(REWRAP_MODES)
    edited = sum(int(m.split()[0]) for m in made)
    return rewrap(top + kept + tail, mode, rng), kept_share, local, edited, edits


def load_same_event(corpora: Path) -> list[tuple[SourceBody, str]]:
    """The ECB+ articles (>= MIN_KEPT_WORDS words) with their event: as many per event as share no
    run of SAME_EVENT_RUN words with an article kept before them in the file (so none is a wire copy
    of another: different reports of one event, or of its sibling event on the same topic)."""
    kept: list[tuple[SourceBody, str]] = []
    seen: set[tuple[str, ...]] = set()
    path = corpora / ECB / ECB_FILE
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        words = WORD.findall(record["text"].lower())
        if len(words) < MIN_KEPT_WORDS or record.get("lang", "en") != "en":
            continue
        runs = {tuple(words[k:k + SAME_EVENT_RUN]) for k in range(len(words) - SAME_EVENT_RUN + 1)}
        if runs & seen:
            continue
        seen |= runs
        body = SourceBody(f"ecb:{record['id']}", paragraphs_of(record["text"]),
                          record.get("url") or "")
        kept.append((body, record["story"]))
    return kept


def _same_event_items(corpora: Path, outlets: Sequence[_Outlet], rng: random.Random
                      ) -> list[EvalItem]:
    """The ECB+ articles of `load_same_event` as distractors (kind SAME_EVENT), each on its own."""
    items = []
    for body, event in load_same_event(corpora):
        outlet, published = rng.choice(outlets), _window_time(rng)
        item_id = "e-" + re.sub(r"[^a-z0-9]+", "-", body.key.removeprefix("ecb:ecbplus/").lower())
        title = _headline(body.paragraphs, rng)
        url = _url(f"www.{outlet.domain}", published, title, item_id)
        items.append(EvalItem(item_id, "\n\n".join(body.paragraphs), published, f"solo-{item_id}",
                              outlet.name, SAME_EVENT, title, url, body.key,
                              edits=(f"event {event}",)))
    return items


def _distractor_id(key: str) -> str:
    corpus, _, name = key.partition(":")
    return f"d-aeb-{name[:12]}" if corpus == "aeb" else f"d-{name}"


def _window_time(rng: random.Random) -> datetime:
    seconds = rng.randrange(WINDOW_DAYS * 24 * 3600)
    return WINDOW_START + timedelta(seconds=seconds)


def _is_english(body: SourceBody) -> bool:
    words = " ".join(body.paragraphs).lower().split()
    return bool(words) and words.count("the") / len(words) >= MIN_ENGLISH_THE_SHARE


def story_candidates(bodies: Iterable[SourceBody]) -> list[SourceBody]:
    """The bodies fit to be wire stories: English, 150-3,000 words, 4-80 paragraphs, and a cut to <= 40% of the
    paragraphs that keeps >= 50 words."""
    return [b for b in bodies if MIN_STORY_WORDS <= b.words <= MAX_STORY_WORDS
            and MIN_STORY_PARAGRAPHS <= len(b.paragraphs) <= MAX_STORY_PARAGRAPHS and _is_english(b)
            and _fewest_kept(b.paragraphs) <= SHORT_CUT * len(b.paragraphs)]


def build_eval_set(corpora: Path, seeds: Path, seed: int = DEFAULT_SEED, stories: int = DEFAULT_STORIES,
                   hard_negatives: int = DEFAULT_HARD_NEGATIVES, level: str = STANDARD
                   ) -> list[EvalItem]:
    """Build the evaluation set from the corpora's bodies and the seed articles; the same seed, the same set.

    `level`: STANDARD copies (`_copy_text`) or HEAVY ones (`_heavy_copy_text`: cut to 20-45% of the
    words, ~6% of the words edited, a paragraph of an unrelated body on some; LOCAL_POOL bodies are
    kept out of the set to give those paragraphs, and the same-event articles of ECB+ are added as
    distractors). The STANDARD set is the same as before HEAVY existed (the generator makes the
    HEAVY-only draws only in HEAVY mode). The items come in a drawn order (copies of one story are
    not next to each other). Raises ValueError when the corpora hold too few bodies for the stories
    and hard negatives asked for.
    """
    if level not in EDIT_LEVELS:
        raise ValueError(f"level must be one of {EDIT_LEVELS}, not {level!r}")
    rng = random.Random(seed)
    bodies = load_bodies(corpora)
    seed_bodies = load_seeds(seeds)
    outlets = _outlets(rng)
    candidates = story_candidates(bodies)
    if len(candidates) < stories:
        raise ValueError(f"only {len(candidates)} bodies can be wire stories, {stories} asked for")
    chosen = rng.sample(candidates, stories)
    chosen_keys = {b.key for b in chosen}
    items: list[EvalItem] = []
    texts: set[str] = set()
    rest = [b for b in bodies if b.key not in chosen_keys]
    make_copy = _copy_text
    if level == HEAVY:
        reserved = rng.sample([b for b in rest if _is_english(b)], LOCAL_POOL)
        rest = [b for b in rest if b not in reserved]
        make_copy = _heavy_copies(reserved)

    for index, body in enumerate(sorted(chosen, key=lambda b: b.key)):
        story = _story(body, _window_time(rng), rng)
        cluster = f"story-{index:02d}"
        agency_name, agency_host, _ = AGENCIES[story.agency]
        original_text = "\n\n".join(body.paragraphs)
        texts.add(original_text)
        oid = f"s{index:02d}-0"
        items.append(EvalItem(oid, original_text, story.published, cluster, agency_name, ORIGINAL, story.headline,
                              _url(agency_host, story.published, story.headline, oid, "article"), body.key))
        n_copies = rng.randint(MIN_COPIES, MAX_COPIES)
        delays = sorted(math.exp(rng.uniform(math.log(MIN_COPY_DELAY_MIN), math.log(MAX_COPY_DELAY_MIN)))
                        for _ in range(n_copies))
        short_copy = rng.randrange(n_copies)
        for c, (outlet, delay) in enumerate(zip(rng.sample(outlets, n_copies), delays, strict=True), start=1):
            for _ in range(MAX_REDRAWS):      # an edit mix that changes nothing would be an exact duplicate
                text, kept, local, subs, edits = make_copy(story, outlet, c - 1 == short_copy, rng)
                if text not in texts:
                    break
            else:
                raise RuntimeError(f"story {index}: could not make copy {c} differ from the others")
            texts.add(text)
            published = story.published + timedelta(minutes=delay)
            title = _copy_headline(story.headline, outlet, rng)
            cid = f"s{index:02d}-{c}"
            items.append(EvalItem(cid, text, published, cluster, outlet.name, COPY, title,
                                  _url(f"www.{outlet.domain}", published, title, cid), body.key, kept, local,
                                  subs, tuple(edits)))

    items += _distractors(rest, outlets, hard_negatives, rng)
    items += _seed_items(seed_bodies, outlets, rng)
    if level == HEAVY:
        items += _same_event_items(corpora, outlets, rng)
    rng.shuffle(items)
    return items


def _distractors(rest: Sequence[SourceBody], outlets: Sequence[_Outlet], hard_negatives: int,
                 rng: random.Random) -> list[EvalItem]:
    """Every body of `rest` as a distractor, its own cluster; `hard_negatives` pairs of short
    English ones share one or two paragraphs of one outlet's boilerplate. Raises ValueError when
    too few are English."""
    items: list[EvalItem] = []
    english = sorted((b for b in rest if _is_english(b)), key=lambda b: (b.words, b.key))
    pool = [b for b in english if b.words <= MAX_HARD_NEGATIVE_WORDS] or english
    if len(pool) < 2 * hard_negatives:
        pool = english[:2 * hard_negatives]      # the shortest English bodies, whatever their length
    if len(pool) < 2 * hard_negatives:
        raise ValueError(f"only {len(pool)} English distractors for {hard_negatives} hard-negative pairs")
    paired = rng.sample(pool, 2 * hard_negatives)
    # key -> (partner key, kind, outlet, boilerplate blocks, top paragraphs, bottom paragraphs, published)
    pairing: dict[str, tuple[str, str, _Outlet, list[int], list[str], list[str], datetime]] = {}
    for pair in range(hard_negatives):
        first, second = paired[2 * pair], paired[2 * pair + 1]
        blocks = rng.sample(range(len(BOILERPLATE)), rng.choice((1, 2)))
        outlet, when = rng.choice(outlets), _window_time(rng)
        region = rng.choice(REGIONS)
        on_top = rng.random() < 0.5
        top, bottom = [], []
        for b in blocks:
            text = BOILERPLATE[b].format(outlet=outlet.name.removeprefix("The "), domain=outlet.domain,
                                         place=outlet.place, region=region)
            (top if on_top and b in TOP_BOILERPLATE else bottom).append(text)
        later = when + timedelta(minutes=rng.uniform(20, 600))
        pairing[first.key] = (second.key, DISTRACTOR, outlet, blocks, top, bottom, when)
        pairing[second.key] = (first.key, HARD_NEGATIVE, outlet, blocks, top, bottom, later)
    ids = {b.key: _distractor_id(b.key) for b in rest}
    for body in rest:
        item_id = ids[body.key]
        title = _headline(body.paragraphs, rng)
        if body.key in pairing:
            other, kind, outlet, blocks, top, bottom, published = pairing[body.key]
            text = "\n\n".join([*top, *body.paragraphs, *bottom])
            items.append(EvalItem(item_id, text, published, f"solo-{item_id}", outlet.name, kind, title,
                                  _url(f"www.{outlet.domain}", published, title, item_id), body.key,
                                  edits=tuple(f"boilerplate {b}" for b in blocks), partner=ids[other]))
        else:
            outlet, published = rng.choice(outlets), _window_time(rng)
            url = _url(f"www.{outlet.domain}", published, title, item_id)
            items.append(EvalItem(item_id, "\n\n".join(body.paragraphs), published, f"solo-{item_id}",
                                  outlet.name, DISTRACTOR, title, url, body.key))

    return items


def _seed_items(seed_bodies: Sequence[SourceBody], outlets: Sequence[_Outlet], rng: random.Random
               ) -> list[EvalItem]:
    """The seed articles (one event told by two outlets), each its own cluster, on their own day."""
    items: list[EvalItem] = []
    for number, body in enumerate(seed_bodies):
        outlet = outlets[-1 - number]
        day = body.day or WINDOW_START.date()
        published = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
            minutes=rng.randrange(6 * 60, 20 * 60))
        title = body.title or _headline(body.paragraphs, rng)
        item_id = f"seed-{number}"
        items.append(EvalItem(item_id, "\n\n".join(body.paragraphs), published, f"solo-{item_id}", outlet.name,
                              SEED, title, _url(f"www.{outlet.domain}", published, title, item_id), body.key))

    return items


def eval_set_stats(items: Sequence[EvalItem]) -> EvalSetStats:
    """Count the set's articles by kind, its copies cut to <= 40% or with local paragraphs, and its gold pairs."""
    kinds = Counter(i.kind for i in items)
    copies_per_story = Counter(i.gold_cluster for i in items if i.kind == COPY)
    return EvalSetStats(
        articles=len(items), stories=len(copies_per_story), originals=kinds[ORIGINAL], copies=kinds[COPY],
        distractors=kinds[DISTRACTOR], seeds=kinds[SEED], hard_negatives=kinds[HARD_NEGATIVE],
        copies_cut_short=sum(1 for i in items if i.kind == COPY and i.kept_fraction <= SHORT_CUT),
        copies_with_local=sum(1 for i in items if i.kind == COPY and i.local_paragraphs > 0),
        min_copies=min(copies_per_story.values(), default=0), max_copies=max(copies_per_story.values(), default=0),
        gold_pairs=same_cluster_pairs([i.gold_cluster for i in items]))


def export_jsonl(items: Sequence[EvalItem], path: Path, repository: Path | None = None) -> Path:
    """Write the set as copydesk JSON Lines input (`text`, `url`, `outlet`, `published_at`, `title`) to `path`,
    and `path` + `.gold.json` mapping each URL to its gold cluster. Returns the sidecar's path.

    Refuses a path inside `repository` (the texts belong to their publishers: they stay out of the repository).
    """
    path = path.resolve()
    if repository is not None and path.is_relative_to(repository.resolve()):
        raise ValueError(f"{path} is inside the repository {repository}: export the evaluation set elsewhere")
    if len({i.url for i in items}) != len(items):
        raise ValueError("the items' URLs are not unique")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for i in items:
            record = {"text": i.text, "url": i.url, "outlet": i.outlet,
                      "published_at": i.published_at.isoformat() if i.published_at else None, "title": i.title}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    gold = path.with_name(path.name + ".gold.json")
    gold.write_text(json.dumps({i.url: i.gold_cluster for i in items}, indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return gold


# --- the datasketch baseline -----------------------------------------------------------------------------

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLDS = tuple(round(0.30 + 0.05 * k, 2) for k in range(13))   # 0.30 .. 0.90
WORD = re.compile(r"\w+")


def word_shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of `size`-word shingles of the lowercased text (words are `\\w+` runs), UTF-8 encoded.

    A text shorter than `size` words is one shorter shingle; an empty text has none.
    """
    words = WORD.findall(text.lower())
    return {" ".join(words[k:k + size]).encode() for k in range(max(1, len(words) - size + 1))} if words else set()


def minhash_signatures(texts: Sequence[str], num_perm: int = NUM_PERM, seed: int = 1) -> list[object]:
    """datasketch MinHashes of the texts' word shingles (`MinHash.bulk`, permutations shared by all texts)."""
    from datasketch import MinHash

    return MinHash.bulk((sorted(word_shingles(t)) for t in texts), num_perm=num_perm, seed=seed)


def connected_components(n: int, edges: Iterable[tuple[int, int]]) -> list[str]:
    """Label n nodes by connected component (union-find); a component is named by its smallest node: `c<k>`."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [f"c{root(i)}" for i in range(n)]


def lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The (bands, rows per band) MinHashLSH picks for a threshold (adjacent thresholds may share them)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def lsh_clusters(signatures: Sequence[object], threshold: float, num_perm: int = NUM_PERM) -> list[str]:
    """Cluster by MinHashLSH: each LSH match (a candidate pair above `threshold`) is an edge; a component is
    a cluster."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for k, signature in enumerate(signatures):
        lsh.insert(k, signature)
    edges = ((k, other) for k, signature in enumerate(signatures) for other in lsh.query(signature) if other != k)
    return connected_components(len(signatures), edges)


def minhash_lsh_detector(threshold: float, num_perm: int = NUM_PERM) -> Detector:
    """The baseline as a detector: word 5-shingles, MinHash, MinHashLSH at `threshold`, connected components."""
    def detect(texts: list[str], published: list[datetime | None]) -> list[str]:
        return lsh_clusters(minhash_signatures(texts, num_perm), threshold, num_perm)
    return detect


@dataclass(frozen=True, slots=True)
class SweepRow:
    """The baseline at one LSH threshold: its evaluation, LSH parameters and the (median) time of the LSH step."""

    threshold: float
    evaluation: Evaluation
    lsh_seconds: float
    bands: int
    rows_per_band: int


@dataclass(frozen=True, slots=True)
class Sweep:
    """The baseline's threshold sweep: one row per threshold, and the (median) MinHash time shared by all rows."""

    rows: tuple[SweepRow, ...]
    signature_seconds: float
    articles: int

    @property
    def best(self) -> SweepRow:
        """The row of highest pairwise F1 (the lower threshold on ties)."""
        return max(self.rows, key=lambda r: (r.evaluation.pairs.f1, -r.threshold))

    def seconds_per_1k(self, row: SweepRow) -> float:
        """Seconds per 1,000 articles of the whole baseline (MinHash + LSH + components) at a row's threshold."""
        return (self.signature_seconds + row.lsh_seconds) * 1_000 / max(1, self.articles)


def minhash_sweep(items: Sequence[EvalItem], thresholds: Sequence[float] = THRESHOLDS, num_perm: int = NUM_PERM,
                  repeats: int = 1) -> Sweep:
    """Run the datasketch baseline at each threshold, from one set of MinHashes; times are medians of `repeats`."""
    texts = [i.text for i in items]
    signature_times, signatures = [], []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        signatures = minhash_signatures(texts, num_perm)
        signature_times.append(time.perf_counter() - started)
    rows = []
    for threshold in thresholds:
        lsh_times, labels = [], []
        for _ in range(max(1, repeats)):
            started = time.perf_counter()
            labels = lsh_clusters(signatures, threshold, num_perm)
            lsh_times.append(time.perf_counter() - started)
        rows.append(SweepRow(threshold, evaluate(items, labels), statistics.median(lsh_times),
                             *lsh_params(threshold, num_perm)))
    return Sweep(tuple(rows), statistics.median(signature_times), len(items))


def time_detector(detector: Detector, items: Sequence[EvalItem], repeats: int = 1) -> tuple[list[str], float, bool]:
    """Run a detector `repeats` times: its labels of the first run, the median wall time (s), and whether every
    run gave the same clustering."""
    labels, seconds = run_detector(detector, items)
    times, stable = [seconds], True
    for _ in range(max(1, repeats) - 1):
        again, seconds = run_detector(detector, items)
        times.append(seconds)
        stable = stable and len(set(zip(labels, again, strict=True))) == len(set(labels)) == len(set(again))
    return labels, statistics.median(times), stable


# --- the run -----------------------------------------------------------------------------------------------

def load_detector() -> Detector | None:
    """copydesk's `wire_clusters`, or None while it does not exist."""
    try:
        from copydesk.tasks.wire import wire_clusters
    except (ImportError, AttributeError):
        return None
    return wire_clusters


def row(label: str, e: Evaluation, seconds_per_1k: float | None) -> str:
    """One line of the results table."""
    timing = f"{seconds_per_1k:9.3f}" if seconds_per_1k is not None else f"{'-':>9}"
    return (f"{label:34} {e.pairs.precision:7.3f} {e.pairs.recall:5.3f} {e.pairs.f1:5.3f}   "
            f"{e.bcubed.precision:5.3f} {e.bcubed.recall:5.3f} {e.bcubed.f1:5.3f}   {e.ari:5.3f}   "
            f"{e.cut_short_recall:5.3f} {e.local_recall:7.3f}   "
            f"{f'{e.hard_negatives_merged}/{e.hard_negative_pairs}':>8} {e.boilerplate_merges:3d} "
            f"{'GROUPED' if e.seeds_grouped else 'apart':>7}   {e.clusters:8d} {timing}")


def describe(items: Sequence[EvalItem], seed: int) -> str:
    """The set's statistics, in a few lines."""
    s = eval_set_stats(items)
    words = sorted(len(i.text.split()) for i in items)
    return (f"Evaluation set (seed {seed}): {s.articles} articles, {s.gold_pairs} gold pairs, "
            f"median {words[len(words) // 2]} words\n"
            f"  {s.stories} wire stories: {s.originals} originals + {s.copies} copies "
            f"({s.min_copies}-{s.max_copies} per story), {s.copies_cut_short} copies cut to <= {SHORT_CUT:.0%} "
            f"of the paragraphs, {s.copies_with_local} with local paragraphs on top\n"
            f"  {s.distractors} distractors, {s.seeds} seed articles (same event, not copies), "
            f"{s.hard_negatives} hard negatives (each sharing boilerplate with a distractor)"
            + _same_event_note(items))


def _same_event_note(items: Sequence[EvalItem]) -> str:
    """", N same-event reports (ECB+)" when the set has any."""
    same = sum(i.kind == SAME_EVENT for i in items)
    return f", {same} same-event reports (ECB+)" if same else ""


def heavy_breakdown(items: Sequence[EvalItem], labels: Sequence[str]
                    ) -> list[tuple[str, int, float]]:
    """Pairwise recall on the gold pairs touching each group of copies of a HEAVY set (by the
    share of the words kept, how they were cut, an unrelated paragraph added), and the pairs
    wrongly grouped with a same-event article: (what, articles, recall or pairs)."""
    gold = [i.gold_cluster for i in items]
    copies = [(n, i) for n, i in enumerate(items) if i.kind == COPY]
    groups = [("kept < 30% of the words", lambda i: i.kept_fraction < 0.30),
              ("kept 30-45%", lambda i: 0.30 <= i.kept_fraction <= 0.45),
              ("kept > 45% (50-word floor, long sentences)", lambda i: i.kept_fraction > 0.45),
              *((f"cut by {mode}", lambda i, m=mode: i.edits[0].startswith(f"cut by {m} "))
                for mode in CUT_MODES),
              ("an unrelated paragraph added", lambda i: any("unrelated" in e for e in i.edits)),
              ("no paragraph added", lambda i: i.local_paragraphs == 0)]
    out = []
    for what, test in groups:
        members = [n for n, i in copies if test(i)]
        out.append((what, len(members), subset_pair_recall(gold, labels, members)))
    same_event = Counter(labels[n] for n, i in enumerate(items) if i.kind == SAME_EVENT)
    size = Counter(labels)
    wrong = sum(math.comb(size[c], 2) - math.comb(size[c] - k, 2) for c, k in same_event.items())
    out.append(("pairs grouped with a same-event article (all wrong)", sum(same_event.values()),
                wrong))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="folder holding article-extraction-benchmark/ and fundus-evaluation/ "
                             "(default: %(default)s)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                        help="folder holding the seed articles *.txt (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help="random seed of the set (default: %(default)s)")
    parser.add_argument("--stories", type=int, default=DEFAULT_STORIES, help="wire stories (default: %(default)s)")
    parser.add_argument("--hard-negatives", type=int, default=DEFAULT_HARD_NEGATIVES,
                        help="hard-negative pairs (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS,
                        help="timed runs of each detector, the median reported (default: %(default)s)")
    parser.add_argument("--export-jsonl", type=Path, metavar="PATH",
                        help="also write the set as copydesk JSON Lines (outside the repository) and PATH.gold.json")
    parser.add_argument("--level", choices=(*EDIT_LEVELS, "both"), default="both",
                        help="the copies' edits: standard, heavy (cut to 20-45%% and ~6%% of "
                             "the words edited) or both sets, one after the other "
                             "(default: %(default)s)")
    args = parser.parse_args()
    for level in EDIT_LEVELS if args.level == "both" else (args.level,):
        print(f"=== {level} edits ===")
        run_level(args, level)


def run_level(args: argparse.Namespace, level: str) -> None:
    """Build the set of one edit level, score copydesk and the baseline on it, print the tables."""
    items = build_eval_set(args.corpora, args.seeds, args.seed, args.stories, args.hard_negatives,
                           level)
    print(describe(items, args.seed))
    if args.export_jsonl:       # the standard set to PATH, the heavy one beside it
        path = args.export_jsonl
        path = path if level == STANDARD else path.with_name(f"{path.stem}.{level}{path.suffix}")
        gold = export_jsonl(items, path, REPO)
        print(f"  exported to {path.resolve()} and {gold} (score with `copydesk run {path}`)")

    print(f"\n{HEADER}")
    detector = load_detector()
    if detector is None:
        print(f"{'copydesk wire_clusters':34} copydesk's detector not available yet "
              f"(copydesk.tasks.wire.wire_clusters)")
    else:
        labels, seconds, stable = time_detector(detector, items, args.repeats)
        print(row("copydesk wire_clusters", evaluate(items, labels), seconds * 1_000 / len(items)))
        if not stable:
            print(f"{'':34} (!) the detector's clusters differ from one run to the next")
        if level == HEAVY:
            for what, count, value in heavy_breakdown(items, labels):
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                measure = "R" if isinstance(value, float) else ""
                print(f"  {what:52} {count:4d} articles: {measure} {shown}")
    sweep = minhash_sweep(items, repeats=args.repeats)
    best = sweep.best
    print(row(f"datasketch LSH @{best.threshold:.2f} (best F1)", best.evaluation, sweep.seconds_per_1k(best)))
    print(row("every article alone (floor)", evaluate(items, [i.id for i in items]), None))
    print(row("the gold clusters (ceiling)", evaluate(items, [i.gold_cluster for i in items]), None))

    print(f"\ndatasketch MinHash + MinHashLSH sweep: word {SHINGLE_WORDS}-shingles of the lowercased text, "
          f"num_perm={NUM_PERM}, connected components of LSH matches")
    print(HEADER.replace(f"{'':34}", f"{'threshold (bands x rows)':34}", 1))
    for r in sweep.rows:
        mark = "  <- best" if r is best else ""
        label = f"{r.threshold:.2f} ({r.bands} x {r.rows_per_band})"
        print(row(label, r.evaluation, sweep.seconds_per_1k(r)) + mark)
    print(f"MinHash signatures {sweep.signature_seconds * 1_000 / len(items):.2f} ms per article; at "
          f"{best.threshold:.2f}: {sweep.seconds_per_1k(best):.2f} s per 1,000 articles in all")

    print(LEGEND)
    print()


if __name__ == "__main__":
    main()
