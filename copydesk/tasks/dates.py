"""Read publication dates: ISO 8601 strings to UTC datetimes with their precision (a time of day, or
only a day), drop the implausible ones, and tell a backfill's days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

from copydesk.records import utc_now

TIME = "time"   # the source gave a time of day
DATE = "date"   # the source gave only a day: the time is midnight UTC of that day
ISO_TIME_OF_DAY = re.compile(r"\d{4}-?\d\d-?\d\d[Tt ]\d")   # a date, then the start of a time


class Published(NamedTuple):
    """A publication time in UTC and its precision: TIME, or DATE (then `at` is midnight UTC)."""

    at: datetime
    precision: str


def parse_published(value: object) -> Published | None:
    """Parse an ISO 8601 date or date-time with its precision; naive times are taken as UTC. None
    when unparseable. A date without a time of day (or whose time cannot be read) is midnight UTC
    of that day, precision DATE."""
    if isinstance(value, datetime):
        parsed, timed = value, True
    elif isinstance(value, str) and value.strip():
        raw = value.strip()
        try:
            parsed = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
            timed = ISO_TIME_OF_DAY.match(raw) is not None
        except ValueError:
            try:
                parsed, timed = datetime.combine(date.fromisoformat(raw[:10]), time()), False
            except ValueError:
                return None
    else:
        return None
    if not timed:   # only the day, whatever offset follows it
        return Published(datetime.combine(parsed.date(), time(), timezone.utc), DATE)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return Published(parsed.astimezone(timezone.utc), TIME)


def parse_datetime(value: object) -> datetime | None:
    """Parse an ISO 8601 date or date-time; naive times are taken as UTC. None when unparseable."""
    published = parse_published(value)
    return published.at if published else None


def plausible_date(value: datetime | None, tolerance_hours: int, now: datetime | None = None) -> datetime | None:
    """Drop publication dates in the future (beyond the tolerance) or before 1900."""
    if value is None:
        return None
    now = now or utc_now()
    if value > now + timedelta(hours=tolerance_hours) or value.year < 1900:
        return None
    return value


@dataclass(frozen=True, slots=True)
class PublishedRange:
    """The publication days a backfill takes, in UTC, both ends included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"the date range starts ({self.first}) after it ends ({self.last})")

    def __contains__(self, moment: datetime | None) -> bool:
        """Tell whether a publication time falls on one of the days; an unknown time does not."""
        return moment is not None and self.first <= moment.astimezone(timezone.utc).date() <= self.last
