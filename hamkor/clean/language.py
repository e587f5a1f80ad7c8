"""Which language a text is in: Russian, Uzbek (Latin or Cyrillic), or something else."""

from __future__ import annotations

import re

UZ_MARKS = re.compile("[ўқғҳЎҚҒҲ]")
LETTER = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
UZ_LATIN = re.compile(r"\b\w*(?:o['ʻ‘’`]|g['ʻ‘’`]|sh|ch)\w*\b|\b(?:va|uchun|bilan|viloyat\w*|hokim\w*)\b", re.I)


def detect(text: str) -> str:
    """'ru', 'uz' or 'other' (a sample of the text is enough)."""
    sample = text[:20000]
    letters = len(LETTER.findall(sample))
    if letters < 20:
        return "other"
    cyr = len(CYRILLIC.findall(sample)) / letters
    if cyr >= 0.5:
        uz_marks = len(UZ_MARKS.findall(sample))
        return "uz" if uz_marks > letters * 0.005 else "ru"
    words = max(1, len(sample.split()))
    if len(UZ_LATIN.findall(sample)) > words * 0.08:
        return "uz"
    return "other"
