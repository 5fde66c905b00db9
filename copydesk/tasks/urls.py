"""Canonicalise article URLs and name their outlet (the registered domain)."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx
import tldextract

# Query parameters that only track the reader and never select content.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid",
    "s_cid", "cmpid", "ocid", "ncid", "sr_share", "smid", "taid", "spm", "ref_src", "ref_url", "ito", "wt_mc",
    "wt.mc_id", "xtor", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "guccounter",
    "guce_referrer", "guce_referrer_sig", "amp", "outputtype", "__twitter_impression", "soc_src", "soc_trk",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_", "stm_", "itm_")
DEFAULT_PORTS = {"http": 80, "https": 443}

NOT_WEB_URL = "not an http(s) URL"
MAX_URL_SHOWN_CHARS = 2000             # of a bad link, in a reject


@dataclass(frozen=True, slots=True)
class BadLink:
    """A link a listing gives that cannot be fetched: as written (made absolute when it can be)."""

    url: str
    problem: str


# The public-suffix list bundled with tldextract: never fetched at run time.
_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def is_url(item: str) -> bool:
    """Tell a web URL (http or https) from a path."""
    return item.startswith(("http://", "https://"))


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def url_problem(url: str) -> str | None:
    """Say why a URL cannot be fetched (None when it can): not an absolute http(s) URL, or one
    that the URL parser, the HTTP client or the name resolver's IDNA encoding refuses."""
    try:
        parts = urlsplit(url)
        parts.port                              # noqa: B018 (a port outside 0..65535 raises here)
        parsed = httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as err:   # UnicodeError, idna.IDNAError: ValueErrors
        return f"not a valid URL: {err}"
    if parts.scheme.lower() not in DEFAULT_PORTS or parsed.scheme not in DEFAULT_PORTS:
        return NOT_WEB_URL
    host = parsed.raw_host.decode("ascii")
    if not host:
        return "no host name"
    if re.search(r"\s", parts.hostname or ""):
        return "white space in the host name"
    if ":" not in host:                         # a name or IPv4 address, as the resolver gets it
        try:
            host.encode("idna")
        except UnicodeError as err:
            return f"the host name {host[:100]!r} cannot be resolved: {err}"
    return None


def canonical_url(url: str | None) -> str | None:
    """Canonicalise a URL: http(s) only, lowercase scheme and host, no default port, fragment or tracking.

    Returns None for anything but an absolute http(s) URL that can be fetched (see url_problem).
    """
    if not url or url_problem(url.strip()):
        return None
    parts = urlsplit(url.strip())
    scheme, port = parts.scheme.lower(), parts.port
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return None
    if _is_ipv6(host):
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not is_tracking_param(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _is_ipv6(host: str) -> bool:
    """Tell an IPv6 address (with or without a zone id, `fe80::1%25eth0`) from a host name."""
    try:
        return isinstance(ipaddress.ip_address(host.partition("%")[0]), ipaddress.IPv6Address)
    except ValueError:
        return False


def listed_url(base_url: str, link: str) -> str | BadLink:
    """Resolve a link a feed or sitemap gives against the listing's URL: canonical, or a BadLink."""
    link = link.strip()
    try:
        url = urljoin(base_url, link)
    except ValueError as err:
        return BadLink(link[:MAX_URL_SHOWN_CHARS], f"not a valid URL: {err}")
    problem = url_problem(url)
    canonical = canonical_url(url) if problem is None else None
    return canonical or BadLink(url[:MAX_URL_SHOWN_CHARS], problem or NOT_WEB_URL)


@lru_cache(maxsize=65_536)
def registered_domain(host: str) -> str | None:
    """Return the registered domain of a host (`www.bbc.co.uk` -> `bbc.co.uk`), None for bare suffixes."""
    extracted = _extract(host)
    domain = extracted.top_domain_under_public_suffix or extracted.domain
    return domain.lower() or None


def outlet_of(url: str | None) -> str | None:
    """Name the outlet that published a URL: its registered domain."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return registered_domain(host) if host else None
