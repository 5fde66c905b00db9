import codecs

import pytest

from copydesk.tasks.charsets import EncodingError, decode, declared_charset

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
