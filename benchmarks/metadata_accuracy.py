"""Measure metadata accuracy on fundus-evaluation: canonical URL, publication date and language.

Each page is read with copydesk's reader and cleaned by `clean_document`; its `Candidate` is compared with:
- URL: the ground-truth URL after `canonical_url` (tracking parameters removed), exact match;
- date: `published_at` (UTC) within one day of the date the page shows its reader (`VISIBLE_DATES`, below);
  htmldate's `find_date(extensive_search=False, original_date=True)` on the raw bytes, capped by the crawl
  time, is scored as a second, automatic reference;
- language: English (all 16 outlets publish in English) except the pages of a language edition whose URL
  path says so (Reuters' French edition, `reuters.com/fr/...`).
Run from the repository root:

    .venv/bin/python -m benchmarks.metadata_accuracy [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from htmldate import find_date

from benchmarks.extraction_quality import DEFAULT_CORPORA, FUNDUS, page_id, read_documents
from copydesk.config import Settings
from copydesk.records import Candidate
from copydesk.tasks.extract import clean_document
from copydesk.tasks.urls import canonical_url

DATE_TOLERANCE_DAYS = 1
DEFAULT_LANGUAGE = "en"
EDITION_PATH_LANGUAGES = {"/fr/": "fr"}   # language editions under a path prefix (not /us/, /uk/: sections)

# The publication date each page shows its reader, read by hand from the saved page (outlet's local date).
# AP draws its visible stamp with JavaScript, so for AP it is `article:published_time`; elsewhere it is
# the byline or `<time>` text. Where a page also shows a later "updated" time, the first publication wins.
VISIBLE_DATES: dict[str, str] = {
    # AP: meta article:published_time (the visible "Updated ..." stamp is drawn from data-timestamp)
    "APNews_0": "2024-02-26", "APNews_1": "2024-02-28", "APNews_2": "2024-02-27", "APNews_3": "2024-02-28",
    "APNews_4": "2024-02-27",
    # CNBC: "Published Wed, Feb 28 2024 ... EST"
    "CNBC_0": "2024-02-28", "CNBC_1": "2024-02-28", "CNBC_2": "2024-02-28", "CNBC_3": "2024-02-28",
    "CNBC_4": "2024-02-28",
    # Fox News: <time> "February 29, 2024 8:38am EST"
    "FoxNews_0": "2024-02-29", "FoxNews_1": "2024-02-28", "FoxNews_2": "2024-02-29", "FoxNews_3": "2024-02-29",
    "FoxNews_4": "2024-02-29",
    # Free Beacon: date after the author's name in the byline
    "FreeBeacon_0": "2024-02-29", "FreeBeacon_1": "2024-02-29", "FreeBeacon_2": "2024-02-29",
    "FreeBeacon_3": "2024-02-29", "FreeBeacon_4": "2024-02-29",
    # LA Times: <time> "March 1, 2024 3 AM PT"
    "LATimes_0": "2024-03-02", "LATimes_1": "2024-03-01", "LATimes_2": "2024-03-01", "LATimes_3": "2024-03-01",
    "LATimes_4": "2024-03-01",
    # Occupy Democrats: <time> "February 28, 2024" (the header also shows the crawl day, March 2)
    "OccupyDemocrats_0": "2024-02-28", "OccupyDemocrats_1": "2024-02-28", "OccupyDemocrats_2": "2024-02-28",
    "OccupyDemocrats_3": "2024-02-28", "OccupyDemocrats_4": "2024-02-28",
    # Reuters: <time> "March 4, 2024 12:45 PM UTC"
    "Reuters_0": "2024-03-04", "Reuters_1": "2024-03-04", "Reuters_2": "2024-03-04", "Reuters_3": "2024-03-04",
    "Reuters_4": "2024-03-04",
    # Gateway Pundit: <time> "Feb. 28, 2024 10:20 pm" (US evening); _4 shows "Feb. 28, 2024 9:00 pm" and an update
    "TheGatewayPundit_0": "2024-02-28", "TheGatewayPundit_1": "2024-02-28", "TheGatewayPundit_2": "2024-02-28",
    "TheGatewayPundit_3": "2024-02-28", "TheGatewayPundit_4": "2024-02-28",
    # Guardian: "Sat 2 Mar 2024"
    "TheGuardian_0": "2024-03-02", "TheGuardian_1": "2024-03-02", "TheGuardian_2": "2024-03-02",
    "TheGuardian_3": "2024-03-02", "TheGuardian_4": "2024-03-02",
    # Independent: "02 March 2024"
    "TheIndependent_0": "2024-03-02", "TheIndependent_1": "2024-03-02", "TheIndependent_2": "2024-03-02",
    "TheIndependent_3": "2024-03-02", "TheIndependent_4": "2024-03-02",
    # Intercept: <time> "March 1 2024, 2:14 p.m."
    "TheIntercept_0": "2024-03-02", "TheIntercept_1": "2024-03-01", "TheIntercept_2": "2024-03-01",
    "TheIntercept_3": "2024-03-01", "TheIntercept_4": "2024-02-28",
    # The Nation: "Politics / February 29, 2024" above the headline
    "TheNation_0": "2024-02-29", "TheNation_1": "2024-02-29", "TheNation_2": "2024-02-28",
    "TheNation_3": "2024-02-28", "TheNation_4": "2024-02-28",
    # New Yorker: <time> under the byline; _1 and _2 also name the print issue of March 11, which is not it
    "TheNewYorker_0": "2024-02-29", "TheNewYorker_1": "2024-03-01", "TheNewYorker_2": "2024-03-01",
    "TheNewYorker_3": "2024-03-01", "TheNewYorker_4": "2024-03-01",
    # Telegraph: <time> "2 March 2024 • 9:36pm"
    "TheTelegraph_0": "2024-03-02", "TheTelegraph_1": "2024-03-02", "TheTelegraph_2": "2024-03-02",
    "TheTelegraph_3": "2024-03-02", "TheTelegraph_4": "2024-03-02",
    # Washington Times: "Thursday, February 29, 2024" in the byline
    "WashingtonTimes_0": "2024-02-29", "WashingtonTimes_1": "2024-02-29", "WashingtonTimes_2": "2024-02-29",
    "WashingtonTimes_3": "2024-02-29", "WashingtonTimes_4": "2024-02-29",
    # i: "March 2, 2024 6:00 am" in the byline
    "iNews_0": "2024-03-02", "iNews_1": "2024-03-02", "iNews_2": "2024-03-02", "iNews_3": "2024-03-02",
    "iNews_4": "2024-03-02",
}


@dataclass(frozen=True, slots=True)
class PageCheck:
    """What copydesk found on one page next to what the page and the ground truth say."""

    page: str
    url: str | None
    true_url: str | None
    published_at: datetime | None
    visible_date: date
    htmldate_date: date | None
    language: str | None
    true_language: str

    @property
    def url_ok(self) -> bool:
        """Tell whether copydesk's canonical URL is the true one."""
        return self.url is not None and self.url == self.true_url

    @property
    def date_ok(self) -> bool:
        """Tell whether the publication time is within tolerance of the visible date."""
        return within_tolerance(self.published_at, self.visible_date)

    @property
    def htmldate_ok(self) -> bool | None:
        """Tell the same against htmldate's date; None when htmldate gave none."""
        return None if self.htmldate_date is None else within_tolerance(self.published_at, self.htmldate_date)

    @property
    def language_ok(self) -> bool:
        """Tell whether the detected language is the expected one."""
        return self.language == self.true_language


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Share of pages where copydesk's URL, date and language are right."""

    url: float
    date: float
    date_htmldate: float
    htmldate_pages: int
    language: float
    pages: int


def within_tolerance(published_at: datetime | None, reference: date) -> bool:
    """Tell whether a publication time falls within `DATE_TOLERANCE_DAYS` of a reference date."""
    return published_at is not None and abs((published_at.date() - reference).days) <= DATE_TOLERANCE_DAYS


def expected_language(url: str) -> str:
    """Read the language of a language edition from its URL path, else English."""
    path = urlsplit(url).path
    return next((code for prefix, code in EDITION_PATH_LANGUAGES.items() if path.startswith(prefix)),
                DEFAULT_LANGUAGE)


def htmldate_reference(body: bytes, crawled_at: datetime) -> date | None:
    """Date a page with htmldate on its raw bytes; None when it finds none or one after the crawl."""
    found = find_date(body, extensive_search=False, original_date=True)
    day = date.fromisoformat(found) if found else None
    return day if day is not None and day <= crawled_at.date() else None


def check_pages(corpora: Path, settings: Settings) -> list[PageCheck]:
    """Clean every fundus page with copydesk and set its metadata beside the references."""
    root = corpora / FUNDUS
    truth = {page_id(key): value for key, value in
             json.loads((root / "ground_truth.json").read_text(encoding="utf-8")).items()}
    checks = []
    for page, document in read_documents(root / "html", settings).items():
        result = clean_document(document, settings)
        candidate = result if isinstance(result, Candidate) else None
        checks.append(PageCheck(
            page=page,
            url=candidate.url if candidate else None,
            true_url=canonical_url(truth[page]["url"]),
            published_at=candidate.published_at if candidate else None,
            visible_date=date.fromisoformat(VISIBLE_DATES[page]),
            htmldate_date=htmldate_reference(document.body, datetime.fromisoformat(truth[page]["crawl_date"])),
            language=candidate.language if candidate else None,
            true_language=expected_language(truth[page]["url"]),
        ))
    return checks


def accuracy(checks: list[PageCheck]) -> Accuracy:
    """Sum up the checks as shares of pages."""
    dated = [c.htmldate_ok for c in checks if c.htmldate_ok is not None]
    return Accuracy(
        url=sum(c.url_ok for c in checks) / len(checks),
        date=sum(c.date_ok for c in checks) / len(checks),
        date_htmldate=sum(dated) / len(dated) if dated else 0.0,
        htmldate_pages=len(dated),
        language=sum(c.language_ok for c in checks) / len(checks),
        pages=len(checks),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="folder holding fundus-evaluation/ (default: %(default)s)")
    args = parser.parse_args()
    checks = check_pages(args.corpora, Settings())
    result = accuracy(checks)
    print(f"fundus-evaluation: {result.pages} pages\n")
    print(f"{'page':20} {'published_at (UTC)':20} {'visible':10} {'htmldate':10} {'lang':4}  problems")
    for c in checks:
        problems = [name for name, ok in (("url", c.url_ok), ("date", c.date_ok), ("htmldate", c.htmldate_ok),
                                          ("language", c.language_ok)) if ok is False]
        stamp = c.published_at.strftime("%Y-%m-%d %H:%M") if c.published_at else "-"
        print(f"{c.page:20} {stamp:20} {c.visible_date.isoformat():10} "
              f"{c.htmldate_date.isoformat() if c.htmldate_date else '-':10} {c.language or '-':4}  "
              f"{', '.join(problems)}")
    print(f"\ncanonical URL exact match:          {result.url:.1%}")
    for c in checks:
        if not c.url_ok:
            print(f"  {c.page}: copydesk {c.url} | truth {c.true_url}")
    print(f"date within {DATE_TOLERANCE_DAYS} day of the visible date: {result.date:.1%}")
    print(f"date within {DATE_TOLERANCE_DAYS} day of htmldate:         {result.date_htmldate:.1%} "
          f"(of {result.htmldate_pages} pages where htmldate's date is not after the crawl)")
    print(f"language:                           {result.language:.1%}")
    for c in checks:
        if c.true_language != DEFAULT_LANGUAGE or not c.language_ok:
            print(f"  {c.page}: copydesk {c.language}, expected {c.true_language} from {c.true_url}")


if __name__ == "__main__":
    main()
