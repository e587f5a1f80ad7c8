"""Which language a text is in: Russian, Uzbek (Latin or Cyrillic), or something else."""

from __future__ import annotations

import re

UZ_CYRILLIC = set("ўқғҳЎҚҒҲ")
UZ_LATIN = re.compile(r"\b\w*(?:o['ʻ‘’`]|g['ʻ‘’`]|sh|ch)\w*\b|\b(?:va|uchun|bilan|viloyat\w*|hokim\w*)\b", re.I)


def detect(text: str) -> str:
    """'ru', 'uz' or 'other' (a sample of the text is enough)."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 20:
        return "other"
    cyr = sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
    if cyr >= 0.5:
        uz_marks = sum(c in UZ_CYRILLIC for c in letters)
        return "uz" if uz_marks > len(letters) * 0.005 else "ru"
    words = max(1, len(sample.split()))
    if len(UZ_LATIN.findall(sample)) > words * 0.08:
        return "uz"
    return "other"
