"""Publication dates: date lines, labelled dates and datelines of the article text (own lines)."""

from datetime import date

import pytest


@pytest.mark.parametrize("text, expected", [
    # agency datelines with a year
    ("ПЕРМЬ, 22 июля 2025 — Губернатор края встретился с делегацией.", date(2025, 7, 22)),
    ("МОСКВА, 21 ноября 2024 г. — Комитет Госдумы провел заседание.", date(2024, 11, 21)),
    ("ТАШКЕНТ, 14 мая 2025 г. /Корр. ИА/. Хоким столицы принял гостей.", date(2025, 5, 14)),
    # a mixed-case place or an outlet before the date
    ("Ташкент, 14 мая 2025 г. Хоким области встретился с губернатором.", date(2025, 5, 14)),
    ("Kun.uz, 3 марта 2025 г. Делегация прибыла в Самарканд.", date(2025, 3, 3)),
    # a line that opens with the date
    ("14 мая 2025 г. — В Ташкенте прошли переговоры.", date(2025, 5, 14)),
    # labelled and bare date lines, at the head or the foot
    ("Заголовок\nДата публикации: 9 апреля 2025\nТекст статьи.", date(2025, 4, 9)),
    ("Заголовок\n12.03.2025 | 10:15\nТекст статьи.", date(2025, 3, 12)),
    ("Заголовок\nОпубликовано 07.08.2025\nТекст статьи.", date(2025, 8, 7)),
    ("Заголовок\nТекст статьи.\nДата: 15.08.2025", date(2025, 8, 15)),
    ("14:05 19.02.2025\n\nЗаголовок\n\nТекст статьи.", date(2025, 2, 19)),
    # the date of an update is not the publication date, unless it is the only one
    ("Заголовок\nОбновлено 16.10.2025\nОпубликовано 15.10.2025\nТекст статьи.", date(2025, 10, 15)),
    ("Заголовок\nОбновлено: 16.10.2025\nТекст статьи.", date(2025, 10, 16)),
    ("Заголовок\nСреда, 15 октября 2025\nТекст статьи.", date(2025, 10, 15)),
    ("Заголовок\nАвтор: Иван Петров | 15 октября 2025\nТекст статьи.", date(2025, 10, 15)),
    # a dateline without a year: the year of another full date in the text, the nearer one
    ("Заголовок\nКАЗАНЬ, 5 окт — ИА. Договор подписали 3 октября 2025 года в Кремле.", date(2025, 10, 5)),
    ("НАМАНГАН, 12 марта. /Корр./. Ранее, 20 февраля 2024 г., стороны уже встречались.", date(2024, 3, 12)),
    ("ТАШКЕНТ, 4 января — Sputnik. Переговоры прошли 28.12.2024 в Москве.", date(2025, 1, 4)),
    # no year, or a date inside the story: not the publication date
    ("ТАШКЕНТ, 28 ноя — Sputnik. Стороны обсудили торговлю.", None),
    ("ТАШКЕНТ, 28 ноя — Sputnik. Завод откроется в 2026 году.", None),
    ("САМАРКАНД, 12 марта. /Корр./. Хоким принял делегацию.", None),
    ("Государства обсудили 14 марта 2025 года в Ташкенте новые проекты.", None),
    ("Заголовок\nВ 2026 году в области откроется завод.", None),
])
def test_published(run_text, text, expected):
    assert run_text(text).published == expected
