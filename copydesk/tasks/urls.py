"""Canonicalise article URLs and name their outlet (the registered domain)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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

# The public-suffix list bundled with tldextract: never fetched at run time.
_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def is_url(item: str) -> bool:
    """Tell a web URL (http or https) from a path."""
    return item.startswith(("http://", "https://"))


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """Canonicalise a URL: http(s) only, lowercase scheme and host, no default port, fragment or tracking.

    Returns None for anything that is not an absolute http(s) URL.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host or re.search(r"\s", host):
        return None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not is_tracking_param(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


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
