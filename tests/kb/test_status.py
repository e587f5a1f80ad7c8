"""An agreement's status from its period and today's date."""

from __future__ import annotations

from datetime import date

import pytest

from hamkor.kb import status

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("start, stop, stated, expected", [
    (2020, 2024, "signed", "expired"),
    (2025, 2027, "signed", "in_force"),
    (2024, 2025, None, "expiring"),
    (None, 2026, None, "in_force"),  # ends 2026-12-31: more than 12 months away
    (None, 2027, None, "in_force"),
    (2027, 2029, "signed", "signed"),  # not yet in force
    (None, None, None, "signed"),
    (None, None, "in_force", "in_force"),
    (None, None, "planned", "planned"),
    (2023, None, None, "in_force"),
])
def test_derive(start, stop, stated, expected):
    assert status.derive(start, stop, stated, TODAY) == expected


def test_expiring_within_twelve_months():
    assert status.derive(2024, 2025, None, date(2025, 1, 10)) == "expiring"
    assert status.derive(2024, 2026, None, date(2025, 12, 31)) == "expiring"
    assert status.derive(2024, 2026, None, date(2025, 12, 30)) == "in_force"


@pytest.mark.parametrize("stat, wanted, ok", [
    ("expiring", "in-force", True), ("in_force", "in-force", True), ("expired", "in-force", False),
    ("expiring", "expiring", True), ("signed", "expired", False),
])
def test_matches(stat, wanted, ok):
    assert status.matches(stat, wanted) is ok
