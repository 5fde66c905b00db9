import codecs
from pathlib import Path

import pytest
from builders import PARAGRAPHS, article_html

from copydesk.config import Settings
from copydesk.records import Document
from copydesk.tasks.charsets import (WHATWG_LABELS, EncodingError, content_type_charset, decode,
                                     declared_charset, text_encoding)
from copydesk.tasks.extract import clean_document
from copydesk.tasks.read import iter_documents

TEXT = "Über die Straße, à côté du café: niño, façade, Größe. " * 20


def test_declared_charset_is_read_from_meta() -> None:
    assert declared_charset(b'<html><head><meta charset="ISO-8859-1">') == "iso-8859-1"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') \
        == "windows-1252"
    assert declared_charset(b"<html><head><title>x</title>") is None


def test_declared_charset_is_used() -> None:
    assert decode(TEXT.encode("cp1252"), "windows-1252") == TEXT


def test_bom_wins_over_declaration() -> None:
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "iso-8859-1") == TEXT
    assert decode(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")) == TEXT


def test_wrong_declaration_is_recovered_by_detection() -> None:
    """A page that says UTF-8 but is Windows-1252 is decoded right, not turned into mojibake."""
    assert decode(TEXT.encode("cp1252"), "utf-8") == TEXT


def test_latin1_label_reads_as_windows_1252() -> None:
    assert decode("l’été — “quoted”".encode("cp1252"), "iso-8859-1") == "l’été — “quoted”"


def test_binary_noise_is_not_text() -> None:
    noise = bytes((i * 37 + 11) % 32 for i in range(4000)) + bytes(range(128, 256)) * 4
    with pytest.raises(EncodingError):
        decode(noise)


def test_detection_still_finds_non_latin_codepages() -> None:
    cyrillic = "Привет, как дела? Это тестовый текст для проверки кодировки. " * 10
    polish = "Zażółć gęślą jaźń, powiedział prezydent w czwartek w Warszawie. " * 10
    assert decode(cyrillic.encode("cp1251"), "utf-8") == cyrillic
    assert decode(polish.encode("cp1250")) == polish


# Python codecs that are no text encoding of the web: escapes, bytes-to-bytes and str-to-str
# transforms, a Windows-only one, one that always fails; and WHATWG labels that name no text.
NOT_TEXT_ENCODINGS = ["unicode_escape", "raw_unicode_escape", "rot13", "rot_13", "zlib",
                      "zlib_codec", "base64", "hex", "uu", "utf-7", "utf7", "idna", "punycode",
                      "undefined", "mbcs", "replacement", "iso-2022-kr", "hz-gb-2312",
                      "x-user-defined", "utf-32", "cp037"]
ESCAPED = r"In the page: \u003cscript\u003ealert(1)\u003c/script\u003e and +ADw-b+AD4- as text. "


@pytest.mark.parametrize("label", NOT_TEXT_ENCODINGS)
def test_a_charset_that_is_no_text_encoding_is_ignored(label: str) -> None:
    text = ESCAPED + TEXT
    assert text_encoding(label) is None
    assert decode(text.encode("utf-8"), label) == text
    assert decode(ESCAPED.encode("ascii") * 20, label) == ESCAPED * 20   # utf-7 decodes ASCII
    assert decode(text.encode("cp1252"), label) == text     # detection, as with nothing declared


def test_whatwg_labels_name_the_encodings_browsers_use() -> None:
    assert all(codecs.lookup(codec)._is_text_encoding for codec in WHATWG_LABELS)
    for label, codec in [("latin1", "cp1252"), (" ISO-8859-1\t", "cp1252"), ("US-ASCII", "cp1252"),
                         ("utf8", "utf-8"), ("gb2312", "gb18030"), ("shift_jis", "cp932"),
                         ("iso-8859-8-i", "iso8859_8"), ("KOI8-U", "koi8_u"),
                         ("x-mac-cyrillic", "mac_cyrillic")]:
        assert text_encoding(label) == codec, label


def test_the_first_declared_text_encoding_wins() -> None:
    assert decode(TEXT.encode("cp1252"), "unicode_escape", "windows-1252") == TEXT   # the page's
    russian = "Привет, мир. " * 20
    assert decode(russian.encode("koi8-r"), "koi8-r", "windows-1252") == russian


def test_the_charset_of_a_content_type() -> None:
    assert content_type_charset('text/html; charset="UTF-8"') == "utf-8"
    assert content_type_charset("text/html;charset=iso-8859-1; format=flowed") == "iso-8859-1"
    assert content_type_charset("Text/HTML; Charset = 'Latin1' ") == "latin1"
    assert content_type_charset("text/html") is None
    assert content_type_charset("text/html; charset=") is None


def test_a_page_declaring_unicode_escape_keeps_its_escapes_as_text(tmp_path: Path) -> None:
    """`\u003cscript\u003e` in a page's text stays those characters: read as `unicode_escape`, it
    became a `<script>` element and its paragraph was lost."""
    quoted = r"The filing quotes the payload \u003cscript\u003esteal()\u003c/script\u003e verbatim."
    page = tmp_path / "page.html"
    html = article_html(paragraphs=[*PARAGRAPHS, quoted], charset="unicode_escape")
    page.write_text(html, encoding="utf-8")
    (document,) = iter_documents([str(page)], Settings().max_document_bytes)
    assert isinstance(document, Document)
    article = clean_document(document, Settings())
    assert quoted in article.text, article.text    # type: ignore[union-attr]
