"""The Cyrillic fonts the renderers embed: DejaVu, as shipped inside matplotlib (no system fonts)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FAMILY = "DejaVu Sans"


@cache
def dejavu(style: str = "") -> Path:
    """The DejaVu Sans TTF of ``style`` ('' regular, 'B' bold, 'I' oblique, 'BI')."""
    import matplotlib

    name = {"": "DejaVuSans", "B": "DejaVuSans-Bold", "I": "DejaVuSans-Oblique",
            "BI": "DejaVuSans-BoldOblique"}[style]
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{name}.ttf"
