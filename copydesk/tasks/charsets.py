"""Decode document bytes to text: byte-order mark, then the declared charset, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
META_SNIFF_BYTES = 4096
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
MAX_BAD_CHAR_SHARE = 0.01      # more control or replacement characters than this: not text
DETECTION_SAMPLE_BYTES = 200_000
WEB_FALLBACK = "cp1252"     # what browsers assume for unlabelled Western pages (WHATWG encoding standard)


class EncodingError(ValueError):
    """Bytes that are not text in any encoding we can tell."""


def declared_charset(body: bytes) -> str | None:
    """Find the charset an HTML document declares in a `<meta>` tag near its start."""
    match = META_CHARSET.search(body[:META_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def decode(body: bytes, declared: str | None = None) -> str:
    """Decode bytes: a BOM wins, then a charset that is declared and decodes cleanly, then detection.

    A declared charset that does not fit the bytes (a page saying UTF-8 but written in Windows-1252) is
    ignored rather than trusted, so such pages are recovered instead of turned into mojibake.
    """
    for bom, encoding in BOMS:
        if body.startswith(bom):
            return _checked(body[len(bom):].decode(encoding, errors="replace"))
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return _checked(body.decode(_python_codec(encoding)))
            except (LookupError, UnicodeDecodeError, EncodingError):
                continue
    return _checked(body.decode(detect(body), errors="replace"))


def detect(body: bytes) -> str:
    """Guess the encoding of bytes; prefer Windows-1252, the web's fallback, when it fits as well as the best."""
    sample = body[:DETECTION_SAMPLE_BYTES]
    best = from_bytes(sample).best()
    fallback = from_bytes(sample, cp_isolation=[WEB_FALLBACK]).best()
    if fallback is not None and (best is None or fallback.chaos <= best.chaos):
        return WEB_FALLBACK
    if best is None or best.encoding is None:
        raise EncodingError("no character encoding fits these bytes")
    return best.encoding


def _python_codec(name: str) -> str:
    """Map web charset labels to Python codecs (browsers read latin-1 and ascii labels as Windows-1252)."""
    name = name.strip().lower()
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else name


def _checked(text: str) -> str:
    """Refuse text made mostly of control characters or replacement marks: it was not text."""
    if text:
        bad = len(BAD_CHARS.findall(text))
        if bad / len(text) > MAX_BAD_CHAR_SHARE:
            raise EncodingError(f"{bad} of {len(text)} characters are control or replacement characters")
    return text
