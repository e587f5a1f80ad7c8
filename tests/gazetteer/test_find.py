"""Finding places in running text: cases, adjectives, coordination, scripts, capitals, «ё»."""

from __future__ import annotations

import pytest

from hamkor.gazetteer import load


def codes(text: str) -> list[str]:
    return [p.code for p in load().find(text)]


@pytest.mark.parametrize("text, expected", [
    # every case of a region's name
    ("Губернатор Омской области побывал в Узбекистане.", ["RU-OMS", "UZ"]),
    ("Делегация посетила Омскую область и Республику Татарстан.", ["RU-OMS", "RU-TA"]),
    ("Соглашение с Омской областью и республикой Татарстан.", ["RU-OMS", "RU-TA"]),
    ("В Татарстане и Подмосковье, в Подмосковья нет.", ["RU-TA", "RU-MOS", "RU-MOS"]),
    ("Из Балашихи в Балашиху, над Балашихой.", ["RU-MOS", "RU-MOS", "RU-MOS"]),
    ("Встреча прошла в Омске, потом в Казани.", ["RU-OMS", "RU-TA"]),
    ("Форум в Крыму и Сочи.", ["RU-CR", "RU-KDA"]),
    # adjectives, alone and before a head noun
    ("Омская делегация и бухарский ковёр.", ["RU-OMS", "UZ-BU"]),
    ("ташкентский хоким и московский мэр", ["UZ-TK", "RU-MOW"]),
    ("Подмосковные и татарстанские предприятия, навоийский комбинат.", ["RU-MOS", "RU-TA", "UZ-NW"]),
    ("Алмалыкский ГМК и Навоийский горно-металлургический комбинат.", ["UZ-TO", "UZ-NW"]),
    ("Казанский федеральный университет и Самаркандский университет.", ["RU-TA", "UZ-SA"]),
    # coordination: one hit per adjective, resolved by the head noun
    ("Промпарки в Бухарской и Навоийской областях.", ["UZ-BU", "UZ-NW"]),
    ("Соглашения с Ташкентской, Самаркандской, Джизакской и Навоийской областями.",
     ["UZ-TO", "UZ-SA", "UZ-JI", "UZ-NW"]),
    ("Губернаторы Омской и Новосибирской областей.", ["RU-OMS", "RU-NVS"]),
    ("Делегации Пермского и Красноярского краёв.", ["RU-PER", "RU-KYA"]),
    ("Главы Московской и Ленинградской областей.", ["RU-MOS", "RU-LEN"]),
    ("Приморского и Хабаровского краёв.", ["RU-PRI", "RU-KHA"]),
    ("Ханты-Мансийского и Ямало-Ненецкого автономных округов.", ["RU-KHM", "RU-YAN"]),
    ("Хокимы Гиждуванского и Вабкентского районов.", ["UZ-BU", "UZ-BU"]),
    ("Омская и Томская области, а также Алтайский край.", ["RU-OMS", "RU-TOM", "RU-ALT"]),
    # Uzbek Latin and Cyrillic
    ("Navoiy viloyati va Buxoro viloyatida.", ["UZ-NW", "UZ-BU"]),
    ("Навоий вилояти ва Тошкент шаҳри.", ["UZ-NW", "UZ-TK"]),
    ("Farg'ona, Fargʻona, Farg‘ona va Fargona.", ["UZ-FA"] * 4),
    ("Samarqandda va Toshkent viloyatida.", ["UZ-SA", "UZ-TO"]),
    ("Қорақалпоғистон Республикаси.", ["UZ-QR"]),
    ("O'zbekiston va Rossiya.", ["UZ", "RU"]),
    # Russian spellings of Uzbek names
    ("Навои, Навоинская область и Навоийский вилоят.", ["UZ-NW", "UZ-NW", "UZ-NW"]),
    ("Джизак, Джиззак, Джизакская и Джиззакская области.", ["UZ-JI"] * 4),
    ("Хорезм, Кашкадарья, Сурхандарья, Сырдарья, Каракалпакия.",
     ["UZ-XO", "UZ-QA", "UZ-SU", "UZ-SI", "UZ-QR"]),
    ("В Джизаке, в Карши и в Термезе.", ["UZ-JI", "UZ-QA", "UZ-SU"]),
    # cities and districts roll up
    ("Балашиха, Подольск, Химки, Мытищи, Королёв, Люберцы.", ["RU-MOS"] * 6),
    ("Казань, Набережные Челны, Уфа.", ["RU-TA", "RU-TA", "RU-BA"]),
    ("Чирчик, Алмалык, Ангрен и Нурафшон.", ["UZ-TO"] * 4),
    ("В Самарканде, Коканде и Нукусе.", ["UZ-SA", "UZ-FA", "UZ-QR"]),
    ("В Юнусабадском районе столицы.", ["UZ-TK"]),
    ("G'ijduvon tumani, Гиждуванский район.", ["UZ-BU", "UZ-BU"]),
    ("Ташкентский район и Ташкентская область.", ["UZ-TO", "UZ-TO"]),
    # longest match
    ("Ташкентская область и Ташкент.", ["UZ-TO", "UZ-TK"]),
    ("Московская область и Москва.", ["RU-MOS", "RU-MOW"]),
    ("Нижний Новгород, Великий Новгород и Санкт-Петербург.", ["RU-NIZ", "RU-NGR", "RU-SPE"]),
    ("В Ростове-на-Дону и Комсомольске-на-Амуре.", ["RU-ROS", "RU-KHA"]),
    ("Республика Саха (Якутия) и Кемеровская область — Кузбасс.", ["RU-SA", "RU-SA", "RU-KEM", "RU-KEM"]),
    # capitals: proper names only with a capital letter
    ("находка в шахты: Находка и Шахты.", ["RU-PRI", "RU-ROS"]),
    ("орёл в небе, Орёл на Оке.", ["RU-ORL"]),
    ("ТАШКЕНТ, 28 ноя — Sputnik.", ["UZ-TK"]),
    # «ё» read as «е»
    ("Орёл и Орел, Королёв и Королев.", ["RU-ORL", "RU-ORL", "RU-MOS", "RU-MOS"]),
    ("Пермского и Красноярского краев.", ["RU-PER", "RU-KYA"]),
    # abbreviations only as written
    ("РТ и РФ, а рт и рф — нет.", ["RU-TA", "RU"]),
    ("ХМАО, ЯНАО, ДНР, ЛНР, СПб.", ["RU-KHM", "RU-YAN", "RU-DPR", "RU-LPR", "RU-SPE"]),
    # countries and national bodies
    ("Российская Федерация и Республика Узбекистан, РУз.", ["RU", "UZ", "UZ"]),
    ("Олий Мажлис, Сенат Олий Мажлиса и Госдума.", ["UZ", "UZ", "RU"]),
    ("Минпромторг России и Агентство стратегического развития и реформ.", ["RU", "UZ"]),
    ("Министерство инвестиций, промышленности и торговли.", ["UZ"]),
    ("узбекских и российских компаний, узбекистанская сторона", ["UZ", "RU", "UZ"]),
    # what is not a region
    ("В 10:00 по московскому времени.", []),
    ("Улица Навои, проспект Кирова, имени Пушкина.", []),
    ("В Кировском районе Казани.", ["RU-TA"]),
    ("Ферганская долина.", []),
    ("Питер Пэн и РБ.", []),
])
def test_find(text, expected):
    assert codes(text) == expected


def test_places_carry_offsets_and_kinds():
    text = "Хоким Бухарской области прибыл в Омск, Госдума, российский."
    got = [(p.text, p.code, p.kind) for p in load().find(text)]
    assert got == [("Бухарской области", "UZ-BU", "region"), ("Омск", "RU-OMS", "city"),
                   ("Госдума", "RU", "body"), ("российский", "RU", "country")]
    for p in load().find(text):
        assert text[p.start : p.stop] == p.text


def test_coordinated_adjectives_are_regions():
    got = [(p.text, p.code, p.kind) for p in load().find("в Бухарской и Навоийской областях")]
    assert got == [("Бухарской", "UZ-BU", "region"), ("Навоийской областях", "UZ-NW", "region")]


def test_word_bounds():
    assert codes("Омскийй, сверхОмск, Омск-2") == []
