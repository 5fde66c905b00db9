"""Decode document bytes to text: byte-order mark, then the declared charset, then detection.

A declared charset counts only when it is a label of the WHATWG Encoding Standard
(https://encoding.spec.whatwg.org/#names-and-labels), read as browsers read it: `latin1` and
`ascii` are Windows-1252, `gb2312` is GBK. Any other name (Python's `unicode_escape`, `rot13`,
`base64`, `utf-7`, `idna`, ...), the `replacement` labels and `x-user-defined` are ignored, as if
nothing were declared.
"""

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


# Python codec -> the WHATWG labels of its encoding. GBK is decoded as gb18030, Big5 as big5hkscs,
# Shift_JIS as cp932 and EUC-KR as cp949: the standard's decoders are those supersets.
WHATWG_LABELS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859_2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 "
                 "l2 latin2",
    "iso8859_3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 "
                 "l3 latin3",
    "iso8859_4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 "
                 "l4 latin4",
    "iso8859_5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
                 "iso_8859-5:1988",
    "iso8859_6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
                 "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
                 "iso_8859-6:1987",
    "iso8859_7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
                 "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859_8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
                 "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i "
                 "logical",
    "iso8859_10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859_13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859_14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859_15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859_16": "iso-8859-16",
    "koi8_r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8_u": "koi8-ru koi8-u",
    "mac_roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
              "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
              "x-cp1252",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
              "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac_cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk "
               "gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
             "ksc5601 ksc_5601 windows-949",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
}
CODECS_BY_LABEL = {label: codec for codec, labels in WHATWG_LABELS.items()
                   for label in labels.split()}
ASCII_WHITESPACE = "\t\n\f\r "


class EncodingError(ValueError):
    """Bytes that are not text in any encoding we can tell."""


def declared_charset(body: bytes) -> str | None:
    """Find the charset an HTML document declares in a `<meta>` tag near its start."""
    match = META_CHARSET.search(body[:META_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def content_type_charset(content_type: str) -> str | None:
    """Read the lowercased `charset` of a Content-Type value (`text/html; charset="UTF-8"`)."""
    for parameter in content_type.lower().split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip() == "charset":
            return value.strip().strip("\"'").strip() or None
    return None


def text_encoding(label: str | None) -> str | None:
    """Name the Python codec of a WHATWG encoding label; None for anything else."""
    return CODECS_BY_LABEL.get(label.strip(ASCII_WHITESPACE).lower()) if label else None


def decode(body: bytes, *declared: str | None) -> str:
    """Decode bytes: a BOM wins, then the first declared charset that names a text encoding (the
    container's, then the document's own) if it decodes cleanly, then UTF-8, then detection.

    A declared charset that does not fit the bytes (a page saying UTF-8 but written in Windows-1252) is
    ignored rather than trusted, so such pages are recovered instead of turned into mojibake.
    """
    for bom, encoding in BOMS:
        if body.startswith(bom):
            return _checked(body[len(bom):].decode(encoding, errors="replace"))
    codec = next(filter(None, map(text_encoding, declared)), None)
    for encoding in (codec, "utf-8"):
        if encoding:
            try:
                return _checked(body.decode(encoding))
            except (UnicodeDecodeError, EncodingError):
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


def _checked(text: str) -> str:
    """Refuse text made mostly of control characters or replacement marks: it was not text."""
    if text:
        bad = len(BAD_CHARS.findall(text))
        if bad / len(text) > MAX_BAD_CHAR_SHARE:
            raise EncodingError(f"{bad} of {len(text)} characters are control or replacement characters")
    return text
