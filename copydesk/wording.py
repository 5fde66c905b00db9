"""Say numbers, durations and moments in plain words, the same way in status, progress and artifacts."""

from __future__ import annotations

from datetime import datetime, timezone

SECONDS_PER_MINUTE = 60
SECONDS_PER_HOUR = 3_600
SECONDS_PER_DAY = 86_400
# Control characters (C0, DEL, C1) are shown as visible escapes wherever text from the data reaches a
# terminal: a raw ESC could recolour or rewrite the screen, a raw CR overwrite its own line.
CONTROL_CHARS = [*range(0x20), *range(0x7F, 0xA0)]
SHORT_ESCAPES = {ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}
CONTROL_ESCAPES = {code: SHORT_ESCAPES.get(code, f"\\x{code:02x}") for code in CONTROL_CHARS}


def printable(text: str) -> str:
    """Show text from the data on one terminal line: control characters as escapes (`\\n`, `\\x1b`)."""
    return text.translate(CONTROL_ESCAPES)


def number(n: int) -> str:
    """Write a count with thousands separators: 1,520."""
    return f"{n:,}"


def noun(n: int, singular: str, plural: str | None = None) -> str:
    """The word for `n` things: `article` for one, `articles` (or the plural given) for any other count."""
    return singular if n == 1 else plural or singular + "s"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """Write a count with its noun, singular or plural: `1 article`, `2 stories`."""
    return f"{number(n)} {noun(n, singular, plural)}"


def duration(seconds: float) -> str:
    """Write a length of time the way people say it: 0.4 s, 12 s, 6m 05s, 2h 03m, 3d 04h."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < SECONDS_PER_MINUTE:
        return f"{whole} s"
    if whole < SECONDS_PER_HOUR:
        return f"{whole // SECONDS_PER_MINUTE}m {whole % SECONDS_PER_MINUTE:02d}s"
    if whole < SECONDS_PER_DAY:
        return f"{whole // SECONDS_PER_HOUR}h {whole % SECONDS_PER_HOUR // SECONDS_PER_MINUTE:02d}m"
    return f"{whole // SECONDS_PER_DAY}d {whole % SECONDS_PER_DAY // SECONDS_PER_HOUR:02d}h"


def moment(at: datetime) -> str:
    """Write a moment in UTC to the minute: 2026-03-05 14:05 UTC."""
    return f"{at.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def ago(at: datetime, now: datetime) -> str:
    """Write how long ago a moment was: `12 minutes ago`, `just now`, `in 3 hours` (a future moment)."""
    seconds = (now - at).total_seconds()
    if abs(seconds) < SECONDS_PER_MINUTE:
        return "just now"
    unit, size = next((unit, size) for unit, size in (("day", SECONDS_PER_DAY), ("hour", SECONDS_PER_HOUR),
                                                      ("minute", SECONDS_PER_MINUTE)) if abs(seconds) >= size)
    text = count(int(abs(seconds) // size), unit)
    return f"in {text}" if seconds < 0 else f"{text} ago"
