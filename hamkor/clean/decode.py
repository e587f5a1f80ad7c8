"""Bytes to text: UTF-8 first, then the Cyrillic single-byte encodings, never silently wrong."""

from __future__ import annotations

import codecs
import re

from hamkor.errors import InputError

CANDIDATES = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
# The commonest lowercase Russian letters: a right decoding is full of them.
COMMON = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")


def _cyrillic_score(text: str) -> float:
    """The share of non-ASCII characters that are common lowercase Russian letters."""
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return 0.0
    return sum(c in COMMON for c in wide) / len(wide)


# <meta charset="…">, <meta http-equiv="Content-Type" content="…; charset=…">, <?xml encoding="…"?>
_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})["']""", re.I)
_ALIASES = {"x-cp1251": "cp1251", "win-1251": "cp1251", "windows1251": "cp1251", "koi8r": "koi8_r"}
MARKUP_HEAD = 8192


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares for itself in its head, or None."""
    head = data[:MARKUP_HEAD]
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > len(head) * 0.05


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[str]]:
    """The text and a list of warnings; raises InputError for data that is not text.

    Without ``declared``, an HTML or XML document's own declaration is used, unless the
    bytes are valid UTF-8 beyond ASCII (pages often declare windows-1251 and are not).
    """
    if looks_binary(data):
        raise InputError(source, "binary data, not text")
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if declared is None:
        declared = declared_charset(data)
        if declared and declared != "utf-8" and not data.isascii():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                warnings.append(f"the page declares {declared} but is UTF-8")
                return text, warnings
    if declared:
        try:
            return data.decode(declared), warnings
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"declared encoding {declared!r} does not fit; detecting")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            warnings.append("ends inside a UTF-8 character: the file looks truncated")
            return data[: e.start].decode("utf-8"), warnings
    best, best_score = "", -1.0
    for enc in CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _cyrillic_score(text)
        if score > best_score:
            best, best_score = text, score
    if best_score < 0.5:
        raise InputError(source, "not UTF-8 and not a Cyrillic encoding hamkor can recognise")
    return best, warnings
