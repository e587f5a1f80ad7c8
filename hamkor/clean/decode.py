"""Bytes to text: UTF-8 first, then the Cyrillic single-byte encodings, never silently wrong."""

from __future__ import annotations

from hamkor.errors import InputError

CANDIDATES = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
# The commonest lowercase Russian letters: a right decoding is full of them.
COMMON = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")


def _cyrillic_score(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in COMMON for c in letters) / len(letters)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return controls > len(head) * 0.05


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[str]]:
    """The text and a list of warnings; raises InputError for data that is not text."""
    if looks_binary(data):
        raise InputError(source, "binary data, not text")
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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
