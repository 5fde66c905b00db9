"""Detect an article's language with langdetect: seeded, on the title and the start of the text."""

from __future__ import annotations

import re

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0        # langdetect samples at random; a fixed seed makes it repeatable
UNDETERMINED = "und"
MIN_PROBABILITY = 0.5
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def normalise_code(code: str | None) -> str | None:
    """Reduce a language tag (`en-GB`, `zh-cn`, `FR`) to its ISO 639-1 code, None when it is not one."""
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if LANGUAGE_CODE.match(primary) else None


def detect_language(title: str | None, text: str, sample_chars: int = 1_000, min_chars: int = 40,
                    fallback: str | None = None) -> str:
    """Tell the language of title plus the first `sample_chars` of text; when too short or unsure, the
    fallback (a source's declared language) or `und`."""
    sample = f"{title or ''}\n{text[:sample_chars]}"
    undetermined = fallback or UNDETERMINED
    if len(LETTERS.findall(sample)) < min_chars:
        return undetermined
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return undetermined
    if best.prob < MIN_PROBABILITY:
        return undetermined
    return normalise_code(best.lang) or undetermined
