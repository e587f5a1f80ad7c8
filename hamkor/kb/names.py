"""People's names as keys: folded («ё» as «е», lower case), first and last word."""

from __future__ import annotations

import re

from hamkor.kb.stems import fold


def key(name: str) -> str:
    """«Шавкат Миромович Мирзиёев» → «шавкат мирзиеев»; «Турсунов» → «турсунов»."""
    words = fold(name).replace(".", " ").split()
    words = [w for w in words if len(w) > 1] or words  # initials («В. Владимиров») drop out
    if not words:
        return ""
    return words[-1] if len(words) == 1 else f"{words[0]} {words[-1]}"


def _base(person_key: str) -> str:
    return re.split(r"[#|]", person_key, maxsplit=1)[0]


def surname(person_key: str) -> str:
    """The block a key belongs to: its last word (before any tag a correction added)."""
    words = _base(person_key).split()
    return words[-1] if words else ""


def is_full(person_key: str) -> bool:
    """First name and surname, and not fixed by a correction."""
    return " " in person_key and not is_fixed(person_key)


def is_fixed(person_key: str) -> bool:
    """A key a correction set («петров|RU-OMS», «иван петров#4»): a person as it stands."""
    return "#" in person_key or "|" in person_key


def code_like(value: str) -> bool:
    """A jurisdiction code (RU, UZ, RU-OMS, UZ-BU) rather than a name."""
    head = value.split("-", 1)
    return head[0] in {"RU", "UZ"} and (len(head) == 1 or head[1].isupper())
