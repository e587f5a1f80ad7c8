from datetime import date

import pytest

from hamkor.clean.dates import from_metadata, from_text, parse_relative


@pytest.mark.parametrize("text, expected", [
    ("date 2025-12-01 Глава округа посетил Самарканд", date(2025, 12, 1)),
    ("Заголовок\n14:12 12.11.2025 (обновлено: 14:23 12.11.2025)\nТекст", date(2025, 11, 12)),
    ("Заголовок\nДата публикации 30 апреля 2025 07:36 Автор\nТекст", date(2025, 4, 30)),
    ("Заголовок\n2 октября 2025 г.\nТекст", date(2025, 10, 2)),
    ("Заголовок\nОпубликовано: 05.06.2024\nТекст", date(2024, 6, 5)),
    ("Заголовок\nТекст без даты. В 2026 году откроется завод.", None),
    ("Заголовок\nТекст.\nЕщё текст.\nИ ещё.\nСнова.\nДалее.\nОпять.\nЕщё.\nКонец.\n05.03.2024", date(2024, 3, 5)),
])
def test_from_text(text, expected):
    found = from_text(text)
    assert (found[0] if found else None) == expected


def test_metadata_and_relative():
    assert from_metadata("2025-04-30T07:36:00+05:00") == date(2025, 4, 30)
    assert from_metadata("Wed, 30 Apr 2025 07:36:00 GMT") == date(2025, 4, 30)
    assert parse_relative("вчера, 14:10", date(2025, 5, 2)) == date(2025, 5, 1)
