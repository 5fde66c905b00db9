"""Load the sources file (`sources.yaml`): the outlets to crawl, with their feeds, sitemaps and politeness.

```yaml
defaults: {max_articles_per_run: 200, min_interval_seconds: 1.0, concurrency: 2}   # optional
outlets:
  - name: Example Times
    homepage: https://www.example.com/
    feeds: [https://www.example.com/rss.xml]
    sitemaps: [https://www.example.com/news-sitemap.xml]
    language: en                # optional ISO 639-1 hint
    max_articles_per_run: 50    # optional, overrides the default; so do the two below
    min_interval_seconds: 2
    concurrency: 1
```
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from copydesk.tasks.language import normalise_code
from copydesk.tasks.urls import NOT_WEB_URL, canonical_url, url_problem

TOP_KEYS = frozenset({"defaults", "outlets"})
POLITENESS_KEYS = frozenset({"max_articles_per_run", "min_interval_seconds", "concurrency"})
OUTLET_KEYS = frozenset({"name", "homepage", "feeds", "sitemaps", "language"}) | POLITENESS_KEYS


class SourcesError(Exception):
    """A sources file that cannot be used, with a one-line message naming the file and what is wrong."""

    reason = "bad_sources"


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    homepage: str | None
    feeds: tuple[str, ...]
    sitemaps: tuple[str, ...]
    language: str | None
    max_articles_per_run: int | None
    min_interval_seconds: float | None
    concurrency: int | None


def load_sources(path: Path) -> list[Source]:
    """Read and check a sources file; defaults applied, URLs canonical, languages as ISO 639-1 codes."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise SourcesError(f"{path}: cannot be read: {err}") from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or " ".join(str(err).split())
        raise SourcesError(f"{path}: not valid YAML{at}: {problem}") from err
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise SourcesError(f"{path}: no `outlets` list")
    _refuse_unknown(path, "the file", data, TOP_KEYS)
    defaults = {} if data.get("defaults") is None else data["defaults"]
    if not isinstance(defaults, dict):
        raise SourcesError(f"{path}: `defaults` is not a mapping")
    _refuse_unknown(path, "`defaults`", defaults, POLITENESS_KEYS)
    politeness = _politeness(path, "`defaults`", defaults)
    sources = [_source(path, number, outlet, politeness) for number, outlet in enumerate(data["outlets"], start=1)]
    names = [source.name for source in sources]
    if duplicated := sorted({name for name in names if names.count(name) > 1}):
        raise SourcesError(f"{path}: outlet names used twice: {', '.join(duplicated)}")
    return sources


def _source(path: Path, number: int, outlet: object, defaults: dict[str, int | float]) -> Source:
    where = f"outlet #{number}"
    if not isinstance(outlet, dict):
        raise SourcesError(f"{path}: {where} is not a mapping")
    name = outlet.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{path}: {where} has no `name`")
    where = f"outlet {name.strip()!r}"
    _refuse_unknown(path, where, outlet, OUTLET_KEYS)
    homepage = _url(path, where, "homepage", outlet["homepage"]) if outlet.get("homepage") is not None else None
    feeds = _urls(path, where, "feeds", outlet.get("feeds"))
    sitemaps = _urls(path, where, "sitemaps", outlet.get("sitemaps"))
    if not (homepage or feeds or sitemaps):
        raise SourcesError(f"{path}: {where} has no `homepage`, `feeds` or `sitemaps` to crawl")
    language = outlet.get("language")
    code = normalise_code(language) if isinstance(language, str) else None
    if language is not None and code is None:
        raise SourcesError(f"{path}: {where}: `language` {language!r} is not an ISO 639-1 code")
    politeness = defaults | _politeness(path, where, outlet)
    return Source(name.strip(), homepage, feeds, sitemaps, code,
                  politeness.get("max_articles_per_run"), politeness.get("min_interval_seconds"),
                  politeness.get("concurrency"))


def _refuse_unknown(path: Path, where: str, mapping: dict[object, object], known: frozenset[str]) -> None:
    if unknown := sorted(str(key) for key in mapping if key not in known):
        raise SourcesError(f"{path}: {where} has unknown keys: {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(known))})")


def _urls(path: Path, where: str, field: str, values: object) -> tuple[str, ...]:
    """Canonicalise a list of http(s) URLs (absent: none), each kept once, in order."""
    if values is None:
        return ()
    if not isinstance(values, list):
        raise SourcesError(f"{path}: {where}: `{field}` is not a list of URLs")
    return tuple(dict.fromkeys(_url(path, where, field, value) for value in values))


def _url(path: Path, where: str, field: str, value: object) -> str:
    url = canonical_url(value) if isinstance(value, str) else None
    if url is None:
        problem = (url_problem(value.strip()) if isinstance(value, str) else None) or NOT_WEB_URL
        why = (f"which is {problem}" if problem == NOT_WEB_URL
               else f"which cannot be fetched: {problem}")
        raise SourcesError(f"{path}: {where}: `{field}` has {value!r}, {why}")
    return url


def _politeness(path: Path, where: str, mapping: dict[str, object]) -> dict[str, int | float]:
    """Check the politeness values given: whole numbers >= 1 for the counts, seconds >= 0 for the interval."""
    values: dict[str, int | float] = {}
    for key in sorted(POLITENESS_KEYS & mapping.keys()):
        value = mapping[key]
        if key == "min_interval_seconds":
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < float("inf"):
                raise SourcesError(f"{path}: {where}: `{key}` is {value!r}, not a number of seconds >= 0")
            values[key] = float(value)
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SourcesError(f"{path}: {where}: `{key}` is {value!r}, not a whole number >= 1")
        else:
            values[key] = value
    return values
