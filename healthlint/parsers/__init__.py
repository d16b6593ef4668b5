"""From bytes on disk to a :class:`~healthlint.document.Document`: decode, pick the format, parse.

One entry point, :func:`parse_bytes` (and :func:`parse_text` for text already in memory). Each
format lives in its own module: :mod:`.markdown`, :mod:`.html`, :mod:`.text`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from ..document import Document

FORMATS = ("markdown", "html", "text")
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


class InputError(Exception):
    """The file cannot be linted (binary, undecodable, unreadable); the message says why."""


def format_for(path: str, text: str | None = None) -> str:
    fmt = EXTENSIONS.get(PurePath(path).suffix.lower())
    if fmt:
        return fmt
    if text is not None and re.match(r"\s*(<!doctype html|<html|<head|<body)", text[:500], re.I):
        return "html"
    return "markdown"


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text, with notes on any fallback. Raises :class:`InputError` for binary data."""
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Checked before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one (FF FE 00 00).
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-32 text ({e.reason} at byte {e.start})") from None
        if "\x00" in text:
            raise InputError("file contains NUL characters, not a text article")
        return text, notes
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), notes
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-16 text ({e.reason} at byte {e.start})") from None
    if b"\x00" in data[:8192] or (data and _control_share(data[:8192]) > 0.1):
        raise InputError("binary file (NUL or control bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad = e.start
        try:
            text = data.decode("cp1252")
            enc = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "Latin-1"
        notes.append(f"not valid UTF-8 (byte {first_bad}); decoded as {enc}")
    if "\x00" in text:
        raise InputError("file contains NUL characters, not a text article")
    return text, notes


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control / len(sample)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF. Line and column numbers are unchanged by this."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_text(text: str, path: str = "-", fmt: str | None = None, notes: list[str] | None = None) -> Document:
    text = normalize_newlines(text)
    fmt = fmt or format_for(path, text)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "markdown":
        from .markdown import parse
    elif fmt == "html":
        from .html import parse
    else:
        from .text import parse
    doc = parse(text, path)
    doc.notes.extend(notes or [])
    return doc


def parse_bytes(data: bytes, path: str, fmt: str | None = None) -> Document:
    text, notes = decode(data)
    return parse_text(text, path, fmt, notes)
