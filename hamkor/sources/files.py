"""Plain-text article files and directories of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from hamkor.errors import InputError
from hamkor.records import Failure, RawArticle
from hamkor.settings import MAX_INPUT_BYTES

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def expand(paths: Iterable[str | Path], suffixes: set[str] = TEXT_SUFFIXES) -> Iterator[Path | Failure]:
    """Each path, with a directory replaced by its files of the given suffixes (sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            if not found:
                yield Failure(str(p), f"directory has no {'/'.join(sorted(suffixes))} files")
            yield from found
        elif p.exists():
            yield p
        else:
            yield Failure(str(p), "no such file or directory")


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes, refusing unreadable, empty and oversized files without reading them."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    if not path.is_file():
        raise InputError(str(path), "not a regular file")
    if size == 0:
        raise InputError(str(path), "empty file")
    if size > limit:
        raise InputError(str(path), f"too large: {size / 1e6:.1f} MB (limit {limit / 1e6:.0f} MB)")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e


def saved(path: Path) -> date | None:
    """The day the file was last written: for a saved page, the day it was fetched."""
    try:
        return date.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


def read(path: Path) -> RawArticle:
    """One text file as a RawArticle whose id is the file name without extension."""
    return RawArticle(id=path.stem, source=str(path), data=read_bytes(path), kind="text")


def read_all(paths: Iterable[str | Path]) -> Iterator[RawArticle | Failure]:
    for p in expand(paths):
        if isinstance(p, Failure):
            yield p
            continue
        try:
            yield read(p)
        except InputError as e:
            yield Failure(e.source, e.problem)
