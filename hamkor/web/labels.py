"""Russian words for the codes shown on the pages (shared with the reports where they exist)."""

from __future__ import annotations

from datetime import date

from hamkor.reports import labels as report_labels

KIND = report_labels.KIND
BASIS = report_labels.BASIS
EVENT = report_labels.EVENT
INDICATOR = report_labels.INDICATOR
SECTOR = report_labels.SECTOR
COUNTRY = report_labels.COUNTRY

STATUS = {
    "signed": "подписано",
    "in_force": "действует",
    "expiring": "истекает в течение года",
    "expired": "истекло",
    "planned": "планируется",
    "unknown": "статус неизвестен",
}

FACT = {
    "region": "регион",
    "person": "лицо",
    "link": "связь",
    "agreement": "соглашение",
    "meeting": "встреча",
    "metric": "показатель",
    "event": "событие",
    "sector": "отрасль",
    "position": "должность",
}

COUNTS = {
    "articles": "статей",
    "regions": "регионов",
    "people": "лиц",
    "links": "связей",
    "agreements": "соглашений",
    "meetings": "встреч",
    "events": "событий",
    "metrics": "показателей",
}

UNIT = {"USD": "долл. США", "RUB": "руб.", "%": "%"}

MONTHS_GEN = report_labels.MONTHS_GEN


def word(table: dict[str, str], code: str | None) -> str:
    """The Russian word for a code, or the code itself when the table does not know it."""
    if code is None:
        return "—"
    return table.get(code, code)


def day(d: date | None) -> str:
    """«5 марта 2025»; «—» for an unknown date."""
    if d is None:
        return "—"
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year}"


def years(a: int | None, b: int | None) -> str:
    if a is None and b is None:
        return "срок не указан"
    if a == b:
        return f"на {a} год"
    if a is None:
        return f"до {b} года"
    if b is None:
        return f"с {a} года"
    return f"{a}–{b}"


def number(value: float, unit: str) -> str:
    """«12,5 млн долл. США», «41,3 %»: the figure as a Russian reader writes it."""
    if unit == "%":
        return f"{value:+.1f} %".replace(".", ",")
    for size, name in ((1e9, "млрд"), (1e6, "млн"), (1e3, "тыс.")):
        if abs(value) >= size:
            shown = f"{value / size:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{shown} {name} {UNIT.get(unit, unit)}"
    return f"{value:g} {UNIT.get(unit, unit)}"


def fact_label(kind: str, label: str, names: dict[str, str]) -> str:
    """A fact's label from the KB («agreement RU-OMS + UZ-BU», «meeting») in Russian words:
    codes become region names (``names``), known codes of kinds and types become words."""
    tables = (KIND, EVENT, SECTOR, INDICATOR) if kind != "link" else ()
    out = []
    for token in label.split(" "):
        if token in names:
            out.append(names[token])
        elif kind == "region" and token in COUNTRY:
            out.append(COUNTRY[token])
        else:
            out.append(next((t[token] for t in tables if token in t), token))
    return " ".join(out)
