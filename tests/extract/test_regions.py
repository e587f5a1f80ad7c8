import pytest


@pytest.mark.parametrize("text, expected", [
    ("Делегация из Подмосковья посетила Чирчик и Навои.", {"RU-MOS", "UZ-TO", "UZ-NW"}),
    ("ТАШКЕНТ, 3 марта — В Бухарской и Навоийской областях открылись новые производства.",
     {"UZ-TK", "UZ-BU", "UZ-NW"}),
    ("Омская делегация побывала в Ташкентской области.", {"RU-OMS", "UZ-TO"}),
    ("Встреча прошла в 10:00 по московскому времени в Казахстане.", set()),
    ("На вечере в школе ученики читали стихи Алишера Навои и Пушкина.", set()),
])
def test_regions(run_text, text, expected):
    assert {r.code for r in run_text(text).regions} == expected
