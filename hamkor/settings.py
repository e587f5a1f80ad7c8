"""Settings from the environment (HAMKOR_*) with defaults; flags override them at the edges."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

MAX_INPUT_BYTES = 20 * 1024 * 1024  # larger inputs are refused, not read
MAX_TEXT_CHARS = 400_000  # cleaned text beyond this is cut (very long pages are not news)


def data_dir() -> Path:
    return Path(os.environ.get("HAMKOR_DATA") or user_data_dir("hamkor", appauthor=False))


def default_db_url() -> str:
    env = os.environ.get("HAMKOR_DB")
    if env:
        return env
    return f"sqlite:///{data_dir() / 'hamkor.sqlite'}"


@dataclass(frozen=True)
class Settings:
    db_url: str
    data_dir: Path
    workers: int = 1

    @classmethod
    def from_env(cls, db_url: str | None = None) -> Settings:
        return cls(
            db_url=db_url or default_db_url(),
            data_dir=data_dir(),
            workers=int(os.environ.get("HAMKOR_WORKERS", "1")),
        )
