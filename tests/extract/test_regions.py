import pytest


@pytest.mark.parametrize("text, expected", [
    ("Делегация из Подмосковья посетила Чирчик и Навои.", {"RU-MOS", "UZ-TO", "UZ-NW"}),
    ("ТАШКЕНТ, 3 марта — В Бухарской и Навоийской областях открылись новые производства.",
     {"UZ-TK", "UZ-BU", "UZ-NW"}),
    ("Омская делегация побывала в Ташкентской области.", {"RU-OMS", "UZ-TO"}),
    # a town in a company's quoted name, the company placed right after: only that place
    ("Делегация осмотрела завод «Навои Текстиль» в Джизакской области.", {"UZ-JI"}),
    # … without a place after it, the name still tells where the company is
    ("Начальник ГУП «Бухоро Сувоқова» Алишер Назаров встретился с мэром Омска.", {"UZ-BU", "RU-OMS"}),
    # a street named after a region is no mention of it
    ("Хоким Ташкента провел переговоры в мэрии Москвы на Тверской.", {"UZ-TK", "RU-MOW"}),
    ("Делегация Тверской области прибыла в Ташкент.", {"RU-TVE", "UZ-TK"}),
    ("Делегация из Северной столицы и Нижегородчины посетила Ташобласть.", {"RU-SPE", "RU-NIZ", "UZ-TO"}),
    ("Ташкентский «Пахтакор» обыграл «Насаф» из Карши.", {"UZ-TK", "UZ-QA"}),
    ("Хоким Андижанского вилоята и хоким Сурхандарьинского вилоята посетили Кузбасс.",
     {"UZ-AN", "UZ-SU", "RU-KEM"}),
    # the adjective of a city that is no region's capital names the city's region
    ("Сургутские и тольяттинские специалисты приехали в Наманган.", {"RU-KHM", "RU-SAM", "UZ-NG"}),
    ("Ноябрьской встречи в Намангане ждут давно.", {"UZ-NG"}),
    # a city after a title is the title's place, whatever NER called it
    ("Следующей весной хоким Ургенча приедет в Тверь.", {"UZ-XO", "RU-TVE"}),
    ("Встреча прошла в 10:00 по московскому времени в Казахстане.", set()),
    ("На вечере в школе ученики читали стихи Алишера Навои и Пушкина.", set()),
])
def test_regions(run_text, text, expected):
    assert {r.code for r in run_text(text).regions} == expected
