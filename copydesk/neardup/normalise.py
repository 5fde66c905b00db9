"""Normalise article text for fingerprinting: drop what outlets add around wire copy.

Datelines (`WASHINGTON (AP) —`), bylines and credits (`Reporting by …; Editing by …`), and boilerplate
paragraphs (copyright notices, newsletter prompts, "this story has been updated") are removed, so that
shared boilerplate never makes unrelated articles look alike and a copy with or without a credit still
matches. What remains is lower-cased into word tokens. The agency named by a dateline or credit is kept
as `wire_agency`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

AGENCIES: dict[str, str] = {  # pattern (as written in datelines and credits) -> agency name
    r"ap|associated press": "AP", r"reuters|thomson reuters": "Reuters", r"afp|agence france-presse": "AFP",
    r"dpa|dpa-afx|dpa-infocom": "dpa", r"efe": "EFE", r"ansa": "ANSA", r"pa|pa media|press association": "PA Media",
    r"upi|united press international": "UPI", r"bloomberg": "Bloomberg", r"kyodo": "Kyodo", r"xinhua": "Xinhua",
    r"anadolu|aa": "Anadolu", r"europa press": "Europa Press", r"apa": "APA", r"belga": "Belga", r"anp": "ANP",
    r"ap/dpa|dpa/ap": "dpa", r"kna": "KNA", r"epd": "epd", r"sda|keystone-sda": "Keystone-SDA", r"tass": "TASS",
}
AGENCY = "|".join(f"(?:{pattern})" for pattern in AGENCIES)
DATELINE = re.compile(rf"^\s*[^\n()]{{0,60}}?\(\s*({AGENCY})\s*\)\s*[.,:;]?\s*[-—–:.]*\s*", re.IGNORECASE)
CREDIT = re.compile(
    rf"^\s*\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|edited)\s+by\b"
    rf"|^\s*(?:©|\(c\)|copyright)\b|all rights reserved|^\s*\(?\s*(?:{AGENCY})\s*\)?\s*$"
    rf"|contributed to this report|^\s*(?:associated press|ap) (?:writers?|reporters?)\b",
    re.IGNORECASE)
BOILERPLATE = re.compile(
    r"sign up for|newsletter|subscribe (?:to|now)|this (?:story|article) (?:has been|was) updated"
    r"|^\s*(?:read more|related|advertisement|follow us|share this)\b|follow .{0,40} on (?:twitter|x|facebook)"
    r"|cookies? (?:policy|settings)|terms of (?:use|service)",
    re.IGNORECASE)
# The same patterns split for speed (one re.search over a long paragraph costs ~100 ns per character): the
# alternatives anchored at `^` (no MULTILINE: position 0 only) are tried with .match, the others only when
# the lower-cased paragraph contains their keyword (every such alternative needs it literally). Characters
# that match ASCII letters case-insensitively but do not lower-case to them (EXOTIC) turn the shortcut off
# for the text, so the result is always that of CREDIT/BOILERPLATE.search.
EXOTIC = "\u017f\u0131\u0130\u212a"   # ſ ı İ and the Kelvin sign
CREDIT_START = re.compile(
    rf"\s*\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|edited)\s+by\b"
    rf"|\s*(?:©|\(c\)|copyright)\b|\s*\(?\s*(?:{AGENCY})\s*\)?\s*$"
    rf"|\s*(?:associated press|ap) (?:writers?|reporters?)\b",
    re.IGNORECASE)
CREDIT_ANYWHERE = re.compile(r"all rights reserved|contributed to this report", re.IGNORECASE)
CREDIT_KEYWORDS = ("all rights reserved", "contributed to this report")
BOILERPLATE_START = re.compile(r"\s*(?:read more|related|advertisement|follow us|share this)\b", re.IGNORECASE)
BOILERPLATE_ANYWHERE = re.compile(
    r"sign up for|newsletter|subscribe (?:to|now)|this (?:story|article) (?:has been|was) updated"
    r"|follow .{0,40} on (?:twitter|x|facebook)|cookies? (?:policy|settings)|terms of (?:use|service)",
    re.IGNORECASE)
BOILERPLATE_KEYWORDS = ("sign up for", "newsletter", "subscribe ", "updated", "follow ", "cookie ", "cookies",
                        "terms of ")
# Every match of a CREDIT_ANYWHERE or BOILERPLATE_ANYWHERE alternative contains one of their keywords, the
# NEEDLES, in lower case (`cookies? (?:policy|settings)`: "cookie " or "cookies"). Each has 7 characters or
# more, so an occurrence covers a 4-character window that starts at a multiple of 4 and is one of the first
# four windows of the needle: NEEDLE_GRAMS (little-endian uint32). A lower-cased text (as UTF-8) with none of them at such a
# position holds no needle, and none of those alternatives can match in it (EXOTIC texts are searched anyway).
NEEDLES = CREDIT_KEYWORDS + BOILERPLATE_KEYWORDS
NEEDLE_GRAMS = np.unique(np.array([int.from_bytes(needle[at:at + 4].encode("ascii"), "little")
                                   for needle in NEEDLES for at in range(4)], dtype=np.uint32))
GRAM_SLOT_BITS = 16             # a window is first looked up by a multiplicative hash of it
GRAM_MULTIPLIER = np.uint32(0x9E3779B1)
GRAM_SLOTS = np.zeros(1 << GRAM_SLOT_BITS, dtype=bool)
GRAM_SLOTS[(NEEDLE_GRAMS.astype(np.uint64) * int(GRAM_MULTIPLIER) % (1 << 32)) >> (32 - GRAM_SLOT_BITS)] = True
# Characters outside ASCII that are not \w and that NFKC maps to non-\w characters: a body whose only
# non-ASCII characters are these has the words of its ASCII text with them as spaces.
NON_WORD = ("\u2014\u2013\u201c\u201d\u2018\u2019\u2026\u00a0\u00ab\u00bb\u00b7\u2010\u2011\u2012\u2015"
            "\u201a\u201e\u2022\u2039\u203a\u2032\u2033\u202f\u2009\u200a\u3000")
# CREDIT_START or BOILERPLATE_START at the start of any paragraph but the first (a superset: `\s*` may run
# over a line end); the paragraph's end `$` is a line end or the end of the text. For ASCII text the same
# search runs faster case-sensitively over the lower-cased text (the patterns are written in lower case).
LINE_END = r"(?=\n|\Z)"
FURNITURE_AFTER_FIRST_PATTERN = rf"\n(?:{CREDIT_START.pattern.replace('$', LINE_END)}|{BOILERPLATE_START.pattern})"
FURNITURE_AFTER_FIRST = re.compile(FURNITURE_AFTER_FIRST_PATTERN, re.IGNORECASE)
FURNITURE_AFTER_FIRST_LOWERED = re.compile(FURNITURE_AFTER_FIRST_PATTERN)
MAX_BOILERPLATE_WORDS = 60      # longer paragraphs are kept even when they mention a newsletter
CREDIT_AGENCY = re.compile(rf"\b(?:reporting by|©|copyright)\b[^\n]{{0,80}}?\b({AGENCY})\b", re.IGNORECASE)
WORD = re.compile(r"\w+")


def agency_name(written: str) -> str | None:
    """Name the agency written in a dateline or credit (`Associated Press` -> `AP`)."""
    lowered = written.strip().lower()
    return next((name for pattern, name in AGENCIES.items() if re.fullmatch(pattern, lowered)), None)


def strip_wire_furniture(text: str) -> tuple[str, str | None]:
    """Remove the dateline, credits and boilerplate paragraphs; return the body and the agency named."""
    body, start, agency = _strip(text, text.lower())
    return _kept_paragraphs(text[start:]) if body is None else body, agency


def body_stream(text: str) -> tuple[str, str | None]:
    """The body's words as the shingle hashing reads them, and the agency named.

    `" ".join(tokens(body))` of `strip_wire_furniture`'s body; for ASCII text the lower-cased body as it
    stands in the text (its `\\w+` words are the same), without building the body.
    """
    return body_streams([text])[0]


def body_streams(texts: Sequence[str]) -> list[tuple[str, str | None]]:
    """`body_stream` of many texts; one numpy scan tells which texts may hold a keyword."""
    lowered = [text.lower() for text in texts]
    streams = []
    for text, low, keywords in zip(texts, lowered, _may_hold_needles(lowered).tolist()):
        body, start, agency = _strip(text, low, keywords)
        if body is None:
            if text.isascii():
                streams.append((low[start:], agency))
                continue
            body = _kept_paragraphs(text[start:])
        if not body.isascii():      # often only dashes and quotes are not ASCII: as spaces, the same words
            spaced = body
            for char in NON_WORD:
                spaced = spaced.replace(char, " ")      # (str.translate is ~30x slower here)
            body = spaced if spaced.isascii() else body
        streams.append(((body.lower() if body.isascii() else " ".join(tokens(body))), agency))
    return streams


def _may_hold_needles(lowered: Sequence[str]) -> np.ndarray:
    """Per lower-cased text, False when it surely holds none of NEEDLES: none of the 4-byte windows at a
    multiple of 4 of the texts' UTF-8 joined by newlines is one of NEEDLE_GRAMS (one of the
    GRAM_SLOTS first, then exactly)."""
    encoded = [low.encode("utf-8") for low in lowered]
    data = b"\n".join(encoded)
    windows = np.frombuffer(data, dtype="<u4", count=len(data) // 4)
    candidates = np.flatnonzero(GRAM_SLOTS[_gram_slot(windows)])
    hits = 4 * candidates[np.isin(windows[candidates], NEEDLE_GRAMS)]
    maybe = np.zeros(len(lowered), dtype=bool)
    ends = np.cumsum([len(text) + 1 for text in encoded])        # each text with its newline
    maybe[np.searchsorted(ends, hits, side="right")] = True      # no gram spans a newline
    return maybe


def _gram_slot(grams: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return (grams * GRAM_MULTIPLIER) >> np.uint32(32 - GRAM_SLOT_BITS)


def _strip(text: str, lowered: str, keywords: bool = True) -> tuple[str | None, int, str | None]:
    """(body, 0, agency), or (None, start, agency) when the body is text[start:] less its empty paragraphs;
    `keywords=False`: the text holds none of NEEDLES, so no ANYWHERE pattern can match in it."""
    exotic = not text.isascii() and any(char in text for char in EXOTIC)
    credit_words = None if exotic else tuple(word for word in CREDIT_KEYWORDS if keywords and word in lowered)
    boilerplate_words = None if exotic else tuple(
        word for word in BOILERPLATE_KEYWORDS if keywords and word in lowered)
    furniture_after_first = (FURNITURE_AFTER_FIRST_LOWERED.search(lowered) if text.isascii()
                             else FURNITURE_AFTER_FIRST.search(text))
    if credit_words == boilerplate_words == () and furniture_after_first is None:
        # no keyword and no later paragraph that starts like furniture: only what precedes the body goes
        return None, *_leading_furniture(text)
    agency = None
    paragraphs: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraphs:
            cut, named = _dateline(paragraph)
            agency, paragraph = agency or named, paragraph[cut:]
        furniture, named = _furniture(paragraph, credit_words, boilerplate_words)
        agency = agency or named
        if not furniture and paragraph.strip():
            paragraphs.append(paragraph)
    return "\n".join(paragraphs), 0, agency


def _leading_furniture(text: str) -> tuple[int, str | None]:
    """Where the first paragraph kept starts (after its dateline) and the agency named before it, for a
    text whose later paragraphs are all kept."""
    agency, position = None, 0
    while True:
        end = text.find("\n", position)
        paragraph = text[position:] if end < 0 else text[position:end]
        cut, named = _dateline(paragraph)
        furniture, credited = _furniture(paragraph[cut:], (), ())
        agency = agency or named or credited
        if not furniture and paragraph[cut:].strip():
            return position + cut, agency
        if end < 0:
            return len(text), agency
        position = end + 1


def _kept_paragraphs(text: str) -> str:
    return "\n".join([paragraph for paragraph in text.split("\n") if paragraph.strip()])


def _dateline(paragraph: str) -> tuple[int, str | None]:
    """The length of a paragraph's dateline (0 if none) and the agency it names."""
    dateline = DATELINE.match(paragraph) if "(" in paragraph else None
    return (dateline.end(), agency_name(dateline.group(1))) if dateline else (0, None)


def _furniture(paragraph: str, credit_words: tuple[str, ...] | None,
               boilerplate_words: tuple[str, ...] | None) -> tuple[bool, str | None]:
    """Whether a paragraph is a credit or boilerplate, and the agency a credit names."""
    if _search(paragraph, CREDIT_START, CREDIT_ANYWHERE, credit_words):
        credited = CREDIT_AGENCY.search(paragraph)
        return True, agency_name(credited.group(1)) if credited else None
    return (_search(paragraph, BOILERPLATE_START, BOILERPLATE_ANYWHERE, boilerplate_words)
            and len(paragraph.split()) <= MAX_BOILERPLATE_WORDS), None


def _search(paragraph: str, start: re.Pattern[str], anywhere: re.Pattern[str],
            keywords: tuple[str, ...] | None) -> bool:
    """Whether `start` matches at 0 or `anywhere` somewhere (= the combined pattern's search); `keywords`:
    those of `anywhere` found in the whole lower-cased text, or None to always search."""
    if start.match(paragraph):
        return True
    if keywords is not None:
        if not keywords:
            return False
        lowered = paragraph.lower()
        if not any(word in lowered for word in keywords):
            return False
    return anywhere.search(paragraph) is not None


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of NFKC-normalised text."""
    return WORD.findall(unicodedata.normalize("NFKC", text).lower())

